// How alike two proposals are, as a reader would judge it: case, punctuation, Swedish stop
// words, inflection and word order do not matter. Pure functions; used to group inputs from
// many offices ("Samla in").

/** Words that carry no meaning of their own in a proposal. */
const STOP_WORDS = new Set(
  (
    'och i att det som en ett på är av för med till den de inte om men var sig från vi så kan man när ' +
    'under också efter eller nu sin sina sitt där vid mot ska skall då alla vara blir bli bliva genom inom samt ' +
    'vår våra vårt hos mer mera fler flera dess deras denna detta dessa vilka vilken vilket utan över mellan ' +
    'både även redan ännu bara ha har hade får få kommer allt andra annan annat nya ny nytt än'
  ).split(' '),
);

/** Common Swedish endings, longest first: "kommunerna" and "kommuner" both become "kommun". */
const SUFFIXES = ['arnas', 'ernas', 'ornas', 'arna', 'erna', 'orna', 'ande', 'ende', 'aste', 'are', 'ast', 'ens', 'ets', 'en', 'et', 'ar', 'er', 'or', 'na', 'as', 'a', 'e', 's'];

/** A word reduced to its stem (only words long enough to have one). */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The meaningful stems of a text, each once, in alphabetical order. */
export function stems(text: string): string[] {
  const words = text
    .toLocaleLowerCase('sv')
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w));
  return [...new Set(words.map(stem))].sort();
}

/** Two stems match when equal, or when one begins the other and both are at least five letters. */
const matches = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));

/** Dice coefficient over stems (fuzzy-matched one to one): 1 = the same words, 0 = none shared. */
export function similarityOfStems(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const used = new Set<number>();
  let shared = 0;
  for (const x of a) {
    const j = b.findIndex((y, k) => !used.has(k) && matches(x, y));
    if (j >= 0) {
      used.add(j);
      shared++;
    }
  }
  return (2 * shared) / (a.length + b.length);
}

export const similarity = (a: string, b: string) => similarityOfStems(stems(a), stems(b));

/** The default threshold for grouping: at least this alike. The user can tune it. */
export const DEFAULT_THRESHOLD = 0.6;

/**
 * How many neighbours each text is compared with among those sharing a key. Buckets up to
 * this size are compared pair by pair; in larger ones (a word in hundreds of proposals) the
 * texts are sorted by their stems, so the most alike sit side by side, and each is compared
 * with the next ones only: linked texts still chain into one group, and the work stays in
 * proportion to the number of texts (a crafted file of 6,000 alike lines takes a moment, not
 * billions of comparisons).
 */
const NEIGHBOURS = 100;

/**
 * Groups of near-duplicates: texts at least `threshold` alike are linked, and linked texts
 * (directly or through others) form one group. Returns groups of indexes into `texts`, each
 * in input order, groups in order of their first member. Compares only texts that share a
 * stem's first five letters.
 */
export function groupSimilar(texts: readonly string[], threshold = DEFAULT_THRESHOLD): number[][] {
  const all = texts.map(stems);
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[i] !== root) [parent[i], i] = [root, parent[i]!];
    return root;
  };
  // The same stems: the same group, without comparing.
  const same = new Map<string, number>();
  const keyOf = all.map((list) => list.join(' '));
  const unique: number[] = [];
  keyOf.forEach((key, i) => {
    if (all[i]!.length === 0) return;
    const first = same.get(key);
    if (first === undefined) {
      same.set(key, i);
      unique.push(i);
    } else parent[i] = first;
  });
  const byKey = new Map<string, number[]>();
  for (const i of unique) {
    for (const key of new Set(all[i]!.map((s) => s.slice(0, 5)))) {
      const bucket = byKey.get(key);
      if (bucket) bucket.push(i);
      else byKey.set(key, [i]);
    }
  }
  for (const bucket of byKey.values()) {
    if (bucket.length > NEIGHBOURS + 1) bucket.sort((a, b) => (keyOf[a]! < keyOf[b]! ? -1 : keyOf[a]! > keyOf[b]! ? 1 : a - b));
    for (let x = 0; x < bucket.length; x++) {
      const end = Math.min(bucket.length, x + 1 + NEIGHBOURS);
      for (let y = x + 1; y < end; y++) {
        const i = bucket[x]!;
        const j = bucket[y]!;
        if (find(i) !== find(j) && similarityOfStems(all[i]!, all[j]!) >= threshold) parent[find(j)] = find(i);
      }
    }
  }
  // Texts without a single meaningful word (e.g. "–") group only with identical ones.
  const groups = new Map<number, number[]>();
  const firstOf = new Map<string, number>();
  texts.forEach((text, i) => {
    if (!firstOf.has(text)) firstOf.set(text, i);
    const root = all[i]!.length === 0 ? -1 - firstOf.get(text)! : find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
