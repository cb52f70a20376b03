// Issue 15, "Done when" 6: two relay processes share rooms through a real Redis; a client on
// each converges. (Debian's redis-server: `.ci/run` installs it.)
import { spawn, type ChildProcess } from 'node:child_process';
import { Document, type onStoreDocumentPayload } from '@hocuspocus/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as ops from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import { newInvite } from '../room/access';
import { readDoc } from '../ydoc/read';
import { changeDoc, docFromPlan } from '../ydoc/replica';
import { freePort, healthOf, nodeClient, startTestRelay, until, type TestRelay } from '../../tests/room';

let redis: ChildProcess;
let redisPort: number;

async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    redis.on('error', (e) => reject(new Error(`redis-server did not start (is Debian's redis-server installed?): ${e.message}`)));
    redis.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Ready to accept connections') && resolve());
  });
}

async function stopRedis(): Promise<void> {
  const gone = new Promise((r) => redis.once('exit', r));
  redis.kill('SIGKILL');
  await gone;
}

beforeAll(async () => {
  redisPort = await freePort();
  await startRedis();
});

afterAll(() => {
  redis?.kill();
});

describe('two relays sharing Redis', () => {
  it('a client on each relay sees the other’s changes', { timeout: 60_000 }, async () => {
    const relays: TestRelay[] = [await startTestRelay({ redis: { host: '127.0.0.1', port: redisPort } }), await startTestRelay({ redis: { host: '127.0.0.1', port: redisPort } })];
    const invite = await newInvite();
    const a = nodeClient(relays[0]!.url, invite, docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z'))));
    const b = nodeClient(relays[1]!.url, invite);
    try {
      await Promise.all([a.synced, b.synced]);
      await until(() => readDoc(b.ydoc) !== null, 10_000, 'the plan at the second relay');
      const ids = Object.keys(readDoc(a.ydoc)!.doc.items);
      changeDoc(a.ydoc, (d) => ops.updateItem(d, ids[0]!, { description: 'Från relä 1' }));
      changeDoc(b.ydoc, (d) => ops.updateItem(d, ids[1]!, { description: 'Från relä 2' }));
      changeDoc(b.ydoc, (d) => void ops.addItem(d, { text: 'Nytt via relä 2' }, 'ny-2'));
      await until(() => readDoc(a.ydoc)!.doc.items['ny-2'] !== undefined && readDoc(b.ydoc)!.doc.items[ids[0]!]!.description === 'Från relä 1', 10_000, 'both changes on both sides');
      await until(() => JSON.stringify(readDoc(a.ydoc)!.doc) === JSON.stringify(readDoc(b.ydoc)!.doc), 10_000, 'the same plan');
      expect(readDoc(a.ydoc)!.doc.items[ids[1]!]!.description).toBe('Från relä 2');
    } finally {
      a.link.destroy();
      b.link.destroy();
      for (const r of relays) await r.relay.close();
    }
  });
});

describe('two relays store one room at once', () => {
  it('the relay without the lock leaves the store to the one that holds it, without a stack trace in the log', { timeout: 30_000 }, async () => {
    const { SturdyRedis } = await import('./redis');
    const [one, two] = [0, 1].map(() => new SturdyRedis({ host: '127.0.0.1', port: redisPort, prefix: 'lock-test' }));
    const connected = (relay: object) => (relay as { pub?: { status?: string } }).pub?.status === 'ready';
    await until(() => connected(one!) && connected(two!), 10_000, 'both relays connected to Redis');
    // The same room, open on each relay.
    const payload = (document: Document) => ({ documentName: 'rum', document, socketId: 'a-client' }) as unknown as onStoreDocumentPayload;
    const [atOne, atTwo] = [payload(new Document('rum')), payload(new Document('rum'))];
    const printed = vi.spyOn(console, 'error');
    try {
      await one!.onStoreDocument(atOne);
      expect(one!.storedElsewhere(atOne.document)).toBe(false);
      // The second relay finds the lock taken: it does not store, and it does not throw (which Hocuspocus prints with a stack trace).
      await expect(two!.onStoreDocument(atTwo)).resolves.toBeUndefined();
      expect(two!.storedElsewhere(atTwo.document)).toBe(true);
      // Once the first has stored and let go, the second stores its next change itself.
      await one!.afterStoreDocument(atOne);
      await two!.onStoreDocument(atTwo);
      expect(two!.storedElsewhere(atTwo.document)).toBe(false);
      await two!.afterStoreDocument(atTwo);
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
      await Promise.all([one!.onDestroy(), two!.onDestroy()]);
    }
  });
});

describe('Redis goes away for a while (issue 22, item 9)', () => {
  it('both relays keep serving their own clients, reconnect when Redis is back, and the rooms merge', { timeout: 90_000 }, async () => {
    const died: unknown[] = [];
    const onRejection = (reason: unknown) => void died.push(reason);
    process.on('unhandledRejection', onRejection);
    const relays: TestRelay[] = [await startTestRelay({ redis: { host: '127.0.0.1', port: redisPort } }), await startTestRelay({ redis: { host: '127.0.0.1', port: redisPort } })];
    const invite = await newInvite();
    const a = nodeClient(relays[0]!.url, invite, docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z'))));
    const b = nodeClient(relays[1]!.url, invite);
    const a2 = nodeClient(relays[0]!.url, invite);
    try {
      await Promise.all([a.synced, b.synced, a2.synced]);
      await until(() => readDoc(b.ydoc) !== null && readDoc(a2.ydoc) !== null, 10_000, 'the plan everywhere');
      const ids = Object.keys(readDoc(a.ydoc)!.doc.items);
      expect(await healthOf(relays[0]!.relay.port)).toEqual({ status: 200, body: { ok: true, rooms: 1, connections: 2 } });
      await stopRedis();
      // 15 s without Redis, with edits on both sides.
      changeDoc(a.ydoc, (d) => ops.updateItem(d, ids[0]!, { description: 'Medan Redis var borta' }));
      changeDoc(b.ydoc, (d) => void ops.addItem(d, { text: 'Också medan Redis var borta' }, 'utan-redis'));
      // A's relay still carries A's edit to the other client on it.
      await until(() => readDoc(a2.ydoc)!.doc.items[ids[0]!]!.description === 'Medan Redis var borta', 10_000, 'the edit on the same relay');
      await new Promise((r) => setTimeout(r, 15_000));
      expect(died).toEqual([]);
      // A monitor is told: 503 while Redis is away, the relay still serving; the log says it once.
      expect(await healthOf(relays[1]!.relay.port)).toEqual({ status: 503, body: { ok: false, rooms: 1, connections: 1, failing: ['redis'] } });
      expect(relays[1]!.lines.filter((l) => / redis\.down /.test(l))).toHaveLength(1);
      await startRedis();
      // Once Redis is back (each relay says so), the next change carries everything across.
      await until(() => relays.every((r) => r.lines.some((l) => / redis\.up /.test(l))), 20_000, 'both relays connected to Redis again');
      changeDoc(a.ydoc, (d) => ops.updateItem(d, ids[1]!, { description: 'Efter Redis' }));
      await until(
        () => readDoc(a.ydoc)!.doc.items['utan-redis'] !== undefined && readDoc(b.ydoc)!.doc.items[ids[0]!]!.description === 'Medan Redis var borta' && readDoc(b.ydoc)!.doc.items[ids[1]!]!.description === 'Efter Redis',
        20_000,
        'both sides merged',
      );
      expect(died).toEqual([]);
      expect((await healthOf(relays[1]!.relay.port)).status).toBe(200);
      expect(relays[1]!.lines.filter((l) => / redis\.up /.test(l))).toHaveLength(1);
    } finally {
      process.off('unhandledRejection', onRejection);
      for (const c of [a, b, a2]) c.link.destroy();
      for (const r of relays) await r.relay.close();
    }
  });
});
