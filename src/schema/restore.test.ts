import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExampleDoc } from '../domain/plan';
import { settleExtras } from '../domain/priorities';
import { ANSVARSNIVAER, EXTRA_CHOICES, STATUSES, type Item, type PlanDoc } from '../domain/types';
import { planToFile, planToJson } from '../export/json';
import { planJsonSchema } from './jsonSchema';
import { MIGRATIONS } from './migrations';
import { FILE_VERSION } from './planFile';
import { MAX_FILE_BYTES, readPlanFile } from './restore';

const AT = new Date('2026-11-22T10:00:00.000Z');
const exampleFile = () => planToFile(createExampleDoc(AT), AT) as unknown as Record<string, any>;
const read = (file: unknown) => readPlanFile(typeof file === 'string' ? file : JSON.stringify(file));

/** The example file with one change made by `edit`. */
function edited(edit: (f: Record<string, any>) => void): string {
  const f = exampleFile();
  edit(f);
  return JSON.stringify(f);
}

describe('round trip', () => {
  it('export → read gives the same plan, and the same file again', () => {
    const doc = createExampleDoc(AT);
    const result = readPlanFile(planToJson(doc, AT));
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.doc).toEqual(doc);
    expect(planToJson(result.doc, AT)).toBe(planToJson(doc, AT));
  });

  it('holds for generated plans (fast-check)', () => {
    const idArb = fc.uuid();
    const textArb = fc.string({ minLength: 1, maxLength: 120 }).filter((s) => s.trim().length > 0);
    const planArb = fc
      .record({
        bladeCount: fc.integer({ min: 3, max: 8 }),
        ringCount: fc.integer({ min: 2, max: 5 }),
        name: textArb,
        items: fc.uniqueArray(
          fc.record({
            id: idArb,
            text: fc.oneof(textArb, fc.constant('<img src=x onerror=alert(1)>'), fc.constant('__proto__')),
            description: fc.string({ maxLength: 200 }),
            where: fc.integer({ min: -1, max: 39 }),
            extraChoice: fc.constantFrom(...EXTRA_CHOICES),
            target: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { nil: null }),
            ansvar: fc.option(fc.constantFrom(...ANSVARSNIVAER), { nil: null }),
            status: fc.constantFrom(...STATUSES),
            comments: fc.uniqueArray(
              fc.record({ id: idArb, author: fc.string({ minLength: 1, maxLength: 80 }), at: fc.constant('2026-04-23T09:15:00.000Z'), text: textArb }),
              { maxLength: 3, selector: (c) => c.id },
            ),
            sources: fc.array(fc.record({ inputId: idArb, kalla: fc.string({ maxLength: 40 }), text: textArb, rank: fc.nat(30) }), { maxLength: 3 }),
          }),
          { maxLength: 60, selector: (i) => i.id },
        ),
      })
      .map(({ bladeCount, ringCount, name, items }): PlanDoc => {
        const base = createExampleDoc(AT);
        const blades = Array.from({ length: bladeCount }, (_, i) => ({ id: `b${i}`, name: `Fokus ${i + 1}`, color: '#1f6f8b' }));
        const rings = Array.from({ length: ringCount }, (_, j) => ({ id: `r${j}`, label: `Ring ${j + 1}`, year: 2025 + j }));
        const ranks = new Map<string, number>();
        const doc: PlanDoc = { plan: { ...base.plan, name, blades, rings }, items: {} };
        for (const it of items) {
          const cell = it.where < 0 ? null : { bladeId: `b${it.where % bladeCount}`, ringId: `r${it.where % ringCount}` };
          const key = cell ? `${cell.bladeId}|${cell.ringId}` : 'inspel';
          const rank = ranks.get(key) ?? 0;
          ranks.set(key, rank + 1);
          const item: Item = {
            id: it.id,
            planId: base.plan.id,
            text: it.text,
            description: it.description,
            delomraden: ['nara-vard'],
            effektmal: [],
            // The domain keeps 0, never -0 (updateItem); so do generated plans.
            indikator: { text: '', target: it.target === 0 ? 0 : it.target, unit: '' },
            ansvarsniva: it.ansvar,
            kalla: 'KL HoS',
            extraChoice: it.extraChoice,
            extra: false,
            status: it.status,
            comments: it.comments,
            sources: it.sources,
            cell,
            rank,
          };
          doc.items[it.id] = item;
        }
        settleExtras(doc);
        return doc;
      });
    fc.assert(
      fc.property(planArb, (doc) => {
        const json = planToJson(doc, AT);
        const result = readPlanFile(json);
        if (!result.ok) throw new Error(result.error);
        expect(result.doc).toEqual(doc);
        expect(planToJson(result.doc, AT)).toBe(json);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60) },
    );
  });

  it('keeps markup as plain text', () => {
    const result = read(edited((f) => (f.items[0].text = '<img src=x onerror=alert(1)>')));
    expect(result.ok && Object.values(result.doc.items).some((i) => i.text === '<img src=x onerror=alert(1)>')).toBe(true);
  });
});

