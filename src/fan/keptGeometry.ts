// The fan's geometry kept across page loads, per plan: a plan opens with the angles, radii and
// text size it had — people find things where they left them — and the first layout only checks
// that they still fit instead of searching afresh (the slowest part of opening a big plan).
//
// Kept in IndexedDB beside the plan (src/db: the `meta` store), read with the plan by the early
// read and handed here before the first layout (`seedGeometries`); the fan reads and keeps them
// here, in memory, and storage writes what it kept (`onGeometryKept`). (They were kept in
// localStorage: the first look at it loads all of it, the write-ahead log's base too — 20–60 ms
// of the first paint of a big plan.) Anything unreadable is ignored.
//
// With them lie the cells as the plan's last layout drew them (src/fan/flowAll.ts): the first
// layout takes each cell whose box and texts are the same from there instead of flowing it.
import { type MadeCell, readStoredCells, type StoredCell, storedCells } from './flowAll';
import type { FanGeometry } from './layout';

/** Bumped when the layout's choices change, so geometries of an older layout are not kept. */
const LAYOUT_VERSION = 2;
/** Geometries kept per plan (one per screen size, view and dictionary state seen last). */
const KEEP = 4;

/** As stored: the layout's version with the geometries, most recent first, and the cells last drawn. */
export interface KeptGeometries {
  version: number;
  geometries: FanGeometry[];
  cells?: StoredCell[];
}

/** Cells are not stored when they would make the stored value longer than this (characters). */
const MAX_STORED = 2_000_000;

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

/** What a stored value (JSON) holds: nothing when it is of another layout version or cannot be read. */
function readKept(stored: unknown): { geometries: FanGeometry[]; cells: Map<string, StoredCell> } {
  let read: Partial<KeptGeometries> | null | undefined;
  try {
    read = typeof stored === 'string' ? (JSON.parse(stored) as Partial<KeptGeometries> | null) : null;
  } catch {
    read = null;
  }
  if (!read || typeof read !== 'object' || read.version !== LAYOUT_VERSION || !Array.isArray(read.geometries)) return { geometries: [], cells: new Map() };
  return { geometries: read.geometries.filter(isGeometry), cells: readStoredCells(read.cells) };
}

/** The geometries a stored value (JSON) holds. */
export const readGeometries = (stored: unknown): FanGeometry[] => readKept(stored).geometries;

const known = new Map<string, FanGeometry[]>();
/** Cells read from storage, per plan, until the plan's cells are drawn here. */
const seededCells = new Map<string, ReadonlyMap<string, StoredCell>>();
/** The cells the plan's last layout here made. */
const madeCells = new Map<string, ReadonlyMap<string, MadeCell>>();
/** Plans whose geometries or cells were kept and not yet handed to storage. */
const unsaved = new Set<string>();
const listeners = new Set<(planId: string) => void>();

/** The geometries and cells stored for a plan, as read from storage (a plan already known here keeps what it has). */
export function seedGeometries(planId: string, stored: unknown): void {
  if (known.has(planId)) return;
  const read = readKept(stored);
  known.set(planId, read.geometries);
  if (read.cells.size > 0 && !madeCells.has(planId)) seededCells.set(planId, read.cells);
}

/** Whether the geometries of a plan are known here (read from storage, or kept since). */
export const geometriesKnown = (planId: string): boolean => known.has(planId);

/** The geometries kept for a plan, most recent first. */
export function keptGeometries(planId: string): FanGeometry[] {
  return known.get(planId) ?? [];
}

/**
 * The size the plan's fan was last laid out at with these fonts, interactive or not (a
 * geometry's key begins with it): the fan's first pass draws at this size, so opening a plan
 * measures the page once, with the fan in it. Null when none is kept.
 */
export function keptSize(planId: string, fonts: { min: number; max: number }, interactive: boolean): { width: number; height: number } | null {
  for (const g of keptGeometries(planId)) {
    let key: unknown;
    try {
      key = JSON.parse(g.key);
    } catch {
      continue;
    }
    if (!Array.isArray(key)) continue;
    const [width, height, , made, , laidOutInteractive] = key as unknown[];
    const f = made as { min?: unknown; max?: unknown } | null;
    if (isNumber(width) && isNumber(height) && f?.min === fonts.min && f?.max === fonts.max && laidOutInteractive === (interactive ? 1 : 0)) return { width, height };
  }
  return null;
}

/** The cells kept for a plan: as its last layout here drew them, else as storage held them. */
export function keptCells(planId: string): ReadonlyMap<string, StoredCell> | undefined {
  const made = madeCells.get(planId);
  return made ? new Map(storedCells(made).map((c) => [c.s, c])) : seededCells.get(planId);
}

const tell = (planId: string) => {
  if (listeners.size === 0) unsaved.add(planId);
  for (const listener of listeners) listener(planId);
};

/** Keep the geometry the fan is drawn with now. */
export function keepGeometry(planId: string, geometry: FanGeometry): void {
  known.set(planId, [geometry, ...keptGeometries(planId).filter((g) => g.key !== geometry.key)].slice(0, KEEP));
  tell(planId);
}

/** Keep the cells the fan is drawn with now (storage makes their stored form when it writes). */
export function keepCells(planId: string, made: ReadonlyMap<string, MadeCell>): void {
  if (madeCells.get(planId) === made) return;
  madeCells.set(planId, made);
  seededCells.delete(planId);
  tell(planId);
}

/** What storage keeps for a plan (JSON): its geometries, and the cells last drawn unless they are too many. */
export function storedGeometries(planId: string): string {
  const geometries = keptGeometries(planId);
  const made = madeCells.get(planId);
  const cells = made ? storedCells(made) : [...(seededCells.get(planId)?.values() ?? [])];
  const whole = JSON.stringify({ version: LAYOUT_VERSION, geometries, cells } satisfies KeptGeometries);
  return whole.length <= MAX_STORED ? whole : JSON.stringify({ version: LAYOUT_VERSION, geometries } satisfies KeptGeometries);
}

/** Be told of every plan whose geometry or cells were kept (storage writes them); told at once of those kept before. */
export function onGeometryKept(listener: (planId: string) => void): () => void {
  listeners.add(listener);
  for (const planId of unsaved) listener(planId);
  unsaved.clear();
  return () => listeners.delete(listener);
}

/** Forget everything known here (tests). */
export function forgetGeometries(): void {
  known.clear();
  seededCells.clear();
  madeCells.clear();
  unsaved.clear();
}
