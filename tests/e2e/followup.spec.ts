// Uppföljning: a period added, items' progress said with a comment, kept across a reload and
// undoable; a closed period is read only until it is opened again; bad input gets its message.
import { readFileSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { cellList, exportVia, openApp, waitSaved } from './helpers';
import { convert, convertToText, missingInOrder, pdfOutline } from './office';

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
  // T1 2026: the 2025 ring's year has passed — what is not Klar gets "!" after its mark.
  await expect(cell.getByRole('button').nth(0).locator('tspan.review-mark')).toHaveText('\u00a0▲!');
  await expect(cell.getByRole('button').nth(0)).toHaveAttribute('aria-description', /^Läge: Försenad/);
  await expect(cell.getByRole('button').nth(1)).toHaveAttribute('aria-description', /^Läge: Klar/);
  await expect(cell.getByRole('button').nth(2).locator('tspan.review-mark')).toHaveText('\u00a0!');
  await expect(cell.getByRole('button').nth(2)).toHaveAttribute('aria-description', /Ringens år har passerat – inte klar/);
  await expect(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026').locator('tspan.review-mark')).toHaveCount(0);
  await expect(page.locator('svg.fan .ring-legend')).toContainText('Läge T1 2026: ● Klar · ▲ Försenad · ! ringens år har passerat, inte klar');
  // Tabell: a tag with the mark, the word and the period.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell', exact: true }).click();
  await expect(page.locator('.tag-progress.is-forsenad')).toHaveText('▲ Försenad T1 2026');
  await expect(page.locator('.tag-progress.is-klar')).toHaveText('● Klar T1 2026');
  await expect(page.getByRole('button', { name: /^1\. Välfungerande samarbete/ }).locator('.tag-late')).toHaveText('! Ringens år har passerat – inte klar');
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
  await expect(progress).toContainText('Sagt av Anna Berg');
  // With a second period, the dialog chooses which one it follows up.
  await expect(progress.getByLabel('Period')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await openFollowUp(page);
  await page.getByLabel('Ny period').fill('T1 2026');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder', exact: true }).click();
  await cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025').getByRole('button').nth(1).press('Enter');
  await expect(dialog.getByRole('group', { name: 'Uppföljning T1 2026' }).getByRole('radio', { name: 'Inte angivet' })).toBeChecked();
  await dialog.getByLabel('Period').selectOption({ label: '2025' });
  await expect(dialog.getByRole('group', { name: 'Uppföljning 2025' }).getByRole('radio', { name: 'Försenad' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await openFollowUp(page);
  const table = page.getByRole('table', { name: 'Nära invånaren, Viktiga milstolpar 2025' });
  await expect(table.getByRole('combobox', { name: `Läge för ${LATE}` })).toHaveValue('forsenad');
  await expect(table.getByRole('textbox', { name: `Kommentar till läget för ${LATE}` })).toHaveValue('Väntar på upphandling');
});

test('Uppföljning per delområde: judgement, indicator values, what the offices did; marks on paper; the report in LibreOffice with its outline', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  const plan = JSON.parse(readFileSync((await (await exportVia(page, 'JSON')).path())!, 'utf8'));
  await openFollowUp(page);
  await page.getByLabel('Ditt namn').fill('Anna Berg');
  await page.getByLabel('Ny period').fill('2025');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  const table = page.getByRole('table', { name: 'Nära invånaren, Viktiga milstolpar 2025' });
  await table.getByRole('combobox', { name: `Läge för ${ITEM}` }).selectOption({ label: 'Klar' });
  await table.getByRole('textbox', { name: `Kommentar till läget för ${ITEM}` }).fill('Avtalet är undertecknat.');
  await table.getByRole('textbox', { name: `Kommentar till läget för ${ITEM}` }).blur();

  await page.getByRole('group', { name: 'Följ upp' }).getByRole('button', { name: 'Delområden och indikatorer' }).click();
  const nara = page.getByRole('region', { name: 'Nära vård' });
  await nara.getByLabel('Bedömning för Nära vård').selectOption({ label: 'Rätt riktning' });
  await nara.getByLabel('Motivering för Nära vård').fill('Fler digitala vårdmöten; kontinuiteten har inte ökat.');
  await nara.getByLabel('Motivering för Nära vård').blur();
  await expect(nara).toContainText('Anna Berg');

  // Values of an indicator: bad input gets its message and adds nothing.
  const card = page.getByRole('article', { name: 'Andel digitala vårdkontakter' });
  const value = card.getByRole('textbox', { name: /^Värde/ });
  await card.getByLabel('Datum').fill('2024-12-31');
  await value.fill('mycket');
  await card.getByRole('button', { name: 'Lägg till värde' }).click();
  await expect(page.getByText('Skriv värdet som ett tal, till exempel 12,5.')).toBeVisible();
  await expect(card.getByRole('table')).toHaveCount(0);
  for (const [date, v] of [['2024-12-31', '18'], ['2025-06-30', '21,5'], ['2025-09-30', '99'], ['2025-12-31', '24']] as const) {
    await card.getByLabel('Datum').fill(date);
    await value.fill(v);
    await card.getByLabel('Källa').fill('Vården i siffror');
    await card.getByRole('button', { name: 'Lägg till värde' }).click();
    await expect(value).toHaveValue('');
  }
  const values = card.getByRole('table', { name: 'Värden för Andel digitala vårdkontakter' });
  await expect(values.getByRole('row')).toHaveCount(5);
  await values.getByRole('button', { name: 'Ta bort värdet 2025-09-30' }).click();
  await expect(values.getByRole('row')).toHaveCount(4);
  await expect(values.getByRole('row').nth(2)).toContainText('21,5\u00a0%');
  // The chart for the eye (a point per value, the målvärde as a line), the same in words for everyone.
  await expect(card.locator('svg.indicator-chart circle')).toHaveCount(3);
  await expect(card.locator('svg.indicator-chart .chart-target-label')).toHaveText('Mål 30\u00a0%');
  await expect(card).toContainText('3 värden från 2024-12-31 till 2025-12-31; senaste 24\u00a0%, målvärde 30\u00a0%; närmare målet sedan förra mätningen.');

  const performed = page.getByRole('form', { name: 'Nytt genomfört, Nära vård' });
  await performed.getByLabel('Vad har genomförts').fill('Mobila närsjukvårdsteam i alla kommuner i norra länsdelen.');
  await performed.getByLabel('Förvaltning').fill('NU-sjukvården');
  await performed.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('list', { name: 'Genomfört av utförare, Nära vård' })).toHaveText(['Mobila närsjukvårdsteam i alla kommuner i norra länsdelen. – NU-sjukvården Ta bort']);

  // Closed: its judgement and entries are read only.
  await page.getByRole('button', { name: 'Stäng perioden' }).click();
  await expect(nara.getByLabel('Bedömning för Nära vård')).toBeDisabled();
  await expect(page.getByRole('form', { name: 'Nytt genomfört, Nära vård' })).toHaveCount(0);

  // On paper: the fan with its progress marks and their legend, the lists with the tag.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Exportera', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Skriv ut' }).click();
  await page.emulateMedia({ media: 'print' });
  const paper = page.getByRole('region', { name: 'Utskrift' });
  await expect(paper.getByRole('img', { name: /^Solfjäder: / })).toContainText('Läge 2025: ● Klar');
  await expect(paper.getByRole('img', { name: /^Solfjäder: / }).locator('tspan.review-mark', { hasText: '●' })).toHaveCount(1);
  await expect(paper.locator('.tag-progress.is-klar')).toHaveText('● Klar 2025');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // The report: LibreOffice opens it; A4 portrait text, the fan on a landscape page; its outline has the report's structure.
  const download = await exportVia(page, 'Uppföljningsrapport (.docx)');
  expect(download.suggestedFilename()).toBe('KL HoS handlingsplan 2025–2027 (utkast) – uppföljning 2025.docx');
  const docx = (await download.path())!;
  const pdf = readFileSync(convert(docx, 'pdf'));
  // Each page's size (not the page tree's default).
  const boxes = [...pdf.toString('latin1').matchAll(/\/Type\/Page\/[^>]*?\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(new Set(boxes.slice(0, -1).map(String))).toEqual(new Set(['595,842']));
  expect(boxes.at(-1)).toEqual([842, 595]);
  const parts = (name: string) => [name, '  Koncernövergripande aktiviteter 2025', '  Genomfört av utförare under 2025', '  Uppföljning'];
  expect(pdfOutline(pdf)).toEqual([
    'Sammanfattning',
    ...(plan.plan.catalogue.delomraden as { name: string }[]).flatMap((d) => parts(d.name)),
    ...parts('Övriga aktiviteter').slice(0, 3),
    'Sammanställning av läget',
    'Solfjädern med läget 2025',
  ]);
  const text = convertToText(docx);
  expect(missingInOrder(text, ['Uppföljning 2025: KL HoS handlingsplan', 'Nära vård', 'Samlad bedömning: Rätt riktning', 'Fler digitala vårdmöten; kontinuiteten har inte ökat.', 'Andel digitala vårdkontakter'])).toEqual([]);
  expect(text).toContain('Mobila närsjukvårdsteam i alla kommuner i norra länsdelen.\n– NU-sjukvården');
  expect(text).toContain('2025-06-30: 21,5 % (Vården i siffror)');
  expect(missingInOrder(text.slice(text.indexOf('Sammanställning av läget')), [ITEM, '● Klar', 'Avtalet är undertecknat.'])).toEqual([]);
});

test('Skicka ut a follow-up form per office; Samla in reads the answers back into Uppföljning, credited to the office', async ({ page }, info) => {
  await openApp(page);
  await openFollowUp(page);
  await page.getByLabel('Ditt namn').fill('Anna Berg');
  await page.getByLabel('Ny period').fill('2025');
  await page.getByRole('button', { name: 'Lägg till period' }).click();
  await expect(page.getByLabel('Period', { exact: true })).toHaveValue('2025');

  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Samla in' }).click();
  const panel = page.getByRole('complementary', { name: 'Samla in' });
  await panel.getByRole('button', { name: 'Skicka ut…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skicka ut' });
  await dialog.getByRole('radio', { name: 'Uppföljning 2025' }).check();
  await dialog.getByLabel('Fler mottagare, en per rad').fill('NU-sjukvården');
  await dialog.getByRole('checkbox', { name: 'Planfil för uppföljning (.json)' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Skapa filer' }).click();
  const zipPath = info.outputPath('utskick.zip');
  await (await download).saveAs(zipPath);
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const names = Object.keys(zip.files).sort();
  expect(names.map((n) => n.replace(/^.* – uppföljning /, ''))).toEqual(['2025 – NU-sjukvården.docx', '2025 – NU-sjukvården.json']);
  // The Word form names the office and the period, with every item asked about (none is NU-sjukvården's: all of them).
  const docx = info.outputPath('formular.docx');
  writeFileSync(docx, await zip.file(names[0]!)!.async('uint8array'));
  const form = convertToText(docx);
  expect(missingInOrder(form, ['Förvaltning: NU-sjukvården', 'Period: 2025', 'Läget 2025', ITEM, 'Genomfört av utförare under 2025', 'Nära vård'])).toEqual([]);

  // The office follows the plan up in its own Solfjädern and sends the plan file back.
  const answer = JSON.parse(await zip.file(names[1]!)!.async('string'));
  const item = (answer.items as Array<{ id: string; text: string }>).find((i) => i.text === ITEM)!;
  answer.followUp.progress = [{ periodId: '2025', itemId: item.id, state: 'klar', comment: 'Avtalet är undertecknat.', by: 'Eva på NU', at: '2026-01-15T10:00:00.000Z', source: null }];
  answer.followUp.performed = [{ id: 'g1', periodId: '2025', delomradeId: 'nara-vard', text: 'Mobila närsjukvårdsteam i alla kommuner.', kalla: 'NU-sjukvården', inputId: null }];
  await panel.getByTestId('collect-files').setInputFiles({ name: 'svar från NU.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(answer)) });
  await expect(page.getByText('Uppföljning 2025 från NU-sjukvården: 1 läge och 1 genomförd insats togs in.')).toBeVisible();

  await openFollowUp(page);
  const table = page.getByRole('table', { name: 'Nära invånaren, Viktiga milstolpar 2025' });
  await expect(table.getByRole('combobox', { name: `Läge för ${ITEM}` })).toHaveValue('klar');
  await expect(table.getByRole('textbox', { name: `Kommentar till läget för ${ITEM}` })).toHaveValue('Avtalet är undertecknat.');
  await expect(table.getByRole('row').filter({ hasText: ITEM })).toContainText('NU-sjukvården');
  await page.getByRole('group', { name: 'Följ upp' }).getByRole('button', { name: 'Delområden och indikatorer' }).click();
  await expect(page.getByRole('list', { name: 'Genomfört av utförare, Nära vård' })).toContainText('Mobila närsjukvårdsteam i alla kommuner. – NU-sjukvården');
  // One step: undone at once.
  await page.getByRole('button', { name: 'Ångra', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Genomfört av utförare, Nära vård' })).toHaveCount(0);
});
