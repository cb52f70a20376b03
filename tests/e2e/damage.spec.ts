// Issue 22, item 4: a stored piece of the plan's document damaged on disk (three bytes flipped,
// through page.evaluate) never hangs the start or opens a new example silently: the damaged
// piece is left out and named, the plan opens whole from its kept view when that holds it, and
// Planer and Exportera stay within reach.
import { expect, test, type Page } from '@playwright/test';
import { EXAMPLE_ITEM_COUNT, EXAMPLE_PLAN_NAME } from '../../src/domain/example';

type Hook = { __solfjadern: { actions: Record<string, (...a: unknown[]) => unknown>; editor: { getState: () => { doc: { plan: { id: string; name: string }; items: Record<string, { text: string }> } } } } };

const state = (page: Page) =>
  page.evaluate(() => {
    const { doc } = (window as unknown as Hook).__solfjadern.editor.getState();
    return { id: doc.plan.id, name: doc.plan.name, items: Object.keys(doc.items).length, texts: Object.values(doc.items).map((i) => i.text) };
  });

/** The plan's stored pieces (seq order) and its kept view's seq, read with IndexedDB's own API. */
function stored(page: Page, planId: string): Promise<{ seqs: number[]; viewSeq: number | null }> {
  return page.evaluate(
    (planId) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('solfjadern');
        open.onsuccess = () => {
          const tx = open.result.transaction(['planUpdates', 'planViews'], 'readonly');
          const pieces = tx.objectStore('planUpdates').index('planId').getAll(planId);
          const view = tx.objectStore('planViews').get(planId);
          tx.oncomplete = () => {
            open.result.close();
            resolve({ seqs: (pieces.result as Array<{ seq: number }>).map((r) => r.seq).sort((a, b) => a - b), viewSeq: (view.result as { seq?: number } | undefined)?.seq ?? null });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    planId,
  );
}

/** Flip three bytes of the plan's first or last stored piece; optionally drop its kept view. */
function damage(page: Page, planId: string, which: 'first' | 'last', dropView: boolean): Promise<void> {
  return page.evaluate(
    ({ planId, which, dropView }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('solfjadern');
        open.onsuccess = () => {
          const tx = open.result.transaction(['planUpdates', 'planViews'], 'readwrite');
          const store = tx.objectStore('planUpdates');
          const all = store.index('planId').getAll(planId);
          all.onsuccess = () => {
            const rows = (all.result as Array<{ seq: number; update: Uint8Array }>).sort((a, b) => a.seq - b.seq);
            const row = which === 'first' ? rows[0]! : rows.at(-1)!;
            const bytes = new Uint8Array(row.update);
            for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 2]) bytes[at]! ^= 0x24;
            store.put({ ...row, update: bytes });
          };
          if (dropView) tx.objectStore('planViews').delete(planId);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { planId, which, dropView },
  );
}

/** An edit of the example plan, stored, with the plan's view kept of exactly what is stored. */
async function editedAndKept(page: Page): Promise<{ id: string; edit: string }> {
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  const edit = 'Tillagd före skadan';
  await page.evaluate((text) => (window as unknown as Hook).__solfjadern.actions.addItem!(text), edit);
  await expect(page.getByText(/^Sparad \d/)).toBeVisible();
  const { id } = await state(page);
  await expect.poll(async () => {
    const s = await stored(page, id);
    return s.seqs.length >= 2 && s.viewSeq === s.seqs.at(-1);
  }, { timeout: 15_000 }).toBe(true);
  return { id, edit };
}

/** The app started: the fan, frames drawn (the longest gap measured), and Planer and Exportera within reach. */
async function started(page: Page): Promise<void> {
  await expect(page.locator('svg.fan')).toBeVisible();
  const longest = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let last = performance.now();
        let longest = 0;
        let frames = 0;
        const tick = (t: number) => {
          longest = Math.max(longest, t - last);
          last = t;
          if (++frames < 30) requestAnimationFrame(tick);
          else resolve(longest);
        };
        requestAnimationFrame(tick);
      }),
  );
  expect(longest).toBeLessThan(2000);
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Planer', exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Exportera' })).toBeEnabled();
}

test('the first piece damaged, with the kept view: the app starts, the plan opens whole, the damage is named — and the next start is clean', async ({ page }) => {
  const { id, edit } = await editedAndKept(page);
  await damage(page, id, 'first', false);
  await page.reload();
  await started(page);
  await expect(page.getByRole('alert').filter({ hasText: /En sparad del av planen var skadad .*inget gick förlorat/ })).toBeVisible();
  const after = await state(page);
  expect(after).toMatchObject({ id, items: EXAMPLE_ITEM_COUNT + 1 });
  expect(after.texts).toContain(edit);
  await page.reload();
  await started(page);
  expect(await state(page)).toMatchObject({ id, items: EXAMPLE_ITEM_COUNT + 1 });
  await expect(page.getByText(/var skadad/)).toHaveCount(0);
});

test('the first piece damaged, no view: the same plan opens (never a new example), its loss named, the way to versions and files within reach', async ({ page }) => {
  const { id } = await editedAndKept(page);
  await damage(page, id, 'first', true);
  await page.reload();
  await started(page);
  await expect(page.getByRole('alert').filter({ hasText: /var skadad.*planens aktiviteter kunde inte läsas/ })).toBeVisible();
  expect(await state(page)).toMatchObject({ id, name: EXAMPLE_PLAN_NAME });
  await expect(page.getByText('Det här är ett exempel')).toHaveCount(0);
});

test('the last piece damaged, no view: the plan before that edit opens and the lost edit is named', async ({ page }) => {
  const { id, edit } = await editedAndKept(page);
  await damage(page, id, 'last', true);
  await page.reload();
  await started(page);
  await expect(page.getByRole('alert').filter({ hasText: /En sparad del av planen var skadad och lämnades utanför\. Det som ändrades i (den|dem) saknas\./ })).toBeVisible();
  const after = await state(page);
  expect(after).toMatchObject({ id, items: EXAMPLE_ITEM_COUNT });
  expect(after.texts).not.toContain(edit);
});
