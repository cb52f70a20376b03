// The proposals an item was made from in "Samla in": who proposed it, in which words, at
// which place in their own list — and the weight that gives it.
import { sourceWeight, weightText } from '../domain/weight';
import type { Item } from '../domain/types';

export function ItemSources({ item }: { item: Item }) {
  const weight = sourceWeight(item.sources);
  if (!weight) return null;
  return (
    <section className="comments item-sources" aria-labelledby="item-sources-heading">
      <h3 id="item-sources-heading">Källor</h3>
      <p className="help">Vikt: {weightText(weight)}.</p>
      <ul className="comment-list" aria-label="Källor">
        {item.sources.map((s) => (
          <li key={s.inputId}>
            <p className="comment-meta">
              {s.kalla}, plats {s.rank + 1}
            </p>
            <p className="comment-text">”{s.text}”</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
