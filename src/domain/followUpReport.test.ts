import { describe, expect, it } from 'vitest';
import { addMeasurement, addPerformed, addPeriod, emptyFollowUp, judge, setProgress } from './followup';
import { followUpReport, periodEnd } from './followUpReport';
import { createExampleDoc } from './plan';

const AT = '2026-02-01T10:00:00.000Z';

function setup() {
  const doc = createExampleDoc(new Date(AT));
  const followUp = emptyFollowUp();
  addPeriod(followUp, '2025');
  addPeriod(followUp, 'T2 2026');
  const placed = Object.values(doc.items).filter((i) => i.cell);
  return { doc, followUp, placed };
}

describe('the follow-up report', () => {
  it('ends a period on its last day', () => {
    expect(periodEnd({ year: 2025, tertial: null })).toBe('2025-12-31');
    expect(periodEnd({ year: 2026, tertial: 1 })).toBe('2026-04-30');
    expect(periodEnd({ year: 2026, tertial: 2 })).toBe('2026-08-31');
    expect(periodEnd({ year: 2026, tertial: 3 })).toBe('2026-12-31');
  });

  it('has a section per delområde with its items, what the offices did, its indicators and judgement', () => {
    const { doc, followUp, placed } = setup();
    const nara = placed.filter((i) => i.delomraden.includes('nara-vard'));
    expect(nara.length).toBeGreaterThan(1);
    setProgress(followUp, doc.items, { periodId: '2026-T2', itemId: nara[0]!.id, state: 'klar', comment: 'Klart i maj', by: 'Eva', at: AT });
    judge(followUp, doc.plan, { periodId: '2026-T2', delomradeId: 'nara-vard', judgement: 'ratt-riktning', text: 'Långsamt', by: 'Eva', at: AT });
    addPerformed(followUp, doc.plan, { id: 'p1', periodId: '2026-T2', delomradeId: 'nara-vard', text: 'Mobila team i hela länet', kalla: 'NU-sjukvården', inputId: null });
    addPerformed(followUp, doc.plan, { id: 'p2', periodId: '2026-T2', delomradeId: null, text: 'Annat', kalla: 'SÄS', inputId: null });
    addPerformed(followUp, doc.plan, { id: 'p3', periodId: '2025', delomradeId: 'nara-vard', text: 'Förra året', kalla: 'SU', inputId: null });

    const report = followUpReport(doc, followUp, '2026-T2');
    expect(report.sections.map((s) => s.delomrade?.name ?? null)).toEqual([...doc.plan.catalogue.delomraden.map((d) => d.name), null]);
    const section = report.sections[0]!;
    expect(section.items.map((r) => r.item.id)).toEqual(report.summary.filter((r) => r.item.delomraden.includes('nara-vard')).map((r) => r.item.id));
    expect(section.items.find((r) => r.item.id === nara[0]!.id)!.progress).toMatchObject({ state: 'klar', comment: 'Klart i maj' });
    expect(section.judgement).toMatchObject({ judgement: 'ratt-riktning', text: 'Långsamt' });
    expect(section.performed.map((p) => p.text)).toEqual(['Mobila team i hela länet']);
    // What no delområde holds comes last, under "Övriga aktiviteter".
    const rest = report.sections.at(-1)!;
    expect(rest.performed.map((p) => p.text)).toEqual(['Annat']);
    expect(rest.items.every((r) => r.item.delomraden.length === 0)).toBe(true);
    expect(report.counts.klar).toBe(1);
    expect(report.counts.none).toBe(report.summary.length - 1);
  });

  it('lists every placed item in the fan order, leaves out struck ones and names the overdue', () => {
    const { doc, followUp, placed } = setup();
    const struck = placed[1]!;
    doc.items = { ...doc.items, [struck.id]: { ...struck, status: 'stryks' } };
    const report = followUpReport(doc, followUp, '2026-T2');
    expect(report.summary).toHaveLength(placed.length - 1);
    expect(report.summary.some((r) => r.item.id === struck.id)).toBe(false);
    const order = doc.plan.blades.flatMap((b) => doc.plan.rings.map((r) => `${b.id}|${r.id}`));
    const keys = report.summary.map((r) => order.indexOf(`${r.blade.id}|${r.ring.id}`));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    // In T2 2026 the 2025 ring is due, the 2026 ring not yet.
    expect(report.summary.filter((r) => r.overdue).every((r) => r.ring.year === 2025)).toBe(true);
    expect(report.overdueCount).toBe(report.summary.filter((r) => r.ring.year === 2025).length);
  });

  it('compares with the period before and shows the values measured up to the period’s end', () => {
    const { doc, followUp, placed } = setup();
    const item = placed.find((i) => i.indikator.target !== null)!;
    setProgress(followUp, doc.items, { periodId: '2025', itemId: item.id, state: 'pagar', by: 'Eva', at: AT });
    setProgress(followUp, doc.items, { periodId: '2026-T2', itemId: item.id, state: 'klar', by: 'Eva', at: AT });
    for (const [id, date, value] of [['a', '2025-12-31', 20], ['b', '2026-06-30', 25], ['c', '2026-12-31', 31]] as const) addMeasurement(followUp, doc.items, { id, itemId: item.id, date, value, by: 'Eva', at: AT });
    const report = followUpReport(doc, followUp, '2026-T2');
    expect(report.previous?.id).toBe('2025');
    expect(report.comparison!.finished.map((c) => c.itemId)).toEqual([item.id]);
    const indicator = report.sections.flatMap((s) => s.indicators).find((i) => i.item.id === item.id)!;
    expect(indicator.values.map((v) => v.value)).toEqual([20, 25]);
    expect(followUpReport(doc, followUp, '2025').previous).toBeNull();
  });
});
