import { expect, test } from '@playwright/test';
import { cellList, clickItem, openApp } from './helpers';

const GOAL = 'Steg tagna mot en ökad kontinuitet för patienter med långvariga behov';

test('Måluppfyllnad flags an uncovered effektmål until an item links to it, and marks its items in the fan', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Måluppfyllnad' }).click();
  const panel = page.getByRole('complementary', { name: 'Måluppfyllnad' });
  await expect(panel).toContainText('7 av 29 effektmål har minst en aktivitet i solfjädern.');
  const goal = panel.getByRole('button', { name: new RegExp(GOAL) });
  await expect(goal).toContainText('Ingen aktivitet');
  await expect(goal).toBeDisabled();
  await expect(panel.getByRole('heading', { name: 'Aktiviteter utan indikator (35)' })).toBeVisible();

  // Link the first 2025 item of Nära invånaren to the goal in the item editor.
  const cell = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025');
  await clickItem(page, cell.getByRole('button').nth(1));
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByRole('checkbox', { name: GOAL }).check();
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();

  await expect(panel).toContainText('8 av 29 effektmål har minst en aktivitet i solfjädern.');
  await expect(goal).toBeEnabled();
  await expect(goal).toContainText('1 aktivitet');
  await expect(goal).not.toContainText('Ingen aktivitet');
  await expect(panel).toContainText('Etablera gemensam målbild för rätt vårdnivå och hur detta ökar tillgängligheten (Nära invånaren)');

  // Choosing it marks its one item in the fan, and only that one; again clears the marking.
  await goal.click();
  await expect(goal).toHaveAttribute('aria-pressed', 'true');
  const marked = page.locator('svg.fan .fan-item.is-marked');
  await expect(marked).toHaveCount(1);
  await expect(marked).toHaveAccessibleName(/^2\.\s*Etablera gemensam målbild/);
  expect(await page.locator('svg.fan .fan-item.is-unmarked').count()).toBeGreaterThan(20);
  await goal.click();
  await expect(goal).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('svg.fan .fan-item.is-marked, svg.fan .fan-item.is-unmarked')).toHaveCount(0);

  // An item without an indikator opens from the list.
  await panel.getByRole('button', { name: 'Nära vård är invånarens självklara ingång till vården' }).click();
  await expect(page.getByRole('dialog', { name: 'Aktivitet' })).toBeVisible();
  await page.keyboard.press('Escape');
  await panel.getByRole('button', { name: 'Visa Inspel' }).click();
  await expect(page.getByRole('list', { name: 'Inspel', exact: true })).toBeAttached();
});
