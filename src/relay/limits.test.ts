// Issue 26: what one participant may do on the relay — each limit refused or cut off with a word
// the app shows, logged (once in a while, not per message), the relay and the other rooms going on.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createExampleDoc } from '../domain/plan';
import * as ops from '../domain/operations';
import { newInvite } from '../room/access';
import { CLOSE_FLOOD, CLOSE_MALFORMED, CLOSE_TOO_BIG, closeWord, RELAY_FULL, ROOM_FULL, TOO_MANY_CONNECTIONS } from '../room/relayWords';
import { readDoc } from '../ydoc/read';
import { changeDoc, docFromPlan } from '../ydoc/replica';
import { nodeClient, startTestRelay, until, type TestClient, type TestRelay } from '../../tests/room';
import { Buckets, limitsFrom, roomOfMessage } from './peerLimits';

const open: Array<TestClient | TestRelay> = [];
const track = <T extends TestClient | TestRelay>(x: T): T => (open.push(x), x);
afterEach(async () => {
  vi.restoreAllMocks();
  for (const x of open.splice(0).reverse()) {
    if ('link' in x) x.link.destroy();
    else await x.relay.close();
  }
});
const planOf = (client: TestClient) => readDoc(client.ydoc)?.doc;
const lines = (relay: TestRelay, pattern: RegExp) => relay.lines.filter((l) => pattern.test(l));

/** A room with a plan and its first participant. */
async function room(relay: TestRelay) {
  const invite = await newInvite();
  const a = track(nodeClient(relay.url, invite, docFromPlan(createExampleDoc())));
  await a.synced;
  return { invite, a };
}

describe('limits per participant', () => {
  it('connections from one address: past the limit refused with the relay’s word, logged; the others stay', async () => {
    const relay = track(await startTestRelay({ limits: { connectionsPerAddress: 3 } }));
    const { invite, a } = await room(relay);
    const b = track(nodeClient(relay.url, invite));
    const c = track(nodeClient(relay.url, invite));
    await Promise.all([b.synced, c.synced]);
    const d = track(nodeClient(relay.url, invite));
    await d.refused;
    expect(d.reasons).toEqual([TOO_MANY_CONNECTIONS]);
    expect(lines(relay, / refused reason=too-many-connections limit=3$/)).toHaveLength(1);
    changeDoc(a.ydoc, (doc) => void ops.addItem(doc, { text: 'Efter avvisningen' }, 'efter'));
    await until(() => planOf(c)?.items.efter !== undefined, 5000, 'the room goes on');
  });

  it('people in a room: the one too many is told "Rummet är fullt"; another room opens', async () => {
    const relay = track(await startTestRelay({ limits: { peersPerRoom: 2 } }));
    const { invite } = await room(relay);
    await track(nodeClient(relay.url, invite)).synced;
    const third = track(nodeClient(relay.url, invite));
    await third.refused;
    expect(third.reasons).toEqual([ROOM_FULL]);
    expect(lines(relay, / refused reason=room-full room=[0-9a-f]{12} limit=2$/)).toHaveLength(1);
    await room(relay);
  });

  it('rooms open at once: past the limit a new room is refused with the relay’s word', async () => {
    const relay = track(await startTestRelay({ limits: { openRooms: 1 } }));
    await room(relay);
    const other = track(nodeClient(relay.url, await newInvite(), docFromPlan(createExampleDoc())));
    await other.refused;
    expect(other.reasons).toEqual([RELAY_FULL]);
    expect(lines(relay, / refused reason=relay-full limit=1$/)).toHaveLength(1);
  });

  it('a flood of updates: the flooding connection is cut off and told, logged once; the other room is unaffected; nothing of the flood is lost', async () => {
    const relay = track(await startTestRelay({ limits: { messagesPerSecond: 50, messageBurst: 200 } }));
    const { invite, a } = await room(relay);
    const b = track(nodeClient(relay.url, invite));
    await until(() => planOf(b) !== undefined, 5000, 'the plan at B');
    const quiet = await room(relay);
    const quietB = track(nodeClient(relay.url, quiet.invite));
    await until(() => planOf(quietB) !== undefined, 5000, 'the other room');
    // 1,000 tiny updates at once, each its own message.
    const id = Object.keys(planOf(a)!.items)[0]!;
    for (let i = 0; i < 1000; i++) changeDoc(a.ydoc, (doc) => ops.updateItem(doc, id, { description: `Ändring ${i}` }));
    await until(() => a.closes.includes(CLOSE_FLOOD), 5000, 'the flood cut off');
    expect(closeWord(CLOSE_FLOOD)).toMatch(/^För många ändringar på kort tid/);
    // The other room goes on meanwhile.
    changeDoc(quiet.a.ydoc, (doc) => void ops.addItem(doc, { text: 'I det andra rummet' }, 'andra'));
    await until(() => planOf(quietB)?.items.andra !== undefined, 5000, 'the other room unaffected');
    // The flooder reconnects as its share refills, and its last change reaches the room.
    await until(() => planOf(b)!.items[id]!.description === 'Ändring 999', 30_000, 'the flood’s last change at B');
    expect(lines(relay, / limit\.messages room=[0-9a-f]{12} rate=50 burst=200$/).length).toBeGreaterThanOrEqual(1);
    expect(lines(relay, / limit\.messages /).length).toBeLessThanOrEqual(3);
  });

  it('a message larger than the relay takes: closed with 1009, told "För stor ändring", logged; the change stays with its author', async () => {
    const relay = track(await startTestRelay({ maxMessageBytes: 100_000 }));
    const { invite, a } = await room(relay);
    const b = track(nodeClient(relay.url, invite));
    await until(() => planOf(b) !== undefined, 5000, 'the plan at B');
    // Written into the document as it is (the app's own rules keep a description far smaller).
    a.ydoc.getMap('stort').set('text', 'x'.repeat(150_000));
    await until(() => a.closes.includes(CLOSE_TOO_BIG), 5000, 'the large change refused');
    expect(closeWord(CLOSE_TOO_BIG)).toMatch(/^För stor ändring/);
    expect(lines(relay, / limit\.message-size limit=100000$/).length).toBeGreaterThanOrEqual(1);
    expect((a.ydoc.getMap('stort').get('text') as string).length).toBe(150_000);
  });

  it('malformed and truncated messages: the connection is closed (4400), one log line each, no stack trace; the relay serves the room on', async () => {
    const errors = vi.spyOn(console, 'error');
    const relay = track(await startTestRelay());
    const { invite, a } = await room(relay);
    const b = track(nodeClient(relay.url, invite));
    await until(() => planOf(b) !== undefined, 5000, 'the plan at B');
    const update = Y.encodeStateAsUpdate(a.ydoc);
    const truncated = encoding.createEncoder();
    encoding.writeVarString(truncated, invite.room);
    encoding.writeVarUint(truncated, 0);
    encoding.writeVarUint(truncated, 2);
    encoding.writeVarUint8Array(truncated, update.slice(0, Math.floor(update.length / 2)));
    for (const message of [Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.from(encoding.toUint8Array(truncated)), Buffer.alloc(0)]) {
      const raw = new WebSocket(relay.url);
      await new Promise((r) => raw.once('open', r));
      const closed = new Promise<number>((r) => raw.once('close', (code) => r(code)));
      raw.send(message);
      expect(await closed).toBe(CLOSE_MALFORMED);
    }
    expect(lines(relay, / refused reason=malformed-message bytes=\d+$/)).toHaveLength(3);
    expect(errors).not.toHaveBeenCalled();
    changeDoc(a.ydoc, (doc) => void ops.addItem(doc, { text: 'Efter skräpet' }, 'efter-skrap'));
    await until(() => planOf(b)?.items['efter-skrap'] !== undefined, 5000, 'the room served on');
  });
});

