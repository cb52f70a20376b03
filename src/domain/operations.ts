// Pure operations on a plan. Each mutates the PlanDoc it is given, so it can run on a draft
// (./draft.ts: the editor's commits, which records what changed), inside an immer recipe, or on
// a plain copy in tests. An operation that would break a rule of the plan throws RuleError
// with a Swedish message and leaves the document unchanged (the draft is dropped).
import { clampIndex, containerList, place, renumber, touch } from './placing';
import { sameCell } from './containers';
import { newId } from './ids';
import type { CellRef, Comment, Indikator, Item, ItemId, PlanDoc, Source } from './types';
import { EXTRA_CHOICES, MAX_AUTHOR_LENGTH, MAX_COMMENT_LENGTH, MAX_LIMIT, STATUSES } from './types';
import { cleanText, LIMITS, MAX_TEXT_LENGTH, shortened, withinLimit } from './limits';
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

function checkItemText(text: string): string {
  const clean = cleanText(text);
  if (!clean) throw new RuleError('Texten får inte vara tom.');
  if (clean.length > MAX_TEXT_LENGTH)
    throw new RuleError(`Texten får vara högst ${MAX_TEXT_LENGTH} tecken (nu ${clean.length}).`);
  return clean;
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

// Fokusområden and rings: ./planShape.ts.
export * from './planShape';
