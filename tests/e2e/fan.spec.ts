import { expect, test } from '@playwright/test';
import { DEFAULT_BLADES, DEFAULT_RINGS, EXAMPLE_ITEMS } from '../../src/domain/example';
import { addInspel, cellList, center, dragTo, inspel, itemPoint, liftWithKeyboard, listTexts, openApp, tabTo, waitSaved } from './helpers';

test('the built-in plan shows its 4 blades, 3 rings and every item text', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KL HoS handlingsplan 2025–2027 (utkast)');
  for (const blade of DEFAULT_BLADES) {
    await expect(page.getByRole('button', { name: new RegExp(`^${blade.name}: fäll ut$`) })).toBeVisible();
    for (const ring of DEFAULT_RINGS) {
      const expected = EXAMPLE_ITEMS[blade.id]![ring.id]!.map((i) => i.text);
      expect(await listTexts(cellList(page, blade.name, ring.label))).toEqual(expected);
    }
  }
  // Every item is drawn in full: nothing is folded away behind "+N till".
  await expect(page.getByText(/^\+\d+ till$/)).toHaveCount(0);
  await expect(page.locator('svg.fan').getByText('En god och nära vård', { exact: false })).toHaveCount(0);
  await expect(page.locator('.hub text')).not.toHaveCount(0);
});

test('unfolding a blade widens it and folds the others', async ({ page }) => {
  await openApp(page);
  const blade = page.getByRole('button', { name: 'Nära invånaren: fäll ut' });
  const cell = page.locator('[data-cell="nara-invanaren|r2027"] path.cell');
  const before = (await cell.boundingBox())!;
  await blade.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Nära invånaren: fäll ihop' })).toHaveAttribute('aria-expanded', 'true');
  const after = (await cell.boundingBox())!;
  expect(after.width * after.height).toBeGreaterThan(before.width * before.height * 1.5);
});

