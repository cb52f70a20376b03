import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMeasurement,
  addPerformed,
  addPeriod,
  clearJudgement,
  clearProgress,
  closePeriod,
  emptyFollowUp,
  judge,
  measurementsOf,
  overdue,
  parsePeriod,
  parseValue,
  periodLabel,
  periodOfId,
  periodsInOrder,
  PROGRESS_STATES,
  PROGRESS_WORD,
  progressOf,
  removePerformed,
  removePeriod,
  reopenPeriod,
  setProgress,
  type FollowUp,
} from './followup';
import { comparePeriods } from './periodComparison';
import { createExampleDoc } from './plan';
import { RuleError } from './rules';

const AT = '2026-02-01T10:00:00.000Z';

function setup() {
  const doc = createExampleDoc();
  const followUp = emptyFollowUp();
  const placed = Object.values(doc.items).filter((i) => i.cell);
  return { doc, followUp, placed };
}

/** What a failed operation left: the follow-up as it was. */
function unchangedBy(followUp: FollowUp, run: () => unknown, message: RegExp) {
  const before = structuredClone(followUp);
  expect(run).toThrow(RuleError);
  expect(run).toThrow(message);
  expect(followUp).toEqual(before);
}

describe('follow-up periods', () => {
  it('are a year or a tertial, written as people write them', () => {
    expect(parsePeriod('2025')).toEqual({ id: '2025', year: 2025, tertial: null });
    for (const text of ['T2 2026', 't2 2026', '2026 T2', '2026-T2', ' T2  2026 ', 'T22026']) expect(parsePeriod(text)).toEqual({ id: '2026-T2', year: 2026, tertial: 2 });
    expect(periodLabel(parsePeriod('2026-t3'))).toBe('T3 2026');
    expect(periodLabel(parsePeriod('2025'))).toBe('2025');
    for (const bad of ['', 'T4 2026', 'våren 2026', '25', '1999', 'T1 2101']) expect(() => parsePeriod(bad)).toThrow(RuleError);
    expect(() => parsePeriod('hösten')).toThrow('Skriv perioden som ett år (2025) eller ett tertial (T2 2026).');
    expect(periodOfId('2026-T1')).toEqual({ id: '2026-T1', year: 2026, tertial: 1 });
    expect(periodOfId('T1 2026')).toBeNull();
  });

  it('are ordered in time, a year after its tertials; the same period added twice is one', () => {
    const { followUp } = setup();
    for (const text of ['2026', 'T3 2025', '2025', 'T1 2026', 'T2 2025', 'T1 2025']) addPeriod(followUp, text);
    addPeriod(followUp, '2026-T1');
    expect(periodsInOrder(followUp).map(periodLabel)).toEqual(['T1 2025', 'T2 2025', 'T3 2025', '2025', 'T1 2026', '2026']);
  });

  it('a closed period changes nothing until it is opened again', () => {
    const { doc, followUp, placed } = setup();
    const period = addPeriod(followUp, '2025');
    setProgress(followUp, doc.items, { periodId: period.id, itemId: placed[0]!.id, state: 'pagar', by: 'Anna', at: AT });
    closePeriod(followUp, period.id, AT);
    const refused = /Perioden 2025 är stängd/;
    unchangedBy(followUp, () => setProgress(followUp, doc.items, { periodId: period.id, itemId: placed[0]!.id, state: 'klar', by: 'Anna', at: AT }), refused);
    unchangedBy(followUp, () => clearProgress(followUp, period.id, placed[0]!.id), refused);
    unchangedBy(followUp, () => judge(followUp, doc.plan, { periodId: period.id, delomradeId: doc.plan.catalogue.delomraden[0]!.id, judgement: 'oforandrat', by: 'Anna', at: AT }), refused);
    unchangedBy(followUp, () => removePeriod(followUp, period.id), refused);
    unchangedBy(followUp, () => closePeriod(followUp, period.id, AT), refused);
    reopenPeriod(followUp, period.id);
    setProgress(followUp, doc.items, { periodId: period.id, itemId: placed[0]!.id, state: 'klar', by: 'Anna', at: AT });
    expect(progressOf(followUp, period.id, placed[0]!.id)!.state).toBe('klar');
  });

  it('a period removed takes what was said in it, and nothing else', () => {
    const { doc, followUp, placed } = setup();
    const [a, b] = [addPeriod(followUp, '2025'), addPeriod(followUp, '2026')];
    for (const p of [a, b]) setProgress(followUp, doc.items, { periodId: p.id, itemId: placed[0]!.id, state: 'pagar', by: 'Anna', at: AT });
    judge(followUp, doc.plan, { periodId: a.id, delomradeId: doc.plan.catalogue.delomraden[0]!.id, judgement: 'ratt-riktning', by: 'Anna', at: AT });
    addPerformed(followUp, doc.plan, { id: 'g1', periodId: a.id, delomradeId: null, text: 'Mobila team i alla kommuner', kalla: 'NU-sjukvården', inputId: null });
    removePeriod(followUp, a.id);
    expect(Object.keys(followUp.periods)).toEqual([b.id]);
    expect(Object.values(followUp.progress).map((p) => p.periodId)).toEqual([b.id]);
    expect(followUp.judgements).toEqual({});
    expect(followUp.performed).toEqual({});
  });
});

