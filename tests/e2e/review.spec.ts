import { expect, test } from '@playwright/test';
import { cellList, clickItem, openApp, waitSaved } from './helpers';

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

test('Granska: a status and a comment survive a reload; the commenter is asked for a name once', async ({ page }) => {
  await openApp(page);
  const cell = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026');
  await clickItem(page, cell.getByRole('button').nth(1));
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByLabel('Status').selectOption('Stryks');
  // No name yet: the comment is refused until there is one.
  await dialog.getByLabel('Ny kommentar').fill('Ersätts av ett mål om resursfördelning.');
  await dialog.getByRole('button', { name: 'Lägg till kommentar' }).click();
  await expect(dialog.getByText('Skriv ditt namn innan du kommenterar.')).toBeVisible();
  await expect(dialog.getByLabel('Ditt namn')).toBeFocused();
  await dialog.getByLabel('Ditt namn').fill('Anna Berg');
  await dialog.getByRole('button', { name: 'Lägg till kommentar' }).click();
  await expect(dialog.getByRole('heading', { name: 'Kommentarer (1)' })).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Ersätts av ett mål om resursfördelning.' })).toContainText('Anna Berg');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();

  // Struck, not removed: drawn struck through and said in its name.
  const item = cell.getByRole('button', { name: /Xx % av resurserna är omställda till nära vård \(stryks\)$/ });
  await expect(item).toBeVisible();
  await expect(item.locator('text').first()).toHaveAttribute('text-decoration', 'line-through');

  await waitSaved(page);
  await page.reload();
  await expect(page.locator('svg.fan')).toBeVisible();
  await clickItem(page, cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026').getByRole('button').nth(1));
  const again = page.getByRole('dialog', { name: 'Aktivitet' });
  await expect(again.getByLabel('Status')).toHaveValue('stryks');
  await expect(again.getByRole('listitem').filter({ hasText: 'Ersätts av ett mål om resursfördelning.' })).toContainText('Anna Berg');
  // The name is remembered on this device.
  await expect(again.getByLabel('Ditt namn')).toHaveCount(0);
  await expect(again).toContainText('Du kommenterar som Anna Berg.');
  await again.getByLabel('Ny kommentar').fill('Beslut: stryks.');
  await again.getByRole('button', { name: 'Lägg till kommentar' }).click();
  await expect(again.getByRole('heading', { name: 'Kommentarer (2)' })).toBeVisible();
});
