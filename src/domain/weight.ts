// A proposal's weight: how many offices proposed it (each once) and how highly they placed
// it. Kept apart from the grouping (similarity.ts) so what only shows a weight stays small.
import type { Source } from './types';

export interface Weight {
  /** The offices that proposed it, each once, in the order met. */
  offices: string[];
  /** Mean over the offices of their best place for it, 1-based (1 = everyone's first). */
  meanPlace: number;
}

const officeKey = (kalla: string) => kalla.trim().toLocaleLowerCase('sv');

/** The weight of proposals, each with who proposed it and its place (0 = first) in their list. */
export function weightOf(proposals: ReadonlyArray<{ kalla: string; rank: number }>): Weight {
  const best = new Map<string, { name: string; rank: number }>();
  for (const p of proposals) {
    const key = officeKey(p.kalla);
    const seen = best.get(key);
    if (!seen) best.set(key, { name: p.kalla.trim(), rank: p.rank });
    else seen.rank = Math.min(seen.rank, p.rank);
  }
  const places = [...best.values()].map((o) => o.rank + 1);
  return { offices: [...best.values()].map((o) => o.name), meanPlace: places.reduce((a, b) => a + b, 0) / places.length };
}

/** Most weight first: more offices, then a better mean place (stable: else the order given). */
export const byWeight = (a: Weight, b: Weight) => b.offices.length - a.offices.length || a.meanPlace - b.meanPlace;

/** An item's weight from its sources; null when it was typed in, not collected. */
export const sourceWeight = (sources: readonly Source[]): Weight | null => (sources.length === 0 ? null : weightOf(sources));

/** "3 förvaltningar, snittplats 1,3": a weight in words. */
export function weightText(weight: Weight): string {
  const n = weight.offices.length;
  const place = weight.meanPlace.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  return `${n} ${n === 1 ? 'förvaltning' : 'förvaltningar'}, snittplats ${place}`;
}