describe('progress per item and period', () => {
  it('in the report’s words, with a comment, who and when; another period is apart', () => {
    const { doc, followUp, placed } = setup();
    expect(PROGRESS_STATES.map((s) => PROGRESS_WORD[s])).toEqual(['Ej påbörjad', 'Pågår', 'Klar', 'Försenad', 'Avbruten']);
    const [a, b] = [addPeriod(followUp, '2025'), addPeriod(followUp, 'T1 2026')];
    const item = placed[0]!;
    const said = setProgress(followUp, doc.items, { periodId: a.id, itemId: item.id, state: 'forsenad', comment: '  Väntar   på\n\nupphandling  ', by: ' Anna  Berg ', at: AT });
    expect(said).toEqual({ periodId: a.id, itemId: item.id, state: 'forsenad', comment: 'Väntar på\n\nupphandling', by: 'Anna Berg', at: AT, source: null });
    expect(progressOf(followUp, b.id, item.id)).toBeNull();
    const office = { inputId: 'in-1', kalla: 'NU-sjukvården' };
    setProgress(followUp, doc.items, { periodId: b.id, itemId: item.id, state: 'pagar', by: 'NU-sjukvården', at: AT, source: office });
    expect(progressOf(followUp, b.id, item.id)!.source).toEqual(office);
    expect(progressOf(followUp, a.id, item.id)!.state).toBe('forsenad');
    clearProgress(followUp, a.id, item.id);
    expect(progressOf(followUp, a.id, item.id)).toBeNull();
  });

  it('refuses what cannot be said, with a Swedish message, changing nothing', () => {
    const { doc, followUp, placed } = setup();
    const period = addPeriod(followUp, '2025');
    const base = { periodId: period.id, itemId: placed[0]!.id, state: 'pagar' as const, by: 'Anna', at: AT };
    unchangedBy(followUp, () => setProgress(followUp, doc.items, { ...base, itemId: 'borta' }), /Aktiviteten finns inte längre/);
    unchangedBy(followUp, () => setProgress(followUp, doc.items, { ...base, periodId: '2031' }), /Perioden finns inte längre/);
    unchangedBy(followUp, () => setProgress(followUp, doc.items, { ...base, state: 'nästan' as never }), /Välj Ej påbörjad, Pågår, Klar, Försenad eller Avbruten/);
    unchangedBy(followUp, () => setProgress(followUp, doc.items, { ...base, by: '  ' }), /Skriv vem som följer upp/);
    unchangedBy(followUp, () => setProgress(followUp, doc.items, { ...base, comment: 'x'.repeat(4001) }), /högst 4000 tecken/);
  });

  it('an item of a ring whose year has passed and that is not Klar stands out', () => {
    const { doc, followUp, placed } = setup();
    const ringOf = (year: number) => doc.plan.rings.find((r) => r.year === year)!;
    const of2025 = placed.find((i) => i.cell!.ringId === ringOf(2025).id)!;
    const of2026 = placed.find((i) => i.cell!.ringId === ringOf(2026).id)!;
    const [t2, year, t3, next] = ['T2 2025', '2025', 'T3 2025', 'T1 2026'].map((t) => addPeriod(followUp, t));
    expect(overdue(doc.plan, followUp, t2!, of2025)).toBe(false);
    expect(overdue(doc.plan, followUp, year!, of2025)).toBe(true);
    expect(overdue(doc.plan, followUp, t3!, of2025)).toBe(true);
    expect(overdue(doc.plan, followUp, next!, of2025)).toBe(true);
    expect(overdue(doc.plan, followUp, year!, of2026)).toBe(false);
    setProgress(followUp, doc.items, { periodId: year!.id, itemId: of2025.id, state: 'klar', by: 'Anna', at: AT });
    expect(overdue(doc.plan, followUp, year!, of2025)).toBe(false);
    setProgress(followUp, doc.items, { periodId: next!.id, itemId: of2025.id, state: 'avbruten', by: 'Anna', at: AT });
    expect(overdue(doc.plan, followUp, next!, of2025)).toBe(false);
    // Inspel and struck items are not followed up.
    expect(overdue(doc.plan, followUp, year!, { ...of2025, cell: null })).toBe(false);
    expect(overdue(doc.plan, followUp, year!, { ...of2025, status: 'stryks' })).toBe(false);
  });
});

