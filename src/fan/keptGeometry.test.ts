// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { containersOf } from '../domain/containers';
import { createExampleDoc } from '../domain/plan';
import { forgetGeometries, keepGeometry, keptGeometries, keptSize, onGeometryKept, readGeometries, seedGeometries, storedGeometries } from './keptGeometry';
import { computeFanLayout, EDIT_FONTS, type LayoutInput } from './layout';
import { estimateMeasure } from './text';

beforeEach(() => forgetGeometries());

const input = (width: number): LayoutInput => {
  const doc = createExampleDoc();
  return { ...doc.plan, containers: containersOf(doc), width, height: 700, unfoldedBladeId: null, measure: estimateMeasure };
};

describe('the fan geometry kept across page loads', () => {
  it('a plan opens with the geometry it had on this screen: a kept one made for the same input is used as it is', () => {
    // The geometry it had while it held more items (the same blades and rings: the same input shape).
    const fuller = createExampleDoc();
    const [cell] = Object.values(fuller.items).filter((i) => i.cell);
    for (let k = 0; k < 6; k++) fuller.items[`extra-${k}`] = { ...cell!, id: `extra-${k}`, text: `En aktivitet till med en ganska lång text nummer ${k + 1}`, rank: 100 + k };
    const then = computeFanLayout({ ...input(1366), containers: containersOf(fuller) }).geometry;
    const fresh = computeFanLayout(input(1366));
    expect(fresh.radii).not.toEqual(then.radii);
    keepGeometry('plan-1', then);
    const again = computeFanLayout({ ...input(1366), kept: keptGeometries('plan-1') });
    expect(again.radii).toEqual(then.radii);
    expect(again.spans).toEqual(then.spans);
    // Made for another screen: not used.
    const wide = computeFanLayout({ ...input(1600), kept: keptGeometries('plan-1') });
    expect(wide.geometry).toEqual(computeFanLayout(input(1600)).geometry);
  });

  it('tells the size the fan was last laid out at, for the same fonts and use', () => {
    expect(keptSize('plan-1', EDIT_FONTS, true)).toBeNull();
    keepGeometry('plan-1', computeFanLayout({ ...input(1166), interactive: true }).geometry);
    keepGeometry('plan-1', computeFanLayout({ ...input(1366), height: 650, interactive: true }).geometry);
    expect(keptSize('plan-1', EDIT_FONTS, true)).toEqual({ width: 1366, height: 650 });
    // A read-only fan or other type sizes (Presentera) has sizes of its own.
    expect(keptSize('plan-1', EDIT_FONTS, false)).toBeNull();
    expect(keptSize('plan-1', { min: 20, max: 32 }, true)).toBeNull();
    keepGeometry('plan-1', computeFanLayout({ ...input(1000), interactive: false }).geometry);
    expect(keptSize('plan-1', EDIT_FONTS, false)).toEqual({ width: 1000, height: 700 });
    expect(keptSize('plan-1', EDIT_FONTS, true)).toEqual({ width: 1366, height: 650 });
    // What cannot be read is passed over.
    seedGeometries('plan-2', JSON.stringify({ version: 2, geometries: [{ ...computeFanLayout(input(900)).geometry, key: '{fel' }] }));
    expect(keptSize('plan-2', EDIT_FONTS, true)).toBeNull();
  });

  it('keeps the latest four per plan, and ignores what cannot be read', () => {
    const g = computeFanLayout(input(1366)).geometry;
    for (let i = 0; i < 6; i++) keepGeometry('plan-1', { ...g, key: `k${i}` });
    expect(keptGeometries('plan-1').map((x) => x.key)).toEqual(['k5', 'k4', 'k3', 'k2']);
    expect(keptGeometries('plan-2')).toEqual([]);
    seedGeometries('plan-3', '{"version":2,"geometries":[{"key":"x","spans":"fel"}]}');
    expect(keptGeometries('plan-3')).toEqual([]);
    seedGeometries('plan-4', 'inte json');
    expect(keptGeometries('plan-4')).toEqual([]);
    // Of an older layout: not used.
    seedGeometries('plan-5', JSON.stringify({ version: 1, geometries: [g] }));
    expect(keptGeometries('plan-5')).toEqual([]);
  });

  it('are read from what storage holds, and handed to storage as they are kept (those kept before it listened, too)', () => {
    const g = computeFanLayout(input(1366)).geometry;
    seedGeometries('plan-1', JSON.stringify({ version: 2, geometries: [g] }));
    expect(keptGeometries('plan-1')).toEqual([g]);
    // What this page kept already is not replaced by a later read of storage.
    keepGeometry('plan-1', { ...g, key: 'nyare' });
    seedGeometries('plan-1', JSON.stringify({ version: 2, geometries: [g] }));
    expect(keptGeometries('plan-1').map((x) => x.key)).toEqual(['nyare', g.key]);
    const told: Array<[string, string[]]> = [];
    const off = onGeometryKept((planId) => told.push([planId, readGeometries(storedGeometries(planId)).map((x) => x.key)]));
    expect(told).toEqual([['plan-1', ['nyare', g.key]]]);
    keepGeometry('plan-2', g);
    expect(told.at(-1)).toEqual(['plan-2', [g.key]]);
    off();
  });
});
