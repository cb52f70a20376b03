// Weighing what comes back from many offices: near-duplicate proposals grouped, each group
// with every original wording, who proposed it, and a weight — how many offices proposed it
// and how highly they ranked it.
import { DEFAULT_THRESHOLD, groupSimilar } from './similarity';
import { byWeight, weightOf, type Weight } from './weight';

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

export interface InputGroup<T extends Input = Input> extends Weight {
  inputs: T[];
}

/** Weight of one group of inputs. */
export const weighGroup = <T extends Input>(inputs: T[]): InputGroup<T> => ({ inputs, ...weightOf(inputs) });

export { byWeight };

/** Near-duplicates grouped and weighed, heaviest first. */
export function groupProposals<T extends Input>(inputs: readonly T[], threshold = DEFAULT_THRESHOLD): Array<InputGroup<T>> {
  return groupSimilar(
    inputs.map((i) => i.text),
    threshold,
  )
    .map((indexes) => weighGroup(indexes.map((i) => inputs[i]!)))
    .sort(byWeight);
}