describe('indicators and judgements', () => {
  it('measured values with date and source, in time order; bad input refused', () => {
    const { doc, followUp, placed } = setup();
    const itemId = placed[0]!.id;
    addMeasurement(followUp, doc.items, { id: 'm2', itemId, date: '2025-12-31', value: parseValue('12,5'), source: 'Vården i siffror', by: 'Anna', at: AT });
    addMeasurement(followUp, doc.items, { id: 'm1', itemId, date: '2024-12-31', value: parseValue('1 234'), by: 'Anna', at: AT });
    expect(measurementsOf(followUp, itemId).map((m) => [m.date, m.value, m.source])).toEqual([
      ['2024-12-31', 1234, ''],
      ['2025-12-31', 12.5, 'Vården i siffror'],
    ]);
    expect(parseValue('−3')).toBe(-3);
    expect(() => parseValue('tolv')).toThrow('Skriv värdet som ett tal, till exempel 12,5.');
    expect(() => parseValue('')).toThrow(RuleError);
    for (const date of ['2025-02-30', '31/12/2025', '2025-13-01', '1899-01-01'])
      unchangedBy(followUp, () => addMeasurement(followUp, doc.items, { id: 'x', itemId, date, value: 1, by: 'Anna', at: AT }), /ÅÅÅÅ-MM-DD/);
    unchangedBy(followUp, () => addMeasurement(followUp, doc.items, { id: 'x', itemId, date: '2025-01-01', value: NaN, by: 'Anna', at: AT }), /ett tal/);
  });

  it('a delområde’s judgement per period in the report’s words; what offices did, with who', () => {
    const { doc, followUp } = setup();
    const period = addPeriod(followUp, '2025');
    const area = doc.plan.catalogue.delomraden[0]!;
    judge(followUp, doc.plan, { periodId: period.id, delomradeId: area.id, judgement: 'ratt-riktning', text: 'Fler digitala vårdmöten.', by: 'KL HoS', at: AT });
    judge(followUp, doc.plan, { periodId: period.id, delomradeId: area.id, judgement: 'oforandrat', by: 'KL HoS', at: AT });
    expect(Object.values(followUp.judgements).map((j) => [j.delomradeId, j.judgement, j.text])).toEqual([[area.id, 'oforandrat', '']]);
    unchangedBy(followUp, () => judge(followUp, doc.plan, { periodId: period.id, delomradeId: 'nej', judgement: 'oforandrat', by: 'KL HoS', at: AT }), /Delområdet finns inte längre/);
    const done = addPerformed(followUp, doc.plan, { id: 'g1', periodId: period.id, delomradeId: area.id, text: ' Mobila team  i alla kommuner ', kalla: 'NU-sjukvården', inputId: 'in-1' });
    expect(done.text).toBe('Mobila team i alla kommuner');
    unchangedBy(followUp, () => addPerformed(followUp, doc.plan, { ...done, id: 'g2', text: ' ' }), /Skriv vad som genomförts/);
    // Taken back; not while the period is closed.
    closePeriod(followUp, period.id, AT);
    unchangedBy(followUp, () => removePerformed(followUp, 'g1'), /är stängd/);
    unchangedBy(followUp, () => clearJudgement(followUp, period.id, area.id), /är stängd/);
    reopenPeriod(followUp, period.id);
    removePerformed(followUp, 'g1');
    clearJudgement(followUp, period.id, area.id);
    expect(followUp.performed).toEqual({});
    expect(followUp.judgements).toEqual({});
    unchangedBy(followUp, () => removePerformed(followUp, 'g1'), /finns inte längre/);
  });
});

