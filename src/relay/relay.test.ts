import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExampleDoc } from '../domain/plan';
import * as ops from '../domain/operations';
import { newInvite } from '../room/access';
import { readDoc } from '../ydoc/read';
import { changeDoc, docFromPlan } from '../ydoc/replica';
import { nodeClient, startTestRelay, until, type TestClient, type TestRelay } from '../../tests/room';

const open: Array<TestClient | TestRelay> = [];
const track = <T extends TestClient | TestRelay>(x: T): T => (open.push(x), x);
afterEach(async () => {
  for (const x of open.splice(0).reverse()) {
    if ('link' in x) x.link.destroy();
    else await x.relay.close();
  }
});

const planOf = (client: TestClient) => readDoc(client.ydoc)?.doc;

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
    const first = await startTestRelay();
    const invite = await newInvite();
    const a = nodeClient(first.url, invite, docFromPlan(createExampleDoc()));
    await a.synced;
    await until(() => a.link.settled, 5000, 'A settled');
    a.link.destroy();
    await first.relay.close();
    const second = track(await startTestRelay({ dataFile: first.dataFile }));
    const b = track(nodeClient(second.url, invite));
    await b.synced;
    await until(() => planOf(b) !== undefined, 5000, 'the plan after the restart');
    expect(Object.keys(planOf(b)!.items)).toHaveLength(Object.keys(readDoc(a.ydoc)!.doc.items).length);
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

  /** The relay on `dataFile` starts, says what it did, and a participant with the plan fills the room in again. */
  async function startsAndRefills(dataFile: string, invite: Awaited<ReturnType<typeof newInvite>>, plan: ReturnType<typeof createExampleDoc>) {
    const said: string[] = [];
    const relay = track(await startTestRelay({ dataFile, onWarning: (text) => said.push(text) }));
    expect(said.join(' ')).toMatch(/Rumsfilen .* var skadad och flyttades till .*skadad-.* tom fil/);
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
