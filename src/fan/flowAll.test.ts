// @vitest-environment jsdom
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { swedish } from '../../tests/fixtures/swedish';
import { seededRandom } from '../../tests/fixtures/random';
import { containerKey, containersOf, type ContainerKey } from '../domain/containers';
import { createExampleDoc } from '../domain/plan';
import type { CellText } from './cells';
import type { FanLayout, LayoutInput } from './layout';
import { estimateMeasure, type Measure } from './text';

// Every cell flowed is counted (the module's own function, wrapped). The unit setup has loaded
// the fan's modules already: they are loaded afresh, over the wrapped one.
vi.mock('./flow', async (importOriginal) => {
  const original = await importOriginal<typeof import('./flow')>();
  return { ...original, flowCell: vi.fn(original.flowCell) };
});
let flowed: ReturnType<typeof vi.fn>;
let computeFanLayout: typeof import('./layout').computeFanLayout;
let cellsModule: typeof import('./flowAll');
let kept: typeof import('./keptGeometry');
beforeAll(async () => {
  vi.resetModules();
  flowed = vi.mocked((await import('./flow')).flowCell);
  ({ computeFanLayout } = await import('./layout'));
  cellsModule = await import('./flowAll');
  kept = await import('./keptGeometry');
});

beforeEach(() => {
  kept.forgetGeometries();
  flowed.mockClear();
});

const WORDS = 'vårdcentralsöverenskommelse kompetensförsörjning digitalisering invånare samverkan ledarskap uppföljning tillgänglighet patientsäkerhet hälsofrämjande'.split(' ');

