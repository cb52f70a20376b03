// The first read of the app: the plan open last. src/early.ts reads its rows straight from
// IndexedDB while the app's code loads (src/db/earlyRead.ts); when that read stood aside
// (no database yet, an older schema) or a write-ahead log waits, replay the log, then read
// through the storage module.
import type { PlanDoc } from '../domain/types';
import { takeEarlyRead } from './earlyRead';
import { docFromRows, loadLastDoc } from './repository';
import { logsWaiting, replayLogs } from './wal';

let early: Promise<PlanDoc | null> | null = null;

async function firstRead(): Promise<PlanDoc | null> {
  const rows = await takeEarlyRead();
  // Logged edits may be newer than the rows read: replay them, then read again.
  const doc = rows && !logsWaiting() ? await docFromRows(rows.planRow, rows.itemRows) : null;
  if (doc) return doc;
  await replayLogs();
  return loadLastDoc();
}

/** Start the first read (once). */
export function startupRead(): Promise<PlanDoc | null> {
  early ??= firstRead();
  return early;
}

/** The app's start takes the first read; a later start reads afresh. */
export function takeStartupRead(): Promise<PlanDoc | null> {
  const read = startupRead();
  early = null;
  return read;
}
