// The first read of the app: replay the write-ahead log, then read the plan open last.
// index.html loads src/early.ts before the app, so this starts while React and the rest
// of the app are still being evaluated.
import type { PlanDoc } from '../domain/types';
import { loadLastDoc } from './repository';
import { replayLogs } from './wal';

let early: Promise<PlanDoc | null> | null = null;

/** Start the first read (once); src/early.ts calls this before the app loads. */
export function startupRead(): Promise<PlanDoc | null> {
  early ??= replayLogs().then(() => loadLastDoc());
  return early;
}

/** The app's start takes the early read, if any; a later start reads afresh. */
export function takeStartupRead(): Promise<PlanDoc | null> {
  const read = startupRead();
  early = null;
  return read;
}
