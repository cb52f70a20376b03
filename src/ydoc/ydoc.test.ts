import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { itemsIn } from '../domain/containers';
import * as ops from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import type { PlanDoc } from '../domain/types';
import { loadRepair, readDoc, readVoting } from './read';
import { changeDoc, docFromPlan } from './replica';
import { bladeMap, dotMap, itemMap, planMap, votingMap } from './shape';

const example = () => createExampleDoc(new Date('2026-03-01T10:00:00Z'));
const read = (ydoc: Y.Doc) => readDoc(ydoc)!.doc;
const ids = (doc: PlanDoc, cell: Parameters<typeof itemsIn>[1]) => itemsIn(doc, cell).map((i) => i.id);

/** Count the writes of one transaction: changed keys per map, at every depth. */
function writesOf(ydoc: Y.Doc, run: () => void): string[] {
  const seen: string[] = [];
  const observe = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) for (const key of event.changes.keys.keys()) seen.push(`${event.path.join('/')}/${key}`);
  };
  const maps = [itemMap(ydoc), bladeMap(ydoc), planMap(ydoc)];
  for (const map of maps) map.observeDeep(observe);
  run();
  for (const map of maps) map.unobserveDeep(observe);
  return seen;
}

beforeAll(loadRepair);

describe('the plan in a Yjs document', () => {
  it('reads back exactly the plan it was written from', () => {
    const doc = example();
    expect(read(docFromPlan(doc))).toEqual(doc);
  });

  it('travels as an update: another document gets the same plan', () => {
    const a = docFromPlan(example());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(read(b)).toEqual(read(a));
  });

  it('holds no plan when empty', () => {
    expect(readDoc(new Y.Doc())).toBeNull();
  });

  it('writes a move as one place, and leaves the rest of the list alone', () => {
    const ydoc = docFromPlan(example());
    const doc = read(ydoc);
    const cell = doc.items[Object.keys(doc.items)[0]!]!.cell;
    const list = ids(doc, cell);
    expect(list.length).toBeGreaterThan(2);
    const last = list.at(-1)!;
    const writes = writesOf(ydoc, () => changeDoc(ydoc, (d) => ops.moveItem(d, last, cell, 0)));
    expect(writes).toEqual([`${last}/place`]);
    expect(ids(read(ydoc), cell)).toEqual([last, ...list.slice(0, -1)]);
  });

  it('writes a change of one field as that field only', () => {
    const ydoc = docFromPlan(example());
    const id = Object.keys(read(ydoc).items)[3]!;
    const writes = writesOf(ydoc, () => changeDoc(ydoc, (d) => ops.updateItem(d, id, { description: 'Ny beskrivning' })));
    expect(writes).toEqual([`${id}/description`]);
    expect(read(ydoc).items[id]!.description).toBe('Ny beskrivning');
  });

  it('keeps both of two comments written at once, and both of two fields', () => {
    const a = docFromPlan(example());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const id = Object.keys(read(a).items)[0]!;
    changeDoc(a, (d) => ops.addComment(d, id, { id: 'c-a', author: 'Anna', at: '2026-03-02T10:00:00.000Z', text: 'Från A' }));
    changeDoc(b, (d) => ops.addComment(d, id, { id: 'c-b', author: 'Bo', at: '2026-03-02T10:00:01.000Z', text: 'Från B' }));
    changeDoc(a, (d) => ops.updateItem(d, id, { description: 'A skrev' }));
    changeDoc(b, (d) => ops.updateItem(d, id, { status: 'godkand' }));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const item = read(a).items[id]!;
    expect(item.comments.map((c) => c.text)).toEqual(['Från A', 'Från B']);
    expect([item.description, item.status]).toEqual(['A skrev', 'godkand']);
    expect(read(b)).toEqual(read(a));
  });

  it('puts an item whose blade another person removed in Inspel, and says so', () => {
    const a = docFromPlan(example());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const doc = read(a);
    const blade = doc.plan.blades.at(-1)!;
    const ring = doc.plan.rings[0]!;
    changeDoc(a, (d) => void ops.addItem(d, { text: 'Sist i Inspel' }, 'sist'));
    changeDoc(a, (d) => void ops.addItem(d, { text: 'Ny i Inspel' }, 'ny'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    changeDoc(a, (d) => ops.removeBlade(d, blade.id));
    changeDoc(b, (d) => ops.moveItem(d, 'ny', { bladeId: blade.id, ringId: ring.id }, 0));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const result = readDoc(a)!;
    expect(result.rehomed).toEqual(['ny']);
    expect(result.doc.items.ny!.cell).toBeNull();
    // After Inspel's own (and the blade's items, which the removal put there).
    const inspel = ids(result.doc, null);
    expect(inspel.at(-1)).toBe('ny');
    expect(inspel.indexOf('sist')).toBeLessThan(inspel.length - 2);
  });

  it('names what a peer wrote wrongly, leaves it out and shows the rest', () => {
    const ydoc = docFromPlan(example());
    const doc = read(ydoc);
    const [first, second, third, fourth] = Object.keys(doc.items);
    ydoc.transact(() => {
      const items = itemMap(ydoc);
      (items.get(first!) as Y.Map<unknown>).set('text', 'x'.repeat(10_000_000));
      (items.get(second!) as Y.Map<unknown>).set('place', { cell: { bladeId: 'finns-inte', ringId: 'finns-inte' }, pos: 'a0' });
      (items.get(third!) as Y.Map<unknown>).set('status', 42);
      (items.get(fourth!) as Y.Map<unknown>).set('delomraden', new Y.Text('skräp'));
      items.set('__proto__', new Y.Map());
      items.set('trasig', 'inte en aktivitet');
      const bad = new Y.Map<unknown>();
      items.set('utan-text', bad);
      bad.set('text', { __proto__: { polluted: true } });
      planMap(ydoc).set('name', 12);
    });
    const result = readDoc(ydoc)!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(result.doc.items).sort()).toEqual(Object.keys(doc.items).sort());
    expect(result.doc.items[first!]!.text.length).toBeLessThanOrEqual(300);
    expect(result.doc.items[second!]!.cell).toBeNull();
    expect(result.doc.items[third!]!.status).toBe('forslag');
    expect(result.doc.plan.name).toBe('Namnlös plan');
    const notes = result.notes.join('\n');
    expect(notes).toMatch(/texten var för lång/);
    expect(notes).toMatch(/statusen kunde inte läsas/);
    expect(notes).toMatch(/id trasig/);
    expect(notes).toMatch(/id utan-text/);
    expect(notes).toMatch(/Planens namn/);
  });

  it('before the careful restore step has loaded, an unsound item is left out whole and named', async () => {
    vi.resetModules();
    const fresh = await import('./read');
    const ydoc = docFromPlan(example());
    const id = Object.keys(read(ydoc).items)[0]!;
    (itemMap(ydoc).get(id) as Y.Map<unknown>).set('status', 42);
    const partial = fresh.readDoc(ydoc)!;
    expect(partial.partial).toBe(true);
    expect(partial.doc.items[id]).toBeUndefined();
    expect(partial.notes).toEqual([`En aktivitet (id ${id.slice(0, 20)}) kunde inte läsas och lämnades utanför.`]);
    await fresh.loadRepair();
    const careful = fresh.readDoc(ydoc)!;
    expect(careful.partial).toBeUndefined();
    expect(careful.doc.items[id]!.status).toBe('forslag');
  });

  it('counts every dot placed at once by different people', () => {
    const a = docFromPlan(example());
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const id = Object.keys(read(a).items)[0]!;
    votingMap(a).set('dots', 3);
    dotMap(a).set('d1', { participant: 'Anna', itemId: id, at: '2026-03-02T10:00:00.000Z' });
    dotMap(b).set('d2', { participant: 'Bo', itemId: id, at: '2026-03-02T10:00:00.500Z' });
    dotMap(b).set('d3', 'skräp');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const notes: string[] = [];
    expect(readVoting(a, notes)).toEqual({ dots: 3, votes: [{ participant: 'Anna', itemId: id }, { participant: 'Bo', itemId: id }] });
    expect(notes).toHaveLength(1);
  });
});
