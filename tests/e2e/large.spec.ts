import { expect, test } from '@playwright/test';
import { seedPlan } from '../../bench/seed.mjs';
import { EXAMPLE_PLAN_NAME } from '../../src/domain/example';
import { cellList, center, dragTo, inspel, itemPoint, listTexts, waitSaved } from './helpers';

test('a plan of 5,000 items loads, drags and saves', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  // seedPlan resolves once the plan is stored (one transaction) and on screen.
  await page.evaluate(seedPlan, 5000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benchmark 5000');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Benchmark 5000');
  // Full cells show their first items and "+N till".
  await expect(page.getByRole('button', { name: /^\+\d+ till/ }).first()).toBeVisible();
  const cell = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025');
  const firstInCell = (await listTexts(cell))[0];
  const card = inspel(page).getByRole('button').first();
  const moving = (await listTexts(inspel(page)))[0]!;
  await dragTo(page, await center(card), await itemPoint(cell.getByRole('button').first()));
  await expect.poll(async () => (await listTexts(cell)).slice(0, 2)).toEqual(
    expect.arrayContaining([moving, firstInCell]),
  );
  await waitSaved(page);
  await page.reload();
  await expect.poll(async () => (await listTexts(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025'))).slice(0, 2)).toContain(moving);
});

test.describe(() => {
  // The held-back script must come from the network: an installed service worker would serve it
  // from its cache, past the route (whether it is installed by then depends on timing).
  test.use({ serviceWorkers: 'block' });

  test('the plan is read from IndexedDB while the app’s code still downloads', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('svg.fan')).toBeVisible();
    // Hold back the app's own script: the early read (its own small entry) starts regardless.
    const app = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]:not([async])')!.src);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(app, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload({ waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('solfjadern:read-start').length)).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByName('solfjadern:boot').length)).toBe(0);
    release();
    await expect(page.locator('svg.fan')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(EXAMPLE_PLAN_NAME);
  });
});
