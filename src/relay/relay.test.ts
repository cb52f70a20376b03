import BetterSqlite3 from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { connect } from 'node:net';
import { produce } from 'immer';
import * as Y from 'yjs';
import { createExampleDoc } from '../domain/plan';
import * as ops from '../domain/operations';
import { newInvite } from '../room/access';
import { readDoc } from '../ydoc/read';
import { changeDoc, docFromPlan } from '../ydoc/replica';
import { healthOf, nodeClient, startTestRelay, testCertificate, trustingWebSocket, until, type TestClient, type TestRelay } from '../../tests/room';
import { get as httpsGet } from 'node:https';
import { backupRooms } from './backup';
import { healthAnswer } from './health';
import { logLine, roomTag } from './log';
import { TOO_MANY_ROOMS } from '../room/relayWords';

const open: Array<TestClient | TestRelay> = [];
const track = <T extends TestClient | TestRelay>(x: T): T => (open.push(x), x);
afterEach(async () => {
  for (const x of open.splice(0).reverse()) {
    if ('link' in x) x.link.destroy();
    else await x.relay.close();
  }
});

const planOf = (client: TestClient) => readDoc(client.ydoc)?.doc;

/** The plan a rooms file holds for `room` now (read beside the running relay), or null. */
function storedPlan(file: string, room: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const row = db.prepare<[string], { data: Buffer }>('SELECT data FROM rooms WHERE name = ?').get(room);
    if (!row) return null;
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, new Uint8Array(row.data));
    return readDoc(ydoc)?.doc ?? null;
  } finally {
    db.close();
  }
}

/** A relay that stored a room with a plan, closed; returns its file and the room. */
async function storedRoom() {
  const first = await startTestRelay();
  const invite = await newInvite();
  const a = nodeClient(first.url, invite, docFromPlan(createExampleDoc()));
  await a.synced;
  await until(() => a.link.settled, 5000, 'A settled');
  a.link.destroy();
  await first.relay.close();
  return { dataFile: first.dataFile, invite, plan: readDoc(a.ydoc)!.doc };
}