describe('comparing two periods', () => {
  it('names what became Klar, what moved on and what slipped', () => {
    const { doc, followUp, placed } = setup();
    const [a, b] = [addPeriod(followUp, '2025'), addPeriod(followUp, '2026')];
    const ids = placed.slice(0, 7).map((i) => i.id);
    const states: Array<[string | null, string | null]> = [
      ['pagar', 'klar'],
      ['ej-paborjad', 'pagar'],
      ['pagar', 'forsenad'],
      ['klar', 'pagar'],
      [null, 'pagar'],
      ['pagar', 'pagar'],
      ['pagar', null],
    ];
    states.forEach(([from, to], k) => {
      if (from) setProgress(followUp, doc.items, { periodId: a.id, itemId: ids[k]!, state: from as never, by: 'Anna', at: AT });
      if (to) setProgress(followUp, doc.items, { periodId: b.id, itemId: ids[k]!, state: to as never, by: 'Anna', at: AT });
    });
    const compared = comparePeriods(followUp, a.id, b.id, ids);
    expect(compared.finished.map((c) => c.itemId)).toEqual([ids[0]]);
    expect(compared.advanced.map((c) => c.itemId)).toEqual([ids[1]]);
    expect(compared.slipped.map((c) => [c.itemId, c.from, c.to])).toEqual([
      [ids[2], 'pagar', 'forsenad'],
      [ids[3], 'klar', 'pagar'],
    ]);
    expect(compared.added.map((c) => c.itemId)).toEqual([ids[4]]);
    expect(compared.unchanged).toEqual([ids[5]]);
    expect(compared.removed.map((c) => c.itemId)).toEqual([ids[6]]);
  });

  it('puts every item in exactly one group; a period against itself is unchanged; Klar is reached only forwards', () => {
    const state = fc.constantFrom(null, ...PROGRESS_STATES);
    fc.assert(
      fc.property(fc.array(fc.tuple(state, state), { minLength: 1, maxLength: 12 }), (pairs) => {
        const { doc, followUp, placed } = setup();
        const [a, b] = [addPeriod(followUp, '2025'), addPeriod(followUp, '2026')];
        const ids = placed.slice(0, pairs.length).map((i) => i.id);
        pairs.forEach(([from, to], k) => {
          if (from) setProgress(followUp, doc.items, { periodId: a.id, itemId: ids[k]!, state: from, by: 'Anna', at: AT });
          if (to) setProgress(followUp, doc.items, { periodId: b.id, itemId: ids[k]!, state: to, by: 'Anna', at: AT });
        });
        const c = comparePeriods(followUp, a.id, b.id, ids);
        const grouped = [...c.finished, ...c.advanced, ...c.slipped, ...c.added, ...c.removed].map((x) => x.itemId).concat(c.unchanged);
        expect([...grouped].sort()).toEqual([...ids].sort());
        expect(comparePeriods(followUp, a.id, a.id, ids).unchanged).toEqual(ids);
        for (const x of c.finished) expect(x.to).toBe('klar');
        for (const x of c.slipped) expect(x.to === 'forsenad' || x.to === 'avbruten' || x.from === 'klar' || x.to === 'ej-paborjad').toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
