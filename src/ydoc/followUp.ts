// Uppföljning in the plan's document: a root map per kind of record, one entry per record,
// written whole (two people saying two items' progress never touch the same entry):
//
//   periods       period id ("2025", "2026-T2") → { closedAt }
//   progress      "period|item"       → { state, comment, by, at, source }
//   measurements  value id            → { itemId, date, value, source, by, at }
//   judgements    "period|delområde"  → { judgement, text, by, at }
//   performed     entry id            → { periodId, delomradeId, text, kalla, inputId }
//
// A client that does not know these maps leaves them as they are (Yjs keeps what it does not
// read), so a document followed up here loses nothing in an older tab or peer.
import * as Y from 'yjs';
import type { FollowUp } from '../domain/followup';
import { FOLLOW_UP_KINDS, type FollowUpKind, restoreFollowUpRecord, restoreFollowUp, storedFollowUpRecord } from '../schema/followUpRecords';
import { plain } from './read';

export { FOLLOW_UP_KINDS, type FollowUpKind };

export const followUpMap = (ydoc: Y.Doc, kind: FollowUpKind) => ydoc.getMap<unknown>(kind);

/** Every follow-up map of a document (what undo tracks, what the binding watches). */
export const followUpMaps = (ydoc: Y.Doc): Y.Map<unknown>[] => FOLLOW_UP_KINDS.map((kind) => followUpMap(ydoc, kind));

/** The follow-up as the document holds it; what cannot be read is left out and named. */
export function readFollowUp(ydoc: Y.Doc, notes: string[] = []): FollowUp {
  const stored: { [K in FollowUpKind]?: Array<[string, unknown]> } = {};
  for (const kind of FOLLOW_UP_KINDS) stored[kind] = [...followUpMap(ydoc, kind).entries()].map(([key, value]) => [key, plain(value)]);
  return restoreFollowUp(stored, notes);
}

/**
 * The follow-up after a transaction that changed the entries named in `changed`: those read
 * again, every other record (and every kind untouched) the same object as before.
 */
export function readFollowUpChanges(ydoc: Y.Doc, prev: FollowUp, changed: ReadonlyMap<FollowUpKind, ReadonlySet<string>>): FollowUp {
  let next: FollowUp | null = null;
  for (const [kind, keys] of changed) {
    const map = followUpMap(ydoc, kind);
    const before = prev[kind] as Record<string, unknown>;
    let records: Record<string, unknown> | null = null;
    for (const key of keys) {
      const record = map.has(key) ? restoreFollowUpRecord(kind, key, plain(map.get(key))) : null;
      if (record === null && !(key in (records ?? before))) continue;
      records ??= { ...before };
      if (record) records[key] = record;
      else delete records[key];
    }
    if (records) {
      next ??= { ...prev };
      (next as unknown as Record<string, unknown>)[kind] = records;
    }
  }
  return next ?? prev;
}

/** Write what differs between two follow-ups (records compared by identity, as operations on a draft make them). */
export function writeFollowUp(ydoc: Y.Doc, before: FollowUp, after: FollowUp): void {
  for (const kind of FOLLOW_UP_KINDS) {
    const [was, now] = [before[kind] as Record<string, never>, after[kind] as Record<string, never>];
    if (was === now) continue;
    const map = followUpMap(ydoc, kind);
    for (const key of Object.keys(was)) if (!(key in now)) map.delete(key);
    for (const [key, record] of Object.entries(now)) if (record !== was[key]) map.set(key, storedFollowUpRecord(kind, record));
  }
}
