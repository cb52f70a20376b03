// Issue 26: the relay as a service — `npm start` serves the built app and the rooms at once, a
// crash in the middle of a workshop loses nothing, and a backup taken while it runs restores.
import { expect, test } from '@playwright/test';
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join as joinPath } from 'node:path';
import * as Y from 'yjs';
import { readDoc } from '../../src/ydoc/read';
import { act, item, join, lists, person, startRoom } from './roomKit';
import { healthStatus, npmStart, type Service } from './service';

let service: Service | null = null;
test.afterEach(async () => {
  await service?.stop();
  service = null;
});

test('npm start serves the built app and its rooms: /health answers 200 within 2 s of the start', async ({ page }) => {
  service = await npmStart();
  const started = Date.now();
  service.start();
  await expect.poll(() => healthStatus(service!.origin), { timeout: 2000, intervals: [25] }).toBe(200);
  expect(Date.now() - started).toBeLessThan(2000);
  expect(await (await fetch(`${service.origin}/health`)).json()).toEqual({ ok: true, rooms: 0, connections: 0 });
  // The container's HEALTHCHECK asks the same.
  const check = () => spawnSync(process.execPath, ['dist-relay/relay-healthcheck.js'], { env: { ...process.env, PORT: String(service!.port) } }).status;
  expect(check()).toBe(0);
  // The app itself, from the same process and origin.
  await page.goto(`${service.origin}/`);
  await expect(page.locator('svg.fan')).toBeVisible();
  await expect.poll(() => service!.lines.some((l) => / started address=http:\/\/127\.0\.0\.1:\d+ store=\S+rum\.sqlite redis=off tls=off$/.test(l))).toBe(true);
  // Stopped with SIGTERM (npm passes it on), it stores its rooms, says so and exits; then nothing answers.
  await service.stop();
  await expect.poll(() => service!.lines.at(-1) ?? '').toMatch(/ stopped$/);
  await expect.poll(() => healthStatus(service!.origin)).toBe(0);
  expect(check()).toBe(1);
});

test('killed in the middle of a room (SIGKILL) and started again: both people reconnect and nothing is lost; a backup taken while it runs restores into a new relay', async ({ browser }) => {
  test.setTimeout(120_000);
  service = await npmStart();
  service.start();
  await expect.poll(() => healthStatus(service!.origin), { timeout: 10_000 }).toBe(200);
  const a = await person(browser, `${service.origin}/?automation`);
  const link = await startRoom(a.page, 'Anna');
  const planName = (await a.page.getByRole('heading', { level: 1 }).textContent())!;
  const b = await join(browser, link, 'Bo', planName);
  await expect.poll(async () => (await (await fetch(`${service!.origin}/health`)).json()) as unknown).toEqual({ ok: true, rooms: 1, connections: 2 });

  // Changed just before the crash: the relay has had no time to store it (it stores within a second).
  const before = (await act(a.page, 'addItem', 'Strax före kraschen')) as string;
  await expect.poll(() => item(b.page, before).then((i) => i?.text ?? null)).toBe('Strax före kraschen');
  await service.kill();
  expect(await healthStatus(service.origin)).toBe(0);
  for (const p of [a, b]) await expect(p.page.getByRole('button', { name: /^(Återansluter…|Arbetar lokalt), I rummet/ })).toBeVisible({ timeout: 15_000 });
  // Both go on working while it is down.
  const fromA = (await act(a.page, 'addItem', 'Medan reläet var nere (Anna)')) as string;
  const fromB = (await act(b.page, 'addItem', 'Medan reläet var nere (Bo)')) as string;

  service.start();
  await expect.poll(() => healthStatus(service!.origin), { timeout: 10_000 }).toBe(200);
  for (const p of [a, b]) {
    await expect(p.page.getByRole('button', { name: /^Ansluten, I rummet \(2\)/ })).toBeVisible({ timeout: 20_000 });
    for (const [id, text] of [
      [before, 'Strax före kraschen'],
      [fromA, 'Medan reläet var nere (Anna)'],
      [fromB, 'Medan reläet var nere (Bo)'],
    ] as const)
      await expect.poll(() => item(p.page, id).then((i) => i?.text ?? null), { timeout: 20_000 }).toBe(text);
  }
  await expect.poll(async () => JSON.stringify(await lists(a.page)) === JSON.stringify(await lists(b.page))).toBe(true);

  // A backup while it runs (`npm run relay:backup`), restored as docs/relay.md says: a relay
  // started on the copy serves the room, and someone joining there gets the whole plan.
  const copy = joinPath(dirname(service.dataFile), 'kopia.sqlite');
  await expect
    .poll(() => {
      rmSync(copy, { force: true });
      const run = spawnSync('npm', ['run', '--silent', 'relay:backup', '--', copy], { env: { ...process.env, RELAY_DATA: service!.dataFile }, encoding: 'utf8' });
      return run.status === 0 && storedTexts(copy).includes('Medan reläet var nere (Bo)');
    }, { timeout: 15_000 })
    .toBe(true);
  const restored = await npmStart({ RELAY_DATA: copy });
  try {
    restored.start();
    await expect.poll(() => healthStatus(restored.origin), { timeout: 10_000 }).toBe(200);
    const c = await join(browser, link, 'Cia', planName, restored.origin);
    for (const id of [before, fromA, fromB]) await expect.poll(() => item(c.page, id).then((i) => i?.text ?? null)).not.toBeNull();
    await c.context.close();
  } finally {
    await restored.stop();
  }
  for (const p of [a, b]) await p.context.close();
});

/** Every item text of every room a rooms file holds. */
function storedTexts(file: string): string[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db
      .prepare<[], { data: Buffer }>('SELECT data FROM rooms')
      .all()
      .flatMap(({ data }) => {
        const ydoc = new Y.Doc();
        Y.applyUpdate(ydoc, new Uint8Array(data));
        return Object.values(readDoc(ydoc)?.doc.items ?? {}).map((i) => i.text);
      });
  } finally {
    db.close();
  }
}
