// Several windows editing one plan, through the calls the components make: each replica is a
// `PlanEditor` (its own store, document, binding and history) driven by `editorActions` and its
// undo/redo, as the toolbar, the fan and the dialogs drive the app's. Changes travel between the
// replicas in any order, some twice, while replicas go offline and come back. After every step
// each replica shows what a fresh reading of its document reads, and an action shows exactly
// what its pure operation makes of the plan; in the end all agree.
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createExampleDoc } from '../domain/plan';
import * as ops from '../domain/operations';
import { settleExtras } from '../domain/priorities';
import { RuleError } from '../domain/rules';
import type { CellRef, PlanDoc } from '../domain/types';
import { loadRepair, readDoc } from '../ydoc/read';
import { docFromPlan } from '../ydoc/replica';
import { editorActions } from './actions';
import { PlanEditor } from './planEditor';

const KINDS = ['add', 'move', 'reorder', 'text', 'describe', 'area', 'comment', 'uncomment', 'delete', 'undo', 'redo', 'blade', 'unblade', 'rename', 'limit', 'offline', 'online'] as const;

const command = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constantFrom(...KINDS), replica: fc.nat(), a: fc.nat(), b: fc.nat(), c: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), twice: fc.boolean() }) },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

const NETWORK = 'network';
const cellsOf = (doc: PlanDoc): Array<CellRef | null> => [null, ...doc.plan.blades.flatMap((b) => doc.plan.rings.map((r) => ({ bladeId: b.id, ringId: r.id })))];

let made: PlanEditor[] = [];
afterEach(() => {
  for (const editor of made) editor.plan.close();
  made = [];
});

interface Replica {
  editor: PlanEditor;
  ydoc: Y.Doc;
  actions: ReturnType<typeof editorActions>;
  online: boolean;
}

/** What each replica shows is what a fresh reading of its document reads (and its binding holds). */
function showsItsDocument({ editor, ydoc }: Replica): void {
  editor.plan.settle();
  const shown = editor.store.getState().doc!;
  expect(shown).toBe(editor.plan.openDocument()!.binding.doc);
  expect(shown).toEqual(readDoc(ydoc, { id: shown.plan.id })!.doc);
}

