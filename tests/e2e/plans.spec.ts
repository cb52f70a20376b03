import { expect, test } from '@playwright/test';
import { cellList, listTexts, openApp, waitSaved, openPlanSettings } from './helpers';

test('the first start says the plan is an example and leads to a new empty plan; a blade added and named by typing; all survives a reload', async ({ page }) => {
  await openApp(page);
  const intro = page.getByRole('complementary', { name: 'Om exemplet' });
  await expect(intro).toContainText('Det här är ett exempel');
  await intro.getByRole('button', { name: 'börja en egen plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Planer' });
  await expect(dialog.getByLabel('Namn')).toBeFocused();
  await page.keyboard.type('Handlingsplan 2026–2028');
  await dialog.getByLabel(/Tom mall/).check();
  await dialog.getByRole('button', { name: 'Skapa plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handlingsplan 2026–2028');
  expect(await listTexts(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025'))).toEqual([]);
  await expect(intro).toHaveCount(0);

  await openPlanSettings(page);
  const settings = page.getByRole('dialog', { name: 'Fokusområden och ringar' });
  await settings.getByRole('button', { name: 'Lägg till fokusområde' }).click();
  const name = settings.getByLabel('Fokusområde 5');
  await expect(name).toBeFocused();
  // The default name is selected: typing replaces it.
  await page.keyboard.type('Digital vård');
  await expect(name).toHaveValue('Digital vård');
  await name.press('Enter');
  await settings.getByRole('button', { name: 'Klar' }).click();
  await expect(cellList(page, 'Digital vård', 'Önskad målbild 2027')).toBeAttached();

  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Handlingsplan 2026–2028');
  await expect(page.getByRole('button', { name: 'Digital vård: fäll ut' })).toBeVisible();
  await expect(cellList(page, 'Digital vård', 'Viktiga milstolpar 2025')).toBeAttached();
  await expect(page.locator('svg.fan [role="list"]')).toHaveCount(15);
  await expect(intro).toHaveCount(0);
});

test('plans: rename, duplicate, delete after asking, and undo the delete', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Planer' });
  const original = 'KL HoS handlingsplan 2025–2027 (utkast)';

  await dialog.getByRole('button', { name: `Byt namn på ${original}` }).click();
  await dialog.getByLabel(`Nytt namn för ”${original}”`).fill('Utkast inför internat');
  await dialog.getByRole('button', { name: 'Spara namn' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utkast inför internat');
  // Renaming the open plan is an ordinary, undoable change.
  await expect(page.getByRole('button', { name: 'Ångra' })).toBeEnabled();

  await dialog.getByRole('button', { name: 'Duplicera Utkast inför internat' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utkast inför internat (kopia)');
  await expect(dialog.getByRole('listitem')).toHaveCount(2);

  await dialog.getByRole('button', { name: 'Ta bort Utkast inför internat (kopia)' }).click();
  await expect(dialog.getByRole('group', { name: /Bekräfta borttagning/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Behåll' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Ta bort Utkast inför internat (kopia)' }).click();
  await dialog.getByRole('button', { name: 'Ja, ta bort' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utkast inför internat');

  await page.getByRole('button', { name: 'Ångra borttagningen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utkast inför internat (kopia)');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utkast inför internat (kopia)');
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Planer' }).getByRole('listitem')).toHaveCount(2);
});

test('rings: label and year edited, a ring added before the målbild', async ({ page }) => {
  await openApp(page);
  await openPlanSettings(page);
  const settings = page.getByRole('dialog', { name: 'Fokusområden och ringar' });
  const year = settings.getByLabel('År').first();
  await year.fill('2024');
  await year.press('Enter');
  await expect(settings.getByLabel('Ring 1 (milstolpe)')).toHaveValue('Viktiga milstolpar 2024');
  // A refused value snaps back, with a message inside the dialog.
  await year.fill('2026');
  await year.press('Enter');
  await expect(settings.getByRole('alert')).toContainText('Två ringar kan inte heta "Viktiga milstolpar 2026"');
  await expect(year).toHaveValue('2024');
  await settings.getByRole('button', { name: 'Alla år ett år framåt' }).click();
  await expect(settings.getByLabel('Ring 3 (målbild)')).toHaveValue('Önskad målbild 2028');
  await settings.getByRole('button', { name: 'Lägg till ring' }).click();
  // The new milestone takes 2028; the målbild moves on a year rather than clash with it.
  await expect(settings.getByLabel('Ring 4 (målbild)')).toHaveValue('Önskad målbild 2029');
  await expect(settings.getByLabel('Ring 3 (milstolpe)')).toHaveValue('Viktiga milstolpar 2028');
  const label = settings.getByLabel('Ring 3 (milstolpe)');
  await label.fill('Delmål 2028');
  await label.press('Enter');
  await settings.getByRole('button', { name: 'Klar' }).click();
  await expect(cellList(page, 'Nära invånaren', 'Delmål 2028')).toBeAttached();
  expect(await listTexts(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025'))).toEqual([
    'Välfungerande samarbete mellan VGR och kommuner',
    'Etablera gemensam målbild för rätt vårdnivå och hur detta ökar tillgängligheten',
    'Plan för resursomfördelning och förstärkning till nära vård klar',
  ]);
  await waitSaved(page);
  await page.reload();
  await expect(cellList(page, 'Ledarskap och kompetensförsörjning', 'Delmål 2028')).toBeAttached();
  await expect(page.locator('svg.fan [role="list"]')).toHaveCount(16);
});
