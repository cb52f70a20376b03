// Uppföljning: the plan followed up through its years. Per follow-up period (a year, "2025", or
// a tertial, "T2 2026") each item has its progress in the exact words of the yearly report
// (Ej påbörjad, Pågår, Klar, Försenad, Avbruten) with a comment, who said it and when; items'
// indicators get measured values over time; each delområde gets the joint judgement of its
// indicators; the offices say what they did ("Genomfört av utförare"). A period is closed once
// it is reported: nothing in it changes until it is opened again.
//
// Plain records keyed by id, one record per thing people change apart (two people setting two
// items' progress never touch the same record). The operations mutate the FollowUp they are
// given (a draft or a plain copy) and throw RuleError with a Swedish message, changing nothing,
// when a rule would break.
import { RuleError } from './rules';
import { MAX_YEAR, MIN_YEAR, parsePeriod, periodLabel } from './periods';
import { JUDGEMENTS, type JudgementValue, PROGRESS_STATES, type ProgressState } from './followUpWords';
import type { Item, ItemId, Plan } from './types';
import { MAX_AUTHOR_LENGTH } from './types';

// The yearly report's words (progress states and marks, judgements, the form's headings): ./followUpWords.ts.
export * from './followUpWords';

export const MAX_FOLLOW_UP_TEXT = 4000;
export const MAX_SOURCE_LENGTH = 200;

/** A follow-up period: a whole year, or one of its tertials (T1 January–April, T2 May–August, T3 September–December). */
export interface Period {
  /** "2025" or "2026-T2": the same period has the same id on every device (two people adding it make one). */
  id: string;
  year: number;
  tertial: 1 | 2 | 3 | null;
  /** When it was closed (ISO 8601), null while open. */
  closedAt: string | null;
}

/** Where a source says it came from: an office's answer read by "Samla in". */
export interface FollowUpSource {
  inputId: string;
  kalla: string;
}

/** An item's progress in a period. */
export interface Progress {
  periodId: string;
  itemId: ItemId;
  state: ProgressState;
  comment: string;
  /** Who said it: a person, or the office whose answer it came from. */
  by: string;
  at: string;
  source: FollowUpSource | null;
}

/** A measured value of an item's indicator. */
export interface Measurement {
  id: string;
  itemId: ItemId;
  /** The day it was measured (YYYY-MM-DD). */
  date: string;
  value: number;
  /** Where the value comes from ("Vården i siffror", an annual report). */
  source: string;
  by: string;
  at: string;
}

/** The joint judgement of a delområde's indicators in a period. */
export interface Judgement {
  periodId: string;
  delomradeId: string;
  judgement: JudgementValue;
  text: string;
  by: string;
  at: string;
}

/** What an office did in a period ("Genomfört av utförare under <år>"). */
export interface Performed {
  id: string;
  periodId: string;
  /** The delområde it belongs under in the report; null when the office did not say. */
  delomradeId: string | null;
  text: string;
  kalla: string;
  inputId: string | null;
}

export interface FollowUp {
  periods: Record<string, Period>;
  /** By `progressKey`. */
  progress: Record<string, Progress>;
  measurements: Record<string, Measurement>;
  /** By `judgementKey`. */
  judgements: Record<string, Judgement>;
  performed: Record<string, Performed>;
}

export const emptyFollowUp = (): FollowUp => ({ periods: {}, progress: {}, measurements: {}, judgements: {}, performed: {} });

export const progressKey = (periodId: string, itemId: ItemId) => `${periodId}|${itemId}`;
export const judgementKey = (periodId: string, delomradeId: string) => `${periodId}|${delomradeId}`;

/** Add a period (one already there is returned as it is). */
export function addPeriod(followUp: FollowUp, text: string): Period {
  const parsed = parsePeriod(text);
  const existing = followUp.periods[parsed.id];
  if (existing) return existing;
  const period: Period = { ...parsed, closedAt: null };
  followUp.periods[period.id] = period;
  return period;
}

function openPeriod(followUp: FollowUp, periodId: string): Period {
  const period = followUp.periods[periodId];
  if (!period) throw new RuleError('Perioden finns inte längre.');
  if (period.closedAt) throw new RuleError(`Perioden ${periodLabel(period)} är stängd. Öppna den igen för att ändra.`);
  return period;
}

/** Close a period once it is reported: nothing in it changes until it is opened again. */
export function closePeriod(followUp: FollowUp, periodId: string, at: string): void {
  const period = openPeriod(followUp, periodId);
  period.closedAt = at;
}

