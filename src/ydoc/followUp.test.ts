// Uppföljning in the plan's document: written record by record, read back through the binding
// record by record (what a change did not touch keeps its object), equal to a fresh reading,
// shared between replicas without losing either side's records, and left out (named) when a
// peer writes a record that is not sound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { produce } from 'immer';
import { addMeasurement, addPeriod, closePeriod, emptyFollowUp, judge, PROGRESS_STATES, setProgress, type FollowUp } from '../domain/followup';
import { createExampleDoc } from '../domain/plan';
import { PlanBinding } from './binding';
import { followUpMap, readFollowUp, writeFollowUp } from './followUp';
import { docFromPlan } from './replica';
import { itemMap } from './shape';

const AT = '2026-02-01T10:00:00.000Z';

function replica(start: Uint8Array) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, start, 'network');
  const binding = new PlanBinding(ydoc);
  return { ydoc, binding };
}

/** One change as the app makes it: an operation on a draft of the follow-up, written in one transaction. */
function change(ydoc: Y.Doc, binding: PlanBinding, recipe: (draft: FollowUp) => void): void {
  const before = binding.followUp;
  const after = produce(before, recipe);
  ydoc.transact(() => writeFollowUp(ydoc, before, after), 'local');
}

describe('Uppföljning in the plan’s document', () => {
  it('is written and read record by record: what a change did not touch keeps its object', () => {
    const example = createExampleDoc();
    const { ydoc, binding } = replica(Y.encodeStateAsUpdate(docFromPlan(example)));
    const items = binding.doc!.items;
    const [a, b] = Object.values(items).filter((i) => i.cell);
    expect(binding.followUp).toEqual(emptyFollowUp());
    const told: boolean[] = [];
    binding.subscribe((c) => told.push(c.followUp));
    change(ydoc, binding, (f) => {
      addPeriod(f, '2025');
      setProgress(f, items, { periodId: '2025', itemId: a!.id, state: 'pagar', comment: 'Upphandling pågår', by: 'Anna', at: AT });
      setProgress(f, items, { periodId: '2025', itemId: b!.id, state: 'klar', by: 'Anna', at: AT });
      addMeasurement(f, items, { id: 'm1', itemId: a!.id, date: '2025-12-31', value: 42, source: 'Vården i siffror', by: 'Anna', at: AT });
      judge(f, example.plan, { periodId: '2025', delomradeId: example.plan.catalogue.delomraden[0]!.id, judgement: 'ratt-riktning', text: 'Fler digitala möten.', by: 'KL HoS', at: AT });
    });
    expect(told).toEqual([true]);
    const first = binding.followUp;
    expect(first).toEqual(readFollowUp(ydoc));
    expect(first.progress[`2025|${a!.id}`]!.comment).toBe('Upphandling pågår');
    change(ydoc, binding, (f) => void setProgress(f, items, { periodId: '2025', itemId: a!.id, state: 'klar', by: 'Anna', at: AT }));
    const second = binding.followUp;
    expect(second).toEqual(readFollowUp(ydoc));
    expect(second.progress[`2025|${a!.id}`]!.state).toBe('klar');
    expect(second.progress[`2025|${b!.id}`]).toBe(first.progress[`2025|${b!.id}`]);
    expect(second.measurements).toBe(first.measurements);
    expect(second.periods).toBe(first.periods);
    // An item's edit leaves the follow-up as it was.
    ydoc.transact(() => (itemMap(ydoc).get(b!.id) as Y.Map<unknown>).set('text', 'Ny text'), 'local');
    expect(binding.doc!.items[b!.id]!.text).toBe('Ny text');
    expect(binding.followUp).toBe(second);
    change(ydoc, binding, (f) => closePeriod(f, '2025', AT));
    expect(binding.followUp.periods['2025']!.closedAt).toBe(AT);
    expect(binding.followUp.progress).toBe(second.progress);
  });

  it('two people following up at once both keep what they said; every replica reads the same', () => {
    const example = createExampleDoc();
    const start = Y.encodeStateAsUpdate(docFromPlan(example));
    const state = fc.constantFrom(...PROGRESS_STATES);
    fc.assert(
      fc.property(fc.array(fc.record({ who: fc.nat(1), item: fc.nat(7), state }), { minLength: 1, maxLength: 20 }), (edits) => {
        const [one, two] = [replica(start), replica(start)];
        const items = one.binding.doc!.items;
        const ids = Object.values(items).filter((i) => i.cell).map((i) => i.id);
        for (const r of [one, two]) change(r.ydoc, r.binding, (f) => void addPeriod(f, '2025'));
        const last = new Map<string, string>();
        for (const edit of edits) {
          const r = edit.who === 0 ? one : two;
          const itemId = ids[edit.item % ids.length]!;
          change(r.ydoc, r.binding, (f) => void setProgress(f, items, { periodId: '2025', itemId, state: edit.state, by: edit.who ? 'Bo' : 'Anna', at: AT }));
          last.set(`${edit.who}|${itemId}`, edit.state);
        }
        Y.applyUpdate(one.ydoc, Y.encodeStateAsUpdate(two.ydoc), 'network');
        Y.applyUpdate(two.ydoc, Y.encodeStateAsUpdate(one.ydoc), 'network');
        expect(one.binding.followUp).toEqual(two.binding.followUp);
        expect(one.binding.followUp).toEqual(readFollowUp(one.ydoc));
        // Every item someone said anything of has one of their last words.
        for (const itemId of ids) {
          const said = [last.get(`0|${itemId}`), last.get(`1|${itemId}`)].filter(Boolean);
          const now = one.binding.followUp.progress[`2025|${itemId}`]?.state;
          if (said.length === 0) expect(now).toBeUndefined();
          else expect(said).toContain(now);
        }
        expect(Object.keys(one.binding.followUp.periods)).toEqual(['2025']);
      }),
      { numRuns: 60 },
    );
  });

  it('a record a peer writes that is not sound is left out and named; the rest stands', () => {
    const example = createExampleDoc();
    const ydoc = docFromPlan(example);
    const itemId = Object.keys(example.items)[0]!;
    ydoc.transact(() => {
      followUpMap(ydoc, 'periods').set('2025', { closedAt: null });
      followUpMap(ydoc, 'periods').set('våren', { closedAt: null });
      followUpMap(ydoc, 'progress').set(`2025|${itemId}`, { state: 'pagar', comment: '', by: 'Anna', at: AT, source: null });
      followUpMap(ydoc, 'progress').set(`2025|x`, { state: 'nästan klar', by: 'Anna', at: AT });
      followUpMap(ydoc, 'measurements').set('m1', { itemId, date: '31/12', value: 3, by: 'Anna', at: AT });
    });
    const notes: string[] = [];
    const read = readFollowUp(ydoc, notes);
    expect(Object.keys(read.periods)).toEqual(['2025']);
    expect(Object.keys(read.progress)).toEqual([`2025|${itemId}`]);
    expect(read.measurements).toEqual({});
    expect(notes).toEqual([
      'Uppföljningen: en uppföljningsperiod kunde inte läsas och lämnades utanför.',
      'Uppföljningen: en aktivitets läge kunde inte läsas och lämnades utanför.',
      'Uppföljningen: ett uppmätt värde kunde inte läsas och lämnades utanför.',
    ]);
    const binding = new PlanBinding(ydoc);
    expect(binding.followUp).toEqual(read);
    expect(binding.firstRead!.notes).toEqual(notes);
    // Written later by a peer: read, or left out, record by record.
    ydoc.transact(() => followUpMap(ydoc, 'progress').set(`2025|${itemId}`, { state: 'klar', by: 'Anna', at: AT }), 'network');
    expect(binding.followUp.progress[`2025|${itemId}`]!.state).toBe('klar');
    ydoc.transact(() => followUpMap(ydoc, 'progress').set(`2025|${itemId}`, { state: 'kanske' }), 'network');
    expect(binding.followUp.progress[`2025|${itemId}`]).toBeUndefined();
    expect(binding.followUp).toEqual(readFollowUp(ydoc));
  });

  it('is undone like any change of this window', () => {
    const example = createExampleDoc();
    const { ydoc, binding } = replica(Y.encodeStateAsUpdate(docFromPlan(example)));
    const undo = new Y.UndoManager([...ydoc.share.values(), followUpMap(ydoc, 'periods'), followUpMap(ydoc, 'progress')], { trackedOrigins: new Set(['local']) });
    const itemId = Object.values(binding.doc!.items).find((i) => i.cell)!.id;
    change(ydoc, binding, (f) => void addPeriod(f, 'T1 2026'));
    undo.stopCapturing();
    change(ydoc, binding, (f) => void setProgress(f, binding.doc!.items, { periodId: '2026-T1', itemId, state: 'forsenad', by: 'Anna', at: AT }));
    undo.undo();
    expect(binding.followUp.progress).toEqual({});
    expect(Object.keys(binding.followUp.periods)).toEqual(['2026-T1']);
    undo.redo();
    expect(binding.followUp.progress[`2026-T1|${itemId}`]!.state).toBe('forsenad');
  });
});
