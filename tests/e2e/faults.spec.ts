import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addInspel, cellList, clickItem, exportVia, inspel, listTexts, openApp, waitSaved } from './helpers';

type Hook = { actions: { addItem: (t: string) => string | null } };

test('reload in the middle of a burst of 50 quick edits keeps every edit whose action returned', async ({ page }) => {
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  const returned = await page.evaluate(() => {
    const hook = (window as unknown as { __solfjadern: Hook }).__solfjadern;
    const done: string[] = [];
    for (let i = 0; i < 50; i++) if (hook.actions.addItem(`Snabbt inspel ${i + 1}`)) done.push(`Snabbt inspel ${i + 1}`);
    // Reload at once: no IndexedDB write of this burst has had a chance to finish.
    location.reload();
    return done;
  });
  expect(returned).toHaveLength(50);
  await expect(page.locator('svg.fan')).toBeVisible();
  await expect.poll(() => listTexts(inspel(page))).toEqual(returned);
});

test('a burst typed by a scribe survives an immediate reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Nytt inspel' }).click();
  const field = page.getByLabel('Text för nytt inspel');
  const texts = Array.from({ length: 50 }, (_, i) => `Förslag ${i + 1}`);
  for (const t of texts) {
    await field.fill(t);
    await field.press('Enter');
  }
  await page.reload();
  await expect.poll(() => listTexts(inspel(page))).toEqual(texts);
});

async function editText(page: Page, from: string, to: string) {
  await clickItem(page, page.getByRole('button', { name: new RegExp(from) }).first());
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByLabel('Text').fill(to);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
}

test('two tabs: edits show up in the other tab; different items both survive; the later edit of one item wins, and the user is told', async ({ context }) => {
  const a = await context.newPage();
  await openApp(a);
  const b = await context.newPage();
  await openApp(b);

  // An edit in A shows up in B.
  await editText(a, 'Implementering av nytt ledningssystem', 'Nytt ledningssystem infört');
  await expect(b.getByRole('button', { name: /Nytt ledningssystem infört/ })).toBeVisible();

  // Different items at the same time: both survive.
  await Promise.all([
    editText(a, 'Ökat erfarenhetsutbyte mellan ledare', 'Erfarenhetsutbyte mellan ledare i hela regionen'),
    editText(b, 'Växeltjänster mellan förvaltningar', 'Växeltjänstgöring mellan förvaltningar'),
  ]);
  for (const page of [a, b]) {
    await expect(page.getByRole('button', { name: /Erfarenhetsutbyte mellan ledare i hela regionen/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Växeltjänstgöring mellan förvaltningar/ })).toBeVisible();
  }

  // The same item: A edits, then B edits later. B's edit wins everywhere and A is told.
  await editText(a, 'FoUUI-plan för hela VGR beslutad', 'FoUUI-plan beslutad (A)');
  await expect(b.getByRole('button', { name: /FoUUI-plan beslutad \(A\)/ })).toBeVisible();
  await editText(b, 'FoUUI-plan beslutad \\(A\\)', 'FoUUI-plan beslutad (B)');
  await expect(a.getByRole('button', { name: /FoUUI-plan beslutad \(B\)/ })).toBeVisible();
  await expect(a.getByRole('status').filter({ hasText: 'ändrades samtidigt i en annan flik' })).toBeVisible();

  await a.reload();
  await expect(a.getByRole('button', { name: /FoUUI-plan beslutad \(B\)/ })).toBeVisible();
  await expect(a.getByRole('button', { name: /Växeltjänstgöring mellan förvaltningar/ })).toBeVisible();
});

test('storage full: said in Swedish, work kept in memory, JSON export offered, saved when space returns', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const w = window as unknown as { __realPut?: unknown };
    w.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Lagringen är full', 'QuotaExceededError');
    };
  });
  await addInspel(page, 'Får inte försvinna');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Lagringsutrymmet i webbläsaren är fullt');
  await expect(inspel(page).getByRole('button', { name: /Får inte försvinna/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Exportera JSON' }).click();
  const file = await (await download).path();
  const json = JSON.parse(readFileSync(file!, 'utf8'));
  expect(json.format).toBe('solfjadern-plan');
  expect(json.items.map((i: { text: string }) => i.text)).toContain('Får inte försvinna');

  // Space is back: the kept change is written on the next try.
  await page.evaluate(() => {
    const w = window as unknown as { __realPut: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.put = w.__realPut;
  });
  await waitSaved(page);
  await page.reload();
  await expect(inspel(page).getByRole('button', { name: /Får inte försvinna/ })).toBeVisible();
});

test('no IndexedDB (private mode): the app says so, works in memory and offers JSON export', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('Webbläsaren låter inte Solfjädern spara');
  await expect(page.getByText('Sparas inte – exportera JSON')).toBeVisible();
  expect(await listTexts(cellList(page, 'Nära invånaren', 'Önskad målbild 2027'))).toEqual([
    'Nära vård är invånarens självklara ingång till vården',
  ]);
  await page.getByRole('alert').getByRole('button', { name: 'Stäng meddelandet' }).click();
  await addInspel(page, 'Bara i minnet');
  const download = await exportVia(page, 'JSON');
  const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(json.items.map((i: { text: string }) => i.text)).toContain('Bara i minnet');
});
