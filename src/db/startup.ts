// The first read of the app: the plan open last. src/early.ts reads its rows straight from
// IndexedDB while the app's code loads (src/db/earlyRead.ts); when that read stood aside
// (no database yet, an older schema, a plan not yet made a document) or a write-ahead log
// waits, replay the log, then read through the storage module.
import { takeEarlyRead } from './earlyRead';
import { loadLastPlan, type OpenablePlan, planFromRows } from './repository';
import { logsWaiting, replayLogs } from './wal';
import { basesLeft } from './walKeys';

let early: Promise<OpenablePlan | null> | null = null;

async function firstRead(): Promise<OpenablePlan | null> {
  const rows = await takeEarlyRead();
  // Logged edits may be newer than the rows read: replay them, then read again.
  const stored = rows && !logsWaiting() ? await planFromRows(rows.planRow, rows.updates, rows.lastSeq, rows.view) : null;
  if (stored) {
    // Bases that closed tabs left beside their emptied logs go now, in the background (replayed
    // first: one may still make a lost plan again). Left, each page load added one (300 KB at
    // 1,000 items), and every start loads all of localStorage on its first look.
    if (basesLeft()) void replayLogs().catch(() => {});
    return stored;
  }
  await replayLogs();
  return loadLastPlan();
}

/** Start the first read (once). */
export function startupRead(): Promise<OpenablePlan | null> {
  early ??= firstRead();
  return early;
}

/** The app's start takes the first read; a later start reads afresh. */
export function takeStartupRead(): Promise<OpenablePlan | null> {
  const read = startupRead();
  early = null;
  return read;
}
