// The fan's geometry kept across page loads, per plan: a plan opens with the angles, radii and
// text size it had — people find things where they left them — and the first layout only checks
// that they still fit instead of searching afresh (the slowest part of opening a big plan).
//
// Kept in IndexedDB beside the plan (src/db: the `meta` store), read with the plan by the early
// read and handed here before the first layout (`seedGeometries`); the fan reads and keeps them
// here, in memory, and storage writes what it kept (`onGeometryKept`). (They were kept in
// localStorage: the first look at it loads all of it, the write-ahead log's base too — 20–60 ms
// of the first paint of a big plan.) Anything unreadable is ignored.
import type { FanGeometry } from './layout';

/** Bumped when the layout's choices change, so geometries of an older layout are not kept. */
const LAYOUT_VERSION = 2;
/** Geometries kept per plan (one per screen size, view and dictionary state seen last). */
const KEEP = 4;

/** As stored: the layout's version with the geometries, most recent first. */
export interface KeptGeometries {
  version: number;
  geometries: FanGeometry[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isGeometry(g: unknown): g is FanGeometry {
  if (!g || typeof g !== 'object') return false;
  const x = g as Record<string, unknown>;
  return (
    typeof x.key === 'string' &&
    Array.isArray(x.spans) &&
    x.spans.every((s) => Array.isArray(s) && s.length === 2 && s.every(isNumber)) &&
    Array.isArray(x.radii) &&
    x.radii.every((r) => Array.isArray(r) && r.every(isNumber)) &&
    [x.fontSize, x.bandLines, x.hidden, x.total, x.legendRows].every(isNumber)
  );
}

/** The geometries a stored value (JSON) holds: none when it is of another layout version or cannot be read. */
export function readGeometries(stored: unknown): FanGeometry[] {
  let read: Partial<KeptGeometries> | null | undefined;
  try {
    read = typeof stored === 'string' ? (JSON.parse(stored) as Partial<KeptGeometries> | null) : null;
  } catch {
    return [];
  }
  if (!read || typeof read !== 'object' || read.version !== LAYOUT_VERSION || !Array.isArray(read.geometries)) return [];
  return read.geometries.filter(isGeometry);
}

const known = new Map<string, FanGeometry[]>();
/** Plans whose geometries were kept and not yet handed to storage. */
const unsaved = new Set<string>();
const listeners = new Set<(planId: string, kept: KeptGeometries) => void>();

/** The geometries stored for a plan, as read from storage (a plan already known here keeps what it has). */
export function seedGeometries(planId: string, stored: unknown): void {
  if (!known.has(planId)) known.set(planId, readGeometries(stored));
}

/** Whether the geometries of a plan are known here (read from storage, or kept since). */
export const geometriesKnown = (planId: string): boolean => known.has(planId);

/** The geometries kept for a plan, most recent first. */
export function keptGeometries(planId: string): FanGeometry[] {
  return known.get(planId) ?? [];
}

/** Keep the geometry the fan is drawn with now. */
export function keepGeometry(planId: string, geometry: FanGeometry): void {
  const geometries = [geometry, ...keptGeometries(planId).filter((g) => g.key !== geometry.key)].slice(0, KEEP);
  known.set(planId, geometries);
  if (listeners.size === 0) unsaved.add(planId);
  for (const listener of listeners) listener(planId, { version: LAYOUT_VERSION, geometries });
}

/** Be told of every geometry kept (storage writes them); told at once of those kept before. */
export function onGeometryKept(listener: (planId: string, kept: KeptGeometries) => void): () => void {
  listeners.add(listener);
  for (const planId of unsaved) listener(planId, { version: LAYOUT_VERSION, geometries: keptGeometries(planId) });
  unsaved.clear();
  return () => listeners.delete(listener);
}

/** Forget everything known here (tests). */
export function forgetGeometries(): void {
  known.clear();
  unsaved.clear();
}
