import { expect, test, type Page } from '@playwright/test';
import { cellList, clickItem, listTexts, openApp, saveVersionThenEdit, versionsDialog } from './helpers';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';

const view = (page: Page, name: 'Solfjäder' | 'Tabell') => page.getByRole('group', { name: 'Vy' }).getByRole('button', { name, exact: true }).click();

test('a saved version compares against the edited plan: exactly the added, removed, moved and edited items, in a list and on the fan', async ({ page }) => {
  await openApp(page);
  let dialog = await versionsDialog(page);
  await dialog.getByLabel('Namn på versionen').fill('Inför internat 23 april');
  await dialog.getByRole('button', { name: 'Spara version' }).click();
  await expect(dialog.getByRole('list', { name: 'Sparade versioner' }).getByRole('listitem')).toHaveCount(1);
  await expect(dialog).toContainText(`${EXAMPLE_ITEM_COUNT} aktiviteter`);
  await page.keyboard.press('Escape');

  // Edit: one added (in a cell), one removed, one moved (within its cell), one edited.
  await view(page, 'Tabell');
  await page.getByRole('button', { name: 'Lägg till i Nära invånaren, Önskad målbild 2027' }).click();
  await page.getByLabel('Ny aktivitet i Nära invånaren, Önskad målbild 2027').fill('Hemsjukvård dygnet runt');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026').getByRole('button', { name: /Växeltjänster/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator(':focus')).toHaveText(/^1\. Växeltjänster/);
  await view(page, 'Solfjäder');
  await clickItem(page, cellList(page, 'Hälsofrämjande och förebyggande', 'Viktiga milstolpar 2026').getByRole('button').first());
  const item = page.getByRole('dialog', { name: 'Aktivitet' });
  await item.getByLabel('Text').fill('Hälsofrämjande insatser finns i budget och verksamhetsplan');
  await item.getByRole('button', { name: 'Spara' }).click();
  await expect(item).toBeHidden();
  await clickItem(page, cellList(page, 'En sammanhållen hälso- och sjukvård', 'Viktiga milstolpar 2025').getByRole('button').first());
  await item.getByRole('button', { name: 'Ta bort aktiviteten' }).click();
  await expect(item).toBeHidden();

  dialog = await versionsDialog(page);
  await dialog.getByRole('button', { name: 'Jämför med nuvarande plan: Inför internat 23 april' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'tillagd' })).toHaveText('1 tillagd, 1 borttagen, 1 flyttad, 1 ändrad.');
  await expect(dialog.getByRole('list', { name: 'Tillagda' }).getByRole('listitem')).toHaveText([
    'Hemsjukvård dygnet runt (Nära invånaren, Önskad målbild 2027, plats 2)',
  ]);
  await expect(dialog.getByRole('list', { name: 'Borttagna' }).getByRole('listitem')).toHaveText([
    'Lyckad första implementering av FVM (En sammanhållen hälso- och sjukvård, Viktiga milstolpar 2025, plats 1)',
  ]);
  await expect(dialog.getByRole('list', { name: 'Flyttade' }).getByRole('listitem')).toHaveText([
    'Växeltjänster mellan förvaltningar: från Ledarskap och kompetensförsörjning, Viktiga milstolpar 2026, plats 2 till Ledarskap och kompetensförsörjning, Viktiga milstolpar 2026, plats 1',
  ]);
  const edited = dialog.getByRole('list', { name: 'Ändrade' });
  await expect(edited.getByRole('listitem').first()).toContainText(
    'Text: Hälsofrämjande insatser är tydligt prioriterade i budget och verksamhetsplan → Hälsofrämjande insatser finns i budget och verksamhetsplan',
  );

  await dialog.getByRole('button', { name: 'Visa i solfjädern' }).click();
  const banner = page.getByRole('region', { name: 'Jämförelse' });
  await expect(banner).toContainText('Ändringar sedan ”Inför internat 23 april”: 1 tillagd, 1 flyttad, 1 ändrad; 1 borttagen');
  await expect(page.locator('svg.fan .fan-item.is-added')).toHaveAccessibleName(/Hemsjukvård dygnet runt/);
  await expect(page.locator('svg.fan .fan-item.is-moved')).toHaveAccessibleName(/Växeltjänster/);
  await expect(page.locator('svg.fan .fan-item.is-edited')).toHaveAccessibleName(/finns i budget/);
  await expect(page.locator('svg.fan .fan-item.is-added')).toHaveAttribute('aria-description', 'Tillagd sedan versionen');
  await banner.getByRole('button', { name: 'Avsluta jämförelsen' }).click();
  await expect(page.locator('svg.fan .fan-item.is-added, svg.fan .fan-item.is-moved, svg.fan .fan-item.is-edited')).toHaveCount(0);
});

test('a version opens read-only, survives a reload, and is restored as a new plan', async ({ page }) => {
  await openApp(page);
  await saveVersionThenEdit(page, 'Utkast 1', 'Ändrad efter versionen');
  let dialog;

  await page.reload();
  await expect(page.locator('svg.fan')).toBeVisible();
  dialog = await versionsDialog(page);
  await dialog.getByRole('button', { name: 'Öppna Utkast 1' }).click();
  await expect(page.getByText(/^Version ”Utkast 1”, sparad .* – skrivskyddad$/)).toBeVisible();
  await expect.poll(() => listTexts(cellList(page, 'Nära invånaren', 'Önskad målbild 2027'))).toEqual([]);
  await expect(cellList(page, 'Nära invånaren', 'Önskad målbild 2027').getByRole('listitem')).toHaveText([/Nära vård är invånarens självklara ingång till vården/]);
  await expect(page.locator('svg.fan [aria-roledescription="flyttbar aktivitet"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Stäng versionen' }).click();
  await expect.poll(() => listTexts(cellList(page, 'Nära invånaren', 'Önskad målbild 2027'))).toEqual(['Ändrad efter versionen']);

  dialog = await versionsDialog(page);
  await dialog.getByRole('button', { name: 'Återställ som ny plan: Utkast 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KL HoS handlingsplan 2025–2027 (utkast) (Utkast 1)');
  await expect.poll(() => listTexts(cellList(page, 'Nära invånaren', 'Önskad målbild 2027'))).toEqual([
    'Nära vård är invånarens självklara ingång till vården',
  ]);
});
