// "Samla in": a plan's collection — every file taken in, with every proposal in it — and
// the user's say on how the proposals are weighed together (merged, split, dismissed).
// Kept beside the plan, never in it: only what the user places in the fan becomes an item,
// and that item carries its sources. Pure functions on plain data, each returning a copy.
import { RuleError } from './rules';
import { DEFAULT_THRESHOLD, similarityOfStems, stems } from './similarity';
import type { Item, PlanDoc, Source } from './types';
import { groupProposals, type Input } from './proposalGroups';
import { byWeight, weightOf } from './weight';
import { MAX_TEXT_LENGTH } from './limits';

export { sourceWeight, weightText } from './weight';

/** An input as collected: with the file it came from and the delområde's name as written. */
export interface CollectedInput extends Input {
  fileId: string;
  delomradeName: string;
}

export interface CollectedFile {
  id: string;
  name: string;
  /** ISO time it was taken in. */
  importedAt: string;
  /** Who it came from: the recipient it was sent to, else the file's name. */
  kalla: string;
  inputs: CollectedInput[];
  /** Why it could not be read; null when it was. */
  error: string | null;
}

/** Inputs the user merged into one, under the wording chosen. */
export interface Merge {
  id: string;
  inputIds: string[];
  text: string;
}

export interface Collection {
  files: CollectedFile[];
  /** How alike two wordings must be to group (0–1). */
  threshold: number;
  /** Inputs set aside ("Avfärda"); they stay in their file and can come back. */
  dismissed: string[];
  /** Inputs taken out of a group: each stands alone. */
  alone: string[];
  merges: Merge[];
  /** Where the proposals are in template layouts the reader could not place, as the user pointed out (layout key → grid column). */
  layouts: Record<string, number>;
}

export const NEW_COLLECTION: Collection = { files: [], threshold: DEFAULT_THRESHOLD, dismissed: [], alone: [], merges: [], layouts: {} };

/** Remember where a layout's proposals are, for every file of that layout from now on. */
export function pointLayout(c: Collection, key: string, column: number): Collection {
  if (c.layouts[key] === column) return c;
  return { ...c, layouts: { ...c.layouts, [key]: column } };
}
export const MIN_THRESHOLD = 0.3;
export const MAX_THRESHOLD = 0.95;
const MAX_KALLA = 200;

/** A group (or a single input) waiting to be placed, heaviest first. */
export interface Entry {
  /** Stable while its inputs stay together: "m:<merge id>", or "g:<its first input's id>". */
  key: string;
  /** The wording it gets in the fan: the merge's, else the one its best-placing office used. */
  text: string;
  merged: boolean;
  inputs: CollectedInput[];
  offices: string[];
  meanPlace: number;
}

export interface Weighing {
  entries: Entry[];
  dismissed: CollectedInput[];
  /** Inputs already in the plan as sources of an item. */
  placed: number;
}

/** Ids of the inputs the plan's items were made from: those are placed. */
export function placedInputIds(doc: PlanDoc): Set<string> {
  const ids = new Set<string>();
  for (const item of Object.values(doc.items)) for (const source of item.sources) ids.add(source.inputId);
  return ids;
}

const without = <T>(list: readonly T[], drop: ReadonlySet<T>) => list.filter((x) => !drop.has(x));

/** Merges without the given inputs; a merge left empty goes. */
function mergesWithout(merges: readonly Merge[], ids: ReadonlySet<string>): Merge[] {
  return merges.map((m) => ({ ...m, inputIds: without(m.inputIds, ids) })).filter((m) => m.inputIds.length > 0);
}

const bestWording = (inputs: readonly CollectedInput[]) => inputs.reduce((best, i) => (i.rank < best.rank ? i : best)).text;

/** The collection weighed: merges as they are, the rest grouped by similarity, placed ones left out. */
export function weighCollection(c: Collection, placed: ReadonlySet<string>): Weighing {
  const dismissed = new Set(c.dismissed);
  const all = c.files.flatMap((f) => f.inputs);
  const byId = new Map(all.map((i) => [i.id, i]));
  const open = (id: string) => byId.has(id) && !dismissed.has(id) && !placed.has(id);
  const entries: Entry[] = [];
  const inMerge = new Set<string>();
  for (const merge of c.merges) {
    merge.inputIds.forEach((id) => inMerge.add(id));
    const inputs = merge.inputIds.filter(open).map((id) => byId.get(id)!);
    if (inputs.length > 0) entries.push({ key: `m:${merge.id}`, text: merge.text, merged: true, inputs, ...weightOf(inputs) });
  }
  const alone = new Set(c.alone);
  const free = all.filter((i) => open(i.id) && !inMerge.has(i.id));
  const single = (inputs: CollectedInput[]): Entry => ({ key: `g:${inputs[0]!.id}`, text: bestWording(inputs), merged: false, inputs, ...weightOf(inputs) });
  for (const group of groupProposals(
    free.filter((i) => !alone.has(i.id)),
    c.threshold,
  ))
    entries.push(single(group.inputs));
  for (const input of free.filter((i) => alone.has(i.id))) entries.push(single([input]));
  return {
    entries: entries.sort(byWeight),
    dismissed: all.filter((i) => dismissed.has(i.id)),
    placed: all.filter((i) => placed.has(i.id)).length,
  };
}

