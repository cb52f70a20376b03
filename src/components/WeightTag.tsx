// How many offices proposed an item made in "Samla in" — a small tag beside its text in
// Inspel and the table; the full weight and who is in the item's dialog.
import { sourceWeight, weightText } from '../domain/weight';
import type { Source } from '../domain/types';

export function WeightTag({ sources }: { sources: readonly Source[] }) {
  const weight = sourceWeight(sources);
  if (!weight) return null;
  const n = weight.offices.length;
  return (
    <span className="tag tag-weight" title={`Föreslagen av ${weight.offices.join(', ')}: ${weightText(weight)}`}>
      {n} {n === 1 ? 'förvaltning' : 'förvaltningar'}
    </span>
  );
}
