import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { produce } from 'immer';
import { itemsIn } from './containers';
import * as ops from './operations';
import { createEmptyDoc, createExampleDoc, duplicateDoc } from './plan';
import type { PlanDoc } from './types';
import { EXAMPLE_ITEM_COUNT } from './example';

const cell = (bladeId: string, ringId: string) => ({ bladeId, ringId });
const texts = (doc: PlanDoc, c: ReturnType<typeof cell> | null) => itemsIn(doc, c).map((i) => i.text);
const run = (doc: PlanDoc, recipe: (d: PlanDoc) => void) => produce(doc, recipe);

describe('built-in example', () => {
  it('has the four focus areas, three rings and the draft items in rank order', () => {
    const doc = createExampleDoc();
    expect(doc.plan.blades.map((b) => b.name)).toEqual([
      'Nära invånaren',
      'Hälsofrämjande och förebyggande',
      'En sammanhållen hälso- och sjukvård',
      'Ledarskap och kompetensförsörjning',
    ]);
    expect(doc.plan.rings.map((r) => r.label)).toEqual([
      'Viktiga milstolpar 2025',
      'Viktiga milstolpar 2026',
      'Önskad målbild 2027',
    ]);
    expect(texts(doc, cell('nara-invanaren', 'r2026'))).toEqual([
      'Fler patientgrupper omhändertas i nära vården',
      'Xx % av resurserna är omställda till nära vård',
    ]);
    expect(Object.keys(doc.items)).toHaveLength(EXAMPLE_ITEM_COUNT);
    expect(doc.plan.catalogue.delomraden.map((d) => d.name)).toContain('Barnuppdraget');
  });

  it('gives every new copy fresh ids', () => {
    const a = createExampleDoc();
    const b = duplicateDoc(a, 'Kopia');
    expect(b.plan.id).not.toBe(a.plan.id);
    const aIds = new Set(Object.keys(a.items));
    expect(Object.keys(b.items).some((id) => aIds.has(id))).toBe(false);
    expect(Object.values(b.items).every((i) => i.planId === b.plan.id)).toBe(true);
  });
});

describe('items', () => {
  it('adds to Inspel, moves into a cell at a position and renumbers both lists', () => {
    let doc = createExampleDoc();
    let id = '';
    doc = run(doc, (d) => void (id = ops.addItem(d, { text: '  Ny   idé ' })));
    expect(texts(doc, null)).toEqual(['Ny idé']);
    doc = run(doc, (d) => ops.moveItem(d, id, cell('nara-invanaren', 'r2026'), 1));
    expect(texts(doc, cell('nara-invanaren', 'r2026'))).toEqual([
      'Fler patientgrupper omhändertas i nära vården',
      'Ny idé',
      'Xx % av resurserna är omställda till nära vård',
    ]);
    expect(itemsIn(doc, cell('nara-invanaren', 'r2026')).map((i) => i.rank)).toEqual([0, 1, 2]);
    expect(texts(doc, null)).toEqual([]);
  });

  it('reorders within a cell and moves back to Inspel', () => {
    let doc = createExampleDoc();
    const c = cell('nara-invanaren', 'r2025');
    const [first] = itemsIn(doc, c);
    doc = run(doc, (d) => ops.moveItem(d, first!.id, c, 2));
    expect(itemsIn(doc, c).map((i) => i.id).at(-1)).toBe(first!.id);
    doc = run(doc, (d) => ops.moveItem(d, first!.id, null, 0));
    expect(itemsIn(doc, c)).toHaveLength(2);
    expect(itemsIn(doc, c).map((i) => i.rank)).toEqual([0, 1]);
    expect(itemsIn(doc, null).map((i) => i.id)).toEqual([first!.id]);
  });

  it('rejects empty or overlong text with a Swedish message', () => {
    const doc = createEmptyDoc('Tom');
    expect(() => run(doc, (d) => void ops.addItem(d, { text: '   ' }))).toThrow('Texten får inte vara tom.');
    expect(() => run(doc, (d) => void ops.addItem(d, { text: 'x'.repeat(301) }))).toThrow(/högst 300 tecken/);
  });

  it('edits fields, keeping only catalogue links that exist', () => {
    let doc = createEmptyDoc('Tom');
    let id = '';
    doc = run(doc, (d) => void (id = ops.addItem(d, { text: 'A' })));
    doc = run(doc, (d) =>
      ops.updateItem(d, id, {
        text: 'B',
        delomraden: ['nara-vard', 'finns-inte'],
        effektmal: ['nara-vard-kort-1', 'x'],
        indikator: { text: 'Andel', target: 30, unit: '%' },
        ansvarsniva: 'KL HoS',
        kalla: 'NU-sjukvården',
        extraChoice: 'extra',
      }),
    );
    const item = doc.items[id]!;
    expect(item).toMatchObject({ text: 'B', delomraden: ['nara-vard'], effektmal: ['nara-vard-kort-1'], extraChoice: 'extra' });
    expect(item.indikator).toEqual({ text: 'Andel', target: 30, unit: '%' });
    expect(() => run(doc, (d) => ops.updateItem(d, id, { indikator: { target: Number.NaN } }))).toThrow(/tal/);
    const zero = run(doc, (d) => ops.updateItem(d, id, { indikator: { target: -0 } }));
    expect(Object.is(zero.items[id]!.indikator.target, 0)).toBe(true);
  });

  it('deletes and renumbers', () => {
    let doc = createExampleDoc();
    const c = cell('ledarskap', 'r2025');
    const second = itemsIn(doc, c)[1]!;
    doc = run(doc, (d) => ops.deleteItem(d, second.id));
    expect(itemsIn(doc, c).map((i) => i.rank)).toEqual([0, 1, 2, 3]);
    expect(doc.items[second.id]).toBeUndefined();
  });
});

