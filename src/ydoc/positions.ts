// Places in a list as fractional indexes: an item's place is one string key, and moving it
// writes only that key (never delete + insert, which duplicates an item moved by two people
// at once). Order is (key, id): two people inserting at one spot offline may pick the same
// key, and the id then decides, the same way everywhere.
import { generateNKeysBetween } from 'fractional-indexing';

/** Keys as the package writes them: an integer head letter and base-62 digits. */
const KEY = /^[A-Za-z][0-9A-Za-z]*$/;
export const MAX_KEY_LENGTH = 200;

/**
 * Keys already judged, remembered: a move reads the keys of its whole container (~400 at 5,000
 * items), and asking the package of each took ~0.5 ms; a peer's flood of 1,000 blades with
 * unusable keys made the package throw 1,000 times (~20 ms). A key's use never changes; bounded.
 */
const judged = new Map<string, boolean>();
const JUDGED_KEPT = 20_000;

/** The length of a key's integer part, from its head letter (a → 2 … z → 27, Z → 2 … A → 27). */
const integerLength = (head: number): number => (head >= 97 ? head - 95 : 92 - head);

/** Whether a stored key can be used (a peer may have written anything). */
export function isKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const known = judged.get(value);
  if (known !== undefined) return known;
  if (value.length > MAX_KEY_LENGTH || !KEY.test(value)) return false;
  let ok = value.length >= integerLength(value.charCodeAt(0));
  if (ok) {
    try {
      generateNKeysBetween(value, null, 1);
    } catch {
      ok = false;
    }
  }
  if (judged.size >= JUDGED_KEPT) judged.clear();
  judged.set(value, ok);
  return ok;
}

export const byKey = (a: { key: string; id: string }, b: { key: string; id: string }): number =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * `count` keys strictly between `a` and `b` (null = open end), in order, spread with a little
 * randomness: each is picked among a few candidates, so two people who insert at the same spot
 * while apart rarely pick the same key.
 */
export function keysBetween(a: string | null, b: string | null, count: number, random: () => number = Math.random): string[] {
  const keys: string[] = [];
  let low = a;
  for (let i = 0; i < count; i++) {
    const candidates = generateNKeysBetween(low, b, 4);
    // The lower half keeps room above for the rest of the run.
    const key = candidates[Math.floor(random() * 2)]!;
    keys.push(key);
    low = key;
  }
  return keys;
}

/**
 * New keys for a list that should read `order` (ids), given the keys its members have now
 * (`current`; absent or unusable for members that come from elsewhere). The longest run of
 * members already in order keeps its keys; only the others get new ones. Returns the new keys.
 */
export function reorder(order: readonly string[], current: ReadonlyMap<string, string>, random: () => number = Math.random): Map<string, string> {
  const kept = keptInOrder(order, current);
  const next = new Map<string, string>();
  let i = 0;
  while (i < order.length) {
    if (kept.has(order[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < order.length && !kept.has(order[j]!)) j++;
    const low = i > 0 ? current.get(order[i - 1]!)! : null;
    const high = j < order.length ? current.get(order[j]!)! : null;
    keysBetween(low, high, j - i, random).forEach((key, k) => next.set(order[i + k]!, key));
    i = j;
  }
  return next;
}

/** The ids of the longest subsequence of `order` whose current keys strictly increase. */
function keptInOrder(order: readonly string[], current: ReadonlyMap<string, string>): Set<string> {
  const keys = order.map((id) => current.get(id));
  // Patience sorting: tails[k] = index of the smallest last key of an increasing run of length k+1.
  const tails: number[] = [];
  const previous = new Array<number>(order.length).fill(-1);
  keys.forEach((key, index) => {
    if (key === undefined) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[index] = tails[lo - 1]!;
    tails[lo] = index;
  });
  const kept = new Set<string>();
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]!) kept.add(order[index]!);
  return kept;
}
