// The fan takes the screen (issue 12): one toolbar row from 1280 px, Inspel hidden when empty
// on narrower screens ("Dölj inspel" / "Visa inspel"), and zoom — Ctrl+scroll, pinch, + / − /
// 0 — with semantic zoom, panning, and drag and drop by mouse, touch and keyboard at 2×.
import { expect, test, type Page } from '@playwright/test';
import { cellList, dragTo, inspel, itemPoint, liftWithKeyboard, listTexts } from './helpers';

async function open(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.goto('/');
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
}

const zoomOf = (page: Page) => page.locator('svg.fan').getAttribute('data-zoom').then(Number);

/** On-screen size of an item's text and the area of its cell's sector (nothing moves under a test: reduced motion). */
async function sizes(page: Page, cell: string) {
  return page.evaluate((key) => {
    const group = document.querySelector(`[data-cell="${key}"]`)!;
    const text = group.querySelector<SVGTextElement>('.fan-item text')!;
    const ctm = text.getScreenCTM()!;
    const box = group.querySelector('path.cell')!.getBoundingClientRect();
    return { font: parseFloat(getComputedStyle(text).fontSize) * Math.hypot(ctm.a, ctm.b), area: box.width * box.height };
  }, cell);
}

test('one toolbar row from 1280 px; an empty Inspel starts hidden, Dölj/Visa inspel keep focus, and a drop on "Visa inspel" goes to Inspel', async ({ page }) => {
  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const header = (await page.locator('.app-header').boundingBox())!;
    expect(header.height, `${width} px: the toolbar keeps to one row`).toBeLessThan(64);
    for (const button of await page.locator('.app-header button:visible').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    // On a full-HD screen the plan's name is not cut either.
    if (width === 1920) expect(await page.locator('h1.plan-name').evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
  }

  // Below 1600 px an empty Inspel starts hidden; the fan gets the width.
  await open(page, 1366, 768);
  await expect(inspel(page)).toHaveCount(0);
  const show = page.getByRole('button', { name: /^Visa inspel/ });
  await expect(show).toHaveText(/Visa inspel \(0\)/);
  const fanWidth = (await page.locator('svg.fan').boundingBox())!.width;
  expect(fanWidth).toBeGreaterThan(1300);
  await show.click();
  await expect(inspel(page)).toBeAttached();
  await expect(page.getByRole('button', { name: 'Dölj inspel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspel(page)).toHaveCount(0);
  await expect(show).toBeFocused();

  // Drag an item from the fan onto "Visa inspel": it goes to Inspel.
  const source = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025');
  const box = (await show.boundingBox())!;
  await dragTo(page, await itemPoint(source.getByRole('button', { name: /Plan för resursomfördelning/ })), { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  await expect(show).toHaveText(/Visa inspel \(1\)/);
  await expect.poll(() => listTexts(source)).toHaveLength(2);

  // The side panels and the plan's tools are menus here, by keyboard too.
  const panels = page.getByRole('button', { name: 'Paneler' });
  await panels.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitemcheckbox', { name: 'Måluppfyllnad' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Måluppfyllnad' })).toBeVisible();
  await expect(panels).toBeFocused();
  await panels.click();
  await expect(page.getByRole('menuitemcheckbox', { name: 'Måluppfyllnad' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Planer' }).click();
  await expect(page.getByRole('dialog', { name: 'Planer' })).toBeVisible();

  // At 1920 px Inspel starts open.
  await open(page, 1920, 1080);
  await expect(inspel(page)).toBeAttached();
});

test('zoom: Ctrl+scroll and + / − / 0 zoom semantically (cells grow, text keeps its size, folded items unfold), a zoomed fan pans', async ({ page }) => {
  await open(page, 1024, 768);
  const cell = 'ledarskap|r2025';
  const before = await sizes(page, cell);
  const folded = await page.locator('.more').count();
  expect(folded).toBeGreaterThan(0);

  // Ctrl+scroll over the fan: 2×.
  const fan = (await page.locator('svg.fan').boundingBox())!;
  await page.mouse.move(fan.x + fan.width / 2, fan.y + fan.height * 0.8);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -50);
  await page.keyboard.up('Control');
  await expect.poll(() => zoomOf(page)).toBeCloseTo(2, 1);
  await expect(page.getByRole('status').filter({ hasText: /Zoom 200 %/ })).toBeVisible();
  const after = await sizes(page, cell);
  expect(after.area).toBeGreaterThan(before.area * 2);
  expect(after.font).toBeGreaterThanOrEqual(before.font);
  expect(after.font).toBeLessThan(before.font * 1.6);
  // With the room, items folded behind "+N till" unfold.
  expect(await page.locator('.more').count()).toBeLessThan(folded);

  // A drag on the background pans.
  const anchor = page.locator(`[data-cell="${cell}"] path.cell`);
  const at = (await anchor.boundingBox())!;
  const hub = (await page.locator('.hub path').boundingBox())!;
  await page.mouse.move(hub.x + hub.width / 2, hub.y + 4);
  await page.mouse.down();
  await page.mouse.move(hub.x + hub.width / 2 - 120, hub.y - 60, { steps: 6 });
  await page.mouse.up();
  const moved = (await anchor.boundingBox())!;
  expect(Math.abs(moved.x - at.x) + Math.abs(moved.y - at.y)).toBeGreaterThan(60);

  // Keyboard: − zooms out, + in, 0 shows the whole fan again.
  await page.locator('body').press('-');
  await expect.poll(() => zoomOf(page)).toBeLessThan(2);
  await page.locator('body').press('+');
  await expect.poll(() => zoomOf(page)).toBeCloseTo(2, 1);
  await page.getByRole('button', { name: 'Visa hela' }).click();
  await expect.poll(() => zoomOf(page)).toBe(1);
  await expect(page.getByRole('button', { name: 'Visa hela' })).toHaveCount(0);
});

test('at 2× zoom: drag and drop by mouse and by keyboard', async ({ page }) => {
  await open(page, 1366, 768);
  await page.locator('body').press('+');
  await page.locator('body').press('+');
  await expect.poll(() => zoomOf(page)).toBeCloseTo(2.25, 1);

  // Mouse: an item of Ledarskap 2026 dropped below the first item of the same cell.
  const list = cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026');
  const before = await listTexts(list);
  const items = list.getByRole('button');
  await items.last().scrollIntoViewIfNeeded();
  await items.last().focus();
  const from = await itemPoint(items.last());
  const first = await itemPoint(items.first());
  const second = await itemPoint(items.nth(1));
  await dragTo(page, from, { x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 }, async () => {
    // Where it would land is drawn on a layer over the fan, at the fan's zoom: the cell outlined.
    const outline = page.locator('svg.fan-overlay .drop-indicator path').first();
    await expect(outline).toBeVisible();
    const drawn = (await outline.boundingBox())!;
    const sector = (await page.locator('[data-cell="ledarskap|r2026"] path.cell').boundingBox())!;
    // The same sector (the outline's box is a little larger by its stroke).
    expect(Math.abs(drawn.x + drawn.width / 2 - (sector.x + sector.width / 2))).toBeLessThan(2);
    expect(Math.abs(drawn.y + drawn.height / 2 - (sector.y + sector.height / 2))).toBeLessThan(2);
    expect(Math.abs(drawn.width - sector.width) + Math.abs(drawn.height - sector.height)).toBeLessThan(12);
  });
  await expect(page.locator('.drop-indicator')).toHaveCount(0);
  await expect.poll(() => listTexts(list)).toEqual([before[0], before.at(-1), ...before.slice(1, -1)]);

  // Keyboard: lift it, one place down, drop.
  const item = list.getByRole('button', { name: new RegExp(`^2\\. ${before.at(-1)!.slice(0, 20)}`) });
  await item.focus();
  await liftWithKeyboard(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect.poll(() => listTexts(list)).toEqual([before[0], before[1], before.at(-1), ...before.slice(2, -1)]);
  await expect(list.getByRole('button', { name: new RegExp(`^3\\. ${before.at(-1)!.slice(0, 20)}`) })).toBeFocused();
});

test.describe('touch', () => {
  test.use({ hasTouch: true });
  test('a pinch zooms in; then a finger drags an item to a new place', async ({ page }) => {
    await open(page, 1366, 768);
    const cdp = await page.context().newCDPSession(page);
    const fan = (await page.locator('svg.fan').boundingBox())!;
    const cx = fan.x + fan.width / 2;
    const cy = fan.y + fan.height * 0.75;
    const touches = (type: 'touchStart' | 'touchMove' | 'touchEnd', d: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
      });
    await touches('touchStart', 60);
    for (let d = 60; d <= 120; d += 6) await touches('touchMove', d);
    await touches('touchEnd', 120);
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(1.6);

    // A finger drag at this zoom: the last item of Ledarskap 2026 up between the first two.
    const list = cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026');
    const before = await listTexts(list);
    const items = list.getByRole('button');
    await items.last().focus();
    const from = await itemPoint(items.last());
    const first = await itemPoint(items.first());
    const second = await itemPoint(items.nth(1));
    const to = { x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 };
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await touch('touchStart', from.x, from.y);
    for (let i = 1; i <= 20; i++) await touch('touchMove', from.x + ((to.x - from.x) * i) / 20, from.y + ((to.y - from.y) * i) / 20);
    await touch('touchEnd', to.x, to.y);
    await expect.poll(() => listTexts(list)).toEqual([before[0], before.at(-1), ...before.slice(1, -1)]);
  });
});

test('in Tabell, the first start\'s line and "Visa inspel" sit above the table, never over it', async ({ page }) => {
  await open(page, 1366, 768);
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell', exact: true }).click();
  const table = (await page.getByRole('table').first().boundingBox())!;
  for (const over of [page.getByRole('complementary', { name: 'Om exemplet' }), page.getByRole('button', { name: /^Visa inspel/ })]) {
    await expect(over).toBeVisible();
    const box = (await over.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(table.y);
  }
});
