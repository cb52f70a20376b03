// What changed between two versions: added, removed, moved and edited items (field by
// field) and the plan's own changes, as lists; "Visa i solfjädern" marks them on the fan.
import type { ReactNode } from 'react';
import { placeName, type FieldChange } from '../domain/compare';
import { showComparisonOnFan, CURRENT, type Comparison } from '../store/versions';
import { count } from '../domain/plural';

const FieldChangeText = ({ change }: { change: FieldChange }) => (
  <>
    {change.field}: <del>{change.before}</del> → <ins>{change.after}</ins>
  </>
);

/** One kind of change as a titled list ("Tillagda (2)"); nothing when there is none. The plan's own changes have no count. */
function Changes({ title, entries }: { title: string; entries: Array<[string, ReactNode]> }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{title === 'Planen' ? title : `${title} (${entries.length})`}</h4>
      <ul className="changes" aria-label={title}>
        {entries.map(([key, content]) => (
          <li key={key}>{content}</li>
        ))}
      </ul>
    </>
  );
}

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
      <Changes title="Planen" entries={plan.map((c) => [c.field, <FieldChangeText change={c} />])} />
      <Changes
        title="Tillagda"
        entries={added.map((item) => [item.id, <>{item.text} <span className="meta">({placeName(to.doc, item)})</span></>])}
      />
      <Changes
        title="Borttagna"
        entries={removed.map((item) => [item.id, <>{item.text} <span className="meta">({placeName(from.doc, item)})</span></>])}
      />
      <Changes
        title="Flyttade"
        entries={moved.map((m) => [m.item.id, <>{m.item.text}: från {placeName(from.doc, m.from)} till {placeName(to.doc, m.to)}</>])}
      />
      <Changes
        title="Ändrade"
        entries={edited.map(({ item, changes }) => [
          item.id,
          <>
            {item.text}
            <ul>
              {changes.map((c) => (
                <li key={c.field}>
                  <FieldChangeText change={c} />
                </li>
              ))}
            </ul>
          </>,
        ])}
      />
    </section>
  );
}
