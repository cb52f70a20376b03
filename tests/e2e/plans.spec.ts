import { expect, test } from '@playwright/test';
import { cellList, listTexts, openApp, waitSaved } from './helpers';

test('a new empty plan, a blade added and renamed, survives a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Planer' });
  await dialog.getByLabel('Namn').fill('Handlingsplan 2026–2028');
  await dialog.getByLabel(/Tom mall/).check();
  await dialog.getByRole('button', { name: 'Skapa plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handlingsplan 2026–2028');
  expect(await listTexts(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025'))).toEqual([]);

  await page.getByRole('button', { name: 'Fokusområden och ringar' }).click();
  const settings = page.getByRole('dialog', { name: 'Fokusområden och ringar' });
  await settings.getByRole('button', { name: 'Lägg till fokusområde' }).click();
  const name = settings.getByLabel('Fokusområde 5');
  await expect(name).toBeFocused();
  await name.fill('Digital vård');
  await name.press('Enter');
  await settings.getByRole('button', { name: 'Klar' }).click();
  await expect(cellList(page, 'Digital vård', 'Önskad målbild 2027')).toBeAttached();

  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handlingsplan 2026–2028');
  await expect(page.getByRole('button', { name: 'Digital vård: fäll ut' })).toBeVisible();
  await expect(cellList(page, 'Digital vård', 'Viktiga milstolpar 2025')).toBeAttached();
  await expect(page.locator('svg.fan [role="list"]')).toHaveCount(15);
});
