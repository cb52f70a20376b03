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

describe('grouping at scale', () => {
  it('6,000 alike lines (a crafted file) group without running out of memory: one group, every line in it', () => {
    const texts = Array.from({ length: 6000 }, (_, i) => `Förbättra tillgängligheten i vården för invånarna, del ${i + 1}`);
    const start = performance.now();
    const groups = groupSimilar(texts);
    const ms = performance.now() - start;
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(6000);
    expect(groups[0]![0]).toBe(0);
    console.log(`6,000 alike lines grouped in ${Math.round(ms)} ms`);
  });

  it('in a large bucket, alike texts still find each other and unlike ones stay apart', () => {
    const alike = Array.from({ length: 300 }, (_, i) => `Digital vård ${i % 2 ? 'för' : 'till'} invånare, steg ${i}`);
    const other = Array.from({ length: 300 }, (_, i) => `Digital kompetens hos chefer och medarbetare, kurs ${i}`);
    const texts = alike.flatMap((a, i) => [a, other[i]!]);
    const groups = groupSimilar(texts);
    const groupOf = (i: number) => groups.findIndex((g) => g.includes(i));
    expect(new Set(alike.map((_, i) => groupOf(2 * i))).size).toBe(1);
    expect(new Set(other.map((_, i) => groupOf(2 * i + 1))).size).toBe(1);
    expect(groupOf(0)).not.toBe(groupOf(1));
  });
});
