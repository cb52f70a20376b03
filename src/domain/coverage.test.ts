import { describe, expect, it } from 'vitest';
import { itemsIn } from './containers';
import { goalCoverage, itemsWithoutIndikator, placedItems, uncoveredEffektmal } from './coverage';
import { addItem, moveItem, updateItem } from './operations';
import { createEmptyDoc } from './plan';

function plan() {
  const doc = createEmptyDoc('Täckning', new Date('2026-11-22T10:00:00Z'));
  const [b0, b1] = doc.plan.blades;
  const [r0, r1] = doc.plan.rings;
  const goal = doc.plan.catalogue.delomraden[0]!.effektmal[0]!;
  const a = addItem(doc, { text: 'A', cell: { bladeId: b1!.id, ringId: r0!.id } });
  const b = addItem(doc, { text: 'B', cell: { bladeId: b0!.id, ringId: r1!.id } });
  const c = addItem(doc, { text: 'C', cell: { bladeId: b0!.id, ringId: r0!.id } });
  const inspel = addItem(doc, { text: 'I Inspel' });
  for (const id of [a, b, c, inspel]) updateItem(doc, id, { effektmal: [goal.id] });
  updateItem(doc, b, { indikator: { text: 'Antal besök' } });
  doc.items = { ...doc.items };
  return { doc, goal, ids: { a, b, c, inspel } };
}

describe('goal coverage', () => {
  it('lists the placed items serving each effektmål, ring by ring, fokusområde by fokusområde', () => {
    const { doc, goal } = plan();
    const first = goalCoverage(doc)[0]!.goals.find((g) => g.effektmal.id === goal.id)!;
    expect(first.count).toBe(3);
    expect(first.byRing.map((g) => [g.ring.id, g.items.map((i) => i.text)])).toEqual([
      [doc.plan.rings[0]!.id, ['C', 'A']],
      [doc.plan.rings[1]!.id, ['B']],
    ]);
    // Inspel items serve nothing yet.
    expect(placedItems(doc).map((i) => i.text)).not.toContain('I Inspel');
  });

  it('flags an effektmål until an item in the fan links to it', () => {
    const { doc, goal, ids } = plan();
    const other = doc.plan.catalogue.delomraden[0]!.effektmal[1]!;
    expect(uncoveredEffektmal(doc).map((u) => u.effektmal.id)).toContain(other.id);
    expect(uncoveredEffektmal(doc).map((u) => u.effektmal.id)).not.toContain(goal.id);
    updateItem(doc, ids.inspel, { effektmal: [other.id] });
    doc.items = { ...doc.items };
    expect(uncoveredEffektmal(doc).map((u) => u.effektmal.id)).toContain(other.id);
    moveItem(doc, ids.inspel, { bladeId: doc.plan.blades[2]!.id, ringId: doc.plan.rings[2]!.id }, 0);
    doc.items = { ...doc.items };
    expect(uncoveredEffektmal(doc).map((u) => u.effektmal.id)).not.toContain(other.id);
    const total = doc.plan.catalogue.delomraden.reduce((n, d) => n + d.effektmal.length, 0);
    const covered = goalCoverage(doc).flatMap((d) => d.goals).filter((g) => g.count > 0).length;
    expect(uncoveredEffektmal(doc)).toHaveLength(total - covered);
  });

  it('lists placed items without an indikator', () => {
    const { doc } = plan();
    expect(itemsWithoutIndikator(doc).map((i) => i.text)).toEqual(['C', 'A']);
    expect(itemsIn(doc, null).map((i) => i.text)).toEqual(['I Inspel']);
  });
});
