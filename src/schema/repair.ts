// The careful way for records that are not sound as they are (./records.ts checks that
// fast): through the file format's zod schema, field by field — defaults filled, texts longer
// than the format allows cut, what cannot be read reset or left out, an item whose cell is
// gone back in Inspel — and every repair named in Swedish. Loaded only when needed (it
// brings zod).
import { FIELD_WORDS } from '../domain/fieldWords';
import { LIMITS } from '../domain/limits';
import { MAX_AUTHOR_LENGTH, MAX_BLADES, MAX_COMMENT_LENGTH, MAX_RINGS, MIN_BLADES, MIN_RINGS, type Item, type Plan } from '../domain/types';
import { BLADE_PALETTE } from '../domain/operations';
import { catalogueSchema, itemSchema, planSchema } from './planFile';
import { assemble, isRecord, ITEM_BLANKS, planWithDefaults, type RestoredDoc, soundItem, soundItemOf, withItemDefaults } from './records';

type Raw = Record<string, unknown>;

/** What an item field falls back to when what is stored cannot be read. */
const FIELD_FALLBACK: Record<string, () => unknown> = {
  ...ITEM_BLANKS,
  cell: () => null,
  rank: () => Number.MAX_SAFE_INTEGER,
};


/** A plan read from its document: blades and rings beyond the limits are kept (shown, never hidden). */
const openPlanSchema = planSchema.extend({ blades: planSchema.shape.blades.element.array().min(1), rings: planSchema.shape.rings.element.array().min(1) });

