// Issue 12: the fan readable on the screens people have. Lays out the built-in plan, plans
// of the same size with other texts, grown plans (6 × 4, 8 × 5) and generated plans of 3–8
// blades × 2–5 rings with 10–1,000 items, at the fan's size on each screen; reports the
// share of items in full, the smallest font and every break inside a word, and checks the
// targets, that breaks fall only where TeX's Swedish patterns allow and that no label is cut.
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInPlan, generatedPlan, grownPlan, type PlanShape, sameSizePlan } from '../../tests/fixtures/fanPlans';
import { compounds, hyphenateSync, swedish } from '../../tests/fixtures/swedish';
import { compoundSplitter } from './compounds';
import { computeFanLayout, EDIT_FONTS, type LayoutInput, PRESENT_FONTS } from './layout';
import { lineInCell, readability, type Readability } from './readability';
import { arcPath } from './geometry';
import { estimateMeasure, SOFT_HYPHEN, type Hyphenator } from './text';

/** The fan's box on each screen: the editor (header above; Inspel beside it from 1600 px) and Presentera (full screen). */
const SCREENS = [
  { name: '1920×1080', edit: { width: 1620, height: 1024 }, present: { width: 1920, height: 1080 }, share: 1, presentShare: 1, presentFont: 16 },
  { name: '1366×768', edit: { width: 1366, height: 712 }, present: { width: 1366, height: 768 }, share: 0.9, presentShare: 0.95, presentFont: 14 },
  { name: '1280×720', edit: { width: 1280, height: 664 }, present: { width: 1280, height: 720 }, share: 0.8, presentShare: 0, presentFont: 14 },
  { name: '1024×768', edit: { width: 1024, height: 668 }, present: { width: 1024, height: 768 }, share: 0.6, presentShare: 0, presentFont: 14 },
] as const;

let sv: Hyphenator;
const joins = compoundSplitter(compounds);
/**
 * Is a break at `at` in `word` one the dictionaries themselves give (read straight from the
 * `hyphen` package and the compound data, not through the layout's code)? Words are
 * hyphenated as runs of letters ("1. Hälso|främjande," is the run "Hälsofrämjande").
 */
function allowed(word: string, at: number): boolean {
  for (const run of word.matchAll(/\p{L}+/gu)) {
    const start = run.index!;
    if (at <= start || at >= start + run[0].length) continue;
    if (joins(run[0]).some((j) => j.at === at - start)) return true;
    const marked = hyphenateSync(run[0], { minWordLength: 4 });
    let pos = 0;
    for (const ch of marked) {
      if (ch === SOFT_HYPHEN && pos === at - start) return true;
      if (ch !== SOFT_HYPHEN) pos += ch.length;
    }
  }
  return false;
}

beforeAll(() => {
  sv = swedish();
});

function layOut(plan: PlanShape, box: { width: number; height: number }, options: Partial<LayoutInput> = {}) {
  const input: LayoutInput = { ...plan, ...box, unfoldedBladeId: null, measure: estimateMeasure, hyphenate: sv, fonts: EDIT_FONTS, ...options };
  const layout = computeFanLayout(input);
  return { layout, report: readability(layout, estimateMeasure) };
}

function expectClean(report: Readability, where: string) {
  expect(report.cut, `${where}: labels cut`).toEqual([]);
  // No ring's (or blade's) border crosses a line of text.
  expect(report.crossing, `${where}: lines over a cell's border`).toEqual([]);
  // Never two breaks in one word, never fewer than three letters either side of a break.
  expect(report.breaks.filter((b) => b.parts > 1).map((b) => b.word), `${where}: words broken twice`).toEqual([]);
  for (const b of report.breaks) {
    const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
    const head = b.word.slice(0, b.at).split(/[^\p{L}]/u).at(-1)!;
    const tail = b.word.slice(b.at).split(/[^\p{L}]/u)[0]!;
    if (!/[-–—/]$/.test(b.word.slice(0, b.at))) expect(Math.min(letters(head), letters(tail)), `${where}: "${b.word.slice(0, b.at)}-${b.word.slice(b.at)}"`).toBeGreaterThanOrEqual(3);
  }
  for (const b of report.breaks) {
    // A break inside a word: only at a point the dictionary gives (or after a hard hyphen, which adds none).
    expect(allowed(b.word, b.at), `${where}: "${b.word.slice(0, b.at)}-${b.word.slice(b.at)}"`).toBe(true);
  }
}

