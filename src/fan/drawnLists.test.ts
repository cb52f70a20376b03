// The fan draws an item's text, extra, status and number of comments: a change of anything else
// leaves its lists (and so its layout and cells) as they were; a drawn change renews only its list.
import { describe, expect, it } from 'vitest';
import { containerKey, groupByContainer } from '../domain/containers';
import * as ops from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import { drawnLists } from './drawnLists';

const plan = () => createExampleDoc(new Date('2026-03-01T10:00:00Z'));
/** The containers of a plan as the binding gives them after a change: each item a new object. */
const renewed = (doc: ReturnType<typeof plan>) => new Map([...groupByContainer(doc.items)].map(([k, list]) => [k, list.map((i) => ({ ...i }))]));

describe('the fan’s drawn lists', () => {
  it('hold only what the fan draws', () => {
    const doc = plan();
    const lists = drawnLists(groupByContainer(doc.items), null);
    const [key, list] = [...lists].find(([k]) => k !== 'inspel')!;
    expect(list.map((t) => t.id)).toEqual(groupByContainer(doc.items).get(key)!.map((i) => i.id));
    for (const t of list) expect(Object.keys(t).sort()).toEqual(['comments', 'extra', 'id', 'status', 'text']);
  });

  it('are the same lists, and the same map, after changes the fan does not draw', () => {
    const doc = plan();
    const first = drawnLists(groupByContainer(doc.items), null);
    for (const item of Object.values(doc.items)) ops.updateItem(doc, item.id, { description: `Ny ${item.id}`, kalla: 'Någon' });
    expect(drawnLists(renewed(doc), first)).toBe(first);
  });

  it('renew the list of the cell whose item changed text, extra, status or its number of comments, and no other', () => {
    const doc = plan();
    const first = drawnLists(groupByContainer(doc.items), null);
    const item = Object.values(doc.items).find((i) => i.cell)!;
    const key = containerKey(item.cell);
    const changes: Array<(d: typeof doc) => void> = [
      (d) => ops.updateItem(d, item.id, { text: 'Annan text' }),
      (d) => ops.updateItem(d, item.id, { status: 'godkand' }),
      (d) => ops.addComment(d, item.id, { id: 'k1', author: 'Eva', at: '2026-03-01T10:00:00Z', text: 'Bra' }),
    ];
    let last = first;
    for (const change of changes) {
      change(doc);
      const next = drawnLists(renewed(doc), last);
      expect(next).not.toBe(last);
      expect(next.get(key)).not.toBe(last.get(key));
      for (const [k, list] of next) if (k !== key) expect(list, k).toBe(last.get(k));
      // Only the changed item is a new object in its list.
      next.get(key)!.forEach((t, i) => (t.id === item.id ? expect(t).not.toBe(last.get(key)![i]) : expect(t).toBe(last.get(key)![i])));
      expect(next.get(key)!.find((t) => t.id === item.id)).toMatchObject({ text: doc.items[item.id]!.text, status: doc.items[item.id]!.status, extra: doc.items[item.id]!.extra });
      last = next;
    }
  });

  it('follow a move: both containers renewed, in rank order', () => {
    const doc = plan();
    const first = drawnLists(groupByContainer(doc.items), null);
    const item = Object.values(doc.items).find((i) => i.cell)!;
    const to = { bladeId: doc.plan.blades.find((b) => b.id !== item.cell!.bladeId)!.id, ringId: item.cell!.ringId };
    ops.moveItem(doc, item.id, to, 0);
    const next = drawnLists(renewed(doc), first);
    expect(next.get(containerKey(to))![0]!.id).toBe(item.id);
    for (const [k, list] of next) expect(list.map((t) => t.id), k).toEqual(groupByContainer(doc.items).get(k)!.map((i) => i.id));
  });
});
