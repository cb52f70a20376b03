// Uppföljning: a period added, items' progress said with a comment, kept across a reload and
// undoable; a closed period is read only until it is opened again; bad input gets its message.
import { expect, test, type Page } from '@playwright/test';
import { cellList, openApp, waitSaved } from './helpers';

const ITEM = 'Välfungerande samarbete mellan VGR och kommuner';
const LATE = 'Etablera gemensam målbild för rätt vårdnivå och hur detta ökar tillgängligheten';

async function openFollowUp(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Uppföljning', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Uppföljning' })).toBeVisible();
}

test('Uppföljning: progress per item and period, kept, undoable; a closed period is read only', async ({ page }) => {
  await openApp(page);
  await openFollowUp(page);
  await expect(page.getByText('Lägg till en period att följa upp')).toBeVisible();
  // Bad input: its message, nothing added.
  await page.getByLabel('Ny period').fill('våren 2025');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  await expect(page.getByText('Skriv perioden som ett år (2025) eller ett tertial (T2 2026).')).toBeVisible();
  await expect(page.getByLabel('Period', { exact: true })).toHaveCount(0);

  await page.getByLabel('Ditt namn').fill('Anna Berg');
  await page.getByLabel('Ny period').fill('2025');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('2025');
  const table = page.getByRole('table', { name: 'Nära invånaren, Viktiga milstolpar 2025' });
  const state = table.getByRole('combobox', { name: `Läge för ${ITEM}` });
  await expect(state).toHaveValue('');
  await state.selectOption({ label: 'Klar' });
  const comment = table.getByRole('textbox', { name: `Kommentar till läget för ${ITEM}` });
  await comment.fill('Avtalet är undertecknat.');
  await comment.blur();
  const row = table.getByRole('row').filter({ hasText: ITEM });
  await expect(row).toContainText('Anna Berg');
  // An item of a ring whose year has passed, not Klar, stands out in words.
  await expect(table.getByRole('row').filter({ hasText: LATE })).toContainText('Ringens år har passerat – inte klar');
  await expect(row).not.toContainText('Ringens år har passerat');

  // Undo takes back the last step (the comment), then the state; redo brings both back.
  await page.getByRole('button', { name: 'Ångra', exact: true }).click();
  await expect(comment).toHaveValue('');
  await page.getByRole('button', { name: 'Ångra', exact: true }).click();
  await expect(state).toHaveValue('');
  await page.getByRole('button', { name: 'Gör om', exact: true }).click();
  await expect(state).toHaveValue('klar');
  await page.getByRole('button', { name: 'Gör om', exact: true }).click();
  await expect(comment).toHaveValue('Avtalet är undertecknat.');

  // Kept across a reload.
  await waitSaved(page);
  await page.reload();
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  await openFollowUp(page);
  await expect(state).toHaveValue('klar');
  await expect(comment).toHaveValue('Avtalet är undertecknat.');
  await expect(page.getByLabel('Ditt namn')).toHaveValue('Anna Berg');

  // Closed once reported: nothing in it changes until it is opened again.
  await page.getByRole('button', { name: 'Stäng perioden' }).click();
  await expect(page.getByText(/^Stängd /)).toBeVisible();
  await expect(state).toBeDisabled();
  await page.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(state).toBeEnabled();

  // Another period: its own progress; the first keeps its own.
  await page.getByLabel('Ny period').fill('T1 2026');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('2026-T1');
  await expect(state).toHaveValue('');
  // Compared with 2025: what became Klar, what moved on, what slipped.
  const late = table.getByRole('combobox', { name: `Läge för ${LATE}` });
  await late.selectOption({ label: 'Klar' });
  await state.selectOption({ label: 'Försenad' });
  const compared = page.getByRole('region', { name: /^Jämfört med/ });
  await expect(compared.getByRole('combobox', { name: 'Jämför med perioden' })).toHaveValue('2025');
  await expect(compared.getByRole('list', { name: 'Blev klara' })).toHaveText([`${LATE}: inte angivet → Klar`]);
  await expect(compared.getByRole('list', { name: 'Halkade efter' })).toHaveText([`${ITEM}: Klar → Försenad`]);
  // The fan shows the progress of the period followed up: a mark after the text, a legend under
  // the fan, the words for screen readers.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder', exact: true }).click();
  const cell = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025');
  await expect(cell.getByRole('button').nth(0).locator('tspan.review-mark')).toHaveText('\u00a0▲');
  await expect(cell.getByRole('button').nth(0)).toHaveAttribute('aria-description', /^Läge: Försenad/);
  await expect(cell.getByRole('button').nth(1)).toHaveAttribute('aria-description', /^Läge: Klar/);
  await expect(cell.getByRole('button').nth(2).locator('tspan.review-mark')).toHaveCount(0);
  await expect(page.locator('svg.fan .ring-legend')).toContainText('Läge T1 2026: ● Klar · ▲ Försenad');
  // Tabell: a tag with the mark, the word and the period.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell', exact: true }).click();
  await expect(page.locator('.tag-progress.is-forsenad')).toHaveText('▲ Försenad T1 2026');
  await expect(page.locator('.tag-progress.is-klar')).toHaveText('● Klar T1 2026');
  await openFollowUp(page);
  await page.getByLabel('Period', { exact: true }).selectOption({ label: '2025' });
  await expect(state).toHaveValue('klar');
  // The earliest period has nothing to compare with.
  await expect(page.getByRole('region', { name: /^Jämfört med/ })).toHaveCount(0);
});

test('Uppföljning in the item’s dialog: the progress of the period followed up, saved at once', async ({ page }) => {
  await openApp(page);
  const cell = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025');
  // No period yet: the dialog says nothing of follow-up.
  await cell.getByRole('button').first().press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await expect(dialog.getByRole('group', { name: /^Uppföljning/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();

  await openFollowUp(page);
  await page.getByLabel('Ditt namn').fill('Anna Berg');
  await page.getByLabel('Ny period').fill('2025');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('2025');
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder', exact: true }).click();
  await cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025').getByRole('button').nth(1).press('Enter');
  const progress = dialog.getByRole('group', { name: 'Uppföljning 2025' });
  await expect(progress).toContainText('Ringens år har passerat – inte klar');
  await progress.getByRole('radio', { name: 'Försenad' }).check();
  await progress.getByLabel('Kommentar till läget').fill('Väntar på upphandling');
  await progress.getByLabel('Kommentar till läget').blur();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await openFollowUp(page);
  const table = page.getByRole('table', { name: 'Nära invånaren, Viktiga milstolpar 2025' });
  await expect(table.getByRole('combobox', { name: `Läge för ${LATE}` })).toHaveValue('forsenad');
  await expect(table.getByRole('textbox', { name: `Kommentar till läget för ${LATE}` })).toHaveValue('Väntar på upphandling');
});
