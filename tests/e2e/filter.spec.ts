import { expect, test, type Page } from '@playwright/test';
import { cellList, openApp } from './helpers';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';

async function edit(page: Page, blade: string, ring: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await cellList(page, blade, ring).getByRole('button').first().press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
}

test('Granska: filters narrow the fan (the rest dimmed) and the table (the rest left out) by status, fokusområde, delområde, källa and ansvarsnivå', async ({ page }) => {
  await openApp(page);
  await edit(page, 'Nära invånaren', 'Viktiga milstolpar 2025', async (d) => {
    await d.getByLabel('Status').selectOption('Ändras');
    await d.getByLabel('Källa (vem föreslog)').fill('NU-sjukvården');
    await d.getByLabel('Ansvarsnivå').selectOption('Varje förvaltning');
  });
  await edit(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026', async (d) => {
    await d.getByLabel('Status').selectOption('Ändras');
  });
  await edit(page, 'Hälsofrämjande och förebyggande', 'Viktiga milstolpar 2026', async (d) => {
    await d.getByLabel('Status').selectOption('Stryks');
  });

  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Filter' }).click();
  const bar = page.getByRole('region', { name: 'Filter' });
  await expect(bar.getByRole('status')).toHaveText(`Alla ${EXAMPLE_ITEM_COUNT} aktiviteter visas.`);
  await bar.getByLabel('Status').selectOption('Ändras');
  await expect(bar.getByRole('status')).toHaveText(`Visar 2 av ${EXAMPLE_ITEM_COUNT} aktiviteter.`);
  const shown = page.locator('svg.fan .fan-item:not(.is-unmarked)');
  await expect(shown).toHaveCount(2);
  await expect(page.locator('svg.fan .fan-item.is-unmarked').first()).toHaveAttribute('aria-description', 'Utanför filtret');
  // The criteria narrow together.
  await bar.getByLabel('Källa').selectOption('NU-sjukvården');
  await expect(bar.getByRole('status')).toHaveText(`Visar 1 av ${EXAMPLE_ITEM_COUNT} aktiviteter.`);
  await expect(shown).toHaveAccessibleName(/^1\.\sVälfungerande samarbete/);
  await bar.getByLabel('Källa').selectOption('Alla');
  await bar.getByLabel('Ansvarsnivå').selectOption('KL HoS');
  await expect(shown).toHaveAccessibleName(/^1\.\sLedare tar ansvar/);

  // The table lists only what passes, under the numbers of the whole list.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell' }).click();
  await expect(page.getByRole('table').getByRole('listitem')).toHaveText([/^1\. Ledare tar ansvar/]);
  await bar.getByLabel('Status').selectOption('Alla');
  await bar.getByLabel('Ansvarsnivå').selectOption('Alla');
  await bar.getByLabel('Fokusområde').selectOption('Hälsofrämjande och förebyggande');
  await bar.getByLabel('Delområde').selectOption('Digitalisering');
  await expect(page.getByRole('table').getByRole('listitem')).toHaveText([/^3\. Införa hälsofrämjande stöd digitalt/]);
  await expect(page.getByRole('table')).toContainText('2 dolda av filtret');
  // Struck items stay, struck through, until someone removes them.
  await bar.getByLabel('Delområde').selectOption('Alla');
  await bar.getByLabel('Status').selectOption('Stryks');
  const struck = page.getByRole('table').getByRole('listitem');
  await expect(struck).toHaveText([/^1\. Hälsofrämjande insatser är tydligt prioriterade i budget.*stryks$/]);
  await expect(struck.locator('.table-text')).toHaveCSS('text-decoration-line', 'line-through');

  await bar.getByRole('button', { name: 'Rensa filter' }).click();
  await expect(bar.getByRole('status')).toHaveText(`Alla ${EXAMPLE_ITEM_COUNT} aktiviteter visas.`);
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder' }).click();
  await expect(page.locator('svg.fan .fan-item.is-unmarked')).toHaveCount(0);
  // Closing the bar shows everything again.
  await bar.getByLabel('Status').selectOption('Ändras');
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Filter' }).click();
  await expect(bar).toBeHidden();
  await expect(page.locator('svg.fan .fan-item.is-unmarked')).toHaveCount(0);
});
