// A blade's name band outside the rings; clicking it (or Enter/Space) unfolds the blade.
import { toggleUnfold } from '../store/ui';
import { darkenFor } from './colors';
import type { BladeShape } from './layout';

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
        {blade.label.lines.map((line, i) => (
          <path key={i} id={`bl-${blade.id}-${i}`} d={line.d} />
        ))}
      </defs>
      {blade.label.lines.map((line, i) => (
        <text key={i} fill="#ffffff" fontWeight={700} fontSize={blade.label.fontSize} aria-hidden="true">
          <textPath href={`#bl-${blade.id}-${i}`} startOffset="50%" textAnchor="middle">
            {line.text}
          </textPath>
        </text>
      ))}
    </g>
  );
}
