import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { addInspel, cellList, clickItem, exportVia, inspel, openApp, waitSaved } from './helpers';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';
import { NOTICE_MS } from '../../src/components/NoticeBar';

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

test('review marks: each status and the comments show on the fan (with a legend), in Tabell, on paper and in Word; Filter picks them, Inspel too', async ({ page }) => {
  await openApp(page);
  const cell = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025');
  const setStatus = async (nth: number, status: string, comment?: string) => {
    await clickItem(page, cell.getByRole('button').nth(nth));
    const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
    await dialog.getByLabel('Status').selectOption(status);
    if (comment) {
      await dialog.getByLabel('Ny kommentar').fill(comment);
      await dialog.getByRole('button', { name: 'Lägg till kommentar' }).click();
      if (await dialog.getByLabel('Ditt namn').count()) {
        await dialog.getByLabel('Ditt namn').fill('Anna Berg');
        await dialog.getByRole('button', { name: 'Lägg till kommentar' }).click();
      }
      await expect(dialog.getByRole('heading', { name: 'Kommentarer (1)' })).toBeVisible();
    }
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect(dialog).toBeHidden();
  };
  await setStatus(0, 'Godkänd', 'Bra, behåll.');
  await setStatus(1, 'Ändras');

  // The fan: a mark after the text, a legend under the fan, the words for screen readers.
  const approved = cell.getByRole('button').nth(0);
  await expect(approved.locator('tspan.review-mark')).toHaveText('\u00a0✓\u00a0❝1');
  await expect(approved).toHaveAttribute('aria-description', /Status: godkänd\. 1 kommentar/);
  await expect(cell.getByRole('button').nth(1).locator('tspan.review-mark')).toHaveText('\u00a0Δ');
  await expect(page.locator('svg.fan .ring-legend')).toContainText('✓ godkänd · Δ ändras · ❝ antal kommentarer');
  await expect(cell.getByRole('button').nth(2).locator('tspan.review-mark')).toHaveCount(0);

  // An inspel made godkänd: Filter "Status: Godkänd" counts it and dims the rest of Inspel.
  await addInspel(page, 'Nytt förslag om mobila team');
  await addInspel(page, 'Ett annat förslag');
  await inspel(page).getByRole('button', { name: /Nytt förslag om mobila team/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  // An inspel is not placed: it is neither prioritised nor extra yet.
  await expect(dialog).toContainText('Nu: inte placerad.');
  await dialog.getByLabel('Status').selectOption('Godkänd');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Filter' }).click();
  const filters = page.getByRole('region', { name: 'Filter' });
  await filters.getByLabel('Status').selectOption('Godkänd');
  await expect(filters.getByRole('status')).toHaveText(`Visar 2 av ${EXAMPLE_ITEM_COUNT + 2} aktiviteter.`);
  await expect(inspel(page).getByRole('button', { name: /Ett annat förslag/ })).toHaveAttribute('aria-description', 'Utanför filtret');
  await expect(inspel(page).getByRole('button', { name: /Nytt förslag om mobila team/ })).not.toHaveAttribute('aria-description', 'Utanför filtret');
  await filters.getByLabel('Status').selectOption('Alla');
  await filters.getByLabel('Kommentarer').selectOption('Med kommentarer');
  await expect(filters.getByRole('status')).toHaveText(`Visar 1 av ${EXAMPLE_ITEM_COUNT + 2} aktiviteter.`);
  await filters.getByRole('button', { name: 'Rensa filter' }).click();

  // Tabell: the same marks with their words.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell', exact: true }).click();
  const row = page.getByRole('list', { name: 'Nära invånaren, Viktiga milstolpar 2025' });
  await expect(row.getByRole('button').nth(0)).toContainText('✓ godkänd');
  await expect(row.getByRole('button').nth(0)).toContainText('❝1');
  await expect(row.getByRole('button').nth(0)).toHaveAccessibleName(/godkänd.*1 kommentar/);
  await expect(row.getByRole('button').nth(1)).toContainText('Δ ändras');

  // Paper: the fan with its marks, the tables with the words.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const paper = page.getByRole('region', { name: 'Utskrift' });
  await expect(paper.getByRole('img', { name: /^Solfjäder: / }).locator('tspan.review-mark').first()).toBeAttached();
  await expect(paper.getByRole('listitem').filter({ hasText: 'Välfungerande samarbete' })).toContainText('✓ godkänd');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // Word: the words after the item.
  const docx = (await (await exportVia(page, 'Word (.docx)')).path())!;
  const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
  expect(xml).toContain('✓ godkänd · ❝ 1 kommentar');
  expect(xml).toContain('Δ ändras');
});

test('news leaves by itself; an error stays until closed; in a dialog a message never covers its buttons', async ({ page }) => {
  // The page's clock runs as usual, and can be fast-forwarded past a message's life.
  await page.clock.install();
  await openApp(page);
  await addInspel(page, 'Ett förslag som ska bort');
  await inspel(page).getByRole('button', { name: /Ett förslag som ska bort/ }).click();
  await page.getByRole('dialog', { name: 'Aktivitet' }).getByRole('button', { name: 'Ta bort' }).click();
  const news = page.getByRole('status').filter({ hasText: 'togs bort' });
  await expect(news).toBeVisible();
  // Gone after a while (longer than plain news: it offers "Ångra").
  await page.clock.runFor(NOTICE_MS.action + 500);
  await expect(news).toBeHidden();

  // An error stays: a file Importera cannot read.
  await page.getByTestId('import-file').setInputFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
  const alert = page.getByRole('alert').filter({ hasText: 'trasig.json' });
  await expect(alert).toBeVisible();
  // Longer than any news lives: what is checked is that nothing happens.
  await page.clock.runFor(NOTICE_MS.action + 2000);
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Stäng meddelandet' }).click();
  await expect(alert).toBeHidden();

  // In a dialog: deleting a plan under Planer says so with "Ångra", in its own room below.
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Planer' });
  await dialog.getByRole('button', { name: /^Duplicera / }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: /^Ta bort .*\(kopia\)$/ }).click();
  await dialog.getByRole('button', { name: 'Ja, ta bort' }).click();
  const notice = dialog.locator('.notice');
  await expect(notice).toContainText('Ångra');
  const box = (await notice.boundingBox())!;
  for (const button of await dialog.locator('button').all()) {
    if (await button.evaluate((el) => el.closest('.notice') !== null)) continue;
    const b = await button.boundingBox();
    if (!b || b.width === 0) continue;
    const overlaps = b.x < box.x + box.width && b.x + b.width > box.x && b.y < box.y + box.height && b.y + b.height > box.y;
    expect(overlaps, (await button.textContent()) ?? '').toBe(false);
  }
});
