// The one place that knows a stored record's shape over time: the defaults of fields added
// since the first version, and the fast check that a record read from anywhere — a plan
// file (after its migrations), an IndexedDB row, a saved version, the write-ahead log — is
// sound as it is. What is not sound goes through ./repair.ts (the zod schema, loaded only
// then): defaults filled, shape checked, repaired where the repair is obvious, left out where
// it is not, every repair named in Swedish. (Model: excalidraw's data/restore.ts.)
// No zod here: this is on the start-up path.
import { containerKey } from '../domain/containers';
import { isReservedId } from '../domain/ids';
import { LIMITS } from '../domain/limits';
import { instructionLimit, settleExtras } from '../domain/priorities';
import { ANSVARSNIVAER, EXTRA_CHOICES, MAX_AUTHOR_LENGTH, MAX_BLADES, MAX_COMMENT_LENGTH, MAX_LIMIT, MAX_RINGS, MIN_BLADES, MIN_RINGS, STATUSES, type Item, type Plan, type PlanDoc } from '../domain/types';

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

/**
 * An item field's blank value: what a field that cannot be read falls back to (./repair.ts),
 * and what a plan's document leaves unwritten (src/ydoc/shape.ts).
 */
export const ITEM_BLANKS = {
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
} as const satisfies Record<string, () => unknown>;

/** The fields an item may lack (they have defaults). */
const DEFAULTED_FIELDS = Object.keys(ITEM_DEFAULTS) as ItemField[];

/** The item with `fields` filled where missing (a copy when anything was filled). */
export function withItemDefaults<T extends object>(item: T, fields: readonly ItemField[] = DEFAULTED_FIELDS): T {
  const raw = item as Raw;
  // No array made per item: a plan's start reads a thousand of them.
  let out: Raw | null = null;
  for (const f of fields) if (raw[f] === undefined) (out ??= { ...raw })[f] = ITEM_DEFAULTS[f](raw);
  return (out ?? item) as T;
}

/** File 4 / database 9: a delområde's limit, the instruction's (five for Nära vård, else three). */
export function withAreaLimit<T extends object>(area: T): T {
  const raw = area as Raw;
  return raw.limit === undefined ? ({ ...raw, limit: instructionLimit(raw as { id: string; name: string }) } as T) : area;
}

export function planWithDefaults(plan: Raw): Raw {
  const catalogue = plan.catalogue;
  if (!isRecord(catalogue) || !Array.isArray(catalogue.delomraden)) return plan;
  return { ...plan, catalogue: { ...catalogue, delomraden: catalogue.delomraden.map((a: unknown) => (isRecord(a) ? withAreaLimit(a) : a)) } };
}

const isString = (v: unknown, max: number, min = 0): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
function isStringList(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!isString(x, LIMITS.id, 1)) return false;
  return true;
}

/** The ids an item of `plan` may name, as sets: made once per plan object (a start checks a thousand items against one plan). */
interface PlanIds {
  /** The lists they were made from (a plan changed in place is read again). */
  from: readonly unknown[];
  blades: Set<string>;
  rings: Set<string>;
  areas: Set<string>;
  goals: Set<string>;
}
const planIdsCache = new WeakMap<Plan, PlanIds>();
function planIds(plan: Plan): PlanIds {
  let ids = planIdsCache.get(plan);
  const areas = plan.catalogue.delomraden;
  if (!ids || ids.from[0] !== plan.blades || ids.from[1] !== plan.rings || ids.from[2] !== areas) {
    ids = {
      from: [plan.blades, plan.rings, areas],
      blades: new Set(plan.blades.map((b) => b.id)),
      rings: new Set(plan.rings.map((r) => r.id)),
      areas: new Set(areas.map((a) => a.id)),
      goals: new Set(areas.flatMap((a) => a.effektmal.map((g) => g.id))),
    };
    planIdsCache.set(plan, ids);
  }
  return ids;
}

