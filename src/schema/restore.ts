// Reading a plan file: one pipeline — size → JSON → ours? → version → migrate → shape
// (zod) → meaning (ids, cells, links) → a PlanDoc. Every refusal is one clear Swedish
// message naming the problem; nothing is thrown across the UI and nothing is stored here.
import { JSON_TOO_DEEP, nestsDeeperThan } from '../files/jsonDepth';
import type { z } from 'zod';
import { containerKey } from '../domain/containers';
import { settleExtras } from '../domain/priorities';
import type { Item, PlanDoc } from '../domain/types';
import { fileTooLarge, MAX_FILE_BYTES } from '../domain/limits';
import { migrateFile } from './migrations';
import type { FollowUp } from '../domain/followup';
import { followUpFromFile } from './followUpRecords';
import { FILE_FORMAT, FILE_VERSION, LIMITS, planFileSchema } from './planFile';

export { MAX_FILE_BYTES };

/** `recipient`: who the file was sent to ("Skicka ut"), '' when it does not say. */
export type ReadResult = { ok: true; doc: PlanDoc; followUp: FollowUp; warnings: string[]; recipient: string } | { ok: false; error: string };

const fail = (error: string): ReadResult => ({ ok: false, error });

const FIELD_NAMES: Record<string, string> = {
  text: 'texten',
  description: 'beskrivningen',
  name: 'namnet',
  label: 'etiketten',
  year: 'året',
  color: 'färgen',
  id: 'id',
  planId: 'plan-id',
  delomraden: 'delområdena',
  effektmal: 'effektmålen',
  indikator: 'indikatorn',
  target: 'målvärdet',
  unit: 'enheten',
  ansvarsniva: 'ansvarsnivån',
  kalla: 'källan',
  extra: 'extra-markeringen',
  status: 'statusen',
  comments: 'kommentarerna',
  author: 'kommentarens författare',
  at: 'kommentarens tid',
  cell: 'cellen',
  bladeId: 'fokusområdet',
  ringId: 'ringen',
  rank: 'prioriteten',
  vision: 'visionen',
  blades: 'fokusområdena',
  rings: 'ringarna',
  catalogue: 'katalogen',
  createdAt: 'skapad-datumet',
  sikt: 'sikten',
  kallor: 'källorna',
  sources: 'förslagen den bygger på',
  inputId: 'förslagets id',
  recipient: 'mottagaren',
};

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function problem(issue: z.core.$ZodIssue, field: string, value: unknown): string {
  const what = FIELD_NAMES[field] ?? `fältet "${field}"`;
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? `${what} saknas` : `${what} har fel typ`;
    case 'too_small':
      return issue.origin === 'string' ? `${what} saknas` : issue.origin === 'array' ? `${what}: för få (minst ${issue.minimum})` : `${what} är för litet`;
    case 'too_big':
      return issue.origin === 'string'
        ? `${what} är för lång (högst ${issue.maximum} tecken)`
        : issue.origin === 'array'
          ? `${what}: för många (högst ${issue.maximum})`
          : `${what} är för stort`;
    case 'invalid_format':
      return `${what} har fel format`;
    default:
      return `${what} har ett ogiltigt värde`;
  }
}

/** Where in the plan a path points, in the words of the plan: "Rad 3 i fokusområdet 'X'". */
function place(raw: Raw, path: PropertyKey[]): string {
  const plan = isObject(raw.plan) ? raw.plan : {};
  const blades = Array.isArray(plan.blades) ? (plan.blades as unknown[]) : [];
  const bladeName = (bladeId: unknown) => {
    const blade = blades.find((b) => isObject(b) && b.id === bladeId);
    return isObject(blade) && typeof blade.name === 'string' ? blade.name : String(bladeId ?? '?');
  };
  const [root, index] = path;
  if (root === 'items' && typeof index === 'number') {
    const items = Array.isArray(raw.items) ? (raw.items as unknown[]) : [];
    const item = items[index];
    const cell = isObject(item) && isObject(item.cell) ? item.cell : null;
    // The row is the item's place among the file's items of the same container.
    const key = (x: unknown) => (isObject(x) && isObject(x.cell) ? `${String(x.cell.bladeId)}|${String(x.cell.ringId)}` : 'inspel');
    const row = items.slice(0, index + 1).filter((x) => key(x) === key(item)).length;
    return cell ? `Rad ${row} i fokusområdet '${bladeName(cell.bladeId)}'` : `Rad ${row} i Inspel`;
  }
  if (root === 'plan') {
    const [, part, i] = path;
    if (part === 'blades' && typeof i === 'number') return `Fokusområde ${i + 1}`;
    if (part === 'rings' && typeof i === 'number') return `Ring ${i + 1}`;
    if (part === 'catalogue') return 'Katalogen';
    return 'Planen';
  }
  return 'Filen';
}

