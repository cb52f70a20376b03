import { describe, expect, it } from 'vitest';
import { createExampleDoc } from '../domain/plan';
import { itemFacts, sourcesText } from './facts';

describe("an item's sources in words (Word, print)", () => {
  const doc = createExampleDoc(new Date('2026-03-01T08:00:00.000Z'));
  const item = Object.values(doc.items).find((i) => i.cell)!;

  it('says nothing for an item typed in', () => {
    expect(sourcesText({ ...item, sources: [] })).toBe('');
    expect(itemFacts({ ...item, sources: [] }, doc)).not.toContain('Vikt');
  });

  it('lists each office with its place and wording, and the weight among the facts', () => {
    const sourced = {
      ...item,
      kalla: 'NU-sjukvården, Primärvården',
      sources: [
        { inputId: 'a', kalla: 'NU-sjukvården', text: 'Fler patientgrupper i nära vård', rank: 0 },
        { inputId: 'b', kalla: 'Primärvården', text: 'Nära vård för fler grupper', rank: 1 },
        { inputId: 'c', kalla: 'nu-sjukvården', text: 'Nära vård, fler grupper', rank: 3 },
      ],
    };
    expect(sourcesText(sourced)).toBe(
      'Källor: NU-sjukvården (plats 1): ”Fler patientgrupper i nära vård”; Primärvården (plats 2): ”Nära vård för fler grupper”; nu-sjukvården (plats 4): ”Nära vård, fler grupper”',
    );
    expect(itemFacts(sourced, doc)).toContain('Källa: NU-sjukvården, Primärvården · Vikt: 2 förvaltningar, snittplats 1,5 · Status: förslag');
  });
});