describe('the log under a flood of refusals', () => {
  it('each refusal is a line, up to 20 of one reason in a window; the rest are counted in one line when it ends', async () => {
    const relay = track(await startTestRelay({ refusalWindowMs: 1500 }));
    const sockets = Array.from({ length: 26 }, () => new WebSocket(relay.url));
    await Promise.all(sockets.map((s) => new Promise((r) => s.once('open', r))));
    await Promise.all(sockets.map((s) => new Promise((r) => (s.once('close', r), s.send(Buffer.from([0xff, 0xff]))))));
    expect(lines(relay, / refused reason=malformed-message bytes=2$/)).toHaveLength(20);
    await until(() => lines(relay, / refused reason=malformed-message more=6 within=2s$/).length === 1, 5000, 'the count of the rest');
  });
});

describe('the pieces', () => {
  it('a token bucket: a burst, then the rate', () => {
    let now = 0;
    const buckets = new Buckets(10, 5, () => now);
    expect([1, 2, 3, 4, 5, 6].map(() => buckets.take('a'))).toEqual([true, true, true, true, true, false]);
    expect(buckets.take('b')).toBe(true);
    now = 100;
    expect([buckets.take('a'), buckets.take('a')]).toEqual([true, false]);
    now = 10_000;
    buckets.prune();
    expect([1, 2, 3, 4, 5, 6].map(() => buckets.take('a'))).toEqual([true, true, true, true, true, false]);
  });

  it('a room message is read as the protocol writes it; anything else is not one', () => {
    const message = (write: (e: encoding.Encoder) => void) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, 'rummet');
      write(e);
      return encoding.toUint8Array(e);
    };
    const ydoc = new Y.Doc();
    ydoc.getMap('m').set('a', 1);
    expect(roomOfMessage(message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(ydoc)))))).toBe('rummet');
    expect(roomOfMessage(message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(ydoc)))))).toBe('rummet');
    expect(roomOfMessage(message((e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, 'nyckel'))))).toBe('rummet');
    expect(roomOfMessage(message((e) => encoding.writeVarUint(e, 3)))).toBe('rummet');
    expect(roomOfMessage(message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 9))))).toBeNull();
    expect(roomOfMessage(message((e) => encoding.writeVarUint(e, 42)))).toBeNull();
    expect(roomOfMessage(message((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, new Uint8Array([1, 200, 3])))))).toBeNull();
  });

  it('limits from the environment: whole numbers above zero, else the defaults', () => {
    expect(limitsFrom({ LIMIT_PEERS_PER_ROOM: '30', LIMIT_OPEN_ROOMS: 'många', LIMIT_MESSAGE_BURST: '-1' })).toEqual({ connectionsPerAddress: 200, peersPerRoom: 30, openRooms: 1000, messagesPerSecond: 250, messageBurst: 5000 });
  });
});