function describe(raw: Raw, issue: z.core.$ZodIssue): string {
  const field = [...issue.path].reverse().find((p) => typeof p === 'string') as string | undefined;
  return `${place(raw, issue.path)}: ${problem(issue, field ?? 'värdet', valueAt(raw, issue.path))}.`;
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}


/** Read a plan file's text into a plan, or say in Swedish why not. */
export function readPlanFile(text: string): ReadResult {
  const size = text.length > MAX_FILE_BYTES / 4 ? byteLength(text) : text.length;
  if (size > MAX_FILE_BYTES) return fail(fileTooLarge(size));
  if (nestsDeeperThan(text)) return fail(JSON_TOO_DEEP);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('Filen är inte giltig JSON – den kan vara trasig eller avkortad.');
  }
  if (!isObject(json) || json.format !== FILE_FORMAT)
    return fail('Filen är inte en plan från Solfjädern (formatet "solfjadern-plan" saknas).');
  if (typeof json.version !== 'number' || !Number.isInteger(json.version) || json.version < 1)
    return fail('Filen saknar en giltig versionsuppgift.');
  if (json.version > FILE_VERSION)
    return fail(
      `Filen är gjord med en nyare version av Solfjädern (filformat ${json.version}; den här versionen läser upp till ${FILE_VERSION}). Uppdatera appen och försök igen.`,
    );
  const migrated = migrateFile(json);
  const parsed = planFileSchema.safeParse(migrated.file);
  if (!parsed.success) return fail(describe(migrated.file, parsed.error.issues[0]!));
  const { plan, items } = parsed.data;
  const warnings = [...migrated.warnings];

  const bladeIds = new Set(plan.blades.map((b) => b.id));
  const ringIds = new Set(plan.rings.map((r) => r.id));
  if (bladeIds.size !== plan.blades.length) return fail('Planen: två fokusområden har samma id.');
  if (ringIds.size !== plan.rings.length) return fail('Planen: två ringar har samma id.');
  const goalIds = new Set(plan.catalogue.delomraden.flatMap((d) => d.effektmal.map((g) => g.id)));
  const areaIds = new Set(plan.catalogue.delomraden.map((d) => d.id));

  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    // Where it is, in the plan's words — only worked out for a message (it counts rows).
    const where = () => place(migrated.file, ['items', index]);
    if (seen.has(item.id)) return fail(`${where()}: aktiviteten har samma id som en annan aktivitet (${item.id.slice(0, LIMITS.id)}).`);
    seen.add(item.id);
    if (item.planId !== plan.id) return fail(`${where()}: aktiviteten hör till en annan plan.`);
    if (item.cell && (!bladeIds.has(item.cell.bladeId) || !ringIds.has(item.cell.ringId)))
      return fail(`${where()}: cellen finns inte i planen (okänt fokusområde eller okänd ring).`);
    if (item.delomraden.some((d) => !areaIds.has(d))) return fail(`${where()}: ett delområde finns inte i katalogen.`);
    if (item.effektmal.some((g) => !goalIds.has(g))) return fail(`${where()}: ett effektmål finns inte i katalogen.`);
  }

  // Ranks become 0, 1, 2… per container, in the file's rank order (ties: file order).
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = containerKey(item.cell);
    const list = groups.get(key) ?? [];
    list.push({ ...item });
    groups.set(key, list);
  }
  const byId: Record<string, Item> = {};
  for (const list of groups.values()) {
    const sorted = list.map((item, i) => ({ item, i })).sort((a, b) => a.item.rank - b.item.rank || a.i - b.i);
    sorted.forEach(({ item }, rank) => {
      if (item.rank !== rank) {
        item.rank = rank;
        if (!warnings.includes('Prioriteterna numrerades om.')) warnings.push('Prioriteterna numrerades om.');
      }
      byId[item.id] = item;
    });
  }
  const recipient = parsed.data.recipient?.trim() ?? '';
  const doc = { plan: recipient ? { ...plan, recipient } : plan, items: byId };
  // "extra" follows from the limits and choices: what the file says is recomputed, not trusted.
  settleExtras(doc);
  const followUp = followUpFromFile(parsed.data.followUp, { items: seen, delomraden: areaIds }, warnings);
  return { ok: true, doc, followUp, warnings, recipient };
}