export function reopenPeriod(followUp: FollowUp, periodId: string): void {
  const period = followUp.periods[periodId];
  if (!period) throw new RuleError('Perioden finns inte längre.');
  period.closedAt = null;
}

/** Remove a period with everything said in it (refused while it is closed). */
export function removePeriod(followUp: FollowUp, periodId: string): void {
  openPeriod(followUp, periodId);
  delete followUp.periods[periodId];
  for (const [key, p] of Object.entries(followUp.progress)) if (p.periodId === periodId) delete followUp.progress[key];
  for (const [key, j] of Object.entries(followUp.judgements)) if (j.periodId === periodId) delete followUp.judgements[key];
  for (const [id, d] of Object.entries(followUp.performed)) if (d.periodId === periodId) delete followUp.performed[id];
}

// Texts

function cleanLine(text: string, max: number, what: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length > max) throw new RuleError(`${what} får vara högst ${max} tecken (nu ${clean.length}).`);
  return clean;
}

/** A longer text: paragraphs kept, spaces within them collapsed. */
function cleanText(text: string, what: string): string {
  const clean = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
  if (clean.length > MAX_FOLLOW_UP_TEXT) throw new RuleError(`${what} får vara högst ${MAX_FOLLOW_UP_TEXT} tecken (nu ${clean.length}).`);
  return clean;
}

function author(by: string): string {
  const clean = cleanLine(by, MAX_AUTHOR_LENGTH, 'Namnet');
  if (!clean) throw new RuleError('Skriv vem som följer upp.');
  return clean;
}

// Progress

/** Set an item's progress in a period (replacing what was said before in it). */
export function setProgress(
  followUp: FollowUp,
  items: Record<ItemId, Item>,
  change: { periodId: string; itemId: ItemId; state: ProgressState; comment?: string; by: string; at: string; source?: FollowUpSource | null },
): Progress {
  openPeriod(followUp, change.periodId);
  if (!items[change.itemId]) throw new RuleError('Aktiviteten finns inte längre.');
  if (!PROGRESS_STATES.includes(change.state)) throw new RuleError('Välj Ej påbörjad, Pågår, Klar, Försenad eller Avbruten.');
  const progress: Progress = {
    periodId: change.periodId,
    itemId: change.itemId,
    state: change.state,
    comment: cleanText(change.comment ?? '', 'Kommentaren'),
    by: author(change.by),
    at: change.at,
    source: change.source ?? null,
  };
  followUp.progress[progressKey(change.periodId, change.itemId)] = progress;
  return progress;
}

/** Take back what was said of an item in a period. */
export function clearProgress(followUp: FollowUp, periodId: string, itemId: ItemId): void {
  openPeriod(followUp, periodId);
  delete followUp.progress[progressKey(periodId, itemId)];
}

export const progressOf = (followUp: FollowUp, periodId: string, itemId: ItemId): Progress | null => followUp.progress[progressKey(periodId, itemId)] ?? null;

/**
 * Whether an item's ring year has passed by the end of a period and it is not Klar (nor
 * Avbruten: stopped on purpose): it stands out. A year's period and its third tertial end the
 * year, so the year's own ring is due; the first two tertials look at earlier years only.
 */
export function overdue(plan: Plan, followUp: FollowUp, period: Pick<Period, 'id' | 'year' | 'tertial'>, item: Item): boolean {
  if (!item.cell || item.status === 'stryks') return false;
  const ring = plan.rings.find((r) => r.id === item.cell!.ringId);
  if (!ring || !ringDue(ring.year, period)) return false;
  const state = progressOf(followUp, period.id, item.id)?.state;
  return state !== 'klar' && state !== 'avbruten';
}

/** Whether a ring of this year is due by the end of a period (see `overdue`). */
export function ringDue(year: number | null, period: Pick<Period, 'year' | 'tertial'>): boolean {
  if (year === null) return false;
  return period.tertial === null || period.tertial === 3 ? year <= period.year : year < period.year;
}

// Indicators

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(date: string): string {
  const match = DATE.exec(date.trim());
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const real = match && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d && m >= 1 && m <= 12;
  if (!real || y < MIN_YEAR || y > MAX_YEAR) throw new RuleError('Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2025-12-31.');
  return date.trim();
}

/** A number as people write it in Swedish: "12,5", "1 234", "−3". */
export function parseValue(text: string): number {
  const clean = text.replace(/[\s\u00a0]/g, '').replace(',', '.').replace('−', '-');
  const value = clean === '' ? NaN : Number(clean);
  if (!Number.isFinite(value)) throw new RuleError('Skriv värdet som ett tal, till exempel 12,5.');
  return value;
}

