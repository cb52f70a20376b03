// The bar that explains the marks when the fan shows what changed since a version. Kept
// apart from the version view so that the editor's first paint does not load versions.
import { useUi } from '../store/ui';
import { count } from '../domain/plural';

/** Above the fan while it shows what changed since a version. */
export function DiffBanner() {
  const diff = useUi((s) => s.diff);
  if (!diff) return null;
  const { added, removed, moved, edited } = diff.counts;
  return (
    <div className="diff-banner" role="region" aria-label="Jämförelse">
      <p>
        Ändringar sedan ”{diff.name}”: {count(added, 'tillagd', 'tillagda')}, {count(moved, 'flyttad', 'flyttade')},{' '}
        {count(edited, 'ändrad', 'ändrade')}
        {removed > 0 ? `; ${count(removed, 'borttagen', 'borttagna')} (listas under Versioner)` : ''}.
      </p>
      <ul className="diff-legend" aria-label="Förklaring">
        <li>
          <span className="swatch is-added" aria-hidden="true" /> tillagd
        </li>
        <li>
          <span className="swatch is-moved" aria-hidden="true" /> flyttad
        </li>
        <li>
          <span className="swatch is-edited" aria-hidden="true" /> ändrad
        </li>
      </ul>
      <button type="button" onClick={() => useUi.setState({ diff: null })}>
        Avsluta jämförelsen
      </button>
    </div>
  );
}
