import { describe, expect, it } from 'vitest';
import * as c from './collection';
import type { CollectedFile, CollectedInput, Collection } from './collection';
import { addSources } from './operations';
import { RuleError } from './rules';
import { createExampleDoc } from './plan';

const input = (fileId: string, kalla: string, id: string, text: string, rank: number): CollectedInput => ({
  id,
  fileId,
  text,
  kalla,
  delomradeId: 'nara-vard',
  delomradeName: 'Nära vård',
  year: 2026,
  rank,
  extra: false,
});

const file = (id: string, kalla: string, texts: string[]): CollectedFile => ({
  id,
  name: `${kalla}.docx`,
  importedAt: '2026-03-28T10:00:00.000Z',
  kalla,
  inputs: texts.map((t, i) => input(id, kalla, `${id}-${i}`, t, i)),
  error: null,
});

const collection: Collection = c.addFiles(c.NEW_COLLECTION, [
  file('nu', 'NU-sjukvården', ['Fler patientgrupper omhändertas i nära vården', 'Digitala vårdmöten i primärvården']),
  file('sk', 'Skaraborgs Sjukhus', ['Fler patientgrupper ska omhändertas i nära vård', 'Samverkan med idéburen sektor']),
  file('rh', 'Regionhälsan', ['Fler patientgrupper omhändertas i den nära vården']),
  { ...file('x', 'trasig', []), error: 'Filen är inte giltig JSON.' },
]).collection;

const keys = (w: c.Weighing) => w.entries.map((e) => e.inputs.map((i) => i.id));

