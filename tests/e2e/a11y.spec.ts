import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { openApp, openPlanSettings } from './helpers';

const require = createRequire(import.meta.url);
// The app's CSP forbids inline scripts; let the test inject axe.
test.use({ bypassCSP: true });
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v: { id: string; nodes: Array<{ target: string[] }> }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  });
  return result;
}

test('the fan view, the item dialog, the plan list and the settings pass axe (WCAG 2.1 AA)', async ({ page }) => {
  await openApp(page);
  expect(await audit(page)).toEqual([]);
  // The new-item form, with a refused empty text showing its message.
  await page.getByRole('button', { name: 'Nytt inspel' }).click();
  await page.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByText('Skriv en text för inspelet.')).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.getByRole('button', { name: 'Stäng', exact: true }).click();
  await page.getByRole('button', { name: /^1\. Välfungerande/ }).press('Enter');
  await expect(page.getByRole('dialog', { name: 'Aktivitet' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.keyboard.press('Escape');
  // Dialogs load lazily: wait for each before auditing and closing it.
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Planer' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Planer' })).toBeHidden();
  await openPlanSettings(page);
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  // Måluppfyllnad with an effektmål chosen (its items marked in the fan).
  await page.getByRole('button', { name: 'Måluppfyllnad' }).click();
  await page.getByRole('button', { name: /^Invånarna har en tillgång till vård/ }).click();
  expect(await audit(page)).toEqual([]);
  // Delområden (counts against limits), with a refused limit showing its message.
  await page.getByRole('button', { name: 'Delområden', exact: true }).click();
  await page.getByLabel('Gräns per horisont för Barnuppdraget').fill('0');
  await expect(page.getByText(/Gränsen måste vara ett heltal/)).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.getByRole('button', { name: 'Visa Inspel' }).click();
  // Prioritera with a participant's turn on and a dot placed.
  await page.getByRole('button', { name: 'Prioritera', exact: true }).click();
  const voting = page.getByRole('complementary', { name: 'Prioritera' });
  await voting.getByLabel('Rösta på').selectOption({ label: 'Nära invånaren, Viktiga milstolpar 2025 (3)' });
  await voting.getByLabel('Deltagarens namn').fill('Anna');
  await voting.getByRole('button', { name: 'Börja rösta' }).click();
  await voting.getByRole('button', { name: /^Ge en prick: / }).first().click();
  await expect(voting.getByRole('list', { name: /^Resultat: / }).getByRole('listitem')).toHaveCount(1);
  expect(await audit(page)).toEqual([]);
  await page.getByRole('button', { name: 'Visa Inspel' }).click();
  // The filter bar with a filter on (the rest of the fan dimmed).
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByRole('region', { name: 'Filter' }).getByLabel('Delområde').selectOption('Digitalisering');
  await expect(page.locator('svg.fan .fan-item.is-unmarked').first()).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  // The table view, grouped both ways, with a cell's add form open.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell' }).click();
  await page.getByRole('button', { name: 'Lägg till i Nära invånaren, Önskad målbild 2027' }).click();
  expect(await audit(page)).toEqual([]);
  await page.getByLabel('Gruppera tabellen').selectOption('Per delområde');
  expect(await audit(page)).toEqual([]);
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder' }).click();
  // Unfolded: the other blades fold to their names; their items stay listed for screen readers.
  await page.getByRole('button', { name: 'En sammanhållen hälso- och sjukvård: fäll ut' }).press('Enter');
  await expect(page.locator('svg.fan .blade-name-folded')).toHaveCount(3);
  expect(await audit(page)).toEqual([]);
  // On a tablet some cells fold items away behind "+N till".
  await page.getByRole('button', { name: 'En sammanhållen hälso- och sjukvård: fäll ihop' }).press('Enter');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(page.getByRole('button', { name: /^\+\d+ till/ }).first()).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'En sammanhållen hälso- och sjukvård: fäll ut' }).press('Enter');
  // The import dialog.
  await page.getByTestId('import-file').setInputFiles(fileURLToPath(new URL('../fixtures/files/v1-example.json', import.meta.url)));
  await expect(page.getByRole('dialog', { name: 'Importera plan' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.keyboard.press('Escape');
  const folded = page.getByRole('list', { name: 'Ledarskap och kompetensförsörjning, Viktiga milstolpar 2025', exact: true });
  await expect(folded.getByRole('listitem')).toHaveCount(5);
  await expect(folded.locator('.folded-item')).not.toHaveCount(0);
  await expect(folded.getByRole('listitem').last()).toContainText('Koncerngemensam utveckling av kommunikativt ledarskap');
  // Read, never laid out: the folded list stands far outside the fan, where the browser skips
  // its layout and paint (a move renumbers it; see the next test for what a screen reader gets).
  const hiddenList = folded.locator('.folded-list');
  expect(await hiddenList.evaluate((e) => getComputedStyle(e).contentVisibility)).toBe('auto');
  expect(await hiddenList.evaluate((e) => e.getBoundingClientRect().right)).toBeLessThan(-1000);
});

test('the Exportera menu: axe with the menu open, arrow keys, Escape returns focus, Enter exports', async ({ page }) => {
  await openApp(page);
  const button = page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Exportera', exact: true });
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'Exportera' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Word (.docx)' })).toBeFocused();
  expect(await audit(page)).toEqual([]);
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Skriv ut' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'PowerPoint (.pptx)' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Uppföljningsrapport (.docx)' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'JSON' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  // Enter opens the menu on its first entry; ↓↓↓↓ and Enter choose JSON.
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem', { name: 'Word (.docx)' })).toBeFocused();
  const download = page.waitForEvent('download');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'JSON' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
  // A click outside closes it.
  await button.click();
  await expect(menu).toBeVisible();
  await page.mouse.click(5, 500);
  await expect(menu).toBeHidden();
});

test('Presentera: the fan alone in large type, arrow keys unfold each fokusområde in turn, Escape returns', async ({ page }) => {
  await openApp(page);
  // The on-screen size of the first item's text.
  const itemSize = () =>
    page
      .locator('svg.fan .fan-item text')
      .first()
      .evaluate((t) => {
        const ctm = (t as SVGTextElement).getScreenCTM()!;
        return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
      });
  const inEditor = await itemSize();
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Presentera' }).click();
  const show = page.getByRole('main', { name: 'Presentation: KL HoS handlingsplan 2025–2027 (utkast)' });
  await expect(show).toBeVisible();
  // No editing chrome: no toolbar, no Inspel, nothing to drag or open.
  await expect(page.getByRole('navigation', { name: 'Verktyg' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Inspel', exact: true })).toHaveCount(0);
  await expect(page.locator('svg.fan [aria-roledescription="flyttbar aktivitet"]')).toHaveCount(0);
  // Larger than the editor's (which is already at its largest here), and at least 16 px.
  expect(await itemSize()).toBeGreaterThan(inEditor * 1.1);
  expect(await audit(page)).toEqual([]);

  const blade = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}: fäll`) });
  const where = show.getByRole('status');
  await expect(where).toHaveText('Hela solfjädern');
  const names = ['Nära invånaren', 'Hälsofrämjande och förebyggande', 'En sammanhållen hälso- och sjukvård', 'Ledarskap och kompetensförsörjning'];
  for (const [i, name] of names.entries()) {
    await page.keyboard.press('ArrowRight');
    await expect(where).toHaveText(`Fokusområde ${i + 1} av 4: ${name}`);
    await expect(blade(name)).toHaveAttribute('aria-expanded', 'true');
    for (const other of names.filter((n) => n !== name)) await expect(blade(other)).toHaveAttribute('aria-expanded', 'false');
  }
  // The last stays on the last; back steps return to the whole fan.
  await page.keyboard.press('ArrowRight');
  await expect(where).toHaveText('Fokusområde 4 av 4: Ledarskap och kompetensförsörjning');
  await page.keyboard.press('ArrowLeft');
  await expect(where).toHaveText('Fokusområde 3 av 4: En sammanhållen hälso- och sjukvård');
  await page.keyboard.press('Home');
  await expect(where).toHaveText('Hela solfjädern');
  // Every item is still there to read: the unfolded blade lists them all.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('list', { name: 'Nära invånaren, Viktiga milstolpar 2025', exact: true }).getByRole('listitem')).toHaveCount(3);

  await page.keyboard.press('Escape');
  await expect(show).toBeHidden();
  await expect(page.getByRole('button', { name: 'Presentera' })).toBeFocused();
  await expect(blade('Nära invånaren')).toHaveAttribute('aria-expanded', 'false');
});

test('Versioner: the dialog with a comparison, the comparison on the fan and an opened version pass axe', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Versioner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Versioner' });
  await dialog.getByLabel('Namn på versionen').fill('Före');
  await dialog.getByRole('button', { name: 'Spara version' }).click();
  await expect(dialog.getByRole('list', { name: 'Sparade versioner' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^1\. Välfungerande/ }).press('Enter');
  const item = page.getByRole('dialog', { name: 'Aktivitet' });
  await item.getByLabel('Text').fill('Välfungerande samarbete med kommunerna');
  await item.getByRole('button', { name: 'Spara' }).click();
  await expect(item).toBeHidden();
  await page.getByRole('button', { name: 'Versioner' }).click();
  await dialog.getByRole('button', { name: 'Jämför med nuvarande plan: Före' }).click();
  await expect(dialog.getByRole('list', { name: 'Ändrade' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Visa i solfjädern' }).click();
  await expect(page.getByRole('region', { name: 'Jämförelse' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.getByRole('button', { name: 'Avsluta jämförelsen' }).click();
  await page.getByRole('button', { name: 'Versioner' }).click();
  await dialog.getByRole('button', { name: 'Öppna Före' }).click();
  await expect(page.getByRole('button', { name: 'Stäng versionen' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
});

test('Samla in (files taken in, a group open, a merge form, dismissed ones) and Skicka ut pass axe (WCAG 2.1 AA)', async ({ page }) => {
  const { buildCollectFiles } = await import('./collectFiles');
  const paths = await buildCollectFiles();
  await openApp(page);
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Samla in' }).click();
  const panel = page.getByRole('complementary', { name: 'Samla in' });
  await expect(panel.getByRole('button', { name: 'Välj filer…' })).toBeEnabled();
  expect(await audit(page)).toEqual([]);
  await panel.getByTestId('collect-files').setInputFiles(paths);
  await expect(page.getByText(/togs in med/)).toBeVisible();
  const first = panel.getByRole('list', { name: 'Förslag' }).getByRole('listitem').first();
  await first.locator('summary').click();
  await first.getByRole('button', { name: 'Slå ihop…' }).click();
  await panel.getByRole('list', { name: 'Förslag' }).getByRole('listitem').last().getByRole('button', { name: 'Avfärda', exact: true }).click();
  await panel.getByText('Avfärdade (1)').click();
  expect(await audit(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Skicka ut…' }).click();
  await page.getByRole('dialog', { name: 'Skicka ut' }).getByRole('button', { name: 'Skapa filer' }).click();
  await expect(page.getByRole('dialog', { name: 'Skicka ut' }).getByRole('alert')).toBeVisible();
  expect(await audit(page)).toEqual([]);
});

test('Samla in asking where a file’s proposals are (“Var står förslagen?”) passes axe (WCAG 2.1 AA)', async ({ page }) => {
  const { convertHtml } = await import('../fixtures/offices');
  const { UNPLACED } = await import('../fixtures/templateLayouts');
  const made = convertHtml({ unplaced: UNPLACED(['Fler vårdmöten på distans']) }, ['docx']);
  await openApp(page);
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Samla in' }).click();
  const panel = page.getByRole('complementary', { name: 'Samla in' });
  await panel.getByTestId('collect-files').setInputFiles({ name: 'Habiliteringen.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(made.unplaced!.docx) });
  await expect(panel.getByRole('region', { name: 'Var står förslagen?' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
});

test('Uppföljning: the view with a period, progress said and a closed period passes axe (WCAG 2.1 AA)', async ({ page }) => {
  await openApp(page);
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Uppföljning', exact: true }).click();
  expect(await audit(page)).toEqual([]);
  await page.getByLabel('Ditt namn').fill('Anna Berg');
  await page.getByLabel('Ny period').fill('2025');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  const states = page.getByRole('combobox', { name: /^Läge för / });
  await states.first().selectOption({ label: 'Pågår' });
  await states.nth(1).selectOption({ label: 'Försenad' });
  await expect(page.getByRole('textbox', { name: /^Kommentar till läget för / })).toHaveCount(2);
  expect(await audit(page)).toEqual([]);
  await page.getByRole('button', { name: 'Stäng perioden' }).click();
  await expect(states.first()).toBeDisabled();
  expect(await audit(page)).toEqual([]);
  await page.getByRole('button', { name: 'Öppna perioden igen' }).click();
  // The item's dialog with its progress.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder', exact: true }).click();
  await page.getByRole('list', { name: 'Nära invånaren, Viktiga milstolpar 2025', exact: true }).getByRole('button').first().press('Enter');
  await expect(page.getByRole('dialog', { name: 'Aktivitet' }).getByRole('group', { name: 'Uppföljning 2025' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.getByRole('dialog', { name: 'Aktivitet' }).getByRole('button', { name: 'Avbryt' }).click();
  // Delområden: a judgement, an indicator with values (chart, sentence, table), what an office did.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Uppföljning', exact: true }).click();
  await page.getByRole('group', { name: 'Följ upp' }).getByRole('button', { name: 'Delområden och indikatorer' }).click();
  await page.getByLabel('Bedömning för Nära vård').selectOption({ label: 'Rätt riktning' });
  const card = page.getByRole('article', { name: 'Andel digitala vårdkontakter' });
  for (const [date, value] of [['2024-12-31', '18'], ['2025-12-31', '24']] as const) {
    await card.getByLabel('Datum').fill(date);
    await card.getByRole('textbox', { name: /^Värde/ }).fill(value);
    await card.getByRole('button', { name: 'Lägg till värde' }).click();
  }
  await expect(card.getByRole('table', { name: 'Värden för Andel digitala vårdkontakter' }).getByRole('row')).toHaveCount(3);
  const performed = page.getByRole('form', { name: 'Nytt genomfört, Nära vård' });
  await performed.getByLabel('Vad har genomförts').fill('Mobila team');
  await performed.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('list', { name: 'Genomfört av utförare, Nära vård' })).toBeVisible();
  expect(await audit(page)).toEqual([]);
});
