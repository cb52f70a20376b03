// Uppföljning's records as stored (the plan's document, the plan file): each checked on its
// own, the way every record comes in (src/schema/records.ts). A record that is not sound is left
// out and named; the rest of the follow-up stands.
import { type FollowUp, type FollowUpSource, type Judgement, JUDGEMENTS, MAX_FOLLOW_UP_TEXT, MAX_SOURCE_LENGTH, type Measurement, type Performed, type Period, periodOfId, type Progress, PROGRESS_STATES } from '../domain/followup';
import { isReservedId } from '../domain/ids';
import { MAX_AUTHOR_LENGTH } from '../domain/types';
import { LIMITS } from '../domain/limits';
import { isRecord } from './records';

export const FOLLOW_UP_KINDS = ['periods', 'progress', 'measurements', 'judgements', 'performed'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.id && !isReservedId(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTime = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 40;
const isWho = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_AUTHOR_LENGTH;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A key of two ids ("period|item"), split; null when it is not one. */
function pair(key: string): [string, string] | null {
  const at = key.indexOf('|');
  if (at < 0) return null;
  const [a, b] = [key.slice(0, at), key.slice(at + 1)];
  return isId(a) && isId(b) && !b.includes('|') ? [a, b] : null;
}

function source(v: unknown): FollowUpSource | null | undefined {
  if (v === null || v === undefined) return null;
  return isRecord(v) && isId(v.inputId) && isText(v.kalla, MAX_SOURCE_LENGTH) ? { inputId: v.inputId, kalla: v.kalla } : undefined;
}

function period(key: string, v: Record<string, unknown>): Period | null {
  const p = periodOfId(key);
  if (!p || (v.closedAt !== null && v.closedAt !== undefined && !isTime(v.closedAt))) return null;
  return { ...p, closedAt: (v.closedAt as string | undefined) ?? null };
}

function progress(key: string, v: Record<string, unknown>): Progress | null {
  const ids = pair(key);
  const from = source(v.source);
  if (!ids || !periodOfId(ids[0]) || !PROGRESS_STATES.includes(v.state as never) || !isText(v.comment ?? '', MAX_FOLLOW_UP_TEXT) || !isWho(v.by) || !isTime(v.at) || from === undefined) return null;
  return { periodId: ids[0], itemId: ids[1], state: v.state as Progress['state'], comment: (v.comment as string | undefined) ?? '', by: v.by, at: v.at, source: from };
}

function measurement(key: string, v: Record<string, unknown>): Measurement | null {
  if (!isId(key) || !isId(v.itemId) || typeof v.date !== 'string' || !DATE.test(v.date) || typeof v.value !== 'number' || !Number.isFinite(v.value)) return null;
  if (!isText(v.source ?? '', MAX_SOURCE_LENGTH) || !isWho(v.by) || !isTime(v.at)) return null;
  return { id: key, itemId: v.itemId, date: v.date, value: v.value, source: (v.source as string | undefined) ?? '', by: v.by, at: v.at };
}

function judgement(key: string, v: Record<string, unknown>): Judgement | null {
  const ids = pair(key);
  if (!ids || !periodOfId(ids[0]) || !JUDGEMENTS.includes(v.judgement as never) || !isText(v.text ?? '', MAX_FOLLOW_UP_TEXT) || !isWho(v.by) || !isTime(v.at)) return null;
  return { periodId: ids[0], delomradeId: ids[1], judgement: v.judgement as Judgement['judgement'], text: (v.text as string | undefined) ?? '', by: v.by, at: v.at };
}

function performed(key: string, v: Record<string, unknown>): Performed | null {
  const area = v.delomradeId ?? null;
  const input = v.inputId ?? null;
  if (!isId(key) || typeof v.periodId !== 'string' || !periodOfId(v.periodId) || (area !== null && !isId(area)) || (input !== null && !isId(input))) return null;
  if (typeof v.text !== 'string' || !v.text.trim() || v.text.length > MAX_FOLLOW_UP_TEXT || !isText(v.kalla, MAX_SOURCE_LENGTH)) return null;
  return { id: key, periodId: v.periodId, delomradeId: area as string | null, text: v.text, kalla: v.kalla, inputId: input as string | null };
}

const READERS: { [K in FollowUpKind]: (key: string, v: Record<string, unknown>) => FollowUp[K][string] | null } = { periods: period, progress, measurements: measurement, judgements: judgement, performed };

/** One stored record, restored; null when it is not sound. */
export function restoreFollowUpRecord<K extends FollowUpKind>(kind: K, key: string, raw: unknown): FollowUp[K][string] | null {
  return isRecord(raw) && !isReservedId(key) ? (READERS[kind](key, raw) as FollowUp[K][string] | null) : null;
}

/** A record as stored: its own fields (the key it lies under names it). */
export function storedFollowUpRecord<K extends FollowUpKind>(kind: K, record: FollowUp[K][string]): Record<string, unknown> {
  switch (kind) {
    case 'periods': {
      const { closedAt } = record as Period;
      return { closedAt };
    }
    case 'progress': {
      const { periodId: _p, itemId: _i, ...rest } = record as Progress;
      return rest;
    }
    case 'judgements': {
      const { periodId: _p, delomradeId: _d, ...rest } = record as Judgement;
      return rest;
    }
    default: {
      const { id: _id, ...rest } = record as Measurement | Performed;
      return rest;
    }
  }
}

/** The key a record lies under. */
export function followUpKey(kind: FollowUpKind, record: FollowUp[FollowUpKind][string]): string {
  if (kind === 'progress') return `${(record as Progress).periodId}|${(record as Progress).itemId}`;
  if (kind === 'judgements') return `${(record as Judgement).periodId}|${(record as Judgement).delomradeId}`;
  return (record as Period | Measurement | Performed).id;
}

const WHAT: Record<FollowUpKind, string> = {
  periods: 'en uppföljningsperiod',
  progress: 'en aktivitets läge',
  measurements: 'ett uppmätt värde',
  judgements: 'en bedömning',
  performed: 'en uppgift om vad som genomförts',
};

/** Records of every kind, restored; what is not sound is left out and named in `notes` (Swedish). */
export function restoreFollowUp(stored: { [K in FollowUpKind]?: Iterable<[string, unknown]> }, notes: string[] = []): FollowUp {
  const out: FollowUp = { periods: {}, progress: {}, measurements: {}, judgements: {}, performed: {} };
  for (const kind of FOLLOW_UP_KINDS) {
    let left = 0;
    for (const [key, raw] of stored[kind] ?? []) {
      const record = restoreFollowUpRecord(kind, key, raw);
      if (record) (out[kind] as Record<string, unknown>)[key] = record;
      else left++;
    }
    if (left > 0) notes.push(`Uppföljningen: ${left === 1 ? WHAT[kind] : `${left} poster (${WHAT[kind]})`} kunde inte läsas och lämnades utanför.`);
  }
  return out;
}

/** The key a record of a file lies under, from its own fields; null when they do not name one. */
function fileKey(kind: FollowUpKind, raw: Record<string, unknown>): string | null {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  if (kind === 'progress') return str(raw.periodId) && str(raw.itemId) ? `${raw.periodId as string}|${raw.itemId as string}` : null;
  if (kind === 'judgements') return str(raw.periodId) && str(raw.delomradeId) ? `${raw.periodId as string}|${raw.delomradeId as string}` : null;
  return str(raw.id);
}

/**
 * A plan file's follow-up (each record whole, per kind), restored record by record: what is not
 * sound, or names an item, delområde or period the file does not have, is left out and named.
 */
export function followUpFromFile(
  file: { [K in FollowUpKind]: ReadonlyArray<Record<string, unknown>> },
  known: { items: ReadonlySet<string>; delomraden: ReadonlySet<string> },
  warnings: string[],
): FollowUp {
  const stored: { [K in FollowUpKind]?: Array<[string, unknown]> } = {};
  let unnamed = 0;
  for (const kind of FOLLOW_UP_KINDS) {
    stored[kind] = file[kind].flatMap((raw): Array<[string, unknown]> => {
      const key = fileKey(kind, raw);
      if (key === null) unnamed++;
      return key === null ? [] : [[key, raw]];
    });
  }
  const followUp = restoreFollowUp(stored, warnings);
  let unknown = 0;
  const drop = <K extends FollowUpKind>(kind: K, keep: (record: FollowUp[K][string]) => boolean) => {
    const records = followUp[kind] as Record<string, FollowUp[K][string]>;
    for (const [key, record] of Object.entries(records))
      if (!keep(record)) {
        delete records[key];
        unknown++;
      }
  };
  const period = (id: string) => id in followUp.periods;
  drop('progress', (p) => known.items.has(p.itemId) && period(p.periodId));
  drop('measurements', (m) => known.items.has(m.itemId));
  drop('judgements', (j) => known.delomraden.has(j.delomradeId) && period(j.periodId));
  drop('performed', (d) => period(d.periodId) && (d.delomradeId === null || known.delomraden.has(d.delomradeId)));
  if (unnamed + unknown > 0) warnings.push(`Uppföljningen: ${unnamed + unknown === 1 ? 'en uppgift' : `${unnamed + unknown} uppgifter`} om aktiviteter, delområden eller perioder som inte finns i filen lämnades utanför.`);
  return followUp;
}
