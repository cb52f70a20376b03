import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, groupSimilar, similarity, stem, stems } from './similarity';

const pairs = JSON.parse(readFileSync(join(__dirname, '../../tests/fixtures/similarity-pairs.json'), 'utf8')) as {
  same: Array<[string, string]>;
  different: Array<[string, string]>;
};

describe('how alike two proposals are', () => {
  it('ignores case, punctuation, stop words, inflection and word order', () => {
    expect(stem('kommunerna')).toBe(stem('kommuner'));
    expect(stems('Ett välfungerande samarbete mellan kommunerna och VGR!')).toEqual(stems('vgr, kommuner: välfungerande samarbete'));
    expect(similarity('Gemensam målbild', 'gemensam målbild')).toBe(1);
    expect(similarity('Gemensam målbild', 'Budget i balans')).toBe(0);
  });

  it.each(pairs.same)('groups "%s" with "%s"', (a, b) => {
    expect(similarity(a, b)).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(groupSimilar([a, b])).toEqual([[0, 1]]);
  });

  it.each(pairs.different)('keeps "%s" apart from "%s"', (a, b) => {
    expect(similarity(a, b)).toBeLessThan(DEFAULT_THRESHOLD);
    expect(groupSimilar([a, b])).toEqual([[0], [1]]);
  });

  it('links through a chain, follows the threshold, and keeps empty texts to themselves', () => {
    const texts = ['Digitala vårdmöten i primärvården', 'Annat förslag om budget', 'Digitala vårdmöten införs i primärvården', '–', 'Införs digitala vårdmöten', '–'];
    expect(groupSimilar(texts)).toEqual([[0, 2, 4], [1], [3, 5]]);
    expect(groupSimilar(texts, 1)).toEqual([[0], [1], [2], [3, 5], [4]]);
    expect(groupSimilar(texts, 0.3)).toEqual([[0, 2, 4], [1], [3, 5]]);
  });

  it('groups the whole fixture as its pairs say', () => {
    const texts = [...new Set([...pairs.same.flat(), ...pairs.different.flat()])];
    const groupOf = new Map<string, number>();
    groupSimilar(texts).forEach((g, n) => g.forEach((i) => groupOf.set(texts[i]!, n)));
    for (const [a, b] of pairs.same) expect(groupOf.get(a), `${a} ~ ${b}`).toBe(groupOf.get(b));
    for (const [a, b] of pairs.different) expect(groupOf.get(a), `${a} ≠ ${b}`).not.toBe(groupOf.get(b));
  });
});
