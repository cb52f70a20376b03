import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { addComment, addItem, moveItem, updateItem } from './operations';
import { createExampleDoc } from './plan';
import { fanNotes, marksLegend } from './review';

const example = () => createExampleDoc(new Date('2026-11-22T10:00:00Z'));

describe('the fan’s legend of review marks', () => {
  it('names the marks the placed items carry, across cells, and not those of Inspel', () => {
    let doc = example();
    expect(fanNotes(doc)).toEqual([]);
    const [a, b] = Object.values(doc.items).filter((i) => i.cell);
    doc = produce(doc, (d) => {
      const inspel = addItem(d, { text: 'Ett inspel' }, 'inspel-1');
      updateItem(d, inspel, { status: 'godkand' });
    });
    expect(fanNotes(doc)).toEqual([]);
    doc = produce(doc, (d) => updateItem(d, a!.id, { status: 'andras' }));
    expect(fanNotes(doc)).toEqual(['Δ ändras']);
    doc = produce(doc, (d) => void addComment(d, b!.id, { id: 'k1', author: 'Eva', at: '2026-11-22T10:00:00Z', text: 'Bra' }));
    expect(fanNotes(doc)).toEqual(['Δ ändras · ❝ antal kommentarer']);
    // Placed, the Inspel item's mark joins the legend; its cell is read again, the others are not.
    doc = produce(doc, (d) => moveItem(d, 'inspel-1', b!.cell, 0));
    expect(fanNotes(doc)).toEqual(['✓ godkänd · Δ ändras · ❝ antal kommentarer']);
    expect(fanNotes(doc)).toEqual([marksLegend(Object.values(doc.items).filter((i) => i.cell))]);
  });
});
