// Issue 26: merging a plan's stored pieces is the whole document's work (600 ms for a plan a
// peer flooded): the page has it done by its storage worker, and the plan reopens whole after.
import { expect, test, type Page } from '@playwright/test';

type Hook = {
  __solfjadern: {
    actions: { updateItem: (id: string, patch: { text: string }) => void };
    editor: { getState: () => { doc: { plan: { id: string }; items: Record<string, { text: string }> } } };
    flush: () => Promise<void>;
  };
};

/** How many pieces the plan's document is stored in, read with IndexedDB's own API. */
const pieces = (page: Page, planId: string) =>
  page.evaluate(
    (planId) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('solfjadern');
        open.onsuccess = () => {
          const count = open.result.transaction('planUpdates', 'readonly').objectStore('planUpdates').index('planId').count(planId);
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
    planId,
  );

test('seventy edits, each stored as a piece: the storage worker merges them, and the plan reopens with every edit', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  const planId = await page.evaluate(() => (window as unknown as Hook).__solfjadern.editor.getState().doc.plan.id);
  // Each edit written before the next is made: a piece each, past the 64 that ask for a merge.
  const most = await page.evaluate(async (planId) => {
    const app = (window as unknown as Hook).__solfjadern;
    const ids = Object.keys(app.editor.getState().doc.items);
    const count = () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('solfjadern');
        open.onsuccess = () => {
          const c = open.result.transaction('planUpdates', 'readonly').objectStore('planUpdates').index('planId').count(planId);
          c.onsuccess = () => (open.result.close(), resolve(c.result));
        };
      });
    let most = 0;
    for (let i = 0; i < 70; i++) {
      app.actions.updateItem(ids[i % ids.length]!, { text: `Ändring ${i}` });
      await app.flush();
      most = Math.max(most, await count());
    }
    return most;
  }, planId);
  expect(most).toBeGreaterThan(60);
  await expect.poll(() => pieces(page, planId), { timeout: 15_000 }).toBeLessThan(10);
  expect(workers.filter((url) => /compactWorker/.test(url))).toHaveLength(1);
  const texts = () => page.evaluate(() => Object.values((window as unknown as Hook).__solfjadern.editor.getState().doc.items).map((i) => i.text));
  const before = await texts();
  expect(before).toContain('Ändring 69');
  await page.reload();
  await expect(page.locator('svg.fan')).toBeVisible();
  await expect.poll(async () => (await texts()).sort()).toEqual(before.sort());
});
