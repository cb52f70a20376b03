// What changed between two versions: added, removed, moved and edited items (field by
// field) and the plan's own changes, as lists; "Visa i solfjädern" marks them on the fan.
import { placeName } from '../domain/compare';
import { showComparisonOnFan, CURRENT, type Comparison } from '../store/versions';
import { count } from './plural';

export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { from, to, result } = comparison;
  const { added, removed, moved, edited, plan } = result;
  const nothing = added.length + removed.length + moved.length + edited.length + plan.length === 0;
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h3 id="comparison-heading">
        Jämförelse: {from.name} → {to.name}
      </h3>
      <p role="status">
        {nothing
          ? 'Inga skillnader.'
          : [
              count(added.length, 'tillagd', 'tillagda'),
              count(removed.length, 'borttagen', 'borttagna'),
              count(moved.length, 'flyttad', 'flyttade'),
              count(edited.length, 'ändrad', 'ändrade'),
            ].join(', ') + '.'}
      </p>
      {to.id === CURRENT && !nothing && (
        <button type="button" onClick={() => showComparisonOnFan(comparison)}>
          Visa i solfjädern
        </button>
      )}
      {plan.length > 0 && (
        <>
          <h4>Planen</h4>
          <ul className="changes">
            {plan.map((c) => (
              <li key={c.field}>
                {c.field}: <del>{c.before}</del> → <ins>{c.after}</ins>
              </li>
            ))}
          </ul>
        </>
      )}
      {added.length > 0 && (
        <>
          <h4>Tillagda ({added.length})</h4>
          <ul className="changes" aria-label="Tillagda">
            {added.map((item) => (
              <li key={item.id}>
                {item.text} <span className="meta">({placeName(to.doc, item)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {removed.length > 0 && (
        <>
          <h4>Borttagna ({removed.length})</h4>
          <ul className="changes" aria-label="Borttagna">
            {removed.map((item) => (
              <li key={item.id}>
                {item.text} <span className="meta">({placeName(from.doc, item)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {moved.length > 0 && (
        <>
          <h4>Flyttade ({moved.length})</h4>
          <ul className="changes" aria-label="Flyttade">
            {moved.map((m) => (
              <li key={m.item.id}>
                {m.item.text}: från {placeName(from.doc, m.from)} till {placeName(to.doc, m.to)}
              </li>
            ))}
          </ul>
        </>
      )}
      {edited.length > 0 && (
        <>
          <h4>Ändrade ({edited.length})</h4>
          <ul className="changes" aria-label="Ändrade">
            {edited.map(({ item, changes }) => (
              <li key={item.id}>
                {item.text}
                <ul>
                  {changes.map((c) => (
                    <li key={c.field}>
                      {c.field}: <del>{c.before}</del> → <ins>{c.after}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