export function addMeasurement(
  followUp: FollowUp,
  items: Record<ItemId, Item>,
  value: { id: string; itemId: ItemId; date: string; value: number; source?: string; by: string; at: string },
): Measurement {
  if (!items[value.itemId]) throw new RuleError('Aktiviteten finns inte längre.');
  if (!Number.isFinite(value.value)) throw new RuleError('Skriv värdet som ett tal, till exempel 12,5.');
  const measurement: Measurement = {
    id: value.id,
    itemId: value.itemId,
    date: checkDate(value.date),
    value: value.value,
    source: cleanLine(value.source ?? '', MAX_SOURCE_LENGTH, 'Källan'),
    by: author(value.by),
    at: value.at,
  };
  followUp.measurements[measurement.id] = measurement;
  return measurement;
}

export function removeMeasurement(followUp: FollowUp, id: string): void {
  if (!followUp.measurements[id]) throw new RuleError('Värdet finns inte längre.');
  delete followUp.measurements[id];
}

/** An item's measured values in time order (by date, then when entered). */
export function measurementsOf(followUp: FollowUp, itemId: ItemId): Measurement[] {
  return Object.values(followUp.measurements)
    .filter((m) => m.itemId === itemId)
    .sort((a, b) => a.date.localeCompare(b.date) || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

// Judgements and what the offices did

export function judge(
  followUp: FollowUp,
  plan: Plan,
  change: { periodId: string; delomradeId: string; judgement: JudgementValue; text?: string; by: string; at: string },
): Judgement {
  openPeriod(followUp, change.periodId);
  if (!plan.catalogue.delomraden.some((d) => d.id === change.delomradeId)) throw new RuleError('Delområdet finns inte längre.');
  if (!JUDGEMENTS.includes(change.judgement)) throw new RuleError('Välj Rätt riktning, Oförändrat, Fel riktning eller Går inte att bedöma.');
  const judgement: Judgement = {
    periodId: change.periodId,
    delomradeId: change.delomradeId,
    judgement: change.judgement,
    text: cleanText(change.text ?? '', 'Bedömningen'),
    by: author(change.by),
    at: change.at,
  };
  followUp.judgements[judgementKey(change.periodId, change.delomradeId)] = judgement;
  return judgement;
}

/** Take back the joint judgement of a delområde in a period. */
export function clearJudgement(followUp: FollowUp, periodId: string, delomradeId: string): void {
  openPeriod(followUp, periodId);
  delete followUp.judgements[judgementKey(periodId, delomradeId)];
}

export function addPerformed(followUp: FollowUp, plan: Plan, entry: Performed): Performed {
  openPeriod(followUp, entry.periodId);
  if (entry.delomradeId !== null && !plan.catalogue.delomraden.some((d) => d.id === entry.delomradeId)) throw new RuleError('Delområdet finns inte längre.');
  const text = cleanText(entry.text, 'Texten');
  if (!text) throw new RuleError('Skriv vad som genomförts.');
  const performed: Performed = { ...entry, text, kalla: cleanLine(entry.kalla, MAX_SOURCE_LENGTH, 'Förvaltningens namn') };
  followUp.performed[performed.id] = performed;
  return performed;
}

export function removePerformed(followUp: FollowUp, id: string): void {
  const entry = followUp.performed[id];
  if (!entry) throw new RuleError('Texten finns inte längre.');
  openPeriod(followUp, entry.periodId);
  delete followUp.performed[id];
}

// Periods by name and in order: ./periods.ts; what moved between two: ./periodComparison.ts.
export { MAX_YEAR, MIN_YEAR, parsePeriod, periodLabel, periodOfId, periodOrder, periodsInOrder } from './periods';

// Copies

/**
 * The follow-up of a copied plan: records that refer to items refer to their copies (`ids`:
 * old id → new); those of items not copied are left out. Periods, judgements and what the
 * offices did are kept as they are.
 */
export function remapFollowUp(followUp: FollowUp, ids: ReadonlyMap<ItemId, ItemId>): FollowUp {
  const out: FollowUp = { periods: structuredClone(followUp.periods), progress: {}, measurements: {}, judgements: structuredClone(followUp.judgements), performed: structuredClone(followUp.performed) };
  for (const p of Object.values(followUp.progress)) {
    const itemId = ids.get(p.itemId);
    if (itemId) out.progress[progressKey(p.periodId, itemId)] = { ...structuredClone(p), itemId };
  }
  for (const m of Object.values(followUp.measurements)) {
    const itemId = ids.get(m.itemId);
    if (itemId) out.measurements[m.id] = { ...structuredClone(m), itemId };
  }
  return out;
}
