// Issue 15: live co-editing in a room, against the real relay (`npm run relay`'s server) on
// 127.0.0.1 with three browser contexts.
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { readInvite } from '../../src/room/access';
import { itemMap, planMap } from '../../src/ydoc/shape';
import { nodeClient, until } from '../room';
import { act, item, join, lists, person, relayOnFreePort, roomWithOneBehindProxy, startRoom, type RelayHandle } from './roomKit';

let relay: RelayHandle;
test.beforeAll(async () => {
  relay = await relayOnFreePort();
});
test.afterAll(async () => {
  await relay?.close();
});

test('three people in a room: each one’s edits reach the others; the same item moved by two at once ends up once, the same everywhere; two fields of one item both kept', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await person(browser, `${relay.origin}/?automation`);
  const link = await startRoom(a.page, 'Anna');
  expect(new URL(link).hash).toMatch(/^#rum=[\w-]{22}&nyckel=[\w-]{40,}$/);
  const planName = (await a.page.getByRole('heading', { level: 1 }).textContent())!;
  const b = await join(browser, link, 'Bo', planName);
  const c = await join(browser, link, 'Cia', planName);
  const all = [a, b, c];
  for (const { page } of all) await expect(page.getByRole('button', { name: /, I rummet \(3\): / })).toBeVisible();
  // Its name begins with the words it shows, in their order (WCAG 2.5.3: speech users say what they see).
  const presence = a.page.getByRole('button', { name: /, I rummet \(3\): / });
  const shown = (await presence.locator('.room-state, .room-count').allTextContents()).map((t) => t.trim()).join(', ');
  expect(shown).toBe('Ansluten, I rummet (3)');
  expect(await presence.getAttribute('aria-label')).toMatch(/^Ansluten, I rummet \(3\): (Anna|Bo|Cia), (Anna|Bo|Cia), (Anna|Bo|Cia)\.$/);

  // Edits by each appear at the others.
  const fromA = (await act(a.page, 'addItem', 'Från Anna')) as string;
  const fromB = (await act(b.page, 'addItem', 'Från Bo')) as string;
  const fromC = (await act(c.page, 'addItem', 'Från Cia')) as string;
  for (const { page } of all) for (const id of [fromA, fromB, fromC]) await expect.poll(() => item(page, id).then((i) => i?.text ?? null)).not.toBeNull();

  // A and B move the same item at the same time, into different cells …
  const same = Object.keys(await lists(a.page)).includes('nara-invanaren|r2025') ? (await lists(a.page))['nara-invanaren|r2025']![0]! : fromA;
  await Promise.all([
    act(a.page, 'moveItem', same, { bladeId: 'ledarskap', ringId: 'r2026' }, 0),
    act(b.page, 'moveItem', same, { bladeId: 'halsoframjande', ringId: 'r2027' }, 1),
  ]);
  const agree = async () => {
    const [la, lb, lc] = await Promise.all(all.map(({ page }) => lists(page)));
    return JSON.stringify(la) === JSON.stringify(lb) && JSON.stringify(lb) === JSON.stringify(lc);
  };
  await expect.poll(agree, { timeout: 15_000 }).toBe(true);
  const once = async () => {
    const ids = Object.values(await lists(a.page)).flat();
    return { total: ids.length, distinct: new Set(ids).size, same: ids.filter((id) => id === same).length };
  };
  expect((await once()).same).toBe(1);
  expect((await once()).total).toBe((await once()).distinct);

  // … and within one cell.
  const cell = (await lists(a.page))['ledarskap|r2025']!;
  const moving = cell[1]!;
  await Promise.all([act(a.page, 'moveItem', moving, { bladeId: 'ledarskap', ringId: 'r2025' }, 0), act(b.page, 'moveItem', moving, { bladeId: 'ledarskap', ringId: 'r2025' }, 3)]);
  await expect.poll(agree, { timeout: 15_000 }).toBe(true);
  const after = await once();
  expect(after.total).toBe(after.distinct);
  expect((await lists(c.page))['ledarskap|r2025']!.filter((id) => id === moving)).toHaveLength(1);

  // A and B edit different fields of one item at once: both survive.
  await Promise.all([act(a.page, 'updateItem', fromC, { description: 'Beskrivning från Anna' }), act(b.page, 'updateItem', fromC, { status: 'godkand' })]);
  for (const { page } of all) await expect.poll(() => item(page, fromC).then((i) => [i?.description, i?.status])).toEqual(['Beskrivning från Anna', 'godkand']);

  // Undo in A takes back only A's change; B's stays.
  await act(a.page, 'updateItem', fromB, { text: 'Anna ändrade' });
  await act(b.page, 'updateItem', fromA, { text: 'Bo ändrade' });
  for (const { page } of all) await expect.poll(() => item(page, fromA).then((i) => i?.text)).toBe('Bo ändrade');
  await a.page.getByRole('button', { name: 'Ångra', exact: true }).click();
  for (const { page } of all) {
    await expect.poll(() => item(page, fromB).then((i) => i?.text)).toBe('Från Bo');
    await expect.poll(() => item(page, fromA).then((i) => i?.text)).toBe('Bo ändrade');
  }

  // Presence: an item someone edits is marked with their name at the others.
  const placed = (await lists(a.page))['ledarskap|r2025']![0]!;
  await b.page.evaluate((itemId) => (window as unknown as { __solfjadern: { ui: { setState: (s: object) => void } } }).__solfjadern.ui.setState({ dialog: { kind: 'item', itemId } }), placed);
  await expect(b.page.getByRole('dialog')).toBeVisible();
  await expect(a.page.locator('svg.fan .presence-tag', { hasText: 'Bo redigerar' })).toBeVisible();
  await expect(a.page.locator('.fan-item.is-busy')).toHaveAttribute('aria-description', /^Bo redigerar/);
  await b.page.keyboard.press('Escape');
  await expect(a.page.locator('.presence-tag')).toHaveCount(0);

  // Lämna rummet: the plan stays here as an ordinary plan.
  await c.page.getByRole('button', { name: /, I rummet \(/ }).click();
  await c.page.getByRole('button', { name: 'Lämna rummet' }).click();
  for (const { page } of [a, b]) await expect(page.getByRole('button', { name: /, I rummet \(2\): / })).toBeVisible();
  await c.page.reload();
  await expect(c.page.getByRole('heading', { level: 1 })).toHaveText(planName);
  await expect.poll(() => item(c.page, fromC).then((i) => i?.description)).toBe('Beskrivning från Anna');
  await expect(c.page.getByRole('button', { name: /, I rummet \(/ })).toHaveCount(0);
  for (const p of all) await p.context.close();
});

test('cut off from the relay: edits, moves and a reload while apart; back online everything merges; the relay restarted, nothing lost', async ({ browser }) => {
  test.setTimeout(120_000);
  // C reaches the relay only through the proxy (its page and its room on the proxy's address).
  const { proxy, a, b: c, planName } = await roomWithOneBehindProxy(browser, relay, 'Cia');
  try {
    await c.page.evaluate(() => navigator.serviceWorker.ready);
    await expect(c.page.getByRole('button', { name: /, I rummet \(2\)/ })).toBeVisible();

    proxy.cut();
    await expect(c.page.getByRole('button', { name: /Återansluter…|Arbetar lokalt/ })).toBeVisible({ timeout: 15_000 });
    const offline = (await act(c.page, 'addItem', 'Skrivet utan nät')) as string;
    const moved = (await lists(c.page))['ledarskap|r2025']![0]!;
    await act(c.page, 'moveItem', moved, null, 0);
    const fromA = (await act(a.page, 'addItem', 'Skrivet i rummet under tiden')) as string;
    // A reload while cut off: the app comes from the service worker, the plan from this device.
    await c.page.reload();
    await expect(c.page.getByRole('heading', { level: 1 })).toHaveText(planName);
    await expect.poll(() => item(c.page, offline).then((i) => i?.text)).toBe('Skrivet utan nät');
    await act(c.page, 'updateItem', offline, { description: 'Efter omladdningen' });

    proxy.mend();
    await expect.poll(() => item(a.page, offline).then((i) => i?.description), { timeout: 20_000 }).toBe('Efter omladdningen');
    await expect.poll(() => item(a.page, moved).then((i) => i?.cell)).toBeNull();
    await expect.poll(() => item(c.page, fromA).then((i) => i?.text), { timeout: 20_000 }).toBe('Skrivet i rummet under tiden');
    await expect.poll(async () => JSON.stringify(await lists(a.page)) === JSON.stringify(await lists(c.page))).toBe(true);

    // The relay goes down and comes back: clients reconnect, nothing lost.
    await relay.restart();
    const whileDown = (await act(a.page, 'addItem', 'Medan reläet startade om')) as string;
    await expect.poll(() => item(c.page, whileDown).then((i) => i?.text), { timeout: 20_000 }).toBe('Medan reläet startade om');
    await expect(a.page.getByRole('button', { name: /^Ansluten, I rummet \(2\)/ })).toBeVisible({ timeout: 20_000 });
    for (const p of [a, c]) await p.context.close();
  } finally {
    await proxy.close();
  }
});

test('a wrong or missing secret is refused with the message and shows nothing of the room; garbage written by a raw client is named and left out', async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await person(browser, `${relay.origin}/?automation`);
  const link = await startRoom(a.page, 'Anna');
  const secret = (await act(a.page, 'addItem', 'Hemligt inspel')) as string;

  const wrong = new URL(link);
  wrong.hash = wrong.hash.replace(/nyckel=[\w-]+/, `nyckel=${'x'.repeat(43)}`);
  const intruder = await person(browser, `${relay.origin}/?automation${wrong.hash}`);
  await intruder.page.getByLabel('Ditt namn').fill('Okänd');
  await intruder.page.getByRole('button', { name: 'Gå med' }).click();
  await expect(intruder.page.getByRole('alert').filter({ hasText: 'Fel eller saknad nyckel till rummet' }).first()).toBeVisible();
  expect(await item(intruder.page, secret)).toBeNull();
  await expect(intruder.page.getByText('Hemligt inspel')).toHaveCount(0);

  const none = new URL(link);
  none.hash = none.hash.replace(/&nyckel=[\w-]+/, '');
  const guest = await person(browser, `${relay.origin}/?automation${none.hash}`);
  await expect(guest.page.getByRole('alert').filter({ hasText: 'Fel eller saknad nyckel till rummet' }).first()).toBeVisible();
  await expect(guest.page.getByRole('button', { name: 'Gå med' })).toHaveCount(0);

  // A raw Yjs client with the right secret writes garbage into the shared plan.
  const invite = readInvite(new URL(link).hash)!;
  const raw = nodeClient(`ws://127.0.0.1:${relay.port}/rum`, invite);
  await raw.synced;
  await until(() => raw.ydoc.getMap('items').size > 0, 10_000, 'the plan at the raw client');
  const victim = [...itemMap(raw.ydoc).keys()].find((k) => k !== secret)!;
  raw.ydoc.transact(() => {
    const items = itemMap(raw.ydoc);
    items.set('skräp', 42);
    items.set('__proto__', new Y.Map());
    (items.get(victim) as Y.Map<unknown>).set('text', 'x'.repeat(10_000_000));
    (items.get(secret) as Y.Map<unknown>).set('place', { cell: { bladeId: 'finns-inte', ringId: 'r2025' }, pos: 'a0' });
    planMap(raw.ydoc).set('vision', { inte: 'text' });
  });
  await expect(a.page.getByRole('alert').filter({ hasText: /kunde inte läsas/ }).first()).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => item(a.page, victim).then((i) => i?.text.length)).toBe(300);
  await expect.poll(() => item(a.page, secret).then((i) => i?.cell ?? 'inspel')).toBe('inspel');
  await expect(a.page.locator('svg.fan')).toBeVisible();
  expect(Object.keys(await lists(a.page)).length).toBeGreaterThan(5);
  raw.link.destroy();
  for (const p of [a, intruder, guest]) await p.context.close();
});

