// Each open plan keeps its own ledger of what changes from elsewhere took (./losses.ts): one
// deletion at a time adds up to a large loss within a window, said in that plan's notice bar
// only, with "Återställ" bringing back all of it.
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { deleteItem } from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import type { PlanDoc } from '../domain/types';
import { LossLedger, type Say } from './losses';

const said = () => {
  const out: Array<{ kind: string; text: string; run?: () => void }> = [];
  const say: Say = (kind, text, action) => void out.push({ kind, text, ...(action ? { run: action.run } : {}) });
  return { out, say };
};

const without = (doc: PlanDoc, id: string) => produce(doc, (d) => void deleteItem(d, id));

describe('a plan\'s ledger of losses', () => {
  it('adds one deletion at a time up to a large loss and says it in its own plan only; "Återställ" brings back all of it', () => {
    const doc = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
    const ids = Object.keys(doc.items).slice(0, 3);
    const mine = said();
    const other = said();
    const ledger = new LossLedger(mine.say);
    new LossLedger(other.say);
    const restored: string[][] = [];
    const restore = (losses: { items: Array<{ id: string }> }) => (restored.push(losses.items.map((i) => i.id)), true);
    let prev = doc;
    const said1 = ids.map((id) => {
      const next = without(prev, id);
      const large = ledger.note(prev, next, 'room', ['Bo'], restore);
      prev = next;
      return large;
    });
    expect(said1).toEqual([false, false, true]);
    expect(mine.out).toHaveLength(1);
    expect(mine.out[0]!.text).toBe('Bo tog bort 3 aktiviteter.');
    expect(other.out).toEqual([]);
    mine.out[0]!.run!();
    expect(restored).toEqual([ids]);
    expect(mine.out[1]!.text).toContain('Det som togs bort är tillbaka – för alla i rummet.');
  });

  it('starts afresh when another plan opens', () => {
    const doc = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
    const ids = Object.keys(doc.items).slice(0, 3);
    const { out, say } = said();
    const ledger = new LossLedger(say);
    const a = without(doc, ids[0]!);
    const b = without(a, ids[1]!);
    ledger.note(doc, a, 'tab', [], () => true);
    ledger.note(a, b, 'tab', [], () => true);
    ledger.forget();
    expect(ledger.note(b, without(b, ids[2]!), 'tab', [], () => true)).toBe(false);
    expect(out).toEqual([]);
  });
});
