import { expect, test, type Page } from '@playwright/test';
import { cellList, openApp, waitSaved } from './helpers';

const panel = (page: Page) => page.getByRole('complementary', { name: 'Delområden' });
const digital2026 = (page: Page) => panel(page).getByRole('region', { name: 'Digitalisering' }).getByRole('button', { name: /^Viktiga milstolpar 2026/ });

/** Link the first item of a cell to Digitalisering through the item form. */
async function linkToDigitalisering(page: Page, blade: string): Promise<void> {
  await cellList(page, blade, 'Viktiga milstolpar 2026').getByRole('button').first().press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByRole('checkbox', { name: 'Digitalisering', exact: true }).check();
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
}

async function chooseExtra(page: Page, item: RegExp, choice: string): Promise<void> {
  await cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026').getByRole('button', { name: item }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByLabel('Extra', { exact: true }).selectOption(choice);
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
}

test('the per-delområde count against the limit, extras beyond it in italics, the user\'s say, and an editable limit', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Delområden', exact: true }).click();
  await expect(panel(page).getByRole('region', { name: 'Nära vård' }).getByRole('button', { name: /^Viktiga milstolpar 2025/ })).toContainText('3 av 5 prioriterade');
  await expect(digital2026(page)).toContainText('1 av 3 prioriterade');

  // Three more Digitalisering items in 2026: the one ranked last (first of the last fokusområde) is beyond three.
  await linkToDigitalisering(page, 'Nära invånaren');
  await linkToDigitalisering(page, 'Hälsofrämjande och förebyggande');
  await expect(digital2026(page)).toContainText('3 av 3 prioriterade');
  await linkToDigitalisering(page, 'Ledarskap och kompetensförsörjning');
  await expect(page.getByRole('status').filter({ hasText: 'utöver gränsen' })).toContainText('”Ledare tar ansvar för alla perspektiv i sin uppföljning (kvalitet, tillgänglighet, personal, ekonomi)” är nu utöver gränsen');
  await expect(digital2026(page)).toContainText('3 av 3 prioriterade, 1 utöver gränsen');
  const ledare = cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026').getByRole('button', { name: /^1\. Ledare tar ansvar/ });
  await expect(ledare).toHaveAccessibleName(/\(extra\)$/);
  await expect(ledare.locator('text').first()).toHaveAttribute('font-style', 'italic');
  // Choosing the count marks its four items in the fan.
  await digital2026(page).click();
  await expect(page.locator('svg.fan .fan-item.is-marked')).toHaveCount(4);
  await digital2026(page).click();

  // The table per delområde: the same count, the items in priority order, the extra last.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell' }).click();
  await page.getByLabel('Gruppera tabellen').selectOption('Per delområde');
  const cell = page.getByRole('cell').filter({ has: page.getByRole('list', { name: 'Digitalisering, Viktiga milstolpar 2026', exact: true }) });
  await expect(cell).toContainText('3 av 3 prioriterade, 1 utöver gränsen');
  await expect(cellList(page, 'Digitalisering', 'Viktiga milstolpar 2026').getByRole('listitem')).toHaveText([
    /^1\. Fler patientgrupper/,
    /^2\. Hälsofrämjande insatser är tydligt prioriterade i budget/,
    /^3\. Mer än 30 %/,
    /^4\. Ledare tar ansvar.*extra$/,
  ]);
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder' }).click();

  // The user says otherwise: prioritised beyond the limit — not italic, and the count warns.
  await chooseExtra(page, /^1\. Ledare tar ansvar/, 'Prioriterad – även utöver gränsen');
  await expect(ledare).not.toHaveAccessibleName(/\(extra\)/);
  await expect(ledare.locator('text').first()).not.toHaveAttribute('font-style', 'italic');
  await expect(digital2026(page)).toContainText('4 av 3 prioriterade – fler än gränsen');
  await chooseExtra(page, /^1\. Ledare tar ansvar/, 'Enligt gränsen för delområdet');
  await expect(ledare).toHaveAccessibleName(/\(extra\)$/);

  // A bad limit is named and changes nothing; a good one applies at once and survives reload.
  const limit = panel(page).getByLabel('Gräns per horisont för Digitalisering');
  await limit.fill('0');
  await expect(panel(page).getByText('Gränsen måste vara ett heltal från 1 till 20. Gränsen är fortfarande 3.')).toBeVisible();
  await expect(limit).toHaveAttribute('aria-invalid', 'true');
  await expect(ledare).toHaveAccessibleName(/\(extra\)$/);
  await limit.fill('4');
  await expect(digital2026(page)).toContainText('4 av 4 prioriterade');
  await expect(ledare).not.toHaveAccessibleName(/\(extra\)/);
  await waitSaved(page);
  await page.reload();
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Delområden', exact: true }).click();
  await expect(panel(page).getByLabel('Gräns per horisont för Digitalisering')).toHaveValue('4');
  await expect(digital2026(page)).toContainText('4 av 4 prioriterade');
});
