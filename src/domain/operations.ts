// Pure operations on a plan. Each mutates the PlanDoc it is given, so it can run on a draft
// (./draft.ts: the editor's commits, which records what changed), inside an immer recipe, or on
// a plain copy in tests. An operation that would break a rule of the plan throws RuleError
// with a Swedish message and leaves the document unchanged (the draft is dropped).
import { isDraft, original } from 'immer';
import { itemsBefore } from './draft';
import { byRank, containerKey, groupByContainer, INSPEL, itemsByContainer, sameCell } from './containers';
import { newId } from './ids';
import type { Blade, CellRef, Comment, Indikator, Item, ItemId, PlanDoc, Ring, Source } from './types';
import { EXTRA_CHOICES, MAX_AUTHOR_LENGTH, MAX_BLADES, MAX_COMMENT_LENGTH, MAX_LIMIT, MAX_RINGS, MIN_BLADES, MIN_RINGS, STATUSES } from './types';
import { LIMITS, MAX_TEXT_LENGTH, shortened, withinLimit } from './limits';
import { RuleError } from './rules';


export { MAX_TEXT_LENGTH };

function requireItem(doc: PlanDoc, id: ItemId): Item {
  const item = doc.items[id];
  if (!item) throw new RuleError('Aktiviteten finns inte längre.');
  return item;
}

function checkCell(doc: PlanDoc, cell: CellRef | null): void {
  if (!cell) return;
  if (!doc.plan.blades.some((b) => b.id === cell.bladeId))
    throw new RuleError('Fokusområdet finns inte längre.');
  if (!doc.plan.rings.some((r) => r.id === cell.ringId)) throw new RuleError('Ringen finns inte längre.');
}

export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function checkItemText(text: string): string {
  const clean = cleanText(text);
  if (!clean) throw new RuleError('Texten får inte vara tom.');
  if (clean.length > MAX_TEXT_LENGTH)
    throw new RuleError(`Texten får vara högst ${MAX_TEXT_LENGTH} tecken (nu ${clean.length}).`);
  return clean;
}

/**
 * Items whose cell or rank an operation changed in a draft (only the operations here
 * change them, through `place` and `renumber`): read from the draft, every other item from the
 * draft's base — so listing a container does not make a draft of each item of the plan.
 */
const placed = new WeakMap<object, Set<ItemId>>();

/** The items as they were when `items` is being changed (a draft of ./draft.ts, or immer's); undefined for a plain plan. */
const baseOf = (items: Record<ItemId, Item>): Record<ItemId, Item> | undefined => itemsBefore(items) ?? (isDraft(items) ? original(items) : undefined);

function touch(doc: PlanDoc, id: ItemId): void {
  if (!baseOf(doc.items)) return;
  let ids = placed.get(doc.items);
  if (!ids) placed.set(doc.items, (ids = new Set()));
  ids.add(id);
}

/** Renumber a container's items 0..n-1 in the given order, writing only the ranks that change. */
function renumber(doc: PlanDoc, list: readonly Item[]): void {
  list.forEach((item, i) => {
    if (item.rank === i) return;
    doc.items[item.id]!.rank = i;
    touch(doc, item.id);
  });
}

/** Put an item in a container (its rank follows from `renumber`). */
function place(doc: PlanDoc, item: Item, cell: CellRef | null): void {
  item.cell = cell ? { bladeId: cell.bladeId, ringId: cell.ringId } : null;
  touch(doc, item.id);
}

/** A container's items in rank order, as they are now. */
function containerList(doc: PlanDoc, cell: CellRef | null, exclude?: ItemId): Item[] {
  const items = doc.items;
  const base = baseOf(items);
  const changed = base ? placed.get(items) : undefined;
  // On a draft: the container as it was (the lists are kept per unchanging items object), less
  // what moved since. A plain plan changes in place: its items are looked through.
  const was = base ? (itemsByContainer(base).get(containerKey(cell)) ?? []) : Object.values(items).filter((item) => sameCell(item.cell, cell));
  const list = was.filter((item) => item.id !== exclude && !changed?.has(item.id));
  if (changed)
    for (const id of changed) {
      const item = id === exclude ? undefined : items[id];
      if (item && sameCell(item.cell, cell)) list.push(item);
    }
  return list.sort(byRank);
}