describe('blades and rings', () => {
  it('adds, renames, recolours, reorders and removes blades within 3–8', () => {
    let doc = createEmptyDoc('Tom');
    let id = '';
    doc = run(doc, (d) => void (id = ops.addBlade(d, 'Digitalt först')));
    expect(doc.plan.blades).toHaveLength(5);
    doc = run(doc, (d) => ops.renameBlade(d, id, 'Digitalt när det går'));
    doc = run(doc, (d) => ops.recolourBlade(d, id, '#AA0000'));
    doc = run(doc, (d) => ops.moveBlade(d, id, 0));
    expect(doc.plan.blades[0]).toMatchObject({ id, name: 'Digitalt när det går', color: '#aa0000' });
    expect(() => run(doc, (d) => ops.renameBlade(d, id, 'nära invånaren'))).toThrow(/finns redan/);
    expect(() => run(doc, (d) => ops.recolourBlade(d, id, 'red'))).toThrow(/#rrggbb/);
    for (let i = 0; i < 3; i++) doc = run(doc, (d) => void ops.addBlade(d, `Extra ${i}`));
    expect(doc.plan.blades).toHaveLength(8);
    expect(() => run(doc, (d) => void ops.addBlade(d, 'En för mycket'))).toThrow('En plan kan ha högst 8 fokusområden.');
    const three = run(createEmptyDoc('T'), (d) => ops.removeBlade(d, 'ledarskap'));
    expect(() => run(three, (d) => ops.removeBlade(d, 'sammanhallen'))).toThrow(/minst 3/);
  });

  it('returns the items of a removed blade or ring to Inspel', () => {
    let doc = createExampleDoc();
    const before = Object.keys(doc.items).length;
    doc = run(doc, (d) => ops.removeBlade(d, 'nara-invanaren'));
    expect(Object.keys(doc.items)).toHaveLength(before);
    expect(itemsIn(doc, null)).toHaveLength(6);
    expect(itemsIn(doc, null).map((i) => i.rank)).toEqual([0, 1, 2, 3, 4, 5]);
    doc = run(doc, (d) => ops.removeRing(d, 'r2026'));
    expect(itemsIn(doc, null)).toHaveLength(6 + 1 + 4 + 4);
  });

  it('adds rings before the målbild (which moves a year on rather than clash), keeps 2–5, and updates a label that names the year', () => {
    let doc = createEmptyDoc('Tom');
    doc = run(doc, (d) => void ops.addRing(d, 'r2027m'));
    expect(doc.plan.rings.map((r) => r.label)).toEqual([
      'Viktiga milstolpar 2025',
      'Viktiga milstolpar 2026',
      'Viktiga milstolpar 2027',
      'Önskad målbild 2028',
    ]);
    expect(doc.plan.rings.map((r) => r.year)).toEqual([2025, 2026, 2027, 2028]);
    doc = run(doc, (d) => void ops.addRing(d));
    expect(doc.plan.rings.map((r) => r.label).slice(-2)).toEqual(['Viktiga milstolpar 2028', 'Önskad målbild 2029']);
    expect(() => run(doc, (d) => void ops.addRing(d))).toThrow(/högst 5/);
    doc = run(doc, (d) => ops.updateRing(d, 'r2025', { year: 2024 }));
    expect(doc.plan.rings[0]).toMatchObject({ label: 'Viktiga milstolpar 2024', year: 2024 });
    expect(() => run(doc, (d) => ops.updateRing(d, 'r2025', { year: 1900 }))).toThrow(/mellan 2000 och 2100/);
    expect(() => run(doc, (d) => ops.updateRing(d, 'r2025', { label: ' ' }))).toThrow(/etikett/);
    let two = createEmptyDoc('T');
    two = run(two, (d) => ops.removeRing(d, 'r2026'));
    expect(() => run(two, (d) => ops.removeRing(d, 'r2025'))).toThrow(/minst 2/);
  });
});

describe('ring years', () => {
  it('refuses two rings with the same label, and shifts all years for next year\'s plan', () => {
    let doc = createEmptyDoc('Tom');
    expect(() => run(doc, (d) => ops.updateRing(d, 'r2025', { year: 2026 }))).toThrow(/Två ringar kan inte heta "Viktiga milstolpar 2026"/);
    doc = run(doc, (d) => ops.shiftRingYears(d, 1));
    expect(doc.plan.rings.map((r) => [r.label, r.year])).toEqual([
      ['Viktiga milstolpar 2026', 2026],
      ['Viktiga milstolpar 2027', 2027],
      ['Önskad målbild 2028', 2028],
    ]);
  });
});

describe('comments', () => {
  it('adds a cleaned comment, refuses empty or too long ones, and removes one', () => {
    const { addComment, removeComment } = ops;
    const doc = createEmptyDoc('K');
    const id = ops.addItem(doc, { text: 'A' });
    addComment(doc, id, { id: 'c1', author: '  Anna   Berg ', at: '2026-04-23T09:15:00.000Z', text: '  Bra förslag.\n' });
    expect(doc.items[id]!.comments).toEqual([{ id: 'c1', author: 'Anna Berg', at: '2026-04-23T09:15:00.000Z', text: 'Bra förslag.' }]);
    expect(() => addComment(doc, id, { id: 'c2', author: ' ', at: '', text: 'x' })).toThrow('Skriv ditt namn innan du kommenterar.');
    expect(() => addComment(doc, id, { id: 'c2', author: 'A', at: '', text: '  ' })).toThrow('Skriv en kommentar.');
    expect(() => addComment(doc, id, { id: 'c2', author: 'A', at: '', text: 'x'.repeat(2001) })).toThrow('högst 2000 tecken (nu 2001)');
    expect(doc.items[id]!.comments).toHaveLength(1);
    removeComment(doc, id, 'c1');
    expect(doc.items[id]!.comments).toEqual([]);
    expect(() => removeComment(doc, id, 'c1')).toThrow('Kommentaren finns inte längre.');
  });
});

describe('operations inside one immer recipe read what earlier ones in it changed', () => {
  it('any run of adds, moves and deletes gives the same plan on a draft as on a plain copy', () => {
        const start = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
    const cells = [null, ...start.plan.blades.flatMap((b) => start.plan.rings.map((r) => ({ bladeId: b.id, ringId: r.id })))];
    const step = fc.record({ kind: fc.constantFrom('add', 'move', 'delete'), a: fc.nat(), b: fc.nat(), c: fc.nat() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 12 }), (steps) => {
        const run = (doc: PlanDoc) => {
          let n = 0;
          for (const s of steps) {
            const ids = Object.keys(doc.items).sort();
            const id = ids[s.a % ids.length]!;
            if (s.kind === 'add') ops.addItem(doc, { text: `Ny ${n}`, cell: cells[s.c % cells.length]!, index: s.b % 15 }, `ny-${n++}`);
            else if (s.kind === 'move') ops.moveItem(doc, id, cells[s.c % cells.length]!, s.b % 15);
            else ops.deleteItem(doc, id);
          }
        };
        const plain = structuredClone(start);
        run(plain);
        const drafted = produce(start, (d) => void run(d as PlanDoc));
        expect(drafted).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });
});
