// Issue 26: a large update reaches the pages as pieces that, applied in order, give what it gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createExampleDoc } from '../domain/plan';
import * as ops from '../domain/operations';
import { readDoc } from '../ydoc/read';
import { changeDoc, docFromPlan } from '../ydoc/replica';
import { splitUpdate } from './splitUpdate';

/** What a document holds: its content, what it has seen and what it has deleted; nothing left waiting. */
function held(doc: Y.Doc) {
  return {
    json: doc.toJSON(),
    snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
    waiting: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
  };
}

type Op = { peer: number; kind: 'set' | 'nest' | 'delete' | 'insert' | 'cut' | 'text' | 'sync'; key: number; value: number };

const op = fc.record({
  peer: fc.nat(2),
  kind: fc.constantFrom('set', 'nest', 'delete', 'insert', 'cut', 'text', 'sync'),
  key: fc.nat(5),
  value: fc.nat(1000),
}) as fc.Arbitrary<Op>;

/** Three peers do `ops` (now and then passing each other what they have); each update any of them made is kept. */
function play(ops: Op[], gc: boolean) {
  const peers = [1, 2, 3].map((clientID) => Object.assign(new Y.Doc({ gc }), { clientID }));
  const made: Uint8Array[] = [];
  peers.forEach((p) => p.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && made.push(u)));
  for (const { peer, kind, key, value } of ops) {
    const doc = peers[peer]!;
    const map = doc.getMap('m');
    const list = doc.getArray<number>('a');
    const text = doc.getText('t');
    if (kind === 'set') map.set(`k${key}`, value);
    else if (kind === 'nest') map.set(`k${key}`, new Y.Map([['v', value]]));
    else if (kind === 'delete') map.delete(`k${key}`);
    else if (kind === 'insert') list.insert(Math.min(key, list.length), [value, value + 1]);
    else if (kind === 'cut' && list.length > 0) list.delete(Math.min(key, list.length - 1), 1);
    else if (kind === 'text') text.insert(Math.min(key, text.length), `t${value}`);
    else if (kind === 'sync') {
      const other = peers[(peer + 1 + (key % 2)) % 3]!;
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), 'sync');
    }
  }
  return { peers, made };
}

describe('splitUpdate', () => {
  it('gives pieces that, applied in order to a document at any earlier state, do what the whole update does', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 80 }), fc.boolean(), fc.integer({ min: 1, max: 12 }), fc.nat(), fc.nat(), (ops, gc, maxStructs, from, skip) => {
        const { peers, made } = play(ops, gc);
        if (made.length === 0) return;
        const start = from % made.length;
        // The update sent: all one peer holds, or a merge of what was made from some point on —
        // with one update left out now and then, so a client's structs have gaps (Skip).
        const left = made.slice(start).filter((_, i) => skip % 3 !== 0 || i % 4 !== 1);
        const update = skip % 2 === 0 ? Y.encodeStateAsUpdate(peers[skip % 3]!) : Y.mergeUpdates(left);
        const base = Y.mergeUpdates(made.slice(0, start));
        const whole = new Y.Doc({ gc });
        const pieces = new Y.Doc({ gc });
        Y.applyUpdate(whole, base);
        Y.applyUpdate(pieces, base);
        Y.applyUpdate(whole, update);
        const split = splitUpdate(update, maxStructs);
        for (const piece of split) Y.applyUpdate(pieces, piece);
        expect(held(pieces)).toEqual(held(whole));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves an update of few structs as it is, and cuts a flood of overwrites into pieces of the size asked', () => {
    const doc = new Y.Doc();
    const small = Y.encodeStateAsUpdate(doc);
    expect(splitUpdate(small, 10)).toEqual([small]);
    const before = Y.encodeStateVector(doc);
    for (let i = 0; i < 10_000; i++) doc.getMap('items').set(`i${i % 40}`, `Flod ${i}`);
    const flood = Y.encodeStateAsUpdate(doc, before);
    const split = splitUpdate(flood, 1000);
    // Ten pieces of overwrites, then the delete set (the values they overwrote).
    expect(split.length).toBe(11);
    for (const piece of split) expect(Y.decodeUpdate(piece).structs.length).toBeLessThanOrEqual(1000);
    const taken = new Y.Doc();
    for (const piece of split) Y.applyUpdate(taken, piece);
    expect(taken.getMap('items').get('i39')).toBe('Flod 9999');
    expect(held(taken)).toEqual(held(doc));
  });

  it('never cuts between a new record and the fields it is made with', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    const fields = ['text', 'description', 'place', 'rank', 'status'];
    doc.transact(() => {
      for (let i = 0; i < 300; i++) {
        const item = new Y.Map();
        doc.getMap('items').set(`i${i}`, item);
        for (const field of fields) item.set(field, `${field} ${i}`);
        item.set('follow', new Y.Map([['note', `n${i}`]]));
      }
    });
    const split = splitUpdate(Y.encodeStateAsUpdate(doc, before), 100);
    expect(split.length).toBeGreaterThan(10);
    const taken = new Y.Doc();
    for (const piece of split) {
      Y.applyUpdate(taken, piece);
      for (const [id, item] of taken.getMap<Y.Map<unknown>>('items')) {
        expect([...item.keys()].sort(), id).toEqual([...fields, 'follow'].sort());
        expect((item.get('follow') as Y.Map<string>).get('note')).toBe(`n${id.slice(1)}`);
      }
    }
    expect(held(taken)).toEqual(held(doc));
  });

  it('a colleague adding 400 items through the app: a page reading the plan between any two pieces reads every item it has whole, in its place', () => {
    const ydoc = docFromPlan(createExampleDoc());
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(ydoc));
    const before = Y.encodeStateVector(colleague);
    const cells = readDoc(colleague)!.doc.plan.blades.map((b) => ({ bladeId: b.id, ringId: readDoc(colleague)!.doc.plan.rings[0]!.id }));
    changeDoc(colleague, (d) => {
      for (let i = 0; i < 400; i++) ops.addItem(d, { text: `Ny aktivitet ${i}`, cell: i % 3 === 0 ? null : cells[i % cells.length]! });
    });
    const split = splitUpdate(Y.encodeStateAsUpdate(colleague, before), 200);
    const page = new Y.Doc();
    Y.applyUpdate(page, Y.encodeStateAsUpdate(ydoc));
    const items = Object.keys(readDoc(page)!.doc.items).length;
    for (const piece of split) {
      Y.applyUpdate(page, piece);
      const read = readDoc(page)!;
      expect(read.notes).toEqual([]);
      expect(read.rehomed).toEqual([]);
      expect(Object.keys(read.doc.items).length).toBeGreaterThanOrEqual(items);
      // Read without its place, an item would show in Inspel until a later piece moved it.
      for (const [id, entry] of page.getMap<Y.Map<unknown>>('items')) expect(entry.get('place'), id).toBeDefined();
    }
    expect(Object.keys(readDoc(page)!.doc.items)).toHaveLength(items + 400);
    expect(held(page)).toEqual(held(colleague));
  });

  it('a flood of 1,000 blades is cut anywhere: a blade is one value', () => {
    const doc = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (let i = 0; i < 1000; i++) doc.getMap('blades').set(`b${i}`, { name: `Blad ${i}`, color: '#123456', pos: `a${i}` });
    });
    const split = splitUpdate(Y.encodeStateAsUpdate(doc, before), 100);
    expect(split).toHaveLength(10);
  });
});