const line = (where: string, r: Readability) =>
  `${where.padEnd(44)} ${String(r.full).padStart(4)}/${String(r.items).padEnd(4)} ${(100 * r.share).toFixed(0).padStart(3)} %  ${r.minFont.toFixed(1).padStart(4)} px${r.firstInEveryCell ? '' : '  (a cell shows none)'}  ${r.breaks.length} breaks${r.breaks.length ? ': ' + r.breaks.map((b) => `${b.word.slice(0, b.at)}-${b.word.slice(b.at)}`).join(', ') : ''}`;

const PLANS: Array<[string, () => PlanShape]> = [
  ['built-in plan', builtInPlan],
  ['same size, seed 1', () => sameSizePlan(1)],
  ['same size, seed 2', () => sameSizePlan(2)],
  ['same size, seed 3', () => sameSizePlan(3)],
];

describe('the built-in plan and plans of its size', () => {
  for (const [name, make] of PLANS) {
    it(`${name}: every screen, overview, each blade unfolded, Presentera`, () => {
      const plan = make();
      const rows: string[] = [];
      for (const screen of SCREENS) {
        const { report } = layOut(plan, screen.edit);
        rows.push(line(`${screen.name} overview`, report));
        expect(report.share, `${screen.name} overview`).toBeGreaterThanOrEqual(screen.share);
        expect(report.firstInEveryCell, `${screen.name}: every cell shows its first item`).toBe(true);
        expectClean(report, `${screen.name} overview`);

        const present = layOut(plan, screen.present, { fonts: PRESENT_FONTS, interactive: false }).report;
        rows.push(line(`${screen.name} Presentera`, present));
        expect(present.share).toBeGreaterThanOrEqual(screen.presentShare);
        expect(present.minFont).toBeGreaterThanOrEqual(screen.presentFont);
        expectClean(present, `${screen.name} Presentera`);

        for (const b of plan.blades) {
          for (const mode of ['edit', 'present'] as const) {
            const { layout, report: unfolded } = layOut(plan, mode === 'edit' ? screen.edit : screen.present, {
              unfoldedBladeId: b.id,
              ...(mode === 'present' ? { fonts: PRESENT_FONTS, interactive: false } : {}),
            });
            const cells = layout.cells.filter((c) => c.bladeId === b.id);
            rows.push(line(`${screen.name} ${mode === 'edit' ? 'unfolded' : 'Presentera step'}: ${b.name.slice(0, 14)}`, unfolded));
            // Every item of the unfolded blade in full; the others folded to their names.
            for (const c of cells) expect(c.flow.items.length, `${screen.name} ${b.name} ${c.key}`).toBe(c.total);
            if (mode === 'present' && screen.name !== '1024×768') expect(unfolded.minFont).toBeGreaterThanOrEqual(16);
            expect(layout.blades.filter((x) => x.folded).map((x) => x.id)).toEqual(plan.blades.filter((x) => x.id !== b.id).map((x) => x.id));
            expectClean(unfolded, `${screen.name} ${b.name} unfolded`);
          }
        }
      }
      console.log(`${name}\n${rows.join('\n')}`);
    });
  }
});

/**
 * The fan's box in a workshop's working states (issue 23), as the browser lays the page out:
 * a panel beside the fan (Inspel holding items, Måluppfyllnad, Delområden, Prioritera, Samla
 * in: 200 px from 1100 to 1599 px), docked below it on a tablet, or the Filter bar above it.
 */
