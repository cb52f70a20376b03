// Issue 26: a burst of changes reaches each person as few messages, in order, nothing lost.
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createExampleDoc } from '../domain/plan';
import { newInvite } from '../room/access';
import { itemMap } from '../ydoc/shape';
import { docFromPlan } from '../ydoc/replica';
import { nodeClient, startTestRelay, until, type TestClient, type TestRelay } from '../../tests/room';
import { coalesceUpdates, STRUCTS_A_PIECE, UPDATES_A_MESSAGE, updateMessage, updateOf, updatePieces } from './coalesce';

/** A socket that records what is sent on it; `turn()` runs what waits for the next turn. */
function fakeSocket(pieces?: (update: Uint8Array) => Uint8Array[]) {
  const sent: Array<{ data: unknown; rest: unknown[] }> = [];
  const waiting: Array<() => void> = [];
  const ws = {
    OPEN: 1,
    readyState: 1,
    send: (data: unknown, ...rest: unknown[]) => {
      sent.push({ data, rest });
      if (typeof rest.at(-1) === 'function') (rest.at(-1) as (e?: Error) => void)();
    },
  };
  coalesceUpdates(ws as unknown as Parameters<typeof coalesceUpdates>[0], (flush) => void waiting.push(flush), pieces);
  return { ws, sent, turn: () => waiting.splice(0).forEach((f) => f()) };
}

/** `n` updates of one document, each a change of its own. */
function updates(n: number): { doc: Y.Doc; list: Uint8Array[] } {
  const doc = new Y.Doc();
  const list: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => list.push(u));
  for (let i = 0; i < n; i++) doc.getMap('m').set(`k${i % 7}`, i);
  return { doc, list };
}