const soundComment = (c: unknown) => isRecord(c) && isString(c.id, LIMITS.id, 1) && isString(c.author, MAX_AUTHOR_LENGTH, 1) && isString(c.at, 40) && isString(c.text, MAX_COMMENT_LENGTH, 1);
const soundSource = (x: unknown) =>
  isRecord(x) && isString(x.inputId, LIMITS.id, 1) && isString(x.kalla, LIMITS.name) && isString(x.text, LIMITS.sourceText) && Number.isSafeInteger(x.rank) && (x.rank as number) >= 0;

/** Whether every entry of `list` (an array at most `max` long) passes `sound`. */
function soundList(list: unknown, max: number, sound: (x: unknown) => boolean): boolean {
  if (!Array.isArray(list) || list.length > max) return false;
  for (const x of list) if (!sound(x)) return false;
  return true;
}

/**
 * The common case, fast: a record that is already a sound item of this plan, in its cell.
 * (Checking 1,000 items through zod cost ~75 ms of a cold start.) Anything this does not
 * accept goes the careful way below, through the zod schema; a property test holds that
 * whatever this accepts, the schema accepts too.
 */
export function soundItem(raw: Raw, plan: Plan): boolean {
  const ind = raw.indikator;
  const cell = raw.cell;
  if (cell !== null) {
    if (!isRecord(cell)) return false;
    const ids = planIds(plan);
    if (!ids.blades.has(cell.bladeId as string) || !ids.rings.has(cell.ringId as string)) return false;
  }
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
    isString(ind.unit, LIMITS.unit) &&
    (raw.ansvarsniva === null || (ANSVARSNIVAER as readonly unknown[]).includes(raw.ansvarsniva)) &&
    isString(raw.kalla, LIMITS.name) &&
    (EXTRA_CHOICES as readonly unknown[]).includes(raw.extraChoice) &&
    typeof raw.extra === 'boolean' &&
    (STATUSES as readonly unknown[]).includes(raw.status) &&
    soundList(raw.comments, LIMITS.comments, soundComment) &&
    soundList(raw.sources, LIMITS.sources, soundSource) &&
    Number.isSafeInteger(raw.rank) &&
    (raw.rank as number) >= 0 &&
    !isReservedId(raw.id as string)
  );
}

/** The item's own fields of a sound record (a row carries `updatedAt` besides). */
export function pickItem(raw: Raw): Item {
  const { id, planId, text, description, delomraden, effektmal, indikator, ansvarsniva, kalla, extraChoice, extra, status, comments, sources, cell, rank } = raw as unknown as Item;
  return { id, planId, text, description, delomraden, effektmal, indikator, ansvarsniva, kalla, extraChoice, extra, status, comments, sources, cell, rank };
}


const HEX = /^#[0-9a-fA-F]{6}$/;

/**
 * The common case, fast: a plan record that is sound as it is (after its defaults). `open`: the
 * reading of a plan's document, where more or fewer blades or rings than one person may leave
 * can stand (two people each added or removed one at once): what is there is shown, never
 * hidden or made up.
 */
