// The one place that knows a stored record's shape over time: the defaults of fields added
// since the first version, and how a plan and its items read from anywhere — a plan file
// (after its migrations), an IndexedDB row, a saved version, the write-ahead log — are
// restored: defaults filled, shape checked, repaired where the repair is obvious (a cut
// text, an item whose cell is gone back in Inspel), left out where it is not, and every
// repair named in Swedish. (Model: excalidraw's data/restore.ts.)
import { containerKey } from '../domain/containers';
import { instructionLimit, settleExtras } from '../domain/priorities';
import { ANSVARSNIVAER, EXTRA_CHOICES, MAX_AUTHOR_LENGTH, MAX_COMMENT_LENGTH, STATUSES, type Item, type Plan, type PlanDoc } from '../domain/types';
import { itemSchema, LIMITS, planSchema } from './planFile';

type Raw = Record<string, unknown>;
export const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields items gained over time, with the value an item stored before them gets. */
export const ITEM_DEFAULTS = {
  /** File 2 / database 5: review status. */
  status: () => 'forslag',
  /** File 3 / database 7: review comments. */
  comments: () => [],
  /** File 4 / database 9: the user's say on extra; an item marked extra stays extra. */
  extraChoice: (item: Raw) => (item.extra === true ? 'extra' : 'auto'),
  /** File 5 / database 11: the collected proposals an item was made from. */
  sources: () => [],
} as const satisfies Record<string, (item: Raw) => unknown>;

export type ItemField = keyof typeof ITEM_DEFAULTS;

/** The item with `fields` filled where missing (a copy when anything was filled). */
export function withItemDefaults<T extends object>(item: T, fields: readonly ItemField[] = Object.keys(ITEM_DEFAULTS) as ItemField[]): T {
  const raw = item as Raw;
  const missing = fields.filter((f) => raw[f] === undefined);
  if (missing.length === 0) return item;
  const out: Raw = { ...raw };
  for (const f of missing) out[f] = ITEM_DEFAULTS[f](raw);
  return out as T;
}

/** File 4 / database 9: a delområde's limit, the instruction's (five for Nära vård, else three). */
export function withAreaLimit<T extends object>(area: T): T {
  const raw = area as Raw;
  return raw.limit === undefined ? ({ ...raw, limit: instructionLimit(raw as { id: string; name: string }) } as T) : area;
}

function planWithDefaults(plan: Raw): Raw {
  const catalogue = plan.catalogue;
  if (!isRecord(catalogue) || !Array.isArray(catalogue.delomraden)) return plan;
  return { ...plan, catalogue: { ...catalogue, delomraden: catalogue.delomraden.map((a: unknown) => (isRecord(a) ? withAreaLimit(a) : a)) } };
}

/** What an item field falls back to when what is stored cannot be read. */
const FIELD_FALLBACK: Record<string, () => unknown> = {
  description: () => '',
  delomraden: () => [],
  effektmal: () => [],
  indikator: () => ({ text: '', target: null, unit: '' }),
  ansvarsniva: () => null,
  kalla: () => '',
  extraChoice: () => 'auto',
  extra: () => false,
  status: () => 'forslag',
  comments: () => [],
  sources: () => [],
  cell: () => null,
  rank: () => Number.MAX_SAFE_INTEGER,
};

const FIELD_WORD: Record<string, string> = {
  description: 'beskrivningen',
  delomraden: 'delområdena',
  effektmal: 'effektmålen',
  indikator: 'indikatorn',
  ansvarsniva: 'ansvarsnivån',
  kalla: 'källan',
  extraChoice: 'valet om extra',
  extra: 'extra-markeringen',
  status: 'statusen',
  comments: 'kommentarerna',
  sources: 'förslagen den bygger på',
  cell: 'platsen',
  rank: 'prioriteten',
};

