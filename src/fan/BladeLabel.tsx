// A blade's name band outside the rings; clicking it (or Enter/Space) unfolds the blade.
import { toggleUnfold } from '../store/ui';
import { darkenFor } from './colors';
import type { BladeShape } from './layout';
import { drawnText, SOFT_HYPHEN } from './text';

export function BladeLabel({ blade, expanded }: { blade: BladeShape; expanded: boolean }) {
  // White text on the band: darken colours too light to carry it.
  const band = darkenFor(blade.color, '#ffffff');
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
      <path className="blade-band" d={blade.labelPath} fill={band} />
      <defs>
        {blade.label.lines.map((line, i) => (line.at ? null : <path key={i} id={`bl-${blade.id}-${i}`} d={line.d} />))}
      </defs>
      {!blade.folded && (
        // One text: a name broken over two lines reads as one name.
        <text fill="#ffffff" fontWeight={700} fontSize={blade.label.fontSize} aria-hidden="true">
          {blade.label.lines.map((line, i) => (
            <textPath key={i} href={`#bl-${blade.id}-${i}`} startOffset="50%" textAnchor="middle">
              {drawnText(line.text)}
              {i < blade.label.lines.length - 1 && !line.text.endsWith(SOFT_HYPHEN) ? ' ' : ''}
            </textPath>
          ))}
        </text>
      )}
    </g>
  );
}

/** A folded blade's name, along its axis over its (empty) cells: drawn after them. */
export function FoldedBladeName({ blade }: { blade: BladeShape }) {
  const ink = darkenFor(blade.color, '#ffffff', 7);
  return (
    <g className="blade-name-folded" aria-hidden="true">
      {blade.label.lines.map((line, i) =>
        line.at ? (
          <text
            key={i}
            x={line.at.x}
            y={line.at.y}
            transform={`rotate(${line.at.angle} ${line.at.x} ${line.at.y})`}
            textAnchor="middle"
            fill={ink}
            fontWeight={700}
            fontSize={blade.label.fontSize}
          >
            {drawnText(line.text)}
          </text>
        ) : null,
      )}
    </g>
  );
}