/**
 * Pasted text as item texts: one per non-empty line, list markers ("-", "•", "1.", "a)")
 * dropped. Throws with the line's number when a line is too long, so nothing is added.
 */
export function pastedLines(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => cleanText(line.replace(/^\s*(?:[-*•–—▪◦·]|\d{1,3}[.)]|[a-zA-Z][.)])\s+/, '')))
    .filter((line) => line.length > 0);
  lines.forEach((line, i) => {
    if (line.length > MAX_TEXT_LENGTH)
      throw new RuleError(`Rad ${i + 1} är för lång: högst ${MAX_TEXT_LENGTH} tecken (nu ${line.length}). Inget lades till.`);
  });
  return lines;
}

export interface NewItemFields {
  text: string;
  cell?: CellRef | null;
  index?: number;
  kalla?: string;
  /** Unknown delområden are left out. */
  delomraden?: string[];
  sources?: Source[];
}

/** A proposal an item builds on, its källa and wording made to fit the file's limits. */
const fittedSource = (source: Source): Source => ({ ...source, kalla: shortened(source.kalla, LIMITS.name), text: shortened(source.text, LIMITS.sourceText) });

export function addItem(doc: PlanDoc, fields: NewItemFields, id: ItemId = newId()): ItemId {
  const text = checkItemText(fields.text);
  const cell = fields.cell ?? null;
  checkCell(doc, cell);
  const list = containerList(doc, cell);
  const index = clampIndex(fields.index ?? list.length, list.length);
  const item: Item = {
    id,
    planId: doc.plan.id,
    text,
    description: '',
    delomraden: [...new Set(fields.delomraden ?? [])].filter((d) => doc.plan.catalogue.delomraden.some((area) => area.id === d)),
    effektmal: [],
    indikator: { text: '', target: null, unit: '' },
    ansvarsniva: null,
    // In a plan sent out to an office, what the office adds is theirs.
    kalla: shortened(fields.kalla ?? doc.plan.recipient ?? '', LIMITS.name),
    extraChoice: 'auto',
    extra: false,
    status: 'forslag',
    comments: [],
    sources: (fields.sources ?? []).map(fittedSource),
    cell,
    rank: index,
  };
  doc.items[id] = item;
  touch(doc, id);
  list.splice(index, 0, item);
  renumber(doc, list);
  return id;
}

function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.floor(index)));
}

/** Move an item to a container (cell or Inspel when null) at a position in its list. */
export function moveItem(doc: PlanDoc, id: ItemId, to: CellRef | null, index: number): void {
  const item = requireItem(doc, id);
  checkCell(doc, to);
  const from = item.cell;
  if (!sameCell(from, to)) {
    renumber(doc, containerList(doc, from, id));
    place(doc, item, to);
  }
  const target = containerList(doc, to, id);
  target.splice(clampIndex(index, target.length), 0, item);
  renumber(doc, target);
}

/** Proposals join an item's sources (one already there is not added twice). */
export function addSources(doc: PlanDoc, id: ItemId, sources: readonly Source[]): void {
  const item = requireItem(doc, id);
  const known = new Set(item.sources.map((s) => s.inputId));
  for (const source of sources) if (!known.has(source.inputId)) item.sources.push(fittedSource(source));
  if (item.sources.length > LIMITS.sources) throw new RuleError(`En aktivitet kan bygga på högst ${LIMITS.sources} förslag.`);
}

export type ItemPatch = Partial<
  Pick<Item, 'text' | 'description' | 'delomraden' | 'effektmal' | 'ansvarsniva' | 'kalla' | 'extraChoice' | 'status'>
