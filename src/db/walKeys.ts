// Where the write-ahead log (./wal.ts) lies in localStorage, and whether a log waits to be
// replayed — asked before the first paint, so this part needs nothing the log's own code does.

export const PREFIX = 'solfjadern:wal:';
/** A tab log's key with this after it holds the open plan's base beside the log. */
export const BASE = ':base';

export const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

export const logKeys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => !!k && k.startsWith(PREFIX));

const anyKey = (test: (key: string) => boolean): boolean => {
  const s = storage();
  return !!s && logKeys(s).some(test);
};

/** Whether any tab's log waits to be replayed. */
export const logsWaiting = (): boolean => anyKey((k) => !k.endsWith(BASE));

/** Whether a base lies in localStorage (one whose tab has closed, at the start of a page). */
export const basesLeft = (): boolean => anyKey((k) => k.endsWith(BASE));
