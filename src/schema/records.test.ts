// @vitest-environment jsdom
// One restore step for every source: rows read from IndexedDB, saved versions and the
// write-ahead log go through src/schema/records.ts, which fills defaults, repairs what it
// can and names what it did; the other plans are untouched.
import { beforeEach, describe, expect, it } from 'vitest';
import * as repo from '../db/repository';
import { replayLogs } from '../db/wal';
import { itemsIn } from '../domain/containers';
import { EXAMPLE_ITEM_COUNT } from '../domain/example';
import { createEmptyDoc, createExampleDoc } from '../domain/plan';
import { ITEM_DEFAULTS, withItemDefaults } from './records';
import { restoreDocRecords } from './repair';
import { restoreSound } from './records';
import { MIGRATIONS } from './migrations';
import { LIMITS } from './planFile';
import { toBase64 } from 'lib0/buffer';
import { addItem } from '../domain/operations';
import { changeDoc } from '../ydoc/replica';
import { openDbV11, putV11Plan } from '../../tests/fixtures/schema-v1';

let n = 0;
beforeEach(async () => {
  localStorage.clear();
  await repo.useDatabase(`records-${++n}`);
});

describe('restoring stored records', () => {
  it('opens a hand-corrupted plan with each repair named, and leaves the other plans untouched', async () => {
    const a = createExampleDoc(new Date('2026-11-22T10:00:00Z'));
    const b = createExampleDoc(new Date('2026-11-22T10:00:00Z'), 'Andra planen');
    b.plan.id = 'plan-b';
    for (const item of Object.values(b.items)) item.planId = 'plan-b';
    // Stored by version 11 (rows), then damaged by hand; opened by this version.
    const old = openDbV11(`records-old-${n}`);
    await putV11Plan(old, a);
    await putV11Plan(old, b);
    const [first, second, third] = itemsIn(a, { bladeId: 'nara-invanaren', ringId: 'r2025' });
    const table = old.table('planItems');
    // Text as an object, a cell in a blade that does not exist, a 10 MB text, a missing status.
    await table.update([a.plan.id, first!.id], { text: { oops: true } as never });
    await table.update([a.plan.id, second!.id], { cell: { bladeId: 'borttaget', ringId: 'r2025' } });
    await table.update([a.plan.id, third!.id], { text: 'x'.repeat(10 * 1024 * 1024), status: undefined as never });

    old.close();
    await repo.useDatabase(`records-old-${n}`);
    const opened = (await repo.readStoredDoc(a.plan.id))!;
    expect(opened.items[first!.id]).toBeUndefined();
    expect(opened.items[second!.id]!.cell).toBeNull();
    expect(opened.items[third!.id]!.text).toHaveLength(LIMITS.itemText);
    expect(opened.items[third!.id]!.status).toBe('forslag');
    expect(Object.keys(opened.items)).toHaveLength(EXAMPLE_ITEM_COUNT - 1);
    // Ranks stay consecutive where the items were taken out or put in.
    for (const list of [itemsIn(opened, { bladeId: 'nara-invanaren', ringId: 'r2025' }), itemsIn(opened, null)]) expect(list.map((i) => i.rank)).toEqual(list.map((_, i) => i));
    const notes = repo.takeRepairNotes(a.plan.id);
    expect(notes.sort()).toEqual([
      `En aktivitet (id ${first!.id.slice(0, 20)}) lämnades utanför: den saknar text.`,
      `Aktiviteten ”${second!.text.slice(0, 40)}…” flyttades till Inspel: dess cell finns inte längre i planen.`,
      'Aktiviteten ”xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”: texten var för lång och kortades till 300 tecken.',
    ].sort());
    expect(repo.takeRepairNotes(a.plan.id)).toEqual([]);

    expect(await repo.readStoredDoc('plan-b')).toEqual(b);
    expect(repo.takeRepairNotes('plan-b')).toEqual([]);
  });

  it('reads a version saved before newer fields with the same defaults', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    await repo.saveVersion({ id: 'v1', planId: doc.plan.id, name: 'Gammal', savedAt: '2026-01-01T00:00:00Z', doc: structuredClone(doc) });
    const row = (await repo.database().versions.get('v1'))!;
    for (const item of Object.values(row.doc.items)) {
      delete (item as Partial<typeof item>).sources;
      delete (item as Partial<typeof item>).comments;
    }
    await repo.database().versions.put(row);
    const version = (await repo.loadVersion('v1'))!;
    expect(Object.values(version.doc.items).every((i) => Array.isArray(i.sources) && Array.isArray(i.comments))).toBe(true);
    expect(version.doc).toEqual(doc);
  });

  it('replays a write-ahead log past its malformed entries', async () => {
    const doc = createEmptyDoc('Loggad plan');
    const { ydoc } = await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'));
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    changeDoc(ydoc, (d) => void addItem(d, { text: 'Kom med' }, 'ok'));
    localStorage.setItem(
      'solfjadern:wal:bad',
      JSON.stringify({
        touched: 0,
        plans: { x: 'inte en plan', [doc.plan.id]: doc.plan },
        entries: [
          { seq: 1, planId: 'x', update: 'AAAA' },
          { seq: 2, planId: doc.plan.id, update: toBase64(updates[0]!) },
          { seq: 3, planId: null, update: 42 },
        ],
      }),
    );
    expect(await replayLogs()).toBe(1);
    expect((await repo.readStoredDoc(doc.plan.id))!.items.ok!.text).toBe('Kom med');
    // The log is dealt with: an old log goes once replayed.
    expect(localStorage.getItem('solfjadern:wal:bad')).toBeNull();
  });

  it('knows each field added over time once: the file migrations fill them from here', () => {
    const bare = { id: 'i', text: 'Gammal', extra: true };
    expect(withItemDefaults(bare)).toEqual({ ...bare, status: 'forslag', comments: [], extraChoice: 'extra', sources: [] });
    const file = { format: 'solfjadern-plan', version: 1, items: [bare], plan: { catalogue: { delomraden: [{ id: 'nara-vard', name: 'Nära vård' }] } } };
    const migrated = MIGRATIONS.reduce<Record<string, unknown>>((f, m) => m.up(f), file);
    const item = (migrated.items as Record<string, unknown>[])[0]!;
    for (const field of Object.keys(ITEM_DEFAULTS)) expect(item[field], field).toEqual(withItemDefaults(bare)[field as keyof typeof bare]);
    expect(((migrated.plan as { catalogue: { delomraden: { limit: number }[] } }).catalogue.delomraden[0]!.limit)).toBe(5);
  });

  it('refuses nothing it can repair, and returns null only for a plan record it cannot read', () => {
    expect(restoreDocRecords('inte en plan', [])).toBeNull();
    const doc = createExampleDoc();
    const restored = restoreDocRecords({ ...doc.plan, name: 'N'.repeat(400) }, Object.values(doc.items))!;
    expect(restored.doc.plan.name).toHaveLength(LIMITS.name);
    expect(restored.notes).toEqual(['Planens namn var för långt och kortades.']);
  });

  it('a plan row with its name an object, a colour that is markup, no blades: opens, each repair named, items in Inspel', () => {
    const doc = createExampleDoc();
    const bad = { ...doc.plan, name: { text: 'x' }, blades: [] };
    const restored = restoreDocRecords(bad, Object.values(doc.items))!;
    expect(restored.doc.plan.name).toBe('Namnlös plan');
    expect(restored.doc.plan.blades).toHaveLength(3);
    expect(Object.values(restored.doc.items)).toHaveLength(EXAMPLE_ITEM_COUNT);
    expect(Object.values(restored.doc.items).every((i) => i.cell === null)).toBe(true);
    expect(restored.notes.join(' ')).toMatch(/Planens namn kunde inte läsas och blev ”Namnlös plan”/);
    expect(restored.notes.join(' ')).toMatch(/fokusområden kunde inte läsas fullt ut; 3 tomma lades till/);

    const colour = restoreDocRecords({ ...doc.plan, blades: doc.plan.blades.map((b, i) => (i === 1 ? { ...b, color: 'url(http://evil.example/x)' } : b)) }, Object.values(doc.items))!;
    expect(colour.doc.plan.blades[1]!.color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(colour.doc.plan.blades.map((b) => b.name)).toEqual(doc.plan.blades.map((b) => b.name));
    expect(Object.values(colour.doc.items).filter((i) => i.cell)).toHaveLength(Object.values(doc.items).filter((i) => i.cell).length);
    expect(colour.notes).toEqual([`Fokusområdet ”${doc.plan.blades[1]!.name}”: färgen kunde inte läsas och sattes om.`]);
  });

  it('leaves out a stored item whose id is a name Object.prototype has ("toString"), and says so', () => {
    const doc = createExampleDoc();
    const items = Object.values(doc.items);
    const rows = [{ ...items[0]!, id: 'toString' }, ...items.slice(1)];
    expect(restoreSound(doc.plan, rows)).toBeNull();
    const restored = restoreDocRecords(doc.plan, rows)!;
    expect(Object.hasOwn(restored.doc.items, 'toString')).toBe(false);
    expect(Object.keys(restored.doc.items)).toHaveLength(items.length - 1);
    expect(restored.notes.join(' ')).toMatch(/kunde inte läsas/);
  });
});