> & { indikator?: Partial<Indikator> };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function updateItem(doc: PlanDoc, id: ItemId, patch: ItemPatch): void {
  const item = requireItem(doc, id);
  if (patch.text !== undefined) {
    const text = checkItemText(patch.text);
    if (text !== item.text) item.text = text;
  }
  if (patch.description !== undefined && patch.description !== item.description)
    item.description = withinLimit(patch.description.trim(), LIMITS.description, 'Beskrivningen');
  // Lists and the indikator are assigned only when they differ: saving an untouched form is
  // no change (no undo step, no write, no message).
  if (patch.delomraden !== undefined) {
    const known = new Set(doc.plan.catalogue.delomraden.map((d) => d.id));
    const next = patch.delomraden.filter((d) => known.has(d));
    if (!sameList(next, item.delomraden)) item.delomraden = next;
  }
  if (patch.effektmal !== undefined) {
    const known = new Set(doc.plan.catalogue.delomraden.flatMap((d) => d.effektmal.map((e) => e.id)));
    const next = patch.effektmal.filter((e) => known.has(e));
    if (!sameList(next, item.effektmal)) item.effektmal = next;
  }
  if (patch.indikator !== undefined) {
    const next = { ...item.indikator, ...patch.indikator };
    if (next.target !== null && !Number.isFinite(next.target))
      throw new RuleError('Målvärdet måste vara ett tal.');
    // -0 would not survive a JSON round trip: keep plain 0.
    const target = next.target === 0 ? 0 : next.target;
    const indikator = { text: withinLimit(next.text.trim(), LIMITS.short, 'Indikatorn'), target, unit: withinLimit(next.unit.trim(), LIMITS.unit, 'Enheten') };
    const now = item.indikator;
    if (indikator.text !== now.text || indikator.target !== now.target || indikator.unit !== now.unit) item.indikator = indikator;
  }
  if (patch.ansvarsniva !== undefined) item.ansvarsniva = patch.ansvarsniva;
  if (patch.kalla !== undefined) item.kalla = withinLimit(cleanText(patch.kalla), LIMITS.name, 'Källan');
  if (patch.extraChoice !== undefined) {
    if (!EXTRA_CHOICES.includes(patch.extraChoice)) throw new RuleError('Okänt val för extra.');
    item.extraChoice = patch.extraChoice;
  }
  if (patch.status !== undefined) {
    if (!STATUSES.includes(patch.status)) throw new RuleError('Okänd status.');
    item.status = patch.status;
  }
}

/** Add a review comment to an item (author and text cleaned and checked). */
export function addComment(doc: PlanDoc, itemId: ItemId, comment: Comment): void {
  const item = requireItem(doc, itemId);
  const author = cleanText(comment.author);
  const text = comment.text.trim();
  if (!author) throw new RuleError('Skriv ditt namn innan du kommenterar.');
  if (author.length > MAX_AUTHOR_LENGTH) throw new RuleError(`Namnet får vara högst ${MAX_AUTHOR_LENGTH} tecken.`);
  if (!text) throw new RuleError('Skriv en kommentar.');
  if (text.length > MAX_COMMENT_LENGTH)
    throw new RuleError(`En kommentar får vara högst ${MAX_COMMENT_LENGTH} tecken (nu ${text.length}).`);
  if (item.comments.length >= LIMITS.comments) throw new RuleError(`En aktivitet kan ha högst ${LIMITS.comments} kommentarer.`);
  item.comments.push({ id: comment.id, author, at: comment.at, text });
}

export function removeComment(doc: PlanDoc, itemId: ItemId, commentId: string): void {
  const item = requireItem(doc, itemId);
  const index = item.comments.findIndex((c) => c.id === commentId);
  if (index < 0) throw new RuleError('Kommentaren finns inte längre.');
  item.comments.splice(index, 1);
}

export function deleteItem(doc: PlanDoc, id: ItemId): void {
  const item = requireItem(doc, id);
  delete doc.items[id];
  touch(doc, id);
  renumber(doc, containerList(doc, item.cell));
}