test('drag a new item from Inspel into a cell, reorder it, undo, redo, reload', async ({ page }) => {
  await openApp(page);
  const text = 'Gemensam triage för nära vård';
  await addInspel(page, text);
  const target = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026');
  const item = page.getByRole('button', { name: new RegExp(text) });

  // 1. Into the cell, below its two items: it lands third.
  const items = target.getByRole('button');
  const first = await itemPoint(items.nth(0));
  const last = await itemPoint(items.nth(1));
  const len = Math.hypot(last.x - first.x, last.y - first.y);
  const below = { x: last.x + ((last.x - first.x) / len) * 45, y: last.y + ((last.y - first.y) / len) * 45 };
  await dragTo(page, await center(item), below);
  await expect(inspel(page).getByRole('button')).toHaveCount(0);
  await expect.poll(() => listTexts(target)).toEqual([
    'Fler patientgrupper omhändertas i nära vården',
    'Xx % av resurserna är omställda till nära vård',
    text,
  ]);

  // 2. A further drag places it second: between the first two.
  const a = await itemPoint(target.getByRole('button').nth(0));
  const b = await itemPoint(target.getByRole('button').nth(1));
  await dragTo(page, await itemPoint(target.getByRole('button', { name: new RegExp(text) })), {
    x: (a.x + b.x) / 2,
    y: (a.y + b.y) / 2,
  });
  const placed = ['Fler patientgrupper omhändertas i nära vården', text, 'Xx % av resurserna är omställda till nära vård'];
  await expect.poll(() => listTexts(target)).toEqual(placed);
  await expect(target.getByRole('button', { name: `2. ${text}` })).toBeVisible();

  // Undo takes the reorder back, redo does it again.
  await page.locator('body').click({ position: { x: 5, y: 1070 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => listTexts(target)).toEqual([placed[0], placed[2], text]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => listTexts(target)).toEqual(placed);

  await waitSaved(page);
  await page.reload();
  await expect(page.locator('svg.fan')).toBeVisible();
  await expect.poll(() => listTexts(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026'))).toEqual(placed);
});

test('the same move with the keyboard alone, announced in Swedish; Escape changes nothing', async ({ page }) => {
  await openApp(page);
  const text = 'Samordnad vårdplanering med kommunerna';
  const target = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026');
  const before = await listTexts(target);

  // Keyboard only: Tab to "Nytt inspel", type, Enter adds, Escape closes the form.
  const add = page.getByRole('button', { name: 'Nytt inspel' });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Text för nytt inspel')).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(add).toBeFocused();
  const item = inspel(page).getByRole('button', { name: new RegExp(text) });
  await tabTo(page, item);
  await liftWithKeyboard(page);
  const live = page.locator('[id^="DndLiveRegion"]');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await expect(live).toContainText('Nära invånaren, Viktiga milstolpar 2025');
  await page.keyboard.press('PageUp');
  await expect(live).toContainText('Nära invånaren, Viktiga milstolpar 2026, plats 1 av 3');
  await page.keyboard.press('ArrowDown');
  await expect(live).toContainText('Nära invånaren, Viktiga milstolpar 2026, plats 2 av 3');
  await page.keyboard.press('Space');
  await expect(live).toContainText('släpptes i Nära invånaren, Viktiga milstolpar 2026, plats 2 av 3');
  await expect.poll(() => listTexts(target)).toEqual([before[0], text, before[1]]);
  // Focus follows the item to its new place.
  await expect(target.getByRole('button', { name: `2. ${text}` })).toBeFocused();

  // Pick it up again, wander, cancel: nothing changes.
  await liftWithKeyboard(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('Escape');
  await expect(live).toContainText('Flytten avbröts');
  await expect.poll(() => listTexts(target)).toEqual([before[0], text, before[1]]);
  await expect(page.getByRole('button', { name: 'Gör om' })).toBeDisabled();

  await waitSaved(page);
  await page.reload();
  await expect.poll(() => listTexts(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026'))).toEqual([before[0], text, before[1]]);
});

test('focus is drawn along the item itself, never as a box across its neighbours', async ({ page }) => {
  await openApp(page);
  const list = cellList(page, 'En sammanhållen hälso- och sjukvård', 'Viktiga milstolpar 2025');
  const item = list.getByRole('button').nth(2);
  const before = await listTexts(list);
  // A drag that ends where it began: the item keeps focus.
  const from = await itemPoint(item);
  await dragTo(page, from, from);
  await expect(item).toBeFocused();
  expect(await listTexts(list)).toEqual(before);
  const look = () =>
    item.evaluate((el) => {
      const hit = el.querySelector('.item-hit')!;
      return { outline: getComputedStyle(el).outlineStyle, stroke: getComputedStyle(hit).stroke, width: getComputedStyle(hit).strokeWidth };
    });
  await expect.poll(look).toEqual({ outline: 'none', stroke: 'rgb(26, 26, 26)', width: '1.5px' });
  // From the keyboard: a stronger line along the same shape.
  await page.keyboard.press('Shift');
  await expect.poll(look).toEqual({ outline: 'none', stroke: 'rgb(26, 26, 26)', width: '3px' });
});

test('a drop into a cell it overfills shows at once in the fan as it stands; the fan then finds room for it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/?automation');
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  // An item from another blade moved to the front of Nära invånaren's first ring, as a drop does.
  const first = await page.evaluate(async () => {
    const hook = (window as unknown as { __solfjadern: { editor: { getState: () => { doc: { plan: { blades: Array<{ id: string }>; rings: Array<{ id: string }> }; items: Record<string, { id: string; cell: { bladeId: string } | null }> } } }; actions: { moveItem: (id: string, to: object, index: number) => void } } }).__solfjadern;
    const { plan, items } = hook.editor.getState().doc;
    const target = { bladeId: plan.blades[0]!.id, ringId: plan.rings[0]!.id };
    const item = Object.values(items).find((i) => i.cell && i.cell.bladeId !== target.bladeId)!;
    performance.clearMeasures('solfjadern:layout');
    hook.actions.moveItem(item.id, target, 0);
    // What the next task sees: the change drawn in the geometry as it was (one layout), the moved item in full.
    await new Promise((r) => setTimeout(r, 0));
    const cell = document.querySelector(`[data-cell="${target.bladeId}|${target.ringId}"]`)!;
    return { id: item.id, layouts: performance.getEntriesByName('solfjadern:layout').length, drawn: !!cell.querySelector(`[data-item="${item.id}"]`), more: !!cell.querySelector('.more') };
  });
  expect(first).toMatchObject({ layouts: 1, drawn: true, more: true });
  // Then the search for a geometry that holds it: a second layout, and nothing folded away.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('solfjadern:layout').length)).toBeGreaterThanOrEqual(2);
  await expect(page.locator('[data-cell="nara-invanaren|r2025"] .more')).toHaveCount(0);
  await expect(page.locator(`[data-cell="nara-invanaren|r2025"] [data-item="${first.id}"]`)).toBeVisible();
});

/** The sizes of the fan (width, height) kept in IndexedDB for the next start, most recent first. */
const keptSizes = (): Promise<number[][]> =>
  new Promise((resolve, reject) => {
    const open = indexedDB.open('solfjadern');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const all = open.result.transaction('meta').objectStore('meta').getAll();
      all.onsuccess = () => {
        const rows = all.result as Array<{ key: string; value: string }>;
        const kept = rows.filter((r) => r.key.startsWith('fan:')).flatMap((r) => (JSON.parse(r.value) as { geometries: Array<{ key: string }> }).geometries);
        open.result.close();
        resolve(kept.map((g) => (JSON.parse(g.key) as number[]).slice(0, 2)));
      };
    };
  });

test('a plan opens drawn at the size it had last; on another screen it is drawn for that one', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // Every width the fan is given, from the first time it is in the page.
  await context.addInitScript(() => {
    const widths: string[] = [];
    (window as unknown as { fanWidths: string[] }).fanWidths = widths;
    new MutationObserver(() => {
      const width = document.querySelector('svg.fan')?.getAttribute('width');
      if (width && widths.at(-1) !== width) widths.push(width);
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['width'] });
  });
  const laptop = await context.newPage();
  await openApp(laptop);
  const wide = (await laptop.locator('svg.fan').getAttribute('width'))!;
  await expect.poll(() => laptop.evaluate(keptSizes)).toContainEqual([Number(wide), expect.any(Number)]);
  await laptop.close();

  // The same screen: the fan is in the page at its size from the start, and never measured anew.
  const again = await context.newPage();
  await openApp(again);
  expect(await again.evaluate(() => (window as unknown as { fanWidths: string[] }).fanWidths)).toEqual([wide]);
  await again.close();

  // A smaller screen: the kept size is corrected before anything else (the fan fits this one).
  const tablet = await context.newPage();
  await tablet.setViewportSize({ width: 1024, height: 768 });
  await openApp(tablet);
  const fitted = await tablet.locator('.fan-wrap').evaluate((el) => String(Math.floor(el.getBoundingClientRect().width)));
  expect(fitted).not.toBe(wide);
  expect(await tablet.evaluate(() => (window as unknown as { fanWidths: string[] }).fanWidths)).toEqual([wide, fitted]);
  await expect(tablet.locator('svg.fan')).toHaveAttribute('width', fitted);
  await context.close();
});