describe('updates sent within one turn', () => {
  it('go as one message whose update is all of them; the callbacks are each called once', () => {
    const { ws, sent, turn } = fakeSocket();
    const { doc, list } = updates(30);
    let called = 0;
    for (const u of list) ws.send(updateMessage('rum', u), () => called++);
    expect(sent).toHaveLength(0);
    turn();
    expect(sent).toHaveLength(1);
    expect(called).toBe(30);
    const read = updateOf(sent[0]!.data as Uint8Array)!;
    expect(read.room).toBe('rum');
    const copy = new Y.Doc();
    Y.applyUpdate(copy, read.update);
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('keep their order with what else is sent: an acknowledgement or presence goes after the updates ahead of it', () => {
    const { ws, sent, turn } = fakeSocket();
    const { list } = updates(4);
    const other = new Uint8Array([3, 114, 117, 109, 8, 1]);
    ws.send(updateMessage('rum', list[0]!));
    ws.send(updateMessage('rum', list[1]!));
    ws.send(other);
    ws.send(updateMessage('rum', list[2]!));
    ws.send(updateMessage('annat', list[3]!));
    turn();
    expect(sent.map((s) => updateOf(s.data as Uint8Array)?.room ?? 'other')).toEqual(['rum', 'other', 'rum', 'annat']);
    // A lone update goes as it was written.
    expect(sent[2]!.data).toEqual(updateMessage('rum', list[2]!));
  });

  it(`go ${UPDATES_A_MESSAGE} at most to a message (a browser can draw between them)`, () => {
    const { ws, sent, turn } = fakeSocket();
    const { doc, list } = updates(UPDATES_A_MESSAGE * 2 + 5);
    for (const u of list) ws.send(updateMessage('rum', u));
    turn();
    expect(sent).toHaveLength(3);
    const copy = new Y.Doc();
    for (const s of sent) Y.applyUpdate(copy, updateOf(s.data as Uint8Array)!.update);
    expect(copy.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
  });

  it('are dropped with their socket when it closed meanwhile (the person resyncs on reconnecting)', () => {
    const { ws, sent, turn } = fakeSocket();
    ws.send(updateMessage('rum', updates(1).list[0]!));
    ws.readyState = 3;
    turn();
    expect(sent).toHaveLength(0);
  });

  it('only a message that is one update and nothing else is read as one', () => {
    const message = updateMessage('rum', updates(1).list[0]!);
    expect(updateOf(message)?.room).toBe('rum');
    expect(updateOf(new Uint8Array([...message, 0]))).toBeNull();
    expect(updateOf(message.subarray(0, message.length - 2))).toBeNull();
    expect(updateOf(new Uint8Array([3, 114, 117, 109, 0, 1, 0]))).toBeNull();
  });
});

describe('a large update', () => {
  it('goes to each person as pieces in order that give the same document, cut once for all of them; its callback is called after the last', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 5 * STRUCTS_A_PIECE; i++) doc.getMap('items').set(`i${i % 40}`, `Flod ${i}`);
    const update = Y.encodeStateAsUpdate(doc);
    const cut = updatePieces();
    const people = [fakeSocket(cut), fakeSocket(cut)];
    for (const { ws, sent, turn } of people) {
      let called = 0;
      ws.send(updateMessage('rum', update), () => called++);
      turn();
      expect(sent.length).toBeGreaterThanOrEqual(5);
      expect(sent.slice(0, -1).every((m) => m.rest.length === 0)).toBe(true);
      expect(called).toBe(1);
      const copy = new Y.Doc();
      for (const m of sent) {
        const read = updateOf(m.data as Uint8Array)!;
        expect(read.room).toBe('rum');
        expect(Y.decodeUpdate(read.update).structs.length).toBeLessThanOrEqual(STRUCTS_A_PIECE);
        Y.applyUpdate(copy, read.update);
      }
      expect(copy.getMap('items').toJSON()).toEqual(doc.getMap('items').toJSON());
    }
    // The same bytes again (each person's message is a copy): looked up, not cut again.
    expect(cut(Uint8Array.from(update))).toBe(cut(update));
  });

  it('a small one goes as it is', () => {
    const { ws, sent, turn } = fakeSocket(updatePieces());
    const { list } = updates(1);
    const message = updateMessage('rum', list[0]!);
    ws.send(message);
    turn();
    expect(sent.map((m) => m.data)).toEqual([message]);
  });
});

describe('a burst in a room', () => {
  const open: Array<TestClient | TestRelay> = [];
  afterEach(async () => {
    for (const x of open.splice(0).reverse()) {
      if ('link' in x) x.link.destroy();
      else await x.relay.close();
    }
  });

  it('1,000 changes from one person reach another as a few dozen messages at most, and the two plans agree', async () => {
    const relay = await startTestRelay();
    open.push(relay);
    const invite = await newInvite();
    const a = nodeClient(relay.url, invite, docFromPlan(createExampleDoc()));
    open.push(a);
    await a.synced;
    let messages = 0;
    class Counting extends WebSocket {
      override emit(event: string | symbol, ...args: unknown[]): boolean {
        if (event === 'message' && updateOf(new Uint8Array(args[0] as Buffer))) messages++;
        return super.emit(event, ...args);
      }
    }
    const b = nodeClient(relay.url, invite, new Y.Doc(), Counting);
    open.push(b);
    await b.synced;
    await until(() => itemMap(b.ydoc).size === itemMap(a.ydoc).size, 10_000, 'the plan at b');
    messages = 0;
    const ids = [...itemMap(a.ydoc).keys()];
    for (let i = 0; i < 1000; i++) (itemMap(a.ydoc).get(ids[i % ids.length]!) as Y.Map<unknown>).set('description', `Ändring ${i}`);
    const last = (id: string) => (itemMap(b.ydoc).get(id) as Y.Map<unknown> | undefined)?.get('description');
    await until(() => ids.every((id) => last(id) === (itemMap(a.ydoc).get(id) as Y.Map<unknown>).get('description')), 15_000, 'every change at b');
    expect(messages).toBeGreaterThanOrEqual(10);
    expect(messages).toBeLessThan(100);
  });
});