/** How many prioritised items a delområde asks for per ring (a whole number, 1–20). */
export function setDelomradeLimit(doc: PlanDoc, delomradeId: string, limit: number): void {
  const delomrade = doc.plan.catalogue.delomraden.find((d) => d.id === delomradeId);
  if (!delomrade) throw new RuleError('Delområdet finns inte längre.');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new RuleError(`Gränsen måste vara ett heltal från 1 till ${MAX_LIMIT}.`);
  delomrade.limit = limit;
}

export function renamePlan(doc: PlanDoc, name: string): void {
  const clean = cleanText(name);
  if (!clean) throw new RuleError('Planen måste ha ett namn.');
  doc.plan.name = withinLimit(clean, LIMITS.name, 'Planens namn');
}

export function setVision(doc: PlanDoc, vision: string): void {
  doc.plan.vision = withinLimit(cleanText(vision), LIMITS.short, 'Visionen');
}

// --- Fokusområden (blades) ---------------------------------------------------------------

export const BLADE_PALETTE = ['#1f6f8b', '#2e7d32', '#8e4585', '#b5561d', '#5c6bc0', '#00838f', '#ad1457', '#6d7a1f'];

function requireBlade(doc: PlanDoc, id: string): Blade {
  const blade = doc.plan.blades.find((b) => b.id === id);
  if (!blade) throw new RuleError('Fokusområdet finns inte längre.');
  return blade;
}

function checkBladeName(doc: PlanDoc, name: string, self?: string): string {
  const clean = cleanText(name);
  if (!clean) throw new RuleError('Fokusområdet måste ha ett namn.');
  withinLimit(clean, LIMITS.bladeName, 'Namnet');
  if (doc.plan.blades.some((b) => b.id !== self && b.name.toLowerCase() === clean.toLowerCase()))
    throw new RuleError(`Det finns redan ett fokusområde som heter "${clean}".`);
  return clean;
}

export function addBlade(doc: PlanDoc, name: string, id: string = newId()): string {
  if (doc.plan.blades.length >= MAX_BLADES)
    throw new RuleError(`En plan kan ha högst ${MAX_BLADES} fokusområden.`);
  const used = new Set(doc.plan.blades.map((b) => b.color));
  const color = BLADE_PALETTE.find((c) => !used.has(c)) ?? BLADE_PALETTE[0]!;
  doc.plan.blades.push({ id, name: checkBladeName(doc, name), color });
  return id;
}

export function renameBlade(doc: PlanDoc, id: string, name: string): void {
  const blade = requireBlade(doc, id);
  blade.name = checkBladeName(doc, name, id);
}

export function recolourBlade(doc: PlanDoc, id: string, color: string): void {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new RuleError('Färgen måste anges som #rrggbb.');
  requireBlade(doc, id).color = color.toLowerCase();
}

/** Move a blade to a new position (0 = leftmost). */
export function moveBlade(doc: PlanDoc, id: string, index: number): void {
  const blades = doc.plan.blades;
  const from = blades.findIndex((b) => b.id === id);
  if (from < 0) throw new RuleError('Fokusområdet finns inte längre.');
  const to = clampIndex(index, blades.length - 1);
  if (to === from) return;
  const [blade] = blades.splice(from, 1);
  blades.splice(to, 0, blade!);
}

/** Remove a blade; its items go back to Inspel (after the ones already there), never lost. */
export function removeBlade(doc: PlanDoc, id: string): void {
  if (doc.plan.blades.length <= MIN_BLADES)
    throw new RuleError(`En plan måste ha minst ${MIN_BLADES} fokusområden.`);
  requireBlade(doc, id);
  returnToInspel(doc, (item) => item.cell?.bladeId === id);
  doc.plan.blades = doc.plan.blades.filter((b) => b.id !== id);
}

function returnToInspel(doc: PlanDoc, predicate: (item: Item) => boolean): void {
  const inspel = containerList(doc, null);
  // Cell by cell (in the order the plan holds them), each in rank order.
  const moving = [...groupByContainer(doc.items)].flatMap(([key, list]) => (key === INSPEL ? [] : list.filter(predicate)));
  for (const item of moving) place(doc, doc.items[item.id]!, null);
  renumber(doc, [...inspel, ...moving]);
}