const WORKING = [
  { name: '1366×768', share: 0.9, states: { panel: { width: 1166, height: 712 }, filter: { width: 1366, height: 664 } } },
  { name: '1280×720', share: 0.8, states: { panel: { width: 1080, height: 664 }, filter: { width: 1280, height: 616 } } },
  { name: '1024×768', share: 0.6, states: { panel: { width: 1024, height: 570 }, filter: { width: 1024, height: 626 } } },
] as const;

describe('the fan in its working state: a panel open or the Filter bar on', () => {
  for (const [name, make] of PLANS) {
    it(`${name}: the targets of the fan alone hold at 1366, 1280 and 1024`, () => {
      const plan = make();
      const rows: string[] = [];
      for (const screen of WORKING) {
        for (const [state, box] of Object.entries(screen.states)) {
          const { report } = layOut(plan, box);
          rows.push(line(`${screen.name} ${state}`, report));
          expect(report.share, `${screen.name} ${state}`).toBeGreaterThanOrEqual(screen.share);
          expect(report.minFont, `${screen.name} ${state}`).toBeGreaterThanOrEqual(12);
          expect(report.firstInEveryCell, `${screen.name} ${state}: every cell shows its first item`).toBe(true);
          expectClean(report, `${screen.name} ${state}`);
        }
      }
      console.log(`${name}, working states\n${rows.join('\n')}`);
    });
  }
});

describe('a line over a border', () => {
  it('is told by its glyphs, not only its end points', () => {
    const cell = { phi0: Math.PI / 3, phi1: (2 * Math.PI) / 3, r0: 200, r1: 300 };
    expect(lineInCell(arcPath(cell.phi0 + 0.05, cell.phi1 - 0.05, 250), cell, 14)).toBe(true);
    // Its base line inside, its letters over the outer border.
    expect(lineInCell(arcPath(cell.phi0 + 0.05, cell.phi1 - 0.05, 295), cell, 14)).toBe(false);
    // Its descenders under the inner border.
    expect(lineInCell(arcPath(cell.phi0 + 0.05, cell.phi1 - 0.05, 201), cell, 14)).toBe(false);
    const side = { phi0: 0, phi1: Math.PI / 6, r0: 200, r1: 300 };
    const at = (phi: number, r: number) => ({ x: -Math.cos(phi) * r, y: -Math.sin(phi) * r });
    const [p, q] = [at(Math.PI / 12, 210), at(Math.PI / 12, 290)];
    expect(lineInCell(`M${q.x},${q.y}L${p.x},${p.y}`, side, 14)).toBe(true);
    const [p2, q2] = [at(Math.PI / 12, 210), at(Math.PI / 12, 330)];
    expect(lineInCell(`M${q2.x},${q2.y}L${p2.x},${p2.y}`, side, 14)).toBe(false);
  });
});

describe('Presentera steps', () => {
  // A blade too full for a 90° cone (Ledarskap, 13 items) still uses arcs up to 65° either side.
  it('bend no item around more than 90° of arc where the blade’s items fit in that cone (the built-in plan’s first two blades, a laptop or larger)', () => {
    for (const screen of SCREENS.slice(0, 2)) {
      for (const b of builtInPlan().blades.slice(0, 2)) {
        const { layout } = layOut(builtInPlan(), screen.present, { unfoldedBladeId: b.id, fonts: PRESENT_FONTS, interactive: false });
        for (const cell of layout.cells.filter((c) => c.bladeId === b.id))
          for (const item of cell.flow.items)
            for (const line of item.lines) {
              if (!line.d.includes('A')) continue;
              const n = (line.d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
              const a = Math.atan2(-n[1]!, -n[0]!);
              const z = Math.atan2(-n.at(-1)!, -n.at(-2)!);
              expect(Math.abs(z - a), `${screen.name} ${b.name}: ${line.text}`).toBeLessThanOrEqual(Math.PI / 2 + 1e-6);
            }
      }
    }
  });
});

describe('blade names', () => {
  it('are drawn alike on every blade, and no smaller on a large screen than on a laptop', () => {
    const sizes = SCREENS.map((screen) => {
      const { layout } = layOut(builtInPlan(), screen.edit);
      const each = new Set(layout.blades.map((b) => b.label.fontSize));
      expect(each.size, `${screen.name}: ${[...each].join(', ')} px`).toBe(1);
      return [...each][0]!;
    });
    console.log(`blade names: ${SCREENS.map((s, i) => `${s.name} ${sizes[i]} px`).join(', ')}`);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i - 1]!).toBeGreaterThanOrEqual(sizes[i]!);
  });
});