describe('bad files: one clear Swedish message each', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['truncated', planToJson(createExampleDoc(AT), AT).slice(0, 500), /inte giltig JSON/],
    ['not JSON at all', '\u0000\u0001PK\u0003\u0004 docx?', /inte giltig JSON/],
    ['JSON, not ours', JSON.stringify({ type: 'excalidraw', elements: [] }), /inte en plan från Solfjädern/],
    ['a JSON array', '[1, 2, 3]', /inte en plan från Solfjädern/],
    ['newer version', edited((f) => (f.version = FILE_VERSION + 1)), /nyare version av Solfjädern/],
    ['no version', edited((f) => delete f.version), /giltig versionsuppgift/],
    ['item text missing', edited((f) => delete f.items[2].text), /^Rad 3 i fokusområdet 'Nära invånaren': texten saknas\.$/],
    ['item text empty', edited((f) => (f.items[0].text = '')), /Rad 1 i fokusområdet 'Nära invånaren': texten saknas/],
    ['wrong type', edited((f) => (f.plan.name = 42)), /^Planen: namnet har fel typ\.$/],
    ['huge string', edited((f) => (f.items[4].text = 'x'.repeat(100_000))), /Rad 2 i fokusområdet 'Nära invånaren': texten är för lång \(högst 300 tecken\)/],
    ['bad colour (markup)', edited((f) => (f.plan.blades[1].color = '<script>alert(1)</script>')), /Fokusområde 2: färgen har fel format/],
    ['too few blades', edited((f) => f.plan.blades.splice(2)), /Planen: fokusområdena: för få \(minst 3\)/],
    ['duplicate item ids', edited((f) => (f.items[1].id = f.items[0].id)), /samma id som en annan aktivitet/],
    ['item in an unknown cell', edited((f) => (f.items[0].cell.ringId = 'r1999')), /cellen finns inte i planen/],
    ['unknown effektmål', edited((f) => (f.items[0].effektmal = ['finns-inte'])), /effektmål finns inte i katalogen/],
    ['item of another plan', edited((f) => (f.items[0].planId = 'annan-plan')), /hör till en annan plan/],
    ['negative rank', edited((f) => (f.items[0].rank = -1)), /prioriteten är för litet/],
    ['__proto__ as an id', edited((f) => (f.items[0].id = '__proto__')), /Rad 1 i fokusområdet 'Nära invånaren': id har ett ogiltigt värde/],
    ['toString as an item id', edited((f) => (f.items[0].id = 'toString')), /Rad 1 i fokusområdet 'Nära invånaren': id har ett ogiltigt värde/],
    ['valueOf as a blade id', edited((f) => (f.plan.blades[0].id = 'valueOf')), /id har ett ogiltigt värde/],
    ['duplicate blade ids', edited((f) => (f.plan.blades[1].id = f.plan.blades[0].id)), /två fokusområden har samma id/],
    ['wrong ansvarsnivå', edited((f) => (f.items[0].ansvarsniva = 'Alla')), /ansvarsnivån har ett ogiltigt värde/],
  ];

  it.each(cases)('%s', (_name, text, message) => {
    const result = readPlanFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses files over 20 MB before reading them', () => {
    const big = `{"format":"solfjadern-plan","version":1,"pad":"${'x'.repeat(MAX_FILE_BYTES)}"}`;
    const result = readPlanFile(big);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/för stor \(20 MB\)\. En fil får vara högst 20 MB/) });
  });

  it('ignores __proto__ payloads without touching Object.prototype', () => {
    const text = edited((f) => f).replace('{', '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"bad": 1}},');
    const result = readPlanFile(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).bad).toBeUndefined();
  });

  it('numbers ranks again when a file has gaps', () => {
    const result = read(edited((f) => (f.items[1].rank = 7)));
    expect(result.ok && result.warnings).toEqual(['Prioriteterna numrerades om.']);
  });
});

describe('fixtures and schema', () => {
  const dir = join(__dirname, '../../tests/fixtures/files');
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('reads a fixture of every file version', () => {
    const versions = new Set<number>();
    for (const name of fixtures) {
      const text = readFileSync(join(dir, name), 'utf8');
      versions.add(JSON.parse(text).version);
      const result = readPlanFile(text);
      expect(result.ok, name).toBe(true);
    }
    for (let v = 1; v <= FILE_VERSION; v++) expect(versions.has(v), `fixture for version ${v}`).toBe(true);
    // Every migration starts from a version some fixture has.
    for (const m of MIGRATIONS) expect(versions.has(m.from), m.name).toBe(true);
  });

  it('docs/plan.schema.json is the importer\'s schema (npm run schema)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../docs/plan.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(planJsonSchema())));
  });
});