const quote = (text: string) => `”${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

const cut = (value: unknown, max: number) => (typeof value === 'string' && value.length > max ? value.slice(0, max) : value);

/** A plan's stored record, or null when it cannot be read (it is then left alone, not opened). */
export function restorePlanRecord(raw: unknown, notes: string[] = []): Plan | null {
  if (!isRecord(raw)) return null;
  let plan = planWithDefaults(raw);
  let parsed = planSchema.safeParse(plan);
  if (!parsed.success) {
    // What is obvious to repair: texts longer than the file format allows are cut.
    const name = typeof plan.name === 'string' && plan.name.trim() ? cut(plan.name, LIMITS.name) : 'Namnlös plan';
    plan = { ...plan, name, vision: typeof plan.vision === 'string' ? cut(plan.vision, LIMITS.short) : '', createdAt: typeof plan.createdAt === 'string' ? cut(plan.createdAt, 40) : '' };
    parsed = planSchema.safeParse(plan);
    if (!parsed.success) return null;
    notes.push('Planens namn eller vision kunde inte läsas som den var och rättades.');
  }
  const recipient = typeof raw.recipient === 'string' && raw.recipient.trim() ? raw.recipient.trim().slice(0, LIMITS.name) : undefined;
  return recipient ? { ...parsed.data, recipient } : parsed.data;
}

const isString = (v: unknown, max: number, min = 0): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => isString(x, LIMITS.id, 1));

/**
 * The common case, fast: a record that is already a sound item of this plan, in its cell.
 * (Checking 1,000 items through zod cost ~75 ms of a cold start.) Anything this does not
 * accept goes the careful way below, through the zod schema; a property test holds that
 * whatever this accepts, the schema accepts too.
 */
export function soundItem(raw: Raw, plan: Plan): boolean {
  const ind = raw.indikator;
  const cell = raw.cell;
  return (
    isString(raw.id, LIMITS.id, 1) &&
    raw.planId === plan.id &&
    isString(raw.text, LIMITS.itemText, 1) &&
    isString(raw.description, LIMITS.description) &&
    isStringList(raw.delomraden) &&
    isStringList(raw.effektmal) &&
    isRecord(ind) &&
    isString(ind.text, LIMITS.short) &&
    (ind.target === null || (typeof ind.target === 'number' && Number.isFinite(ind.target))) &&
    isString(ind.unit, 60) &&
    (raw.ansvarsniva === null || (ANSVARSNIVAER as readonly unknown[]).includes(raw.ansvarsniva)) &&
    isString(raw.kalla, LIMITS.name) &&
    (EXTRA_CHOICES as readonly unknown[]).includes(raw.extraChoice) &&
    typeof raw.extra === 'boolean' &&
    (STATUSES as readonly unknown[]).includes(raw.status) &&
    Array.isArray(raw.comments) &&
    raw.comments.length <= LIMITS.comments &&
    raw.comments.every((c) => isRecord(c) && isString(c.id, LIMITS.id, 1) && isString(c.author, MAX_AUTHOR_LENGTH, 1) && isString(c.at, 40) && isString(c.text, MAX_COMMENT_LENGTH, 1)) &&
    Array.isArray(raw.sources) &&
    raw.sources.length <= LIMITS.sources &&
    raw.sources.every((x) => isRecord(x) && isString(x.inputId, LIMITS.id, 1) && isString(x.kalla, LIMITS.name) && isString(x.text, LIMITS.sourceText) && Number.isSafeInteger(x.rank) && (x.rank as number) >= 0) &&
    (cell === null || (isRecord(cell) && plan.blades.some((b) => b.id === cell.bladeId) && plan.rings.some((r) => r.id === cell.ringId))) &&
    Number.isSafeInteger(raw.rank) &&
    (raw.rank as number) >= 0 &&
    !RESERVED_IDS.has(raw.id as string)
  );
}

const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** The item's own fields of a sound record (a row carries `updatedAt` besides). */
function pickItem(raw: Raw): Item {
  const { id, planId, text, description, delomraden, effektmal, indikator, ansvarsniva, kalla, extraChoice, extra, status, comments, sources, cell, rank } = raw as unknown as Item;
  return { id, planId, text, description, delomraden, effektmal, indikator, ansvarsniva, kalla, extraChoice, extra, status, comments, sources, cell, rank };
}

/** One item record: restored (maybe repaired), or null when it has to be left out; `notes` says what happened. */
export function restoreItemRecord(raw: unknown, plan: Plan, notes: string[]): Item | null {
  if (isRecord(raw) && soundItem(raw, plan)) {
    const item = pickItem(raw);
    const areas = plan.catalogue.delomraden;
    // Links to a delområde or effektmål no longer in the catalogue go quietly, as below.
    if (item.delomraden.some((d) => !areas.some((a) => a.id === d))) item.delomraden = item.delomraden.filter((d) => areas.some((a) => a.id === d));
    if (item.effektmal.some((g) => !areas.some((a) => a.effektmal.some((e) => e.id === g))))
      item.effektmal = item.effektmal.filter((g) => areas.some((a) => a.effektmal.some((e) => e.id === g)));
    return item;
  }
  if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') {
    notes.push('En aktivitet utan id lämnades utanför.');
    return null;
  }
  if (typeof raw.text !== 'string' || raw.text.trim() === '') {
    notes.push(`En aktivitet (id ${raw.id.slice(0, 20)}) lämnades utanför: den saknar text.`);
    return null;
  }
  let item: Raw = withItemDefaults(raw);
  const name = quote(raw.text.trim());
  // Texts longer than the file allows (written before a limit held) are cut, entry by entry.
  item = { ...item, kalla: cut(item.kalla, LIMITS.name) };
  if (Array.isArray(item.sources))
    item.sources = item.sources.map((s: unknown) => (isRecord(s) ? { ...s, kalla: cut(s.kalla, LIMITS.name), text: cut(s.text, LIMITS.sourceText) } : s));
  if (Array.isArray(item.comments))
    item.comments = item.comments.map((c: unknown) => (isRecord(c) ? { ...c, author: cut(c.author, MAX_AUTHOR_LENGTH), text: cut(c.text, MAX_COMMENT_LENGTH) } : c));
  if (item.planId !== plan.id) item = { ...item, planId: plan.id };
  if ((item.text as string).length > LIMITS.itemText) {
    item = { ...item, text: (item.text as string).slice(0, LIMITS.itemText) };
    notes.push(`Aktiviteten ${name}: texten var för lång och kortades till ${LIMITS.itemText} tecken.`);
  }
  if (typeof item.description === 'string' && item.description.length > LIMITS.description) {
    item = { ...item, description: item.description.slice(0, LIMITS.description) };
    notes.push(`Aktiviteten ${name}: beskrivningen var för lång och kortades till ${LIMITS.description} tecken.`);
  }
  // Fields that cannot be read fall back one by one (at most once each).
  let parsed = itemSchema.safeParse(item);
  for (let round = 0; !parsed.success && round < 16; round++) {
    const field = String(parsed.error.issues[0]!.path[0] ?? '');
    const fallback = FIELD_FALLBACK[field];
    if (!fallback) break;
    item = { ...item, [field]: fallback() };
    notes.push(`Aktiviteten ${name}: ${FIELD_WORD[field] ?? field} kunde inte läsas och återställdes.`);
    parsed = itemSchema.safeParse(item);
  }
  if (!parsed.success) {
    notes.push(`Aktiviteten ${name} lämnades utanför: den kunde inte läsas.`);
    return null;
  }
  const restored: Item = parsed.data;
  const { cell } = restored;
  if (cell && (!plan.blades.some((b) => b.id === cell.bladeId) || !plan.rings.some((r) => r.id === cell.ringId))) {
    restored.cell = null;
    notes.push(`Aktiviteten ${name} flyttades till Inspel: dess cell finns inte längre i planen.`);
  }
  const areas = new Set(plan.catalogue.delomraden.map((d) => d.id));
  const goals = new Set(plan.catalogue.delomraden.flatMap((d) => d.effektmal.map((g) => g.id)));
  restored.delomraden = restored.delomraden.filter((d) => areas.has(d));
  restored.effektmal = restored.effektmal.filter((g) => goals.has(g));
  return restored;
}

export interface RestoredDoc {
  doc: PlanDoc;
  /** What was repaired or left out, in Swedish; empty when the records were sound. */
  notes: string[];
}

/**
 * A plan and its items from stored records: each record restored, ranks made consecutive per
 * container (in stored order), the limits' italics settled. Null when the plan itself cannot
 * be read.
 */
export function restoreDocRecords(planRaw: unknown, itemRaws: Iterable<unknown>): RestoredDoc | null {
  const notes: string[] = [];
  const plan = restorePlanRecord(planRaw, notes);
  if (!plan) return null;
  const groups = new Map<string, Item[]>();
  const seen = new Set<string>();
  for (const raw of itemRaws) {
    const item = restoreItemRecord(raw, plan, notes);
    if (!item || seen.has(item.id)) continue;
    seen.add(item.id);
    const key = containerKey(item.cell);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const items: Record<string, Item> = {};
  for (const list of groups.values()) {
    list.sort((a, b) => a.rank - b.rank);
    list.forEach((item, rank) => {
      if (item.rank !== rank) item.rank = rank;
      items[item.id] = item;
    });
  }
  const doc = { plan, items };
  settleExtras(doc);
  return { doc, notes };
}
