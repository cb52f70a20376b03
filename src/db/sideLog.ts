// The write-ahead log of the stores beside the plan (Prioritera's votes, Samla in's
// collection): each change is put in localStorage the moment it happens (synchronous), and
// dropped once its IndexedDB write has committed; at the next load a logged row wins, so a
// reload or a closed tab mid-vote loses nothing. One row per store and plan: the latest.
export type SideKind = 'voting' | 'collection';

/** Rows larger than this are not logged (localStorage is small); IndexedDB still gets them. */
const MAX_LOGGED = 1_000_000;

const keyOf = (kind: SideKind, planId: string) => `solfjadern:side:${kind}:${planId}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Log a store's row; returns a token to drop it with once written (null when not logged). */
export function logSide(kind: SideKind, planId: string, row: unknown): string | null {
  const s = storage();
  if (!s) return null;
  const token = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  try {
    const text = JSON.stringify({ token, row });
    if (text.length > MAX_LOGGED) {
      s.removeItem(keyOf(kind, planId));
      return null;
    }
    s.setItem(keyOf(kind, planId), text);
    return token;
  } catch {
    return null;
  }
}

/** The write logged with `token` has committed: drop it (unless a later change replaced it). */
export function dropSide(kind: SideKind, planId: string, token: string | null): void {
  const s = storage();
  if (!s || !token) return;
  try {
    const logged = JSON.parse(s.getItem(keyOf(kind, planId)) ?? 'null') as { token?: string } | null;
    if (logged?.token === token) s.removeItem(keyOf(kind, planId));
  } catch {
    s.removeItem(keyOf(kind, planId));
  }
}

/** A row logged but perhaps not written (the tab closed first), or null. */
export function readSide(kind: SideKind, planId: string): unknown {
  const s = storage();
  if (!s) return null;
  try {
    const logged = JSON.parse(s.getItem(keyOf(kind, planId)) ?? 'null') as { row?: unknown } | null;
    return logged?.row ?? null;
  } catch {
    return null;
  }
}

/** Log a row, then store it with `save`; the log goes once the write has committed. */
export function writeSide<T>(kind: SideKind, planId: string, row: T, save: (row: T) => Promise<void>, failed: () => void): void {
  const token = logSide(kind, planId, row);
  save(row)
    .then(() => dropSide(kind, planId, token))
    .catch(failed);
}
