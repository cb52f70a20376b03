import { describe, expect, it } from 'vitest';
import { itemsIn } from './containers';
import { createExampleDoc } from './plan';
import { dotsLeft, dotsOn, NEW_VOTING, participantName, participants, placeDot, ranking, setDots, takeDot, type Voting } from './voting';

const doc = createExampleDoc(new Date('2026-11-22T10:00:00Z'));
const items = itemsIn(doc, { bladeId: 'ledarskap', ringId: 'r2025' });
const [a, b, c] = items.map((i) => i.id);

const place = (v: Voting, who: string, ...ids: string[]) => ids.reduce((acc, id) => placeDot(acc, who, id), v);

describe('dot voting', () => {
  it('gives each participant their dots, several on one item if they like, and no more', () => {
    let v = setDots(NEW_VOTING, 3);
    v = place(v, 'Anna', c!, c!, b!);
    expect(dotsLeft(v, 'Anna')).toBe(0);
    expect(dotsLeft(v, 'anna')).toBe(0);
    expect(() => placeDot(v, 'ANNA', a!)).toThrow('ANNA har inga prickar kvar.');
    v = place(v, 'Bo', a!, c!);
    expect(dotsLeft(v, 'Bo')).toBe(1);
    expect(participants(v)).toEqual(['Anna', 'Bo']);
    expect([dotsOn(v, c!), dotsOn(v, c!, 'Anna'), dotsOn(v, a!)]).toEqual([3, 2, 1]);
    v = takeDot(v, 'Anna', c!);
    expect(dotsOn(v, c!, 'Anna')).toBe(1);
    expect(takeDot(v, 'Bo', b!)).toBe(v);
  });

  it('ranks a list by dots, ties in the list\'s order', () => {
    const v = place(setDots(NEW_VOTING, 3), 'Anna', c!, c!, b!);
    const ranked = ranking(place(v, 'Bo', b!, items[4]!.id), items).map((r) => [r.item.id, r.dots]);
    expect(ranked).toEqual([
      [b, 2],
      [c, 2],
      [items[4]!.id, 1],
      [a, 0],
      [items[3]!.id, 0],
    ]);
  });

  it('refuses bad numbers and names with a Swedish message', () => {
    expect(() => setDots(NEW_VOTING, 0)).toThrow('Antalet prickar måste vara ett heltal från 1 till 20.');
    expect(() => setDots(NEW_VOTING, 2.5)).toThrow('Antalet prickar måste vara ett heltal');
    const v = place(NEW_VOTING, 'Anna', a!, a!, a!, a!);
    expect(() => setDots(v, 3)).toThrow('Någon har redan satt 4 prickar: antalet kan inte bli lägre än så.');
    expect(setDots(v, 4).dots).toBe(4);
    expect(() => participantName('   ')).toThrow('Skriv deltagarens namn.');
    expect(participantName('  Anna   Berg ')).toBe('Anna Berg');
    expect(() => participantName('x'.repeat(81))).toThrow('högst 80 tecken');
  });
});