const quote = (text: string) => `”${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;

const cut = (value: unknown, max: number) => (typeof value === 'string' && value.length > max ? value.slice(0, max) : value);

/** A blade of a stored plan: its name and colour repaired where they cannot be read; null without an id. */
function repairBlade(raw: unknown, index: number, notes: string[]): Raw | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !raw.id) return null;
  const name = typeof raw.name === 'string' && raw.name.trim() ? cut(raw.name, LIMITS.bladeName) : `Fokusområde ${index + 1}`;
  const colorOk = typeof raw.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(raw.color);
  if (!colorOk) notes.push(`Fokusområdet ${quote(String(name))}: färgen kunde inte läsas och sattes om.`);
  if (name !== raw.name && typeof raw.name !== 'string') notes.push(`Fokusområde ${index + 1}: namnet kunde inte läsas och sattes till ${quote(String(name))}.`);
  return { id: raw.id, name, color: colorOk ? raw.color : BLADE_PALETTE[index % BLADE_PALETTE.length] };
}

function repairRing(raw: unknown, index: number): Raw | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !raw.id) return null;
  const year = Number.isInteger(raw.year) && (raw.year as number) >= 2000 && (raw.year as number) <= 2100 ? raw.year : null;
  return { id: raw.id, label: typeof raw.label === 'string' && raw.label.trim() ? cut(raw.label, LIMITS.ringLabel) : `Ring ${index + 1}`, year };
}

/** Blades or rings as far as they can be read, filled up to the least a plan has (empty placeholders). */
function repairList(raw: unknown, repair: (x: unknown, i: number) => Raw | null, min: number, max: number, placeholder: (i: number) => Raw): { list: Raw[]; added: number; lost: boolean } {
  const read = Array.isArray(raw) ? raw.map(repair).filter((x): x is Raw => x !== null) : [];
  const seen = new Set<unknown>();
  const list = read.filter((x) => !seen.has(x.id) && seen.add(x.id)).slice(0, max);
  const lost = !Array.isArray(raw) || list.length < raw.length;
  let added = 0;
  while (list.length < min) list.push(placeholder(list.length + added++));
  return { list, added, lost };
}

/**
 * A plan's stored record, or null when it cannot be read at all (it is then left alone, not
 * opened). Each part that cannot be read falls back on its own — the name, the vision, a
 * blade's colour, the blades or rings as a whole (placeholders; their items go to Inspel),
 * the catalogue — and is named in `notes`.
 */
export function restorePlanRecord(raw: unknown, notes: string[] = [], open = false): Plan | null {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !raw.id) return null;
  let plan = planWithDefaults(raw);
  const schema = open ? openPlanSchema : planSchema;
  let parsed = schema.safeParse(plan);
  if (!parsed.success) {
    const said: string[] = [];
    const name = typeof plan.name === 'string' && plan.name.trim() ? cut(plan.name, LIMITS.name) : 'Namnlös plan';
    if (name !== plan.name) said.push(typeof plan.name === 'string' && plan.name.trim() ? 'Planens namn var för långt och kortades.' : 'Planens namn kunde inte läsas och blev ”Namnlös plan”.');
    const vision = typeof plan.vision === 'string' ? cut(plan.vision, LIMITS.short) : '';
    if (vision !== plan.vision) said.push('Planens vision kunde inte läsas som den var och rättades.');
    const blades = repairList(plan.blades, (b, i) => repairBlade(b, i, said), open ? 1 : MIN_BLADES, open ? Number.POSITIVE_INFINITY : MAX_BLADES, (i) => ({ id: `fokusomrade-${i + 1}`, name: `Fokusområde ${i + 1}`, color: BLADE_PALETTE[i % BLADE_PALETTE.length] }));
    if (blades.lost || blades.added) said.push(`Planens fokusområden kunde inte läsas fullt ut${blades.added ? `; ${blades.added} tomma lades till` : ''}. Aktiviteter i fokusområden som inte gick att läsa ligger i Inspel.`);
    const rings = repairList(plan.rings, repairRing, open ? 1 : MIN_RINGS, open ? Number.POSITIVE_INFINITY : MAX_RINGS, (i) => ({ id: `ring-${i + 1}`, label: `Ring ${i + 1}`, year: null }));
    if (rings.lost || rings.added) said.push(`Planens ringar kunde inte läsas fullt ut${rings.added ? `; ${rings.added} tomma lades till` : ''}. Aktiviteter i ringar som inte gick att läsa ligger i Inspel.`);
    const catalogueOk = catalogueSchema.safeParse(plan.catalogue).success;
    if (!catalogueOk) said.push('Planens katalog över delområden och effektmål kunde inte läsas och är tom.');
    plan = {
      ...plan,
      name,
      vision,
      createdAt: typeof plan.createdAt === 'string' ? cut(plan.createdAt, 40) : new Date().toISOString(),
      blades: blades.list,
      rings: rings.list,
      catalogue: catalogueOk ? plan.catalogue : { delomraden: [], kallor: [] },
    };
    parsed = schema.safeParse(plan);
    if (!parsed.success) return null;
    notes.push(...(said.length > 0 ? said : ['Planens uppgifter kunde inte läsas som de var och rättades.']));
  }
  const recipient = typeof raw.recipient === 'string' && raw.recipient.trim() ? raw.recipient.trim().slice(0, LIMITS.name) : undefined;
  return recipient ? { ...parsed.data, recipient } : parsed.data;
}

/** One item record: restored (maybe repaired), or null when it has to be left out; `notes` says what happened. */
export function restoreItemRecord(raw: unknown, plan: Plan, notes: string[]): Item | null {
  if (isRecord(raw)) {
    const record = withItemDefaults(raw);
    if (soundItem(record, plan)) return soundItemOf(record, plan);
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
    notes.push(`Aktiviteten ${name}: ${FIELD_WORDS[field] ?? field} kunde inte läsas och återställdes.`);
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

/**
 * A plan and its items from stored records: each record restored, ranks made consecutive per
 * container (in stored order), the limits' italics settled. Null when the plan itself cannot
 * be read.
 */
export function restoreDocRecords(planRaw: unknown, itemRaws: Iterable<unknown>, open = false): RestoredDoc | null {
  const notes: string[] = [];
  const plan = restorePlanRecord(planRaw, notes, open);
  if (!plan) return null;
  const items: Item[] = [];
  for (const raw of itemRaws) {
    const item = restoreItemRecord(raw, plan, notes);
    if (item) items.push(item);
  }
  return { doc: assemble(plan, items), notes };
}
