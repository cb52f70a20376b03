import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

// The app's code is held back by routing its request: a service worker would answer it unseen.
test.use({ serviceWorkers: 'block' });

/** The window size of the kept screen stored for the plan opened last, straight from IndexedDB. */
function storedScreen(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve) => {
        const open = indexedDB.open('solfjadern');
        open.onerror = () => resolve(null);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['meta', 'planViews'], 'readonly');
          const last = tx.objectStore('meta').get('lastPlanId');
          last.onsuccess = () => {
            const view = tx.objectStore('planViews').get(String((last.result as { value?: unknown } | undefined)?.value));
            view.onsuccess = () => {
              const screen = (view.result as { screen?: { width: number; height: number } } | undefined)?.screen;
              resolve(screen ? `${screen.width}x${screen.height}` : null);
              db.close();
            };
          };
        };
      }),
  );
}

/** The share of pixels that differ between two screenshots of the same size (compared in a blank page). */
async function differingShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  const blank = await page.context().newPage();
  const share = await blank.evaluate(
    async ({ a, b }) => {
      const read = async (base64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [x, y] = [await read(a), await read(b)];
      let differ = 0;
      for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i]! - y[i]!) + Math.abs(x[i + 1]! - y[i + 1]!) + Math.abs(x[i + 2]! - y[i + 2]!) > 24) differ++;
      return differ / (x.length / 4);
    },
    { a: a.toString('base64'), b: b.toString('base64') },
  );
  await blank.close();
  return share;
}

/** The controls and headings a screen reader is given (the page's accessibility tree, shadow roots included). */
async function readable(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
  await cdp.detach();
  return nodes.filter((n) => !n.ignored && ['button', 'heading'].includes(n.role?.value ?? '')).map((n) => `${n.role!.value}: ${n.name?.value ?? ''}`);
}

const shown = (page: Page) => page.evaluate(() => performance.getEntriesByName('solfjadern:screen-shown').length);

test('a start shows the plan as its screen was kept before the app runs: the same picture, out of reach, until the live fan replaces it', async ({ page }) => {
  await openApp(page);
  // The first visit's example says so in a line of its own; the next start shows the plan as it is.
  await page.reload();
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  await expect.poll(() => storedScreen(page)).toBe('1920x1080');

  // The next start, with the app's code held back.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.reload({ waitUntil: 'commit' });
  await expect.poll(() => shown(page)).toBe(1);
  const screen = page.locator('#kept-screen');
  await expect(screen).toHaveAttribute('aria-hidden', 'true');
  await expect(screen).toHaveAttribute('inert', '');
  // Nothing of it can be reached: no control or heading for a screen reader, no focus; no app drawn yet.
  expect(await readable(page)).toEqual([]);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement === document.body || document.activeElement === null)).toBe(true);
  expect(await page.evaluate(() => document.getElementById('root')!.childElementCount)).toBe(0);
  const kept = await page.screenshot();

  release();
  await expect(screen).toHaveCount(0);
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nytt inspel' })).toBeVisible();
  const live = await page.screenshot();
  expect(await readable(page)).toContain('button: Nytt inspel');
  // The same picture (a save status's words may differ), and far from a page without the plan.
  const share = await differingShare(page, kept, live);
  expect(share).toBeLessThan(0.01);
  await page.unroute(/\/assets\/index-[^/]+\.js$/);
});

test('a window of another size starts without the kept screen', async ({ page, context }) => {
  await openApp(page);
  await page.reload();
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  await expect.poll(() => storedScreen(page)).toBe('1920x1080');

  const laptop = await context.newPage();
  await laptop.setViewportSize({ width: 1366, height: 768 });
  await laptop.goto('/');
  await expect(laptop.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  expect(await shown(laptop)).toBe(0);
  await laptop.close();

});