/** The example plan with `perCell` items of long Swedish words in every cell. */
function bigPlan(perCell: number): LayoutInput {
  const doc = createExampleDoc();
  const random = seededRandom(7);
  const containers = new Map<ContainerKey, CellText[]>(containersOf(doc));
  for (const blade of doc.plan.blades)
    for (const ring of doc.plan.rings) {
      const key = containerKey({ bladeId: blade.id, ringId: ring.id });
      const list: CellText[] = Array.from({ length: perCell }, (_, k) => ({
        id: `${blade.id}-${ring.id}-${k}`,
        text: Array.from({ length: 3 + Math.floor(random() * 6) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
        extra: k % 5 === 4,
      }));
      containers.set(key, list);
    }
  return { ...doc.plan, containers, width: 1366, height: 700, unfoldedBladeId: null, measure: estimateMeasure };
}

/** A fresh text measure: nothing of an earlier layout in the same test is reused in memory. */
const freshMeasure = (): Measure => (text, font) => estimateMeasure(text, font);

/** What a cell draws, without its line generator (functions). */
const drawn = (layout: FanLayout) => layout.cells.map(({ flow: { lines: _lines, ...rest }, ...cell }) => ({ ...cell, flow: rest }));

/** Through storage and back: what a page load reads. */
function reloaded(planId: string): void {
  const stored = kept.storedGeometries(planId);
  kept.forgetGeometries();
  kept.seedGeometries(planId, stored);
}

describe('a plan opens with its cells as they were last drawn', () => {
  it('draws every cell from storage as the last layout made it, flowing none', () => {
    const input = bigPlan(12);
    const first = computeFanLayout({ ...input, measure: freshMeasure() });
    expect(first.cells.some((c) => c.flow.hidden > 0)).toBe(true);
    kept.keepGeometry('p', first.geometry);
    kept.keepCells('p', first.made);
    reloaded('p');
    flowed.mockClear();
    const again = computeFanLayout({ ...input, measure: freshMeasure(), kept: kept.keptGeometries('p'), keptCells: kept.keptCells('p') });
    expect(flowed).not.toHaveBeenCalled();
    expect(drawn(again)).toEqual(drawn(first));
    expect(again.geometry).toEqual(first.geometry);
  });

  it('flows again only the cells whose texts changed since, and draws them as a fresh layout would', () => {
    const input = bigPlan(3);
    const first = computeFanLayout({ ...input, measure: freshMeasure() });
    kept.keepGeometry('p', first.geometry);
    kept.keepCells('p', first.made);
    reloaded('p');
    const containers = new Map(input.containers);
    const [key, list] = [...containers].find(([, l]) => l.length > 0)!;
    containers.set(key, [{ ...list[0]!, text: 'Ändrad text' }, ...list.slice(1)]);
    flowed.mockClear();
    const changed = computeFanLayout({ ...input, containers, measure: freshMeasure(), kept: kept.keptGeometries('p'), keptCells: kept.keptCells('p') });
    expect(flowed).toHaveBeenCalledTimes(1);
    const fresh = computeFanLayout({ ...input, containers, measure: freshMeasure(), previous: first.geometry });
    expect(drawn(changed)).toEqual(drawn(fresh));
    const cell = changed.cells.find((c) => c.key === key)!;
    expect(cell.flow.items[0]!.text).toBe('Ändrad text');
  });

  it('a cell’s items behind "+N till" are read afresh; the first of them decides with those drawn whether its flow is still good', () => {
    const input = bigPlan(12);
    const first = computeFanLayout({ ...input, measure: freshMeasure() });
    kept.keepGeometry('p', first.geometry);
    kept.keepCells('p', first.made);
    reloaded('p');
    const cell = first.cells.find((c) => c.flow.hidden > 1)!;
    const list = input.containers.get(cell.key)!;
    const shown = cell.flow.items.length;
    const withText = (i: number, text: string) => {
      const containers = new Map(input.containers);
      containers.set(cell.key, list.map((t, k) => (k === i ? { ...t, text } : t)));
      return containers;
    };
    // The last one hidden: the stored flow stands, the hidden items say what they say now.
    flowed.mockClear();
    const late = computeFanLayout({ ...input, containers: withText(list.length - 1, 'Ny text längst bak'), measure: freshMeasure(), kept: kept.keptGeometries('p'), keptCells: kept.keptCells('p') });
    expect(flowed).not.toHaveBeenCalled();
    expect(late.cells.find((c) => c.key === cell.key)!.flow.hiddenItems.at(-1)!.text).toBe('Ny text längst bak');
    // The first one hidden, now short enough to be drawn: flowed again, as a fresh layout flows it.
    const containers = withText(shown, 'Kort');
    const next = computeFanLayout({ ...input, containers, measure: freshMeasure(), kept: kept.keptGeometries('p'), keptCells: kept.keptCells('p') });
    expect(flowed).toHaveBeenCalledTimes(1);
    const fresh = computeFanLayout({ ...input, containers, measure: freshMeasure(), previous: first.geometry });
    expect(drawn(next)).toEqual(drawn(fresh));
  });

  it('before the hyphenation dictionary has loaded, takes the hyphenated geometry and its cells: the picture the plan keeps', () => {
    const input = { ...bigPlan(4), hyphenate: swedish() };
    const hyphenated = computeFanLayout({ ...input, measure: freshMeasure() });
    kept.keepGeometry('p', hyphenated.geometry);
    kept.keepCells('p', hyphenated.made);
    reloaded('p');
    const measure = freshMeasure();
    flowed.mockClear();
    const early = computeFanLayout({ ...input, hyphenate: null, measure, kept: kept.keptGeometries('p'), keptCells: kept.keptCells('p') });
    expect(flowed).not.toHaveBeenCalled();
    expect(early.geometry.key).toBe(hyphenated.geometry.key);
    expect(drawn(early).map((c) => c.flow)).toEqual(drawn(hyphenated).map((c) => c.flow));
    // The dictionary arrives: the same picture, nothing flowed again.
    const later = computeFanLayout({ ...input, measure, previous: early.geometry });
    expect(flowed).not.toHaveBeenCalled();
    expect(drawn(later)).toEqual(drawn(hyphenated));
    // Without kept cells the early layout is of whole words (its own geometry).
    const plain = computeFanLayout({ ...input, hyphenate: null, measure: freshMeasure() });
    expect(plain.geometry.key).not.toBe(hyphenated.geometry.key);
  });

  it('ignores stored cells that do not match the texts or cannot be read', () => {
    const input = bigPlan(3);
    const first = computeFanLayout({ ...input, measure: freshMeasure() });
    const cells = cellsModule.storedCells(first.made);
    expect(cells.length).toBeGreaterThan(0);
    // Another hash: the texts are not those it was flowed from.
    const wrong = cellsModule.readStoredCells(cells.map((c) => ({ ...c, h: c.h + 1 })));
    flowed.mockClear();
    const again = computeFanLayout({ ...input, measure: freshMeasure(), previous: first.geometry, keptCells: wrong });
    expect(flowed).toHaveBeenCalledTimes(cells.length);
    expect(drawn(again)).toEqual(drawn(first));
    expect(cellsModule.readStoredCells([{ s: 'x', h: 1 }, 'skräp', { ...cells[0], items: [[0, 'fel']] }, cells[1]]).size).toBe(1);
    expect(cellsModule.readStoredCells('inte en lista').size).toBe(0);
    expect(cellsModule.hashOf('a')).not.toBe(cellsModule.hashOf('b'));
  });

  it('storage keeps the cells last drawn with the geometries; too many, and only the geometries', () => {
    const input = bigPlan(2);
    const first = computeFanLayout({ ...input, measure: freshMeasure() });
    kept.keepGeometry('p', first.geometry);
    kept.keepCells('p', first.made);
    const stored = JSON.parse(kept.storedGeometries('p'));
    expect(stored.geometries).toHaveLength(1);
    expect(stored.cells).toHaveLength(cellsModule.storedCells(first.made).length);
    // A plan whose cells would be too long to store: its geometries only.
    const huge = new Map([...first.made].map(([k, v]) => [k, { ...v, shape: { ...v.shape, flow: { ...v.shape.flow, items: v.shape.flow.items.map((i) => ({ ...i, hitPath: 'M'.repeat(200_000) })) } } }]));
    kept.keepCells('p', huge);
    expect(JSON.parse(kept.storedGeometries('p'))).toEqual({ version: stored.version, geometries: stored.geometries });
  });
});
