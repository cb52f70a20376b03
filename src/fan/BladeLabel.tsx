// A blade's name band outside the rings; clicking it (or Enter/Space) unfolds the blade.
// Memoised: a change of the plan that leaves the layout as it was draws none of them again.
import { memo } from 'react';
import { toggleUnfold } from '../store/ui';
import { bladeBand, foldedName } from './draw';
import { Drawn } from './Drawn';
import type { BladeShape } from './layout';

export const BladeLabel = memo(function BladeLabel({ blade, expanded }: { blade: BladeShape; expanded: boolean }) {
  return (
    <g
      className="blade-label"
      role="button"
      tabIndex={0}
      aria-expanded={expanded}
      aria-label={`${blade.name}: ${expanded ? 'fäll ihop' : 'fäll ut'}`}
      onClick={() => toggleUnfold(blade.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          toggleUnfold(blade.id);
        }
      }}
    >
      <title>{blade.name}</title>
      <Drawn of={bladeBand(blade)} />
    </g>
  );
});

/** A folded blade's name, along its axis over its (empty) cells: drawn after them. */
export const FoldedBladeName = memo(function FoldedBladeName({ blade }: { blade: BladeShape }) {
  return <Drawn of={foldedName(blade)} />;
});