describe('more blades and rings', () => {
  it('6 blades × 4 rings: ≥ 90 % in full at 1920×1080; 8 × 5: every cell shows its first item', () => {
    const six = layOut(grownPlan(6, 4, 6), SCREENS[0].edit).report;
    const eight = layOut(grownPlan(8, 5, 8), SCREENS[0].edit).report;
    console.log(`${line('6 × 4 at 1920×1080', six)}\n${line('8 × 5 at 1920×1080', eight)}`);
    expect(six.share).toBeGreaterThanOrEqual(0.9);
    expect(eight.firstInEveryCell).toBe(true);
    expectClean(six, '6 × 4');
    expectClean(eight, '8 × 5');
  });
});

describe('generated plans: 3–8 blades × 2–5 rings, 10–1,000 items', () => {
  const cases: Array<[number, number, number]> = [];
  for (let b = 3; b <= 8; b++) for (let r = 2; r <= 5; r++) cases.push([b, r, [10, 40, 100][(b + r) % 3]!]);
  cases.push([4, 3, 1000], [8, 5, 1000], [3, 2, 1000]);
  it.each(cases)('%i blades × %i rings, %i items: deterministic, labels whole, breaks by the dictionary', (b, r, n) => {
    const plan = generatedPlan(b, r, n, b * 100 + r * 10 + n);
    const rows: string[] = [];
    for (const screen of SCREENS) {
      const { layout, report } = layOut(plan, screen.edit);
      rows.push(line(`${screen.name}`, report));
      expectClean(report, screen.name);
      if (screen.name === '1920×1080') expect(JSON.stringify(computeFanLayout({ ...plan, ...screen.edit, unfoldedBladeId: null, measure: estimateMeasure, hyphenate: sv }))).toBe(JSON.stringify(layout));
    }
    console.log(`${b} × ${r}, ${n} items\n${rows.join('\n')}`);
  });
});

describe('the fan with Uppföljning’s progress marks on every item (and "!" after every one not Klar, as if every ring were due)', () => {
  const STATES = ['klar', 'pagar', 'ej-paborjad', 'forsenad', 'avbruten'] as const;
  for (const [name, make] of PLANS) {
    it(`${name}: the targets of the fan hold with a mark after every item`, () => {
      const plain = make();
      const containers = new Map([...plain.containers].map(([key, list]) => [key, list.map((t, i) => ({ ...t, progress: STATES[i % STATES.length], late: i % STATES.length > 1 }))]));
      const plan = { ...plain, containers };
      const rows: string[] = [];
      for (const screen of SCREENS) {
        const { report } = layOut(plan, screen.edit);
        rows.push(line(`${screen.name} overview, marked`, report));
        expect(report.share, `${screen.name} overview`).toBeGreaterThanOrEqual(screen.share);
        expect(report.firstInEveryCell, `${screen.name}: every cell shows its first item`).toBe(true);
        expectClean(report, `${screen.name} overview, marked`);
        const present = layOut(plan, screen.present, { fonts: PRESENT_FONTS, interactive: false }).report;
        expect(present.share).toBeGreaterThanOrEqual(screen.presentShare);
        expect(present.minFont).toBeGreaterThanOrEqual(screen.presentFont);
        expectClean(present, `${screen.name} Presentera, marked`);
      }
      console.log(`${name}, marked\n${rows.join('\n')}`);
    });
  }
});