// --- Rings (horisonter) -------------------------------------------------------------------

function requireRing(doc: PlanDoc, id: string): Ring {
  const ring = doc.plan.rings.find((r) => r.id === id);
  if (!ring) throw new RuleError('Ringen finns inte längre.');
  return ring;
}

function checkYear(year: number | null): number | null {
  if (year === null) return null;
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RuleError('Året måste vara ett heltal mellan 2000 och 2100.');
  return year;
}

/** Add a ring outside the last milestone ring (the målbild stays outermost). */
export function addRing(doc: PlanDoc, id: string = newId()): string {
  const rings = doc.plan.rings;
  if (rings.length >= MAX_RINGS) throw new RuleError(`En plan kan ha högst ${MAX_RINGS} ringar.`);
  const milestones = rings.slice(0, -1);
  const lastYear = milestones.at(-1)?.year ?? null;
  const year = lastYear === null ? null : lastYear + 1;
  // The målbild stays the last year: a milestone of its year would clash ("Viktiga
  // milstolpar 2027" beside "Önskad målbild 2027"), so it moves a year on, its label with it.
  const malbild = rings.at(-1);
  if (malbild && year !== null && malbild.year !== null && malbild.year <= year) {
    const next = year + 1;
    if (malbild.label.includes(String(malbild.year))) malbild.label = malbild.label.replace(String(malbild.year), String(next));
    malbild.year = next;
  }
  let label = year === null ? 'Ny milstolpe' : `Viktiga milstolpar ${year}`;
  for (let n = 2; rings.some((r) => r.label.toLowerCase() === label.toLowerCase()); n++) label = `Ny milstolpe ${n}`;
  rings.splice(rings.length - 1, 0, { id, label, year });
  return id;
}

export function updateRing(doc: PlanDoc, id: string, patch: { label?: string; year?: number | null }): void {
  const ring = requireRing(doc, id);
  if (patch.year !== undefined) {
    const year = checkYear(patch.year);
    // Keep a label that names the year in step with it ("Viktiga milstolpar 2025" → 2026).
    if (patch.label === undefined && ring.year !== null && year !== null && ring.label.includes(String(ring.year)))
      ring.label = ring.label.replace(String(ring.year), String(year));
    ring.year = year;
  }
  if (patch.label !== undefined) {
    const label = cleanText(patch.label);
    if (!label) throw new RuleError('Ringen måste ha en etikett.');
    withinLimit(label, LIMITS.ringLabel, 'Etiketten');
    ring.label = label;
  }
  checkRingLabels(doc);
}

function checkRingLabels(doc: PlanDoc): void {
  const seen = new Set<string>();
  for (const ring of doc.plan.rings) {
    const key = ring.label.toLowerCase();
    if (seen.has(key)) throw new RuleError(`Två ringar kan inte heta "${ring.label}". Ge dem olika namn eller år.`);
    seen.add(key);
  }
}

/** Move every ring's year (and the year in its label) by `delta`, e.g. for next year's plan. */
export function shiftRingYears(doc: PlanDoc, delta: number): void {
  for (const ring of doc.plan.rings) {
    if (ring.year === null) continue;
    const year = checkYear(ring.year + delta);
    if (ring.label.includes(String(ring.year))) ring.label = ring.label.replace(String(ring.year), String(year));
    ring.year = year;
  }
  checkRingLabels(doc);
}

/** Remove a ring; its items go back to Inspel. */
export function removeRing(doc: PlanDoc, id: string): void {
  if (doc.plan.rings.length <= MIN_RINGS) throw new RuleError(`En plan måste ha minst ${MIN_RINGS} ringar.`);
  requireRing(doc, id);
  returnToInspel(doc, (item) => item.cell?.ringId === id);
  doc.plan.rings = doc.plan.rings.filter((r) => r.id !== id);
}