test('Prioritera in a room: three people place dots at the same time on their own devices; every dot counts, live everywhere', async ({ browser }) => {
  test.setTimeout(90_000);
  const a = await person(browser, `${relay.origin}/?automation`);
  const link = await startRoom(a.page, 'Anna');
  const planName = (await a.page.getByRole('heading', { level: 1 }).textContent())!;
  const b = await join(browser, link, 'Bo', planName);
  const c = await join(browser, link, 'Cia', planName);
  const all = [a, b, c];
  const target = (await act(a.page, 'addItem', 'Rösta på mig')) as string;
  for (const [i, { page }] of all.entries()) {
    await expect.poll(() => item(page, target).then((x) => x?.text), { message: `person ${i}`, timeout: 15_000 }).toBe('Rösta på mig');
    await page.evaluate(() => (window as unknown as { __solfjadern: { ui: { setState: (s: object) => void } } }).__solfjadern.ui.setState({ sidePanel: 'voting' }));
    await expect(page.getByRole('status').filter({ hasText: /^Du röstar som/ })).toBeVisible();
  }
  const give = (page: (typeof all)[number]['page']) => page.getByRole('button', { name: 'Ge en prick: Rösta på mig' }).click();
  // All at once, twice each.
  await Promise.all(all.map(({ page }) => give(page)));
  await Promise.all(all.map(({ page }) => give(page)));
  for (const { page } of all) {
    await expect(page.getByRole('list', { name: 'Resultat: Inspel' })).toContainText('Rösta på mig – 6 prickar');
    for (const name of ['Anna', 'Bo', 'Cia']) await expect(page.getByRole('list', { name: 'Deltagare' })).toContainText(`${name}: 2 av 5 prickar satta`);
  }
  // Undo takes back only my own dot.
  await b.page.getByRole('button', { name: 'Ångra', exact: true }).click();
  for (const { page } of all) await expect(page.getByRole('list', { name: 'Resultat: Inspel' })).toContainText('Rösta på mig – 5 prickar');
  await expect(a.page.getByRole('list', { name: 'Deltagare' })).toContainText('Bo: 1 av 5 prickar satta');
  for (const p of all) await p.context.close();
});