const contentKey = (f: CollectedFile) => JSON.stringify([f.name, f.kalla, f.error, f.inputs.map((i) => [i.text, i.delomradeName, i.year, i.rank, i.extra])]);

/** Files added; one already in the collection with the same name and content is not added again. */
export function addFiles(c: Collection, files: readonly CollectedFile[]): { collection: Collection; repeated: CollectedFile[] } {
  const seen = new Set(c.files.map(contentKey));
  const fresh: CollectedFile[] = [];
  const repeated: CollectedFile[] = [];
  for (const f of files) {
    const key = contentKey(f);
    (seen.has(key) ? repeated : fresh).push(f);
    seen.add(key);
  }
  return { collection: fresh.length ? { ...c, files: [...c.files, ...fresh] } : c, repeated };
}

/** A file and everything taken in from it go; the user's say on its inputs goes with them. */
export function removeFile(c: Collection, fileId: string): Collection {
  const file = c.files.find((f) => f.id === fileId);
  if (!file) return c;
  const ids = new Set((Array.isArray(file.inputs) ? file.inputs : []).map((i) => i.id));
  return { ...c, files: c.files.filter((f) => f !== file), dismissed: without(c.dismissed, ids), alone: without(c.alone, ids), merges: mergesWithout(c.merges, ids) };
}

export function dismiss(c: Collection, inputIds: readonly string[]): Collection {
  const ids = new Set(inputIds);
  return { ...c, dismissed: [...without(c.dismissed, ids), ...ids], merges: mergesWithout(c.merges, ids) };
}

export function undismiss(c: Collection, inputId: string): Collection {
  return { ...c, dismissed: c.dismissed.filter((id) => id !== inputId) };
}

/** Split a group: every input of it stands alone (a merge is undone). */
export function split(c: Collection, inputIds: readonly string[]): Collection {
  const ids = new Set(inputIds);
  return { ...c, alone: [...without(c.alone, ids), ...ids], merges: mergesWithout(c.merges, ids) };
}

/** Take one input out of its group. */
export const takeOut = (c: Collection, inputId: string) => split(c, [inputId]);

/** Merge inputs into one entry under a wording (chosen among theirs, or edited). */
export function merge(c: Collection, inputIds: readonly string[], text: string, id: string): Collection {
  const wording = text.replace(/\s+/g, ' ').trim();
  if (!wording) throw new RuleError('Skriv en formulering för den sammanslagna punkten.');
  if (wording.length > MAX_TEXT_LENGTH) throw new RuleError(`Formuleringen är för lång: högst ${MAX_TEXT_LENGTH} tecken (nu ${wording.length}).`);
  if (inputIds.length === 0) throw new RuleError('Välj minst ett förslag att slå ihop.');
  const ids = new Set(inputIds);
  return { ...c, alone: without(c.alone, ids), merges: [...mergesWithout(c.merges, ids), { id, inputIds: [...ids], text: wording }] };
}

export function setThreshold(c: Collection, threshold: number): Collection {
  const t = Math.round(Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, threshold)) * 100) / 100;
  return t === c.threshold ? c : { ...c, threshold: t };
}

const folded = (text: string) => text.toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();

/** Entries whose wordings, offices or delområden contain every word of the query (case ignored). */
export function searchEntries(entries: readonly Entry[], query: string): Entry[] {
  const words = folded(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = folded([e.text, ...e.inputs.flatMap((i) => [i.text, i.kalla, i.delomradeName])].join(' \u0000 '));
    return words.every((w) => hay.includes(w));
  });
}

/** The plan's items with their stems, to find which entries the plan already has. */
export type PlanIndex = ReadonlyArray<{ item: Item; stems: string[] }>;

export const indexPlan = (doc: PlanDoc): PlanIndex =>
  Object.values(doc.items)
    .filter((item) => item.status !== 'stryks')
    .map((item) => ({ item, stems: stems(item.text) }));

/**
 * Items of the plan an entry is already in: any of its wordings at least `threshold` alike
 * to the item's text. Best match first, at most `max`.
 */
export function inPlan(entry: Entry, index: PlanIndex, threshold: number, max = 2): Item[] {
  const wordings = [...new Set([entry.text, ...entry.inputs.map((i) => i.text)])].map(stems);
  return index
    .map(({ item, stems: s }) => ({ item, score: Math.max(...wordings.map((w) => similarityOfStems(w, s))) }))
    .filter((m) => m.score >= threshold)
    .sort((a, b) => b.score - a.score)
    .slice(0, max)
    .map((m) => m.item);
}

/** An entry's inputs as the sources its item keeps. */
export const sourcesOf = (entry: Entry): Source[] => entry.inputs.map((i) => ({ inputId: i.id, kalla: i.kalla, text: i.text, rank: i.rank }));

/** The källa an item made from an entry gets: its offices, shortened when many. */
export function kallaOf(offices: readonly string[]): string {
  const all = offices.join(', ');
  if (all.length <= MAX_KALLA) return all;
  let shown = offices.length - 1;
  const text = (n: number) => `${offices.slice(0, n).join(', ')} m.fl. (${offices.length} förvaltningar)`;
  while (shown > 1 && text(shown).length > MAX_KALLA) shown--;
  return text(shown).slice(0, MAX_KALLA);
}

/** The delområden an entry's inputs were proposed under, each once. */
export const delomradenOf = (entry: Entry) => [...new Set(entry.inputs.flatMap((i) => (i.delomradeId ? [i.delomradeId] : [])))];