describe('the room relay', () => {
  it('carries a plan and each change between the people in a room', async () => {
    const { url } = track(await startTestRelay());
    const invite = await newInvite();
    const a = track(nodeClient(url, invite, docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')))));
    await a.synced;
    const b = track(nodeClient(url, invite));
    await b.synced;
    await until(() => planOf(b) !== undefined, 5000, 'the plan at B');
    expect(planOf(b)).toEqual(planOf(a));
    const id = Object.keys(planOf(a)!.items)[0]!;
    changeDoc(b.ydoc, (d) => ops.updateItem(d, id, { description: 'Skrivet av B' }));
    await until(() => planOf(a)!.items[id]!.description === 'Skrivet av B', 5000, 'B’s change at A');
  });

  it('refuses a wrong secret and sends nothing of the room', async () => {
    const { url } = track(await startTestRelay());
    const invite = await newInvite();
    const a = track(nodeClient(url, invite, docFromPlan(createExampleDoc())));
    await a.synced;
    const other = await newInvite();
    const intruder = track(nodeClient(url, { room: invite.room, secret: other.secret }));
    await intruder.refused;
    await new Promise((r) => setTimeout(r, 200));
    expect(planOf(intruder)).toBeUndefined();
    const none = track(nodeClient(url, { room: invite.room, secret: '' }));
    await none.refused;
    expect(planOf(none)).toBeUndefined();
  });

  it('keeps rooms on disk: a restarted relay still has the plan', async () => {
    const { dataFile, invite, plan } = await storedRoom();
    const second = track(await startTestRelay({ dataFile }));
    const b = track(nodeClient(second.url, invite));
    await b.synced;
    await until(() => planOf(b) !== undefined, 5000, 'the plan after the restart');
    expect(Object.keys(planOf(b)!.items)).toHaveLength(Object.keys(plan.items).length);
  });

  it('restarted on the same port: the clients reconnect by themselves, and a change made meanwhile arrives', async () => {
    const first = await startTestRelay();
    const invite = await newInvite();
    const a = track(nodeClient(first.url, invite, docFromPlan(createExampleDoc())));
    await a.synced;
    const b = track(nodeClient(first.url, invite));
    await until(() => planOf(b) !== undefined, 5000, 'the plan at B');
    await first.relay.close();
    changeDoc(a.ydoc, (d) => void ops.addItem(d, { text: 'Medan reläet var nere' }, 'nere'));
    track(await startTestRelay({ port: first.relay.port, dataFile: first.dataFile }));
    await until(() => planOf(b)?.items.nere !== undefined, 15_000, 'the change at B');
    expect(a.statuses).toContain('disconnected');
  });
});

describe('a damaged rooms file (issue 22, item 8)', () => {
  /** The relay on `dataFile` starts, says what it did, and a participant with the plan fills the room in again. */
  async function startsAndRefills(dataFile: string, invite: Awaited<ReturnType<typeof newInvite>>, plan: ReturnType<typeof createExampleDoc>) {
    const relay = track(await startTestRelay({ dataFile }));
    expect(relay.lines.join('\n')).toMatch(/ store\.damaged file=\S+ moved-to=\S+skadad-\S+ note="started with an empty file/);
    const aside = readdirSync(dirname(dataFile)).filter((f) => f.includes('.skadad-'));
    expect(aside.length).toBeGreaterThan(0);
    const a = track(nodeClient(relay.url, invite, docFromPlan(plan)));
    await a.synced;
    const b = track(nodeClient(relay.url, invite));
    await b.synced;
    await until(() => planOf(b) !== undefined, 5000, 'the plan at B');
    expect(planOf(b)).toEqual(planOf(a));
    return relay;
  }

  it('a file that is not a database: moved aside, the relay starts empty and says so; the room is filled in again', async () => {
    const { dataFile, invite, plan } = await storedRoom();
    writeFileSync(dataFile, Buffer.alloc(statSync(dataFile).size, 0x5a));
    await startsAndRefills(dataFile, invite, plan);
  });

  it('a truncated file: moved aside at start, and the relay starts again after that too', async () => {
    const { dataFile, invite, plan } = await storedRoom();
    const size = statSync(dataFile).size;
    expect(size).toBeGreaterThan(8192);
    truncateSync(dataFile, Math.floor(size / 2) + 100);
    const relay = await startsAndRefills(dataFile, invite, plan);
    await until(() => readFileSync(dataFile).length > 0, 5000, 'the new file');
    open.splice(0).reverse().forEach((x) => 'link' in x && x.link.destroy());
    await relay.relay.close();
    const again = track(await startTestRelay({ dataFile }));
    const c = track(nodeClient(again.url, invite));
    await c.synced;
    await until(() => planOf(c) !== undefined, 5000, 'the plan after a second restart');
  });
});

describe('connections that have not shown a key (issue 22, item 10)', () => {
  /** A raw WebSocket on the room path; resolves once open. Its close code is kept. */
  async function raw(url: string) {
    const ws = new WebSocket(url);
    const state = { ws, code: 0, closed: new Promise<number>((r) => ws.on('close', (code) => r((state.code = code)))) };
    ws.on('error', () => {});
    await new Promise<void>((resolve) => {
      ws.on('open', () => resolve());
      ws.on('close', () => resolve());
    });
    return state;
  }

  it('a large frame before the key is refused from its header (1009: too big), 20 at once', async () => {
    const { url } = track(await startTestRelay());
    const sockets = await Promise.all(Array.from({ length: 20 }, () => raw(url)));
    for (const s of sockets) s.ws.send(Buffer.alloc(10 * 1024 * 1024, 1));
    const codes = await Promise.all(sockets.map((s) => s.closed));
    expect(codes.every((c) => c === 1009)).toBe(true);
  });

  it('many small messages before the key: closed past 64 KB in all', async () => {
    const { url } = track(await startTestRelay());
    const s = await raw(url);
    for (let i = 0; i < 100; i++) if (s.ws.readyState === WebSocket.OPEN) s.ws.send(Buffer.alloc(2048, 1));
    await s.closed;
    expect(s.ws.readyState).toBe(WebSocket.CLOSED);
  });

  it('at most 64 wait at once, and none longer than the time allowed', async () => {
    const { url } = track(await startTestRelay({ authWithinMs: 800 }));
    const sockets = await Promise.all(Array.from({ length: 80 }, () => raw(url)));
    await until(() => sockets.filter((s) => s.ws.readyState === WebSocket.CLOSED).length >= 16, 5000, 'the ones over the cap closed');
    expect(sockets.filter((s) => s.ws.readyState === WebSocket.OPEN).length).toBeLessThanOrEqual(64);
    await Promise.all(sockets.map((s) => s.closed));
    // An honest participant still gets in afterwards.
    const invite = await newInvite();
    const a = track(nodeClient(url, invite, docFromPlan(createExampleDoc())));
    await a.synced;
  });

  it('once the key is shown, a large plan (well over 64 KB) travels as before', async () => {
    const { url } = track(await startTestRelay());
    const invite = await newInvite();
    const plan = produce(createExampleDoc(), (d) => {
      for (let i = 0; i < 400; i++) ops.updateItem(d, ops.addItem(d, { text: `Aktivitet ${i}` }, `stor-${i}`), { description: 'Lång beskrivning. '.repeat(20) });
    });
    expect(Y.encodeStateAsUpdate(docFromPlan(plan)).length).toBeGreaterThan(200_000);
    const a = track(nodeClient(url, invite, docFromPlan(plan)));
    await a.synced;
    const b = track(nodeClient(url, invite));
    await b.synced;
    await until(() => planOf(b) !== undefined && Object.keys(planOf(b)!.items).length === Object.keys(plan.items).length, 10_000, 'the large plan at B');
  });
});

describe('answers the relay gives itself (issue 22, low)', () => {
  /** Send raw bytes to the relay and read the answer's status line and headers. */
  function rawHttp(port: number, request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it('a malformed upgrade on /rum (400) and headers too large (431) carry the security headers', async () => {
    const { relay } = track(await startTestRelay());
    const bad = await rawHttp(relay.port, 'GET /rum HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n');
    expect(bad).toMatch(/^HTTP\/1.1 400/);
    expect(bad).toMatch(/Content-Security-Policy: .*frame-ancestors 'none'/);
    const huge = await rawHttp(relay.port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1.1 431/);
    expect(huge).toMatch(/X-Frame-Options: DENY/);
  });
});

describe('presences (issue 22, low)', () => {
  it('a connection that claims 5,000 presences is closed and its presences go; the room shows the real people', async () => {
    const { url } = track(await startTestRelay());
    const invite = await newInvite();
    const honest = track(nodeClient(url, invite, docFromPlan(createExampleDoc())));
    await honest.synced;
    honest.link.provider.awareness!.setLocalStateField('user', { name: 'Anna', color: '#1f6f8b' });
    const raw = track(nodeClient(url, invite));
    await raw.synced;
    const fake = new Awareness(new Y.Doc());
    const states = new Map<number, Record<string, unknown>>();
    for (let i = 0; i < 5000; i++) states.set(1_000_000 + i, { user: { name: `Falsk ${i}`, color: '#000000' } });
    fake.states = states;
    for (const id of states.keys()) fake.meta.set(id, { clock: 1, lastUpdated: Date.now() });
    applyAwarenessUpdate(raw.link.provider.awareness!, encodeAwarenessUpdate(fake, [...states.keys()]), 'fake');
    await until(() => raw.statuses.includes('disconnected'), 5000, 'the faking connection closed');
    await until(() => honest.link.provider.awareness!.getStates().size <= 4, 5000, 'the fake presences gone at the honest client');
    expect([...honest.link.provider.awareness!.getStates().values()].some((s) => (s.user as { name?: string } | undefined)?.name === 'Anna')).toBe(true);
  });
});

describe('rooms anyone can make (issue 22, low)', () => {
  it('new rooms past the hour’s share are refused with a word; rooms already there still open', async () => {
    const { url } = track(await startTestRelay({ newRoomsPerHour: 2 }));
    const invites = await Promise.all([newInvite(), newInvite(), newInvite()]);
    for (const invite of invites.slice(0, 2)) await track(nodeClient(url, invite, docFromPlan(createExampleDoc()))).synced;
    const third = track(nodeClient(url, invites[2]!, docFromPlan(createExampleDoc())));
    await third.refused;
    expect(third.reasons).toEqual([TOO_MANY_ROOMS]);
    const again = track(nodeClient(url, invites[0]!));
    await again.synced;
    await until(() => planOf(again) !== undefined, 5000, 'the plan of a room already there');
  });

  it('a room larger than the limit is served but not kept on disk, and it is said once', async () => {
    const relay = await startTestRelay({ maxRoomBytes: 4096 });
    const invite = await newInvite();
    const a = nodeClient(relay.url, invite, docFromPlan(createExampleDoc()));
    await a.synced;
    const b = nodeClient(relay.url, invite);
    await until(() => planOf(b) !== undefined, 5000, 'the plan served at B');
    await until(() => a.link.settled, 5000, 'A settled');
    a.link.destroy();
    b.link.destroy();
    await relay.relay.close();
    expect(relay.lines.filter((t) => / limit\.room-not-kept room=[0-9a-f]{12} bytes=\d+ limit=4096$/.test(t))).toHaveLength(1);
    const restarted = track(await startTestRelay({ dataFile: relay.dataFile }));
    const c = track(nodeClient(restarted.url, invite));
    await c.synced;
    await new Promise((r) => setTimeout(r, 300));
    expect(planOf(c)).toBeUndefined();
  });
});

describe('what an IT department runs it by (issue 26)', () => {
  it('GET /health: 200 with the rooms and connections open, nothing of a room; headers for a monitor', async () => {
    const relay = track(await startTestRelay());
    expect(await healthOf(relay.relay.port)).toEqual({ status: 200, body: { ok: true, rooms: 0, connections: 0 } });
    const invite = await newInvite();
    const a = track(nodeClient(relay.url, invite, docFromPlan(createExampleDoc())));
    await a.synced;
    const b = track(nodeClient(relay.url, invite));
    await b.synced;
    expect(await healthOf(relay.relay.port)).toEqual({ status: 200, body: { ok: true, rooms: 1, connections: 2 } });
    const response = await fetch(`http://127.0.0.1:${relay.relay.port}/health`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).not.toContain(invite.room);
  });

  it('503 names what it cannot reach: the store, Redis or both', () => {
    expect(healthAnswer({ rooms: 2, connections: 5, store: true, redis: null })).toEqual({ status: 200, body: { ok: true, rooms: 2, connections: 5 } });
    expect(healthAnswer({ rooms: 2, connections: 5, store: true, redis: true }).status).toBe(200);
    expect(healthAnswer({ rooms: 2, connections: 5, store: false, redis: null })).toEqual({ status: 503, body: { ok: false, rooms: 2, connections: 5, failing: ['store'] } });
    expect(healthAnswer({ rooms: 0, connections: 0, store: false, redis: false }).body.failing).toEqual(['store', 'redis']);
  });

  it('logs one line per event — started, a room opened and closed with its peers, a refusal — with no room name, key or content', async () => {
    const relay = track(await startTestRelay());
    const invite = await newInvite();
    const plan = createExampleDoc();
    const a = nodeClient(relay.url, invite, docFromPlan(plan));
    await a.synced;
    const b = nodeClient(relay.url, invite);
    await until(() => planOf(b) !== undefined, 5000, 'the plan at B');
    const intruder = track(nodeClient(relay.url, { room: invite.room, secret: (await newInvite()).secret }));
    await intruder.refused;
    await until(() => a.link.settled, 5000, 'A settled');
    a.link.destroy();
    b.link.destroy();
    const tag = roomTag(invite.room);
    await until(() => relay.lines.some((l) => l.includes(' room.closed ')), 10_000, 'the room closed');
    const events = relay.lines.map((l) => l.split(' ').slice(1).join(' '));
    expect(events[0]).toBe(`started address=http://127.0.0.1:${relay.relay.port} store=${relay.dataFile} redis=off tls=off`);
    expect(events).toContain(`share url=http://127.0.0.1:${relay.relay.port}/`);
    expect(events).toContain(`room.opened room=${tag}`);
    expect(events).toContain(`refused reason=wrong-key room=${tag}`);
    expect(events).toContain(`room.closed room=${tag} peers=2`);
    for (const line of relay.lines) {
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S+( \S+=("[^"]*"|\S+))*$/);
      for (const secret of [invite.room, invite.secret, plan.plan.name, plan.plan.id]) expect(line).not.toContain(secret);
    }
  });

  it('a backup taken while the relay runs restores into a fresh relay: a participant sees the plan, with the last change', async () => {
    const running = track(await startTestRelay());
    const invite = await newInvite();
    const a = track(nodeClient(running.url, invite, docFromPlan(createExampleDoc())));
    await a.synced;
    changeDoc(a.ydoc, (d) => void ops.addItem(d, { text: 'Före kopian' }, 'fore-kopian'));
    await until(() => a.link.settled, 5000, 'A settled');
    const target = `${dirname(running.dataFile)}/kopia.sqlite`;
    // Taken as soon as the relay has stored the change (within its second of quiet), while it runs.
    await until(() => (storedPlan(running.dataFile, invite.room)?.items['fore-kopian'] ?? null) !== null, 10_000, 'the change stored');
    const copied = await backupRooms(running.dataFile, target);
    expect(copied.rooms).toBe(1);
    await expect(backupRooms(running.dataFile, target)).rejects.toThrow(/finns redan/);
    // The running relay goes on; the copy is a rooms file of its own.
    const restored = track(await startTestRelay({ dataFile: target }));
    const b = track(nodeClient(restored.url, invite));
    await b.synced;
    await until(() => planOf(b)?.items['fore-kopian'] !== undefined, 5000, 'the plan from the backup');
    expect(planOf(b)!.items['fore-kopian']!.text).toBe('Före kopian');
    expect(Object.keys(planOf(b)!.items).sort()).toEqual(Object.keys(planOf(a)!.items).sort());
  });

  it('with a certificate (TLS_CERT/TLS_KEY) it serves https and wss: the app, /health and a room; plain http is not answered', async () => {
    const { cert, key } = testCertificate();
    const relay = track(await startTestRelay({ tls: { cert, key } }));
    const port = relay.relay.port;
    expect(relay.relay.urls).toEqual([`https://127.0.0.1:${port}/`]);
    const fetched = (path: string) =>
      new Promise<{ status: number; text: string; hsts?: string }>((resolve, reject) =>
        httpsGet({ host: '127.0.0.1', port, path, ca: cert }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, text }));
        }).on('error', reject),
      );
    expect(await fetched('/health')).toMatchObject({ status: 200, text: '{"ok":true,"rooms":0,"connections":0}' });
    expect((await fetched('/')).text).toContain('<title>Solfjädern</title>');
    const invite = await newInvite();
    const Socket = trustingWebSocket(cert);
    const a = track(nodeClient(`wss://127.0.0.1:${port}/rum`, invite, docFromPlan(createExampleDoc()), Socket));
    await a.synced;
    const b = track(nodeClient(`wss://127.0.0.1:${port}/rum`, invite, undefined, Socket));
    await until(() => planOf(b) !== undefined, 5000, 'the plan over wss');
    // Nothing in clear: a plain http request gets no answer from it.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(relay.lines[0]).toMatch(/ started address=https:\/\/127\.0\.0\.1:\d+ .* tls=on$/);
  });

  it('a log line stays one line, whatever a value holds', () => {
    expect(logLine('refused', { reason: 'a b', note: 'rad 1\nrad 2', n: 3, skip: undefined }, new Date('2026-12-06T10:00:00Z'))).toBe('2026-12-06T10:00:00.000Z refused reason="a b" note="rad 1\\nrad 2" n=3');
  });
});