test('a phone joins by the link: in the narrow layout it adds an inspel and votes, both live at the others; menus stay on the screen; the fan there is a picture to read and zoom', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await person(browser, `${relay.origin}/?automation`);
  const link = await startRoom(a.page, 'Anna');
  const planName = (await a.page.getByRole('heading', { level: 1 }).textContent())!;
  const width = 390;
  const phoneContext = await browser.newContext({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const phone = await phoneContext.newPage();
  await phone.goto(`${relay.origin}/?automation${new URL(link).hash}`);
  const joinDialog = phone.getByRole('dialog', { name: 'Gå med i rummet' });
  await expect(joinDialog).toBeVisible();
  const dialogBox = (await joinDialog.boundingBox())!;
  expect(dialogBox.x).toBeGreaterThanOrEqual(0);
  expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(width);
  await phone.getByLabel('Ditt namn').fill('Bo på mobilen');
  await phone.getByRole('button', { name: 'Gå med' }).tap();
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText(planName);
  // Joined: the dialog closes by itself.
  await expect(phone.getByRole('dialog')).toHaveCount(0);
  // The room's plan, in Tabell; this device's first-visit word about the example is gone.
  await expect(phone.getByRole('button', { name: 'Tabell', pressed: true })).toBeVisible();
  await expect(phone.getByText('Det här är ett exempel')).toHaveCount(0);

  // Quick capture: "Nytt inspel" on the phone, live in Anna's Inspel.
  await phone.getByRole('button', { name: /Visa inspel/ }).tap();
  await phone.getByRole('button', { name: 'Nytt inspel' }).tap();
  await phone.getByLabel('Text för nytt inspel').fill('Idé från mobilen');
  await phone.keyboard.press('Enter');
  await expect(a.page.getByRole('button', { name: /Visa inspel \(1\)/ })).toBeVisible();
  await a.page.getByRole('button', { name: /Visa inspel/ }).click();
  await expect(a.page.getByRole('list', { name: 'Inspel' }).getByText('Idé från mobilen')).toBeVisible();

  // Voting: the panels' menu opens within the screen; the phone votes as its person.
  await phone.getByRole('button', { name: /Paneler/ }).tap();
  const menu = (await phone.getByRole('menu').boundingBox())!;
  expect(menu.x).toBeGreaterThanOrEqual(0);
  expect(menu.x + menu.width).toBeLessThanOrEqual(width);
  await phone.getByRole('menuitemcheckbox', { name: 'Prioritera' }).tap();
  await expect(phone.getByText('Du röstar som')).toContainText('Bo på mobilen');
  await phone.getByRole('button', { name: 'Ge en prick: Idé från mobilen' }).tap();
  await a.page.getByRole('button', { name: 'Paneler' }).click();
  await a.page.getByRole('menuitemcheckbox', { name: 'Prioritera' }).click();
  await expect(a.page.getByRole('list', { name: 'Deltagare' })).toContainText('Bo på mobilen: 1 av 5 prickar satta');

  // The fan on a phone is to read: a fokusområde unfolds to show its items, but nothing in it
  // can be dragged or opened.
  await phone.getByRole('button', { name: 'Solfjäder' }).tap();
  await expect(phone.locator('svg.fan')).toBeVisible();
  // The whole fan as a picture: laid out as on a small tablet, shown within the screen.
  expect(Number(await phone.locator('svg.fan g.fan-zoom').getAttribute('data-layout-width'))).toBeGreaterThanOrEqual(800);
  // What is drawn: the sectors and the blades' bands (the screen readers' list of the items folded
  // behind "+N till" stands far outside the fan, in its group's box: src/fan/FoldedItems.tsx).
  const fanBox = await phone.evaluate(() => {
    const boxes = [...document.querySelectorAll('svg.fan path.cell, svg.fan path.blade-band')].map((e) => e.getBoundingClientRect());
    return { left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)), shapes: boxes.length };
  });
  expect(fanBox.shapes).toBeGreaterThan(0);
  expect(fanBox.left).toBeGreaterThanOrEqual(0);
  expect(fanBox.right).toBeLessThanOrEqual(width + 1);
  await phone.getByRole('button', { name: 'Nära invånaren: fäll ut' }).tap();
  await expect(phone.locator('svg.fan .fan-item')).not.toHaveCount(0);
  await expect(phone.locator('svg.fan .fan-item[role="button"]')).toHaveCount(0);
  await expect(a.page.locator('svg.fan .fan-item[role="button"]')).not.toHaveCount(0);
  await phoneContext.close();
  await a.context.close();
});