describe('the fast path for sound rows', () => {
  it('accepts only what the zod schema accepts too (property test over mutated items)', async () => {
    const fc = await import('fast-check');
    const { itemSchema } = await import('./planFile');
    const { soundItem, soundPlan, planWithDefaults } = await import('./records');
    const { planSchema } = await import('./planFile');
    const doc = createExampleDoc();
    expect(soundPlan(planWithDefaults({ ...doc.plan }))).toBe(true);
    expect(planSchema.safeParse(doc.plan).success).toBe(true);
    const items = Object.values(doc.items);
    const fields = Object.keys(items[0]!);
    const value = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
    );
    fc.assert(
      fc.property(fc.nat(items.length - 1), fc.constantFrom(...fields), value, (i, field, v) => {
        const row = { ...structuredClone(items[i]!), [field]: v, updatedAt: '2026-01-01T00:00:00Z' };
        if (soundItem(row, doc.plan)) expect(itemSchema.safeParse(row).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
    // Plans too: whatever the fast check accepts, the schema accepts.
    const planFields = Object.keys(doc.plan);
    fc.assert(
      fc.property(fc.constantFrom(...planFields), value, (field, v) => {
        const plan = { ...structuredClone(doc.plan), [field]: v };
        if (soundPlan(planWithDefaults(plan))) expect(planSchema.safeParse(planWithDefaults(plan)).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // And the sound items of the example go the fast way.
    for (const item of items) expect(soundItem({ ...item }, doc.plan)).toBe(true);
  });
});