describe('a collection weighed', () => {
  it('groups near-duplicates across offices, heaviest first, with the best-placed wording', () => {
    const w = c.weighCollection(collection, new Set());
    expect(keys(w)).toEqual([['nu-0', 'sk-0', 'rh-0'], ['nu-1'], ['sk-1']]);
    expect(w.entries[0]).toMatchObject({ key: 'g:nu-0', merged: false, offices: ['NU-sjukvården', 'Skaraborgs Sjukhus', 'Regionhälsan'], meanPlace: 1 });
    expect(w.entries[0]!.text).toBe('Fler patientgrupper omhändertas i nära vården');
    expect(c.weightText(w.entries[0]!)).toBe('3 förvaltningar, snittplats 1');
    expect(c.weightText({ offices: ['A', 'B'], meanPlace: 1.5 })).toBe('2 förvaltningar, snittplats 1,5');
  });

  it('a stricter threshold keeps more apart', () => {
    const strict = c.setThreshold(collection, 0.99);
    expect(strict.threshold).toBe(c.MAX_THRESHOLD);
    expect(c.weighCollection(c.setThreshold(collection, 0.3), new Set()).entries.length).toBeLessThanOrEqual(3);
    expect(c.setThreshold(collection, collection.threshold)).toBe(collection);
  });

  it('merges under a chosen wording, and a merge is not regrouped', () => {
    const merged = c.merge(collection, ['nu-0', 'sk-0', 'nu-1'], '  Fler patientgrupper   i nära vård ', 'm1');
    const w = c.weighCollection(merged, new Set());
    expect(w.entries[0]).toMatchObject({ key: 'm:m1', merged: true, text: 'Fler patientgrupper i nära vård', offices: ['NU-sjukvården', 'Skaraborgs Sjukhus'] });
    expect(keys(w)).toEqual([['nu-0', 'sk-0', 'nu-1'], ['rh-0'], ['sk-1']]);
    expect(() => c.merge(collection, ['nu-0'], '   ', 'm2')).toThrow(RuleError);
    expect(() => c.merge(collection, ['nu-0'], 'x'.repeat(301), 'm2')).toThrow(/för lång/);
    // Merging again takes the inputs from the older merge.
    const again = c.merge(merged, ['nu-1', 'sk-1'], 'Digitalt och samverkan', 'm2');
    expect(again.merges.map((m) => [m.id, m.inputIds])).toEqual([
      ['m1', ['nu-0', 'sk-0']],
      ['m2', ['nu-1', 'sk-1']],
    ]);
  });

  it('splits a group into inputs that each stand alone, and one input can be taken out', () => {
    const w = c.weighCollection(c.split(collection, ['nu-0', 'sk-0', 'rh-0']), new Set());
    expect(keys(w)).toEqual([['nu-0'], ['sk-0'], ['rh-0'], ['nu-1'], ['sk-1']]);
    const out = c.weighCollection(c.takeOut(collection, 'rh-0'), new Set());
    expect(keys(out)).toEqual([['nu-0', 'sk-0'], ['rh-0'], ['nu-1'], ['sk-1']]);
    // Splitting a merge undoes it.
    const merged = c.merge(collection, ['nu-0', 'sk-0'], 'Fler grupper', 'm1');
    expect(c.split(merged, ['nu-0', 'sk-0']).merges).toEqual([]);
  });

  it('dismissed inputs leave the groups but stay in their file, and can come back', () => {
    const dismissed = c.dismiss(c.merge(collection, ['nu-0', 'sk-0'], 'Fler', 'm1'), ['sk-0', 'sk-1']);
    const w = c.weighCollection(dismissed, new Set());
    expect(w.dismissed.map((i) => i.id)).toEqual(['sk-0', 'sk-1']);
    expect(keys(w)).toEqual([['nu-0'], ['rh-0'], ['nu-1']]);
    expect(dismissed.files.flatMap((f) => f.inputs)).toHaveLength(5);
    expect(c.weighCollection(c.undismiss(dismissed, 'sk-1'), new Set()).dismissed.map((i) => i.id)).toEqual(['sk-0']);
  });

  it('placed inputs (sources of items in the plan) leave the list', () => {
    const doc = createExampleDoc();
    Object.values(doc.items)[0]!.sources = [{ inputId: 'nu-0', kalla: 'NU-sjukvården', text: 'x', rank: 0 }];
    const placed = c.placedInputIds(doc);
    expect([...placed]).toEqual(['nu-0']);
    const w = c.weighCollection(collection, placed);
    expect(w.placed).toBe(1);
    expect(keys(w)[0]).toEqual(['sk-0', 'rh-0']);
  });

  it('a file taken in again with the same name and content is not added twice', () => {
    const again = { ...file('nu2', 'NU-sjukvården', ['Fler patientgrupper omhändertas i nära vården', 'Digitala vårdmöten i primärvården']), name: 'NU-sjukvården.docx' };
    const changed = { ...file('nu3', 'NU-sjukvården', ['Något nytt']), name: 'NU-sjukvården.docx' };
    const { collection: next, repeated } = c.addFiles(collection, [again, changed, { ...changed, id: 'nu4' }]);
    expect(repeated.map((f) => f.id)).toEqual(['nu2', 'nu4']);
    expect(next.files.map((f) => f.id)).toEqual(['nu', 'sk', 'rh', 'x', 'nu3']);
    expect(c.addFiles(collection, [again]).collection).toBe(collection);
  });

  it('searches wordings, offices and delområden, every word, case ignored', () => {
    const { entries } = c.weighCollection(collection, new Set());
    expect(c.searchEntries(entries, '  ').map((e) => e.key)).toEqual(entries.map((e) => e.key));
    expect(c.searchEntries(entries, 'SKA omhändertas').map((e) => e.key)).toEqual(['g:nu-0']);
    expect(c.searchEntries(entries, 'regionhälsan').map((e) => e.key)).toEqual(['g:nu-0']);
    expect(c.searchEntries(entries, 'idéburen skaraborgs').map((e) => e.key)).toEqual(['g:sk-1']);
    expect(c.searchEntries(entries, 'nära vård digitala').map((e) => e.key)).toEqual(['g:nu-1']);
    expect(c.searchEntries(entries, 'tandvård')).toEqual([]);
  });

  it('finds the items of the plan an entry is already in, and its proposals can join that item\'s sources', () => {
    const doc = createExampleDoc();
    const index = c.indexPlan(doc);
    const { entries } = c.weighCollection(collection, new Set());
    const patients = entries.find((e) => e.key === 'g:nu-0')!;
    expect(c.inPlan(patients, index, 0.6).map((i) => i.text)).toEqual(['Fler patientgrupper omhändertas i nära vården']);
    expect(c.inPlan(entries.find((e) => e.key === 'g:sk-1')!, index, 0.6)).toEqual([]);
    // Struck items are not offered.
    const item = c.inPlan(patients, index, 0.6)[0]!;
    doc.items[item.id]!.status = 'stryks';
    expect(c.inPlan(patients, c.indexPlan(doc), 0.6)).toEqual([]);
    // Joining: each proposal once; then the entry counts as placed.
    addSources(doc, item.id, c.sourcesOf(patients));
    addSources(doc, item.id, c.sourcesOf(patients).slice(0, 1));
    expect(doc.items[item.id]!.sources.map((s) => s.inputId)).toEqual(['nu-0', 'sk-0', 'rh-0']);
    expect(c.weighCollection(collection, c.placedInputIds(doc)).entries.map((e) => e.key)).not.toContain('g:nu-0');
  });

  it('removing a file takes its inputs and the say on them, and nothing else', () => {
    const said = c.dismiss(c.merge(collection, ['nu-0', 'sk-0'], 'Fler', 'm1'), ['nu-1']);
    const removed = c.removeFile(said, 'nu');
    expect(removed.files.map((f) => f.id)).toEqual(['sk', 'rh', 'x']);
    expect(removed.merges).toEqual([{ id: 'm1', inputIds: ['sk-0'], text: 'Fler' }]);
    expect(removed.dismissed).toEqual([]);
    expect(c.removeFile(removed, 'nope')).toBe(removed);
  });

  it('gives an item its sources, källa, delområden and weight', () => {
    const entry = c.weighCollection(collection, new Set()).entries[0]!;
    expect(c.sourcesOf(entry)).toEqual([
      { inputId: 'nu-0', kalla: 'NU-sjukvården', text: 'Fler patientgrupper omhändertas i nära vården', rank: 0 },
      { inputId: 'sk-0', kalla: 'Skaraborgs Sjukhus', text: 'Fler patientgrupper ska omhändertas i nära vård', rank: 0 },
      { inputId: 'rh-0', kalla: 'Regionhälsan', text: 'Fler patientgrupper omhändertas i den nära vården', rank: 0 },
    ]);
    expect(c.kallaOf(entry.offices)).toBe('NU-sjukvården, Skaraborgs Sjukhus, Regionhälsan');
    const many = Array.from({ length: 20 }, (_, i) => `Förvaltning nummer ${i + 1}`);
    expect(c.kallaOf(many).length).toBeLessThanOrEqual(200);
    expect(c.kallaOf(many)).toMatch(/^Förvaltning nummer 1, .* m\.fl\. \(20 förvaltningar\)$/);
    expect(c.delomradenOf(entry)).toEqual(['nara-vard']);
    expect(c.sourceWeight(c.sourcesOf(entry))).toEqual({ offices: ['NU-sjukvården', 'Skaraborgs Sjukhus', 'Regionhälsan'], meanPlace: 1 });
    expect(c.sourceWeight([])).toBeNull();
  });
});
