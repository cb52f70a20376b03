import { describe, expect, it } from 'vitest';
import { swedish } from '../../tests/fixtures/swedish';
import { containerKey, containersOf } from '../domain/containers';
import { createExampleDoc } from '../domain/plan';
import type { Blade, Ring } from '../domain/types';
import { insertionCoord, insertionIndex, type CellText } from './cells';
import { spansOf } from './angles';
import { hitTestCell, ORIGIN, pointToPolar, polarToPoint } from './geometry';
import { hitFan, slotPoint } from './hit';
import { computeFanLayout, type FanLayout, type LayoutInput } from './layout';
import { estimateMeasure } from './text';
import { seededRandom } from '../../tests/fixtures/random';

const rng = seededRandom;

const WORDS = 'vård nära invånare samverkan kompetens digital ledarskap plan uppföljning region förvaltning hälsa barn tillgänglighet kvalitet'.split(' ');

function generate(bladeCount: number, ringCount: number, seed: number, maxItems = 4): LayoutInput {
  const random = rng(seed);
  const blades: Blade[] = Array.from({ length: bladeCount }, (_, i) => ({
    id: `b${i}`,
    name: ['Nära invånaren', 'Hälsofrämjande och förebyggande', 'En sammanhållen hälso- och sjukvård', 'Ledarskap'][i % 4]! + (i >= 4 ? ` ${i}` : ''),
    color: '#1f6f8b',
  }));
  const rings: Ring[] = Array.from({ length: ringCount }, (_, j) => ({
    id: `r${j}`,
    label: j === ringCount - 1 ? `Önskad målbild ${2025 + j}` : `Viktiga milstolpar ${2025 + j}`,
    year: 2025 + j,
  }));
  const containers = new Map<string, CellText[]>();
  for (const blade of blades)
    for (const ring of rings) {
      const n = Math.floor(random() * (maxItems + 1));
      containers.set(
        containerKey({ bladeId: blade.id, ringId: ring.id }),
        Array.from({ length: n }, (_, k) => ({
          id: `${blade.id}-${ring.id}-${k}`,
          text: Array.from({ length: 3 + Math.floor(random() * 8) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
          extra: random() < 0.2,
        })),
      );
    }
  return { blades, rings, vision: 'En god och nära vård', containers, width: 1600, height: 1000, unfoldedBladeId: null, measure: estimateMeasure };
}

function numbers(d: string): number[] {
  return (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
}

/** End points and drawn length of a line path ("M…A…" arc or "M…L…" segment). */
function pathGeometry(d: string) {
  const n = numbers(d);
  const p = { x: n[0]!, y: n[1]! };
  const q = { x: n.at(-2)!, y: n.at(-1)! };
  if (d.includes('A')) {
    const a = pointToPolar(ORIGIN, p);
    const b = pointToPolar(ORIGIN, q);
    return { p, q, length: a.r * Math.abs(b.phi - a.phi) };
  }
  return { p, q, length: Math.hypot(q.x - p.x, q.y - p.y) };
}

function insideCell(layout: FanLayout, cellIndex: number, p: { x: number; y: number }, tol = 1.5) {
  const cell = layout.cells[cellIndex]!;
  const { r, phi } = pointToPolar(ORIGIN, p);
  const tolPhi = tol / Math.max(r, 1);
  return r >= cell.r0 - tol && r <= cell.r1 + tol && phi >= cell.phi0 - tolPhi && phi <= cell.phi1 + tolPhi;
}

describe('geometry', () => {
  it('hit-tests annular sectors in polar coordinates, not bounding boxes', () => {
    for (let n = 3; n <= 8; n++)
      for (let m = 2; m <= 5; m++) {
        const spans = spansOf(Array(n).fill(1 / n));
        const radii = Array.from({ length: m + 1 }, (_, j) => 80 + (620 * j) / m);
        spans.forEach(([a, b], bi) =>
          radii.slice(1).forEach((r1, ri) => {
            const r0 = radii[ri]!;
            const p = polarToPoint(ORIGIN, (a + b) / 2, (r0 + r1) / 2);
            expect(hitTestCell(ORIGIN, spans, radii, p)).toEqual({ bladeIndex: bi, ringIndex: ri });
          }),
        );
        // Inside the hub and outside the rim: no cell.
        expect(hitTestCell(ORIGIN, spans, radii, { x: 0, y: -40 })).toBeNull();
        expect(hitTestCell(ORIGIN, spans, radii, { x: 0, y: -720 })).toBeNull();
      }
    // (−300, −300) lies in the bounding box of the top-left outer cell of 4 blades, but in the
    // second blade's inner ring by angle and radius.
    const spans = spansOf([0.25, 0.25, 0.25, 0.25]);
    const radii = [80, 450, 700];
    expect(hitTestCell(ORIGIN, spans, radii, { x: -300, y: -300 })).toEqual({ bladeIndex: 1, ringIndex: 0 });
    expect(hitTestCell(ORIGIN, spans, radii, { x: -300, y: 6 })).toEqual({ bladeIndex: 0, ringIndex: 0 });
    expect(hitTestCell(ORIGIN, spans, radii, { x: -300, y: 40 })).toBeNull();
  });
});

describe('fan layout', () => {
  const cases: Array<[number, number]> = [];
  for (let b = 3; b <= 8; b++) for (let r = 2; r <= 5; r++) cases.push([b, r]);

  it.each(cases)('%i blades × %i rings: deterministic, text inside its cell, nothing overlaps', (b, r) => {
    const input = generate(b, r, b * 10 + r);
    const layout = computeFanLayout(input);
    // Laid out again from scratch: a new measure function is not served from the layout's cell cache.
    expect(JSON.stringify(computeFanLayout({ ...input, measure: (text, font) => input.measure(text, font) }))).toBe(JSON.stringify(layout));
    expect(layout.cells).toHaveLength(b * r);
    for (const radii of layout.radii) {
      expect(radii[0]).toBe(layout.hubRadius);
      expect(radii.at(-1)).toBe(layout.outerRadius);
    }

    layout.cells.forEach((cell, ci) => {
      const texts = input.containers.get(cell.key)!;
      expect(cell.flow.items.length + cell.flow.hidden).toBe(texts.length);
      let previousEnd = -Infinity;
      cell.flow.items.forEach((item, k) => {
        expect(item.index).toBe(k);
        // Items follow one another in reading order without overlapping.
        expect(item.s0).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = item.s1;
        for (const line of item.lines) {
          const g = pathGeometry(line.d);
          expect(insideCell(layout, ci, g.p)).toBe(true);
          expect(insideCell(layout, ci, g.q)).toBe(true);
          const width = estimateMeasure(line.text, { size: layout.fontSize, italic: item.extra });
          expect(width).toBeLessThanOrEqual(g.length + 0.5);
        }
      });
    });

    // Blade labels sit outside the rings, inside their own blade, and fit their arc.
    layout.blades.forEach((blade) => {
      for (const line of blade.label.lines) {
        const g = pathGeometry(line.d);
        const a = pointToPolar(ORIGIN, g.p);
        const z = pointToPolar(ORIGIN, g.q);
        expect(a.r).toBeGreaterThan(layout.outerRadius);
        expect(a.phi).toBeCloseTo(blade.phi0, 6);
        expect(z.phi).toBeCloseTo(blade.phi1, 6);
        expect(estimateMeasure(line.text, { size: blade.label.fontSize, bold: true })).toBeLessThanOrEqual(g.length - 16 + 0.5);
      }
    });

    // Ring labels sit below the baseline, each within its own ring's stretch.
    layout.rings.forEach((ring) => {
      for (const line of ring.labels.lines) {
        expect(line.y).toBeGreaterThan(0);
        const half = estimateMeasure(line.text, { size: ring.labels.fontSize, bold: true }) / 2;
        expect(Math.abs(line.x) - half).toBeGreaterThanOrEqual(line.r0);
        expect(Math.abs(line.x) + half).toBeLessThanOrEqual(line.r1);
      }
    });

    // The vision fits in the hub.
    for (const line of layout.hub.lines) {
      const half = estimateMeasure(line.text, { size: layout.hub.fontSize, bold: true }) / 2;
      expect(Math.hypot(half, line.y - layout.hub.fontSize * 0.8)).toBeLessThanOrEqual(layout.hubRadius);
    }
  });

  it('fits the whole built-in plan at a readable size on a 1920×1080 screen, at first paint (no dictionary yet) and after', () => {
    const doc = createExampleDoc();
    const input = { ...doc.plan, containers: containersOf(doc), width: 1620, height: 1020, unfoldedBladeId: null, measure: estimateMeasure };
    const quick = computeFanLayout(input);
    expect(quick.cells.every((c) => c.flow.hidden === 0)).toBe(true);
    const layout = computeFanLayout({ ...input, hyphenate: swedish() });
    expect(layout.fontSize).toBeGreaterThanOrEqual(15);
    expect(layout.fontSize).toBeGreaterThanOrEqual(quick.fontSize);
    expect(layout.cells.every((c) => c.flow.hidden === 0)).toBe(true);
  });

  it('an empty plan has even rings, also after its years move on: the målbild does not take the room left over', () => {
    for (const shift of [0, 1]) {
      const input = generate(4, 3, 5, 0);
      input.rings = input.rings.map((r) => ({ ...r, year: r.year! + shift, label: r.label.replace(/\d{4}/, (y) => String(Number(y) + shift)) }));
      const layout = computeFanLayout(input);
      for (const radii of layout.radii) {
        const thick = radii.slice(1).map((r, j) => r - radii[j]!);
        expect(Math.max(...thick) - Math.min(...thick), `rings ${thick.map((t) => t.toFixed(0)).join(', ')}`).toBeLessThan(2);
      }
    }
  });

  it('shows the first items and "+N till" when a cell is full', () => {
    const input = generate(4, 3, 7, 0);
    const full = Array.from({ length: 60 }, (_, k) => ({ id: `x${k}`, text: `Aktivitet nummer ${k} med en lång text om vården`, extra: false }));
    input.containers.set('b0|r0', full);
    const layout = computeFanLayout(input);
    const cell = layout.cells.find((c) => c.key === 'b0|r0')!;
    expect(cell.flow.hidden).toBeGreaterThan(0);
    expect(cell.flow.items.length).toBeGreaterThan(0);
    expect(cell.flow.items.map((i) => i.id)).toEqual(full.slice(0, cell.flow.items.length).map((i) => i.id));
    expect(cell.flow.more?.text).toBe(`+${cell.flow.hidden} till`);
    expect(cell.flow.hiddenItems.map((i) => i.id)).toEqual(full.slice(cell.flow.items.length).map((i) => i.id));
  });

  it('draws a pinned item in full even when its place in a full cell is behind "+N till", keeping its number; the fan does not move for it', () => {
    const input = generate(4, 3, 7, 0);
    const full = Array.from({ length: 60 }, (_, k) => ({ id: `x${k}`, text: `Aktivitet nummer ${k} med en lång text om vården`, extra: false }));
    input.containers.set('b0|r0', full);
    const plain = computeFanLayout(input);
    const before = plain.cells.find((c) => c.key === 'b0|r0')!;
    expect(before.flow.items.map((i) => i.id)).not.toContain('x40');
    const layout = computeFanLayout({ ...input, pinned: new Set(['x40', 'x55', 'elsewhere']) });
    expect(layout.spans).toEqual(plain.spans);
    expect(layout.radii).toEqual(plain.radii);
    const cell = layout.cells.find((c) => c.key === 'b0|r0')!;
    const drawn = cell.flow.items.map((i) => i.id);
    expect(drawn).toContain('x40');
    expect(drawn).toContain('x55');
    // In list order, each with its own number; the rest behind "+N till", listed for screen readers.
    expect(cell.flow.items.map((i) => i.index)).toEqual([...cell.flow.items.map((i) => i.index)].sort((a, b) => a - b));
    expect(cell.flow.items.find((i) => i.id === 'x40')!.index).toBe(40);
    expect(cell.flow.items.find((i) => i.id === 'x40')!.lines[0]!.text.startsWith('41.')).toBe(true);
    expect(cell.flow.hidden).toBe(60 - drawn.length);
    expect(cell.flow.more?.text).toBe(`+${cell.flow.hidden} till`);
    expect(cell.flow.hiddenItems.map((i) => i.id).sort()).toEqual(full.map((t) => t.id).filter((id) => !drawn.includes(id)).sort());
    // Drop positions still map to list positions around the gap.
    const pin = cell.flow.items.find((i) => i.id === 'x40')!;
    const drawnBefore = cell.flow.items[cell.flow.items.indexOf(pin) - 1]!;
    expect(insertionIndex(cell.flow, insertionCoord(cell.flow, 40))).toBe(drawnBefore.index + 1);
    expect(insertionCoord(cell.flow, 40)).toBeLessThan(pin.s0);
    expect(insertionIndex(cell.flow, pin.s1 + 1)).toBe(41);
    expect(insertionIndex(cell.flow, insertionCoord(cell.flow, 0))).toBe(0);
  });

  it('an unfolded blade takes most of the half disc and shows all its items larger; the others fold to their names', () => {
    const input = generate(5, 3, 3);
    const folded = computeFanLayout(input);
    const unfolded = computeFanLayout({ ...input, unfoldedBladeId: 'b2' });
    const span = (l: FanLayout, i: number) => l.blades[i]!.phi1 - l.blades[i]!.phi0;
    expect(span(unfolded, 2)).toBeGreaterThan(0.6 * Math.PI);
    expect(span(unfolded, 0)).toBeLessThan(span(folded, 0));
    // Every item of the unfolded blade drawn, at a size no smaller than the overview's.
    for (const cell of unfolded.cells.filter((c) => c.bladeId === 'b2')) {
      expect(cell.flow.items.length).toBe(cell.total);
      expect(cell.fontSize).toBeGreaterThanOrEqual(folded.fontSize);
    }
    // The others: drop targets that draw nothing, their items listed (for screen readers), drops go last.
    for (const cell of unfolded.cells.filter((c) => c.bladeId !== 'b2')) {
      expect(cell.flow.items).toEqual([]);
      expect(cell.flow.hiddenItems.map((i) => i.id)).toEqual(input.containers.get(cell.key)!.map((t) => t.id));
      expect(insertionIndex(cell.flow, 0)).toBe(cell.total);
    }
    const names = unfolded.blades.filter((b) => b.folded);
    expect(names.map((b) => b.id)).toEqual(['b0', 'b1', 'b3', 'b4']);
    for (const b of names) expect(b.label.lines.map((l) => l.text).join(' ').replace(/\u00ad/g, '')).toContain(b.name.split(' ')[0]);
  });

  it('maps pointer positions in a cell to list positions, in order', () => {
    const input = generate(4, 3, 11, 0);
    input.containers.set('b1|r1', [
      { id: 'a', text: 'Första aktiviteten', extra: false },
      { id: 'b', text: 'Andra aktiviteten', extra: false },
      { id: 'c', text: 'Tredje aktiviteten', extra: false },
    ]);
    input.containers.set('b0|r1', [
      { id: 'd', text: 'Första', extra: false },
      { id: 'e', text: 'Andra', extra: false },
    ]);
    const layout = computeFanLayout(input);
    for (const key of ['b1|r1', 'b0|r1']) {
      const cell = layout.cells.find((c) => c.key === key)!;
      const count = cell.flow.items.length;
      for (let index = 0; index <= count; index++) {
        const p = slotPoint(cell, index);
        expect(hitFan(layout, p)).toEqual({ cell, drawnIndex: index });
        expect(insertionIndex(cell.flow, insertionCoord(cell.flow, index))).toBe(index);
      }
    }
  });
});

describe('a crowded plan keeps its geometry', () => {
  it('over 200 items with some behind "+N till": a move that folds one more away keeps every angle, radius and the size', () => {
    const input = generate(6, 4, 7, 24);
    const first = computeFanLayout(input);
    const total = [...input.containers.values()].reduce((n, l) => n + l.length, 0);
    expect(total).toBeGreaterThan(200);
    expect(first.geometry.hidden).toBeGreaterThan(0);
    // Move one item from a cell that shows all it holds to the front of one that folds some away.
    const from = first.cells.find((c) => c.flow.hidden === 0 && c.total > 0)!.key;
    const to = first.cells.find((c) => c.flow.hidden > 0)!.key;
    const moved = input.containers.get(from)!.at(-1)!;
    const containers = new Map(input.containers);
    containers.set(from, input.containers.get(from)!.slice(0, -1));
    containers.set(to, [moved, ...input.containers.get(to)!]);
    const after = computeFanLayout({ ...input, containers, previous: first.geometry });
    expect(after.spans).toEqual(first.spans);
    expect(after.radii).toEqual(first.radii);
    expect(after.fontSize).toBe(first.fontSize);
    // What is drawn around the cells is the same too, as the same objects (its components are not drawn again).
    for (const part of ['blades', 'rings', 'hub', 'legend'] as const) expect(after[part], part).toBe(first[part]);
    // Laid out afresh, the same plan gets another geometry: keeping it is the rule at work.
    const fresh = computeFanLayout({ ...input, containers });
    expect(fresh.radii).not.toEqual(first.radii);
    expect(fresh.blades).not.toBe(first.blades);
    // A blade given another colour keeps the geometry but not its band.
    const recoloured = computeFanLayout({ ...input, containers, blades: input.blades.map((b, i) => (i === 0 ? { ...b, color: '#000000' } : b)), previous: after.geometry });
    expect(recoloured.radii).toEqual(after.radii);
    expect(recoloured.blades).not.toBe(after.blades);
    expect(recoloured.blades[0]!.color).toBe('#000000');
  });
});

describe('a plan flooded with blades (a peer added 1,000)', () => {
  const flooded = (n: number) => {
    const input = generate(n, 3, 7, 1);
    let calls = 0;
    const layout = computeFanLayout({ ...input, measure: (text, font) => (calls++, input.measure(text, font)) });
    return { layout, calls };
  };

  it('is laid out by the quick path past twice the blades a plan may have: the balanced allocation alone, no refinement', () => {
    // 17 blades measure about half of what 16 do: the search over allocations and sizes is skipped.
    expect(flooded(17).calls).toBeLessThan(flooded(16).calls * 0.75);
    const { layout } = flooded(200);
    expect(layout.geometry.spans).toHaveLength(200);
  });
});

describe('a change drawn at once (quick), its geometry searched for after', () => {
  it('keeps the last geometry and says it is provisional when the rule would search; settles as before without quick', () => {
    const input = generate(4, 3, 11, 3);
    const first = computeFanLayout(input);
    expect(first.provisional).toBe(false);
    expect(first.geometry.hidden).toBe(0);
    // A cell given more than it has room for in this geometry.
    const key = 'b0|r0';
    const crowd = Array.from({ length: 3 }, (_, k) => ({ id: `ny-${k}`, text: `Ny aktivitet ${k} om samverkan och kompetensförsörjning i hela regionen`, extra: false }));
    const containers = new Map(input.containers);
    containers.set(key, [...crowd, ...(input.containers.get(key) ?? [])]);
    const quick = computeFanLayout({ ...input, containers, previous: first.geometry, quick: true });
    expect(quick.provisional).toBe(true);
    expect(quick.radii).toEqual(first.radii);
    expect(quick.spans).toEqual(first.spans);
    expect(quick.geometry.hidden).toBeGreaterThan(0);
    // The search that follows (from the last settled geometry): another one, nothing provisional about it.
    const searched = computeFanLayout({ ...input, containers, previous: first.geometry });
    expect(searched.provisional).toBe(false);
    expect([searched.spans, searched.radii, searched.fontSize]).not.toEqual([first.spans, first.radii, first.fontSize]);
    expect(searched.geometry.hidden).toBeLessThan(quick.geometry.hidden);
    // A change the geometry holds is not provisional, quick or not.
    const small = new Map(input.containers);
    small.set(key, (input.containers.get(key) ?? []).slice(1));
    expect(computeFanLayout({ ...input, containers: small, previous: first.geometry, quick: true }).provisional).toBe(false);
  });
});
