import { expect, test } from '@playwright/test';
import { cellList, clickItem, listTexts, openApp, waitSaved } from './helpers';

test('edit an item from the fan: fields saved, extras in italics, kept over reload', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await openApp(page);
  const cell = cellList(page, 'Hälsofrämjande och förebyggande', 'Viktiga milstolpar 2026');
  await clickItem(page, cell.getByRole('button').first());
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByLabel('Text').fill('Hälsofrämjande insatser finns i budget och verksamhetsplan');
  await dialog.getByLabel('Hur det följs upp').fill('Andel förvaltningar med hälsofrämjande mål');
  await dialog.getByLabel('Målvärde (valfritt)').fill('100');
  await dialog.getByLabel('Enhet').fill('%');
  await dialog.getByLabel('Extra', { exact: true }).selectOption('Extra – visas kursivt');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();

  const item = cell.getByRole('button', { name: '1. Hälsofrämjande insatser finns i budget och verksamhetsplan (extra)' });
  await expect(item).toBeVisible();
  await expect(item.locator('text').first()).toHaveAttribute('font-style', 'italic');

  await waitSaved(page);
  await page.reload();
  await expect.poll(() => listTexts(cellList(page, 'Hälsofrämjande och förebyggande', 'Viktiga milstolpar 2026'))).toEqual([
    'Hälsofrämjande insatser finns i budget och verksamhetsplan',
  ]);
  await cellList(page, 'Hälsofrämjande och förebyggande', 'Viktiga milstolpar 2026').getByRole('button').first().press('Enter');
  await expect(page.getByRole('dialog', { name: 'Aktivitet' }).getByLabel('Målvärde (valfritt)')).toHaveValue('100');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Aktivitet' })).toBeHidden();

  // Nothing left the page's own origin.
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
});
