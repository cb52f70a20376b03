// Weighing what comes back from many offices: near-duplicate proposals grouped, each group
// with every original wording, who proposed it, and a weight — how many offices proposed it
// and how highly they ranked it.
import { DEFAULT_THRESHOLD, groupSimilar } from './similarity';

/** One proposal as taken in from an office's file. */
export interface Input {
  id: string;
  text: string;
  /** Who proposed it (the recipient the file was sent to, or the file's name). */
  kalla: string;
  delomradeId: string | null;
  year: number | null;
  /** Its place in the office's own list (0 = most important). */
  rank: number;
  /** Set in italics in the office's file: beyond its prioritised ones. */
  extra: boolean;
}

export interface InputGroup<T extends Input = Input> {
  inputs: T[];
  /** The offices that proposed it, each once, in the order met. */
  offices: string[];
  /** Mean over the offices of their best place for it, 1-based (1 = everyone's first). */
  meanPlace: number;
}

const officeKey = (kalla: string) => kalla.trim().toLocaleLowerCase('sv');

/** Weight of one group of inputs. */
export function weighGroup<T extends Input>(inputs: T[]): InputGroup<T> {
  const best = new Map<string, { name: string; rank: number }>();
  for (const input of inputs) {
    const key = officeKey(input.kalla);
    const seen = best.get(key);
    if (!seen) best.set(key, { name: input.kalla.trim(), rank: input.rank });
    else seen.rank = Math.min(seen.rank, input.rank);
  }
  const places = [...best.values()].map((o) => o.rank + 1);
  return { inputs, offices: [...best.values()].map((o) => o.name), meanPlace: places.reduce((a, b) => a + b, 0) / places.length };
}

/** Most weight first: more offices, then a better mean place, then the order taken in. */
export const byWeight = (a: InputGroup, b: InputGroup) => b.offices.length - a.offices.length || a.meanPlace - b.meanPlace;

/** Near-duplicates grouped and weighed, heaviest first. */
export function weighInputs<T extends Input>(inputs: readonly T[], threshold = DEFAULT_THRESHOLD): Array<InputGroup<T>> {
  return groupSimilar(
    inputs.map((i) => i.text),
    threshold,
  )
    .map((indexes) => weighGroup(indexes.map((i) => inputs[i]!)))
    .sort(byWeight);
}
