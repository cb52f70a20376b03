import { describe, expect, it } from 'vitest';
import { NEW_COLLECTION, weighCollection } from '../domain/collection';
import { restoreCollection, restoreVotes } from './sideRecords';

const input = (id: string, text: string) => ({ id, text, kalla: 'NU', delomradeId: null, delomradeName: '', year: 2026, rank: 0, extra: false, fileId: 'f1' });

describe('restoring the rows beside a plan', () => {
  it('a collection with a file whose proposals are not a list: the file stays, marked unreadable, the rest can be weighed', () => {
    const notes: string[] = [];
    const raw = {
      files: [
        { id: 'f1', name: 'bra.docx', importedAt: '2026-03-01T10:00:00Z', kalla: 'NU', inputs: [input('a', 'Mobila team'), { id: 'b' }], error: null },
        { id: 'f2', name: 'trasig.docx', importedAt: '2026-03-01T10:00:00Z', kalla: 'SkaS', inputs: 'inte en lista', error: null },
        'inte en fil',
      ],
      threshold: 7,
      dismissed: [1, 'a'],
      alone: null,
      merges: [{ id: 'm', text: 'Ihop', inputIds: ['a'] }, { nope: true }],
    };
    const collection = restoreCollection(raw, notes);
    expect(collection.files.map((f) => [f.name, f.inputs.length, f.error])).toEqual([
      ['bra.docx', 1, null],
      ['trasig.docx', 0, 'Förslagen kunde inte läsas ur webbläsarens lagring.'],
    ]);
    expect(collection.threshold).toBe(NEW_COLLECTION.threshold);
    expect(collection.dismissed).toEqual(['a']);
    expect(collection.alone).toEqual([]);
    expect(collection.merges).toEqual([{ id: 'm', text: 'Ihop', inputIds: ['a'] }]);
    expect(notes).toEqual([
      'Filen ”bra.docx” i insamlingen kunde inte läsas helt; det som gick att läsa finns kvar.',
      'Filen ”trasig.docx” i insamlingen kunde inte läsas helt.',
      'En fil i insamlingen kunde inte läsas och togs bort.',
    ]);
    expect(() => weighCollection(collection, new Set())).not.toThrow();
  });

  it('a sound collection comes back as it was, with nothing said', () => {
    const notes: string[] = [];
    const sound = { ...NEW_COLLECTION, files: [{ id: 'f1', name: 'bra.docx', importedAt: '2026-03-01T10:00:00Z', kalla: 'NU', inputs: [input('a', 'Mobila team')], error: null }] };
    expect(restoreCollection(sound, notes)).toEqual(sound);
    expect(notes).toEqual([]);
  });

  it('votes: unreadable ones left out and said, an unreadable number of dots reset', () => {
    const notes: string[] = [];
    expect(restoreVotes({ dots: 'fem', votes: [{ participant: 'Eva', itemId: 'x' }, { participant: 3 }] }, notes)).toEqual({ dots: 5, votes: [{ participant: 'Eva', itemId: 'x' }] });
    expect(notes).toEqual(['Några prioriteringsprickar kunde inte läsas och togs bort.']);
    expect(restoreVotes('trasig')).toBeNull();
  });
});