export function soundPlan(raw: Raw, open = false): boolean {
  const catalogue = raw.catalogue;
  return (
    isString(raw.id, LIMITS.id, 1) &&
    !isReservedId(raw.id as string) &&
    isString(raw.name, LIMITS.name, 1) &&
    isString(raw.vision, LIMITS.short) &&
    isString(raw.createdAt, 40) &&
    (raw.recipient === undefined || isString(raw.recipient, LIMITS.name)) &&
    Array.isArray(raw.blades) &&
    raw.blades.length >= (open ? 1 : MIN_BLADES) &&
    (open || raw.blades.length <= MAX_BLADES) &&
    raw.blades.every((b) => isRecord(b) && isString(b.id, LIMITS.id, 1) && isString(b.name, LIMITS.bladeName, 1) && typeof b.color === 'string' && HEX.test(b.color)) &&
    Array.isArray(raw.rings) &&
    raw.rings.length >= (open ? 1 : MIN_RINGS) &&
    (open || raw.rings.length <= MAX_RINGS) &&
    raw.rings.every((r) => isRecord(r) && isString(r.id, LIMITS.id, 1) && isString(r.label, LIMITS.ringLabel, 1) && (r.year === null || (Number.isInteger(r.year) && (r.year as number) >= 2000 && (r.year as number) <= 2100))) &&
    isRecord(catalogue) &&
    Array.isArray(catalogue.kallor) &&
    catalogue.kallor.length <= LIMITS.catalogue &&
    catalogue.kallor.every((k) => isString(k, LIMITS.name)) &&
    Array.isArray(catalogue.delomraden) &&
    catalogue.delomraden.length <= LIMITS.catalogue &&
    catalogue.delomraden.every(
      (d) =>
        isRecord(d) &&
        isString(d.id, LIMITS.id, 1) &&
        isString(d.name, LIMITS.name, 1) &&
        Number.isInteger(d.limit) &&
        (d.limit as number) >= 1 &&
        (d.limit as number) <= MAX_LIMIT &&
        Array.isArray(d.effektmal) &&
        d.effektmal.length <= LIMITS.catalogue &&
        d.effektmal.every((g) => isRecord(g) && isString(g.id, LIMITS.id, 1) && isString(g.text, LIMITS.short, 1) && (g.sikt === 'kort' || g.sikt === 'lang')),
    )
  );
}

/** The plan's own fields of a sound record (a row carries `updatedAt` and `deletedAt` besides). */
export function pickPlan(raw: Raw): Plan {
  const { id, name, vision, blades, rings, catalogue, createdAt, recipient } = raw as unknown as Plan;
  const plan: Plan = { id, name, vision, blades, rings, catalogue, createdAt };
  const to = typeof recipient === 'string' ? recipient.trim() : '';
  return to ? { ...plan, recipient: to } : plan;
}

/** A sound item record of `plan`, with links to what the catalogue no longer has dropped quietly. */
export function soundItemOf(raw: Raw, plan: Plan): Item {
  const item = pickItem(raw);
  if (item.delomraden.length === 0 && item.effektmal.length === 0) return item;
  const { areas, goals } = planIds(plan);
  if (item.delomraden.some((d) => !areas.has(d))) item.delomraden = item.delomraden.filter((d) => areas.has(d));
  if (item.effektmal.some((g) => !goals.has(g))) item.effektmal = item.effektmal.filter((g) => goals.has(g));
  return item;
}

export interface RestoredDoc {
  doc: PlanDoc;
  /** What was repaired or left out, in Swedish; empty when the records were sound. */
  notes: string[];
}

/** Ranks consecutive per container (in stored order), the limits' italics settled (unless `settled`: they were when the records were written). */
export function assemble(plan: Plan, items: Iterable<Item>, settled = false): PlanDoc {
  const groups = new Map<string, Item[]>();
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const key = containerKey(item.cell);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const byId: Record<string, Item> = {};
  for (const list of groups.values()) {
    list.sort((a, b) => a.rank - b.rank);
    list.forEach((item, rank) => {
      if (item.rank !== rank) item.rank = rank;
      byId[item.id] = item;
    });
  }
  const doc = { plan, items: byId };
  if (!settled) settleExtras(doc);
  return doc;
}

/**
 * A plan and its items from records that are all sound (after their defaults): the fast way
 * every ordinary start takes. Null when any record is not: then ./repair.ts restores them.
 * `open`: a document's reading (see `soundPlan`); `settled`: the limits' italics were settled when the records were written.
 */
export function restoreSound(planRaw: unknown, itemRaws: readonly unknown[], open = false, settled = false): PlanDoc | null {
  if (!isRecord(planRaw)) return null;
  const planRecord = planWithDefaults(planRaw);
  if (!soundPlan(planRecord, open)) return null;
  const plan = pickPlan(planRecord);
  const items: Item[] = [];
  for (const raw of itemRaws) {
    if (!isRecord(raw)) return null;
    const record = withItemDefaults(raw);
    if (!soundItem(record, plan)) return null;
    items.push(soundItemOf(record, plan));
  }
  return assemble(plan, items, settled);
}
