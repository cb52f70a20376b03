// Compaction asked of the worker (./compactWorker.ts), made on first use and kept for the page's
// life. False when there is no worker to ask (no Worker here, or it could not be loaded): then
// the caller compacts on this thread.
import type { CompactAnswer, CompactRequest } from './compactWorker';

let worker: Worker | null = null;
/** The worker could not be made or loaded: not tried again. */
let unavailable = typeof Worker === 'undefined';
let next = 0;
const waiting = new Map<number, (done: boolean) => void>();

function theWorker(): Worker | null {
  if (unavailable) return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./compactWorker.ts', import.meta.url), { type: 'module', name: 'solfjadern-compaction' });
  } catch {
    unavailable = true;
    return null;
  }
  worker.onmessage = ({ data }: MessageEvent<CompactAnswer>) => {
    waiting.get(data.id)?.(true);
    waiting.delete(data.id);
  };
  // The worker's script failed to load or threw: those waiting are done here instead.
  worker.onerror = () => {
    unavailable = true;
    worker?.terminate();
    worker = null;
    for (const done of waiting.values()) done(false);
    waiting.clear();
  };
  return worker;
}

/** Have the worker merge a plan's pieces in database `dbName`; resolves true when it did (or tried and failed: nothing is lost). */
export function compactInWorker(dbName: string, planId: string): Promise<boolean> {
  const w = theWorker();
  if (!w) return Promise.resolve(false);
  const id = ++next;
  return new Promise<boolean>((resolve) => {
    waiting.set(id, resolve);
    w.postMessage({ id, dbName, planId } satisfies CompactRequest);
  });
}
