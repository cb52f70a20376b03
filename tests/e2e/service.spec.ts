// Issue 26: the relay as a service — `npm start` serves the built app and the rooms at once, a
// crash in the middle of a workshop loses nothing, and a backup taken while it runs restores.
import { expect, test } from '@playwright/test';
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
  // The app itself, from the same process and origin.
  await page.goto(`${service.origin}/`);
  await expect(page.locator('svg.fan')).toBeVisible();
  await expect.poll(() => service!.lines.some((l) => / started address=http:\/\/127\.0\.0\.1:\d+ store=\S+rum\.sqlite redis=off$/.test(l))).toBe(true);
});

test('killed in the middle of a room (SIGKILL) and started again: both people reconnect and nothing is lost', async ({ browser }) => {
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
  for (const p of [a, b]) await expect(p.page.getByRole('button', { name: /^I rummet.*(Återansluter…|Arbetar lokalt)/ })).toBeVisible({ timeout: 15_000 });
  // Both go on working while it is down.
  const fromA = (await act(a.page, 'addItem', 'Medan reläet var nere (Anna)')) as string;
  const fromB = (await act(b.page, 'addItem', 'Medan reläet var nere (Bo)')) as string;

  service.start();
  await expect.poll(() => healthStatus(service!.origin), { timeout: 10_000 }).toBe(200);
  for (const p of [a, b]) {
    await expect(p.page.getByRole('button', { name: /^I rummet \(2\).*Ansluten/ })).toBeVisible({ timeout: 20_000 });
    for (const [id, text] of [
      [before, 'Strax före kraschen'],
      [fromA, 'Medan reläet var nere (Anna)'],
      [fromB, 'Medan reläet var nere (Bo)'],
    ] as const)
      await expect.poll(() => item(p.page, id).then((i) => i?.text ?? null), { timeout: 20_000 }).toBe(text);
  }
  await expect.poll(async () => JSON.stringify(await lists(a.page)) === JSON.stringify(await lists(b.page))).toBe(true);
  for (const p of [a, b]) await p.context.close();
});
