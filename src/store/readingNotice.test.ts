import { describe, expect, it } from 'vitest';
import { createExampleDoc } from '../domain/plan';
import type { Clash } from './clashes';
import { readingNotice } from './readingNotice';

describe('what a reading of changes from elsewhere says', () => {
  const doc = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
  const [a, b] = Object.values(doc.items);
  const clash: Clash = { id: a!.id, field: 'text', mine: 'Min text', now: 'Din text', text: 'Din text' };
  const over = 'Planen har nu 9 fokusområden';

  it('one thing, the most important first: what could not be read, the limits, items moved to Inspel, a replaced edit', () => {
    expect(readingNotice(doc, ['Ett fält saknades.'], over, [a!.id], { clash, from: 'room' })).toMatchObject({ kind: 'error', text: 'En del av planen kunde inte läsas som den var: Ett fält saknades.' });
    expect(readingNotice(doc, [], over, [a!.id], { clash, from: 'room' })).toEqual({ kind: 'info', text: over, over: true });
    expect(readingNotice(doc, [], null, [a!.id], { clash, from: 'room' })).toEqual({ kind: 'info', text: `”${a!.text}” låg där ett fokusområde eller en ring togs bort och ligger nu i Inspel.` });
    expect(readingNotice(doc, [], null, [a!.id, b!.id], null)!.text).toBe('2 aktiviteter låg där ett fokusområde eller en ring togs bort och ligger nu i Inspel.');
    const replaced = readingNotice(doc, [], null, [], { clash, from: 'tab' })!;
    expect(replaced.clash).toBe(clash);
    expect(replaced.text).toContain('en ändring i en annan flik');
    expect(readingNotice(doc, [], null, [], null)).toBeNull();
  });

  it('names at most three notes and counts the rest', () => {
    const notice = readingNotice(doc, ['Ett.', 'Två.', 'Tre.', 'Fyra.', 'Fem.'], null, [], null)!;
    expect(notice.text).toBe('En del av planen kunde inte läsas som den var: Ett. Två. Tre. (och 2 till)');
  });
});
