// The fan's geometry kept across page loads (localStorage, per plan): a plan opens with the
// angles, radii and text size it had — people find things where they left them — and the
// first layout only checks that they still fit instead of searching afresh (the slowest part
// of opening a big plan). Anything unreadable here is ignored.
import type { FanGeometry } from './layout';

const PREFIX = 'solfjadern:fan:';
/** Bumped when the layout's choices change, so geometries of an older layout are not kept. */
const LAYOUT_VERSION = 2;
/** Geometries kept per plan (one per screen size, view and dictionary state seen last). */
const KEEP = 4;

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

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

/** The geometries kept for a plan, most recent first. */
export function keptGeometries(planId: string): FanGeometry[] {
  try {
    const read = JSON.parse(storage()?.getItem(PREFIX + planId) ?? 'null') as { version?: unknown; geometries?: unknown } | null;
    if (!read || read.version !== LAYOUT_VERSION || !Array.isArray(read.geometries)) return [];
    return read.geometries.filter(isGeometry);
  } catch {
    return [];
  }
}

/** Keep the geometry the fan is drawn with now. */
export function keepGeometry(planId: string, geometry: FanGeometry): void {
  const s = storage();
  if (!s) return;
  const geometries = [geometry, ...keptGeometries(planId).filter((g) => g.key !== geometry.key)].slice(0, KEEP);
  try {
    s.setItem(PREFIX + planId, JSON.stringify({ version: LAYOUT_VERSION, geometries }));
  } catch {
    // localStorage full: the next load lays the fan out afresh.
  }
}