function run(count: number, commands: Command[]): Replica[] {
  // Limits of one or two per delområde and ring: most moves change which items are extra.
  const example = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
  example.plan.catalogue.delomraden.forEach((d, i) => ops.setDelomradeLimit(example, d.id, 1 + (i % 2)));
  const start = Y.encodeStateAsUpdate(docFromPlan(example));
  const replicas: Replica[] = Array.from({ length: count }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, start, NETWORK);
    const editor = new PlanEditor();
    made.push(editor);
    editor.plan.openYDoc(ydoc, readDoc(ydoc)!.doc);
    return { editor, ydoc, actions: editorActions(editor), online: true };
  });
  // Every change a replica makes is on its way to each of the others (held while either is offline).
  const pending: Array<{ from: number; to: number; update: Uint8Array }> = [];
  replicas.forEach(({ ydoc }, from) =>
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== NETWORK) replicas.forEach((_, to) => to !== from && pending.push({ from, to, update }));
    }),
  );
  const deliverable = () => pending.filter((m) => replicas[m.from]!.online && replicas[m.to]!.online);
  let n = 0;
  for (const cmd of commands) {
    if (cmd.kind === 'deliver') {
      const ready = deliverable();
      if (ready.length === 0) continue;
      const message = ready[cmd.pick % ready.length]!;
      Y.applyUpdate(replicas[message.to]!.ydoc, message.update, NETWORK);
      if (!cmd.twice) pending.splice(pending.indexOf(message), 1);
      showsItsDocument(replicas[message.to]!);
      continue;
    }
    const replica = replicas[cmd.replica % count]!;
    const { actions, editor } = replica;
    const doc = editor.store.getState().doc!;
    const ids = Object.keys(doc.items).sort();
    const id = ids[cmd.a % Math.max(1, ids.length)];
    const cells = cellsOf(doc);
    const areas = doc.plan.catalogue.delomraden;
    const item = id ? doc.items[id] : undefined;
    /** What the pure operation makes of the plan shown: the action must show exactly that. */
    const expect_ = (op: (d: PlanDoc) => void) => {
      const copy = structuredClone(doc);
      try {
        op(copy);
        // The limits' italics follow from the plan as the rule says (the document's reading settles them).
        settleExtras(copy);
        expected = copy;
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        expected = doc;
      }
    };
    let expected: PlanDoc | null = null;
    switch (cmd.kind) {
      case 'add':
        actions.addItem(`Ny ${n++}`, cells[cmd.c % cells.length]!, cmd.b % 20);
        break;
      case 'move':
        if (id) expect_((d) => ops.moveItem(d, id, cells[cmd.c % cells.length]!, cmd.b % 20));
        if (id) actions.moveItem(id, cells[cmd.c % cells.length]!, cmd.b % 20);
        break;
      case 'reorder':
        if (item) expect_((d) => ops.moveItem(d, item.id, item.cell, cmd.b % 20));
        if (item) actions.moveItem(item.id, item.cell, cmd.b % 20);
        break;
      case 'text':
        if (id) expect_((d) => ops.updateItem(d, id, { text: `Text ${cmd.b} från ${cmd.replica % count}` }));
        if (id) actions.updateItem(id, { text: `Text ${cmd.b} från ${cmd.replica % count}` });
        break;
      case 'describe':
        if (id) actions.updateItem(id, { description: `Beskrivning ${cmd.b}` });
        break;
      case 'area':
        if (id && areas.length) {
          const patch = { delomraden: [areas[cmd.c % areas.length]!.id], extraChoice: (['auto', 'extra', 'prioritized'] as const)[cmd.b % 3] };
          expect_((d) => ops.updateItem(d, id, patch));
          actions.updateItem(id, patch);
        }
        break;
      case 'comment':
        if (id) actions.addComment(id, `Deltagare ${cmd.replica % count}`, `Kommentar ${cmd.c}`, new Date(Date.UTC(2026, 2, 2, 10, 0, 0, n++)));
        break;
      case 'uncomment': {
        const comment = item?.comments[cmd.b % Math.max(1, item.comments.length)];
        if (item && comment) actions.removeComment(item.id, comment.id);
        break;
      }
      case 'delete':
        if (id) expect_((d) => ops.deleteItem(d, id));
        if (id) actions.deleteItem(id);
        break;
      case 'undo':
        editor.undo();
        break;
      case 'redo':
        editor.redo();
        break;
      case 'blade':
        actions.addBlade(`Område ${cmd.b}`);
        break;
      case 'unblade':
        expect_((d) => ops.removeBlade(d, doc.plan.blades[cmd.b % doc.plan.blades.length]!.id));
        actions.removeBlade(doc.plan.blades[cmd.b % doc.plan.blades.length]!.id);
        break;
      case 'rename':
        actions.renamePlan(`Plan ${cmd.b}`);
        break;
      case 'limit':
        if (areas.length) expect_((d) => ops.setDelomradeLimit(d, areas[cmd.c % areas.length]!.id, cmd.b % 3));
        if (areas.length) actions.setDelomradeLimit(areas[cmd.c % areas.length]!.id, cmd.b % 3);
        break;
      case 'offline':
        replica.online = false;
        break;
      case 'online':
        replica.online = true;
        break;
    }
    showsItsDocument(replica);
    if (expected) expect(editor.store.getState().doc).toEqual(expected);
  }
  // Everyone back online; every change arrives.
  for (const replica of replicas) replica.online = true;
  for (const message of pending) Y.applyUpdate(replicas[message.to]!.ydoc, message.update, NETWORK);
  return replicas;
}

describe('several windows on one plan, through the editor’s own calls', () => {
  beforeAll(loadRepair);

  it('each shows what its document holds after every step, and all agree once every change has arrived', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(command, { minLength: 1, maxLength: 40 }), (count, commands) => {
        const replicas = run(count, commands);
        for (const replica of replicas) showsItsDocument(replica);
        const first = replicas[0]!.editor.store.getState().doc;
        for (const { editor } of replicas.slice(1)) expect(editor.store.getState().doc).toEqual(first);
        for (const editor of made) editor.plan.close();
        made = [];
      }),
      { numRuns: 120 },
    );
  });

  it('an undo takes back this window’s own change only, while a colleague’s stays', () => {
    const [a, b] = run(2, []);
    const ids = Object.keys(a!.editor.store.getState().doc!.items).sort();
    const bId = b!.actions.addItem('Från kollegan')!;
    a!.actions.updateItem(ids[0]!, { text: 'Min ändring' });
    Y.applyUpdate(a!.ydoc, Y.encodeStateAsUpdate(b!.ydoc), NETWORK);
    showsItsDocument(a!);
    expect(a!.editor.undo()).toBe(true);
    showsItsDocument(a!);
    const doc = a!.editor.store.getState().doc!;
    expect(doc.items[ids[0]!]!.text).not.toBe('Min ändring');
    expect(doc.items[bId]!.text).toBe('Från kollegan');
  });
});
