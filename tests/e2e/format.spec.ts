// Issue 24, "Done when" 2: a client of an older format next to a newer one. This build is the
// older client here: a room peer (a Node client, as a newer version's would) migrates the
// room's plan to the next format and writes what only it knows; another tab of a newer build
// says its format. The older client opens the plan read-only with its message, refuses every
// edit, and the newer plan loses no field.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { readInvite } from '../../src/room/access';
import { FORMAT, NEWER_MESSAGE } from '../../src/ydoc/format';
import { itemMap, planMap } from '../../src/ydoc/shape';
import { nodeClient, until } from '../room';
import { item, relayOnFreePort, startRoom, type RelayHandle } from './roomKit';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let relay: RelayHandle;
test.beforeAll(async () => {
  relay = await relayOnFreePort();
});
test.afterAll(async () => {
  await relay?.close();
});

const banner = (page: Page) => page.getByRole('alert').filter({ hasText: NEWER_MESSAGE });

/**
 * The older client as a person finds it: nothing that changes the plan can be used (no new
 * inspel, no undo, no item that can be dragged), an item still opens to be read and says why
 * its fields cannot be changed, and a change made anyway (the app's own call) is refused with
 * the message.
 */
async function expectReadOnly(page: Page, text: string): Promise<void> {
  const show = page.getByRole('button', { name: /^Visa inspel/ });
  if (await show.isVisible()) await show.click();
  await expect(page.getByRole('button', { name: 'Nytt inspel' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Ångra' })).toBeDisabled();
  await expect(page.locator('[aria-roledescription="flyttbar aktivitet"]')).toHaveCount(0);
  const first = page.locator('svg.fan [aria-roledescription="aktivitet"]').first();
  const id = await first.getAttribute('data-item');
  // Pressed and moved, it is not dragged; let go where it was pressed, it opens (to be read).
  const box = (await first.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 40, y + 40, { steps: 5 });
  await expect(page.locator('.drag-card')).toHaveCount(0);
  await page.mouse.move(x, y, { steps: 5 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await expect(dialog.getByText(`${NEWER_MESSAGE}. Här kan planen bara läsas.`)).toBeVisible();
  await expect(dialog.getByLabel('Text', { exact: true })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Spara' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Ta bort aktiviteten' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Stäng', exact: true }).last().click();
  await expect(dialog).toHaveCount(0);
  expect(await page.locator(`svg.fan [data-item="${id}"]`).count()).toBe(1);
  await page.evaluate((text) => (window as unknown as { __solfjadern: { actions: { addItem: (text: string, cell: null) => unknown } } }).__solfjadern.actions.addItem(text, null), text);
  await expect(page.getByText(`${NEWER_MESSAGE}.`, { exact: true })).toBeVisible();
}

test('a room peer of a newer format: this client turns read-only with its message, writes nothing, and every field of the newer plan stays', async ({ browser }) => {
  test.setTimeout(90_000);
  // The page's CSP forbids inline scripts: bypassed here, so axe can be injected.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  const anna = { context, page: await context.newPage() };
  await anna.page.goto(`${relay.origin}/?automation`);
  const link = await startRoom(anna.page, 'Anna');
  const newer = nodeClient(`ws://127.0.0.1:${relay.port}/rum`, readInvite(new URL(link).hash)!);
  await newer.synced;
  await until(() => itemMap(newer.ydoc).size > 0, 10_000, 'the plan at the newer client');
  const itemId = [...itemMap(newer.ydoc).keys()][0]!;
  const text = (itemMap(newer.ydoc).get(itemId) as Y.Map<unknown>).get('text');
  // The newer client migrates the plan on open and writes what only it knows.
  newer.ydoc.transact(() => {
    planMap(newer.ydoc).set('format', FORMAT + 1);
    (itemMap(newer.ydoc).get(itemId) as Y.Map<unknown>).set('progress', { period: '2026', state: 'Pågår', by: 'Bo' });
    newer.ydoc.getMap('followUp').set('2026', { closed: true });
  });
  newer.link.provider.awareness?.setLocalStateField('format', FORMAT + 1);

  await expect(banner(anna.page)).toBeVisible();
  await expect(anna.page.getByRole('button', { name: 'Ladda om sidan' })).toBeVisible();
  const items = Object.keys(await anna.page.evaluate(() => (window as unknown as { __solfjadern: { editor: { getState: () => { doc: { items: object } } } } }).__solfjadern.editor.getState().doc.items)).length;
  const updatesFromAnna: number[] = [];
  newer.ydoc.on('update', (_u: Uint8Array, origin: unknown) => origin !== null && updatesFromAnna.push(1));

  await expectReadOnly(anna.page, 'Skrivet av den äldre');
  // Undo is refused too, with the same word.
  await anna.page.keyboard.press('Control+z');
  expect(Object.keys(await anna.page.evaluate(() => (window as unknown as { __solfjadern: { editor: { getState: () => { doc: { items: object } } } } }).__solfjadern.editor.getState().doc.items)).length).toBe(items);
  expect(await item(anna.page, itemId)).toMatchObject({ text });

  // The banner is accessible (the header's room button has a finding of its own, see the issue notes).
  await anna.page.addScriptTag({ content: axeSource });
  const violations = await anna.page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run('.readonly-banner', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: { id: string; nodes: Array<{ html: string }> }) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 200)).join(" | ")}`);
  });
  expect(violations).toEqual([]);

  // Nothing this client did reached the room; the newer plan has every field it wrote.
  await anna.page.waitForFunction(() => document.querySelector('[role="alert"]') !== null);
  expect(updatesFromAnna).toEqual([]);
  expect(planMap(newer.ydoc).get('format')).toBe(FORMAT + 1);
  expect((itemMap(newer.ydoc).get(itemId) as Y.Map<unknown>).get('progress')).toEqual({ period: '2026', state: 'Pågår', by: 'Bo' });
  expect((itemMap(newer.ydoc).get(itemId) as Y.Map<unknown>).get('text')).toBe(text);
  expect(newer.ydoc.getMap('followUp').get('2026')).toEqual({ closed: true });
  expect([...itemMap(newer.ydoc).values()].some((v) => v instanceof Y.Map && v.get('text') === 'Skrivet av den äldre')).toBe(false);

  // A reload of the same (older) build opens the stored plan read-only again, nothing rewritten.
  await anna.page.reload();
  await expect(banner(anna.page)).toBeVisible();
  expect(updatesFromAnna).toEqual([]);
  newer.link.destroy();
  await anna.context.close();
});

test('another tab of a newer format: the tabs of this build turn read-only before its change arrives; a tab of the same format changes nothing', async ({ context }) => {
  const [older, other, newer] = [await context.newPage(), await context.newPage(), await context.newPage()];
  for (const page of [older, other]) {
    await page.goto('/?automation');
    await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  }
  // The newer build's tab, as far as this one can tell: its messages on the same channel.
  await newer.goto('/favicon.svg');
  const planId = await older.evaluate(() => (window as unknown as { __solfjadern: { editor: { getState: () => { doc: { plan: { id: string } } } } } }).__solfjadern.editor.getState().doc.plan.id);
  const say = (format: number) =>
    newer.evaluate(
      ({ format, planId }) => {
        const channel = new BroadcastChannel('solfjadern-plan');
        channel.postMessage({ from: 'tab-of-another-build', format, kind: 'hello', planId });
        channel.close();
      },
      { format, planId },
    );
  // The same format: nothing changes, edits go on.
  await say(FORMAT);
  await expect(older.getByRole('button', { name: 'Nytt inspel' })).toBeVisible();
  await expect(banner(older)).toHaveCount(0);
  // A newer one: read-only, said, and an edit is refused — in every tab of the older build.
  await say(FORMAT + 1);
  await expect(banner(older)).toBeVisible();
  await expect(banner(other)).toBeVisible();
  await expectReadOnly(older, 'Från den äldre fliken');
});