test('cut off, the room does not read as if everyone left: the others show as last seen, and it says changes are kept and shared when the connection returns', async ({ browser }) => {
  test.setTimeout(90_000);
  const { proxy, a, b } = await roomWithOneBehindProxy(browser, relay, 'Bo');
  try {
    await expect(b.page.getByRole('button', { name: /, I rummet \(2\)/ })).toBeVisible();
    proxy.cut();
    const presence = b.page.getByRole('button', { name: /^Arbetar lokalt, I rummet \(1\): Bo\. Dina ändringar sparas på den här datorn och delas med Anna när anslutningen är tillbaka\.$/ });
    await expect(presence).toBeVisible({ timeout: 20_000 });
    await presence.click();
    const dialog = b.page.getByRole('dialog');
    await expect(dialog.getByRole('status').filter({ hasText: 'Arbetar lokalt – Dina ändringar sparas på den här datorn och delas med Anna när anslutningen är tillbaka.' })).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Senast sedda' }).getByRole('listitem')).toHaveText([/^\s*Anna – senast sedd \d\d:\d\d$/]);
    proxy.mend();
    await expect(dialog.getByRole('heading', { name: 'I rummet (2)' })).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByRole('list', { name: 'Senast sedda' })).toHaveCount(0);
    for (const p of [a, b]) await p.context.close();
  } finally {
    await proxy.close();
  }
});

test('in a room the header has no sideways scroll and nothing off screen at 1024–1920, also while the connection is away', async ({ browser }) => {
  test.setTimeout(90_000);
  const { proxy, a, b } = await roomWithOneBehindProxy(browser, relay, 'Bo');
  try {
    const fits = async (page: Page, width: number) => {
      await page.setViewportSize({ width, height: 768 });
      const { overflow, outside } = await page.evaluate(() => {
        const right = document.documentElement.clientWidth;
        const outside = [...document.querySelectorAll<HTMLElement>('header button, header h1')].filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > right + 0.5).map((el) => el.textContent);
        return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, outside };
      });
      expect({ width, overflow, outside }).toEqual({ width, overflow: 0, outside: [] });
    };
    for (const width of [1024, 1280, 1366, 1600, 1920]) await fits(a.page, width);
    proxy.cut();
    await expect(b.page.getByRole('button', { name: /Arbetar lokalt/ })).toBeVisible({ timeout: 20_000 });
    for (const width of [1024, 1280, 1366, 1600, 1920]) await fits(b.page, width);
    for (const p of [a, b]) await p.context.close();
  } finally {
    await proxy.close();
  }
});
