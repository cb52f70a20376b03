// Samla in and Skicka ut through the UI: files that came back from the offices taken in,
// weighed, merged, split, dismissed and placed; all of it surviving a reload; the sources
// in the exported Word plan (read by LibreOffice too).
import { readFileSync } from 'node:fs';
import { convertHtml } from '../fixtures/offices';
import { EXPECTED, PAGES, UNPLACED } from '../fixtures/templateLayouts';
import { expect, test, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { buildAlikeLinesFile, buildCollectFiles, DIFFERENT, PROPOSALS, SAME } from './collectFiles';
import { cellList, center, clickItem, dragTo, exportVia, itemPoint, listTexts, openApp, waitSaved } from './helpers';
import { convertToText } from './office';

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Samla in' });

async function openCollect(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Samla in' }).click();
  const panel = panelOf(page);
  await expect(panel.getByRole('button', { name: 'Välj filer…' })).toBeEnabled();
  return panel;
}

interface Shown {
  text: string;
  weight: string;
  sources: Array<{ text: string; meta: string; italic: boolean }>;
}

/** The groups as drawn: wording, weight, and every original wording with its source. */
const entries = (panel: Locator): Promise<Shown[]> =>
  panel.getByRole('list', { name: 'Förslag' }).evaluate((list) =>
    [...list.querySelectorAll(':scope > li')].map((li) => ({
      text: li.querySelector('.card-text')!.textContent!.trim(),
      weight: li.querySelector('.collect-weight')!.textContent!.trim(),
      sources: [...li.querySelectorAll('.collect-sources li')].map((s) => ({
        text: s.querySelector('.source-text')!.textContent!.replace(/^”|”$/g, ''),
        meta: s.querySelector('.source-meta')!.textContent!,
        italic: getComputedStyle(s.querySelector('.source-text')!).fontStyle === 'italic',
      })),
    })),
  );

const groupOf = (shown: Shown[], text: string) => shown.findIndex((e) => e.sources.some((s) => s.text === text));
const entry = (panel: Locator, text: string) => panel.getByRole('listitem', { name: text, exact: true });

test('take in nine files, weigh, merge, split, dismiss and place; it survives reload and the Word plan lists the sources', async ({ page }, info) => {
  test.setTimeout(180_000);
  const paths = await buildCollectFiles();
  expect(paths).toHaveLength(9);
  await openApp(page);
  const panel = await openCollect(page);
  await panel.getByTestId('collect-files').setInputFiles(paths);
  await expect(page.getByText(`7 filer togs in med ${PROPOSALS.length} förslag. 2 filer kunde inte läsas – se Filer.`)).toBeVisible();

  // Every file is listed; the two broken ones with their reason.
  const files = panel.getByRole('list', { name: 'Filer' }).getByRole('listitem');
  await expect(files).toHaveCount(9);
  await expect(files.filter({ hasText: 'Kunde inte läsas' })).toHaveCount(2);
  await expect(files.filter({ hasText: 'trasig.docx' })).toContainText('Kunde inte läsas');
  await expect(files.filter({ hasText: 'SkaS ifylld.docx' })).toContainText('Skaraborgs Sjukhus · 3 förslag');
  // The same files again add nothing.
  await panel.getByTestId('collect-files').setInputFiles(paths);
  await expect(page.getByText('Inga nya filer. 9 filer fanns redan i insamlingen och togs inte in igen.')).toBeVisible();
  await expect(files).toHaveCount(9);

  // Every readable proposal is there, credited to its office; the italic one is marked extra.
  let shown = await entries(panel);
  for (const p of PROPOSALS) {
    const found = shown.flatMap((e) => e.sources).find((s) => s.text === p.text && s.meta.includes(p.kalla));
    expect(found, `${p.text} (${p.kalla})`).toBeTruthy();
  }
  expect(shown.flatMap((e) => e.sources)).toHaveLength(PROPOSALS.length);
  const italic = shown.flatMap((e) => e.sources).find((s) => s.text === 'Mobila närvårdsteam i alla kommuner')!;
  expect(italic.italic).toBe(true);
  expect(italic.meta).toContain('extra (kursiv)');

  // The fixture's pairs: the same ones group, the different ones do not.
  for (const [a, b] of SAME.slice(0, 5)) expect(groupOf(shown, a), `${a} ~ ${b}`).toBe(groupOf(shown, b));
  for (const [a, b] of DIFFERENT.slice(0, 4)) expect(groupOf(shown, a), `${a} ≁ ${b}`).not.toBe(groupOf(shown, b));
  // Search narrows the list to the groups whose wordings or offices match.
  await panel.getByLabel('Sök bland förslagen').fill('idéburen');
  await expect(panel.getByRole('list', { name: 'Förslag' }).locator(':scope > li')).toHaveCount(1);
  await expect(panel.getByRole('list', { name: 'Förslag' })).toContainText(DIFFERENT[3]![1]);
  await panel.getByLabel('Sök bland förslagen').fill('');
  await expect(panel.getByRole('list', { name: 'Förslag' }).locator(':scope > li')).toHaveCount(shown.length);
  const patients = shown[groupOf(shown, SAME[0]![0])]!;
  expect(patients.weight).toBe('2 förvaltningar, snittplats 1');

  // Merge: choose the second wording, then edit it.
  const merged = 'Fler patientgrupper tas om hand i nära vården';
  const group = entry(panel, patients.text);
  await group.getByRole('button', { name: 'Slå ihop…' }).click();
  await group.getByRole('radio', { name: new RegExp(SAME[0]![1]) }).check();
  await expect(group.getByLabel('Formulering i planen')).toHaveValue(SAME[0]![1]);
  await group.getByLabel('Formulering i planen').fill(merged);
  await group.getByRole('button', { name: 'Slå ihop', exact: true }).click();
  await expect(entry(panel, merged)).toContainText('2 förvaltningar, snittplats 1 · sammanslagen');

  // Merge two groups the similarity kept apart: mark both, merge the marked.
  await entry(panel, DIFFERENT[2]![0]).getByRole('checkbox').check();
  await entry(panel, DIFFERENT[2]![1]).getByRole('checkbox').check();
  await panel.getByRole('button', { name: 'Slå ihop markerade (2)' }).click();
  await panel.getByRole('form', { name: 'Slå ihop förslag' }).getByRole('button', { name: 'Slå ihop', exact: true }).click();
  await expect(entry(panel, DIFFERENT[2]![0])).toContainText('2 förvaltningar, snittplats 1 · sammanslagen');

  // Split a group: each proposal stands alone.
  const discharge = shown[groupOf(shown, SAME[4]![0])]!;
  await entry(panel, discharge.text).getByRole('button', { name: 'Dela upp' }).click();
  await expect(entry(panel, SAME[4]![0])).toContainText('1 förvaltning');
  await expect(entry(panel, SAME[4]![1])).toContainText('1 förvaltning');

  // Dismiss one; it waits under Avfärdade.
  await entry(panel, DIFFERENT[1]![1]).getByRole('button', { name: 'Avfärda', exact: true }).click();
  await panel.getByText('Avfärdade (1)').click();
  await expect(panel.getByRole('list', { name: 'Avfärdade' }).getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('list', { name: 'Avfärdade' })).toContainText(DIFFERENT[1]![1]);

  // Place the merged group by dragging it into the fan, below the cell's items.
  const target = cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026');
  const items = target.getByRole('button');
  const first = await itemPoint(items.nth(0));
  const last = await itemPoint(items.nth(1));
  const len = Math.hypot(last.x - first.x, last.y - first.y);
  const below = { x: last.x + ((last.x - first.x) / len) * 45, y: last.y + ((last.y - first.y) / len) * 45 };
  const card = entry(panel, merged).locator('.collect-card');
  await card.scrollIntoViewIfNeeded();
  await dragTo(page, await center(card), below);
  await expect.poll(() => listTexts(target)).toEqual(['Fler patientgrupper omhändertas i nära vården', 'Xx % av resurserna är omställda till nära vård', merged]);
  await expect(entry(panel, merged)).toHaveCount(0);

  // Place another by choosing its cell (the keyboard's way).
  const together = shown[groupOf(shown, SAME[1]![0])]!;
  const row = entry(panel, together.text);
  await row.getByRole('combobox').selectOption({ label: 'En sammanhållen hälso- och sjukvård, Viktiga milstolpar 2025' });
  await row.getByRole('button', { name: 'Placera' }).click();
  const sammanhallen = cellList(page, 'En sammanhållen hälso- och sjukvård', 'Viktiga milstolpar 2025');
  await expect.poll(async () => (await listTexts(sammanhallen)).at(-1)).toBe(together.text);
  await expect(panel.getByRole('status').filter({ hasText: 'placerade i planen' })).toContainText('4 placerade i planen');

  // One the plan already has: its proposals join that item's sources instead.
  const plans = shown[groupOf(shown, SAME[3]![0])]!;
  const existing = 'Kompetensförsörjningsplaner utgår från framtida behov';
  await expect(entry(panel, plans.text)).toContainText(`Finns redan i planen: ”${existing}” (Ledarskap och kompetensförsörjning, Viktiga milstolpar 2025).`);
  await entry(panel, plans.text).getByRole('button', { name: `Lägg till som källor till ”${existing}”` }).click();
  await expect(page.getByText(`2 förslag lades till som källor till ”${existing}”.`)).toBeVisible();
  await expect(entry(panel, plans.text)).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'placerade i planen' })).toContainText('6 placerade i planen');

  // Everything survives a reload.
  await waitSaved(page);
  await page.reload();
  await expect(page.locator('svg.fan')).toBeVisible();
  const again = await openCollect(page);
  await expect(again.getByRole('list', { name: 'Filer' }).getByRole('listitem')).toHaveCount(9);
  shown = await entries(again);
  expect(groupOf(shown, SAME[0]![0])).toBe(-1);
  expect(groupOf(shown, SAME[1]![0])).toBe(-1);
  expect(groupOf(shown, SAME[4]![0])).not.toBe(groupOf(shown, SAME[4]![1]));
  expect(shown[groupOf(shown, DIFFERENT[2]![0])]!.sources.map((s) => s.text)).toEqual([DIFFERENT[2]![0], DIFFERENT[2]![1]]);
  await again.getByText('Avfärdade (1)').click();
  await expect(again.getByRole('list', { name: 'Avfärdade' }).getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => listTexts(target)).toEqual(['Fler patientgrupper omhändertas i nära vården', 'Xx % av resurserna är omställda till nära vård', merged]);

  // The placed item shows its sources and weight: read out in the fan, in full in its dialog.
  await expect(target.getByRole('button', { name: new RegExp(merged) })).toHaveAttribute('aria-description', 'Föreslagen av 2 förvaltningar, snittplats 1');
  await clickItem(page, target.getByRole('button', { name: new RegExp(merged) }));
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Vikt: 2 förvaltningar, snittplats 1.')).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Källor' }).getByRole('listitem')).toHaveText([
    `NU-sjukvården, plats 1”${SAME[0]![0]}”`,
    `Skaraborgs Sjukhus, plats 1”${SAME[0]![1]}”`,
  ]);
  await expect(dialog.getByLabel('Källa (vem föreslog)')).toHaveValue('NU-sjukvården, Skaraborgs Sjukhus');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();

  // The Word plan lists the sources — in the XML and as LibreOffice reads it.
  const download = await exportVia(page, 'Word (.docx)');
  const docx = info.outputPath('plan.docx');
  await download.saveAs(docx);
  const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
  const sources = `Källor: NU-sjukvården (plats 1): ”${SAME[0]![0]}”; Skaraborgs Sjukhus (plats 1): ”${SAME[0]![1]}”`;
  expect(xml).toContain(sources);
  const text = convertToText(docx);
  expect(text).toContain(merged);
  expect(text).toContain(sources);
  expect(text).toContain('Vikt: 2 förvaltningar, snittplats 1');
  expect(text).toContain(`Källor: Regionhälsan (plats 1): ”${SAME[1]![0]}”; Folktandvården (plats 1): ”${SAME[1]![1]}”`);
  expect(text).toContain(`Källor: Primärvården (plats 1): ”${SAME[3]![0]}”; Folktandvården (plats 2): ”${SAME[3]![1]}”`);

  // The table tags it with its number of offices.
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell' }).click();
  await expect(cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2026').getByRole('button', { name: `3. ${merged} 2 förvaltningar` })).toBeVisible();
});

test('Skicka ut makes one file per recipient and kind in a zip; files dropped on the page are taken in', async ({ page }, info) => {
  await openApp(page);
  const panel = await openCollect(page);
  await panel.getByRole('button', { name: 'Skicka ut…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skicka ut' });
  await dialog.getByRole('button', { name: 'Skapa filer' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Välj eller skriv minst en mottagare.');
  await dialog.getByRole('checkbox', { name: 'NU-sjukvården' }).check();
  await dialog.getByLabel('Fler mottagare, en per rad').fill('Habilitering & Hälsa\n\nnu-sjukvården');
  await dialog.getByRole('checkbox', { name: 'Planfil för inspel (.json)' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Skapa filer' }).click();
  const zipPath = info.outputPath('utskick.zip');
  await (await download).saveAs(zipPath);
  await expect(page.getByText(/^4 filer till 2 mottagare sparades i .* – utskick\.zip\.$/)).toBeVisible();
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const names = Object.keys(zip.files).sort();
  expect(names.map((n) => n.replace(/^.* – (mall|inspel) – /, '$1 – '))).toEqual([
    'inspel – Habilitering & Hälsa.json',
    'inspel – NU-sjukvården.json',
    'mall – Habilitering & Hälsa.docx',
    'mall – NU-sjukvården.docx',
  ]);

  // The JSON file for Habilitering & Hälsa, filled in (one proposal left in Inspel) and dropped
  // on the page, comes back under that name.
  const parsed = JSON.parse(await zip.file(names[0]!)!.async('string'));
  const text = 'Hälsosamtal för alla 40-åringar';
  parsed.items = [
    { id: 'x', planId: parsed.plan.id, text, description: '', delomraden: [], effektmal: [], indikator: { text: '', target: null, unit: '' }, ansvarsniva: null, kalla: '', extraChoice: 'auto', extra: false, status: 'forslag', comments: [], sources: [], cell: null, rank: 0 },
  ];
  await page.getByRole('button', { name: 'Visa Inspel' }).click();
  await page.evaluate(async (json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], 'svar.json', { type: 'application/json' }));
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, JSON.stringify(parsed));
  await expect(page.getByText('1 fil togs in med 1 förslag.')).toBeVisible();
  const dropped = panelOf(page).getByRole('listitem', { name: text, exact: true });
  await expect(dropped).toContainText('1 förvaltning, snittplats 1');
  await expect(dropped).toContainText('1 formulering: Habilitering & Hälsa');
  await panelOf(page).getByText('Filer (1)').click();
  await expect(panelOf(page).getByRole('list', { name: 'Filer' })).toContainText('Habilitering & Hälsa · 1 förslag');

  // Removing a file can be undone; until then nothing of it is lost.
  await panelOf(page).getByRole('button', { name: 'Ta bort svar.json ur insamlingen' }).click();
  await expect(page.getByText('svar.json togs bort ur insamlingen.')).toBeVisible();
  await expect(panelOf(page).getByText('Inga filer ännu.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Ångra', exact: true }).last().click();
  await panelOf(page).getByText('Filer (1)').click();
  await expect(panelOf(page).getByRole('list', { name: 'Filer' })).toContainText('svar.json');
});

test('a crafted file of 6,000 alike lines is grouped and shown; a damaged stored collection opens with the damage named and the rest shown', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?automation');
  await expect(page.locator('svg.fan')).toBeVisible();
  const panel = await openCollect(page);
  await panel.getByTestId('collect-files').setInputFiles(await buildAlikeLinesFile(6000));
  await expect(panel.getByText(/av 6000 förslag/)).toBeVisible({ timeout: 60_000 });
  // One group of 6,000, and the page is still there.
  await expect(panel.getByRole('list', { name: 'Förslag' }).locator(':scope > li')).toHaveCount(1);
  await expect(page.locator('svg.fan')).toBeVisible();

  // A stored file whose proposals cannot be read as they are: the panel shows the files, not a blank page.
  await page.evaluate(async () => {
    const { planId } = { planId: (window as unknown as { __solfjadern: { editor: { getState: () => { doc: { plan: { id: string } } } } } }).__solfjadern.editor.getState().doc.plan.id };
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('solfjadern');
      open.onsuccess = () => {
        const tx = open.result.transaction('collections', 'readwrite');
        const store = tx.objectStore('collections');
        const get = store.get(planId);
        get.onsuccess = () => {
          const row = get.result;
          row.files.push({ id: 'trasig', name: 'trasig-rad.docx', importedAt: new Date().toISOString(), kalla: 'Trasig', inputs: 'inte en lista', error: null });
          store.put(row);
        };
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      };
    });
  });
  await page.reload();
  const again = await openCollect(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Filen ”trasig-rad.docx” i insamlingen kunde inte läsas helt' })).toBeVisible();
  await expect(again.getByRole('list', { name: 'Förslag' }).locator(':scope > li')).toHaveCount(1);
  await expect(page.locator('svg.fan')).toBeVisible();
  // The damaged file is listed as unreadable and can be removed.
  const files = again.getByRole('list', { name: 'Filer' });
  await expect(files.getByRole('listitem').filter({ hasText: 'trasig-rad.docx' })).toContainText('Kunde inte läsas');
  await files.getByRole('button', { name: 'Ta bort trasig-rad.docx ur insamlingen' }).click();
  await expect(again.getByText('Filer (1)', { exact: true })).toBeVisible();
});

test('templates in other layouts, saved by LibreOffice as .docx and .odt, come in through the panel with their delområde, year, place and extra mark', async ({ page }) => {
  test.setTimeout(180_000);
  const made = convertHtml(PAGES);
  const files = Object.entries(made).flatMap(([layout, kinds]) =>
    (['docx', 'odt'] as const).map((kind) => ({ name: `${layout}-${kind}.${kind}`, mimeType: 'application/octet-stream', buffer: Buffer.from(kinds[kind]) })),
  );
  await openApp(page);
  const panel = await openCollect(page);
  await panel.getByTestId('collect-files').setInputFiles(files);
  const total = Object.values(EXPECTED).reduce((n, list) => n + list.length, 0) * 2;
  await expect(page.getByText(`${files.length} filer togs in med ${total} förslag.`)).toBeVisible();
  const shown = (await entries(panel)).flatMap((e) => e.sources);
  for (const [layout, proposals] of Object.entries(EXPECTED)) {
    for (const kind of ['docx', 'odt']) {
      for (const p of proposals) {
        const found = shown.find((s) => s.text === p.text && s.meta.startsWith(`– ${layout}-${kind}, ${p.delomrade} ${p.year}, plats ${p.rank + 1}`));
        expect(found, `${layout}.${kind}: ${p.text}`).toBeTruthy();
        expect(found!.italic, `${layout}.${kind}: ${p.text} in italics`).toBe(p.extra);
      }
    }
  }
});

test('a table the reader cannot place: the panel shows it and asks, the user points out the column, the proposals come in; the next file of that layout comes in without asking', async ({ page }) => {
  test.setTimeout(180_000);
  const made = convertHtml({ first: UNPLACED(['Fler vårdmöten på distans', 'Gemensam journal']), second: UNPLACED(['Mobila team']) }, ['docx']);
  await openApp(page);
  const panel = await openCollect(page);
  await panel.getByTestId('collect-files').setInputFiles({ name: 'Habiliteringen.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(made.first!.docx) });
  const ask = panel.getByRole('region', { name: 'Var står förslagen?' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('I Habiliteringen.docx finns ingen kolumn ”Prioriterade områden”');
  await expect(ask.getByRole('table')).toContainText('Fler vårdmöten på distans');
  // Nothing came in yet.
  await expect(page.getByText('1 fil behöver din hjälp: peka ut kolumnen med förslagen under ”Var står förslagen?”.')).toBeVisible();
  await expect(panel.getByText(/^Filer \(/)).toHaveCount(0);
  await ask.getByRole('button', { name: 'Förslagen står här – i kolumnen ”Idéer”' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByText('1 fil togs in med 2 förslag.')).toBeVisible();
  await panel.getByText('Filer (1)').click();
  const files = panel.getByRole('list', { name: 'Filer' }).getByRole('listitem');
  await expect(files.filter({ hasText: 'Habiliteringen.docx' })).toContainText('Habiliteringen · 2 förslag');
  let shown = (await entries(panel)).flatMap((e) => e.sources);
  expect(shown.map((s) => s.text)).toEqual(expect.arrayContaining(['Fler vårdmöten på distans', 'Gemensam journal']));

  // The same layout again: no question.
  await panel.getByTestId('collect-files').setInputFiles({ name: 'Tandvården.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(made.second!.docx) });
  await expect(page.getByText('1 fil togs in med 1 förslag.')).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Var står förslagen?' })).toHaveCount(0);
  shown = (await entries(panel)).flatMap((e) => e.sources);
  expect(shown.map((s) => s.text)).toContain('Mobila team');
  // Remembered with the collection: after a reload too.
  await page.reload();
  const again = await openCollect(page);
  await again.getByTestId('collect-files').setInputFiles({ name: 'Kopia.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(made.second!.docx) });
  await expect(page.getByText('1 fil togs in med 1 förslag.')).toBeVisible();
  await expect(again.getByRole('region', { name: 'Var står förslagen?' })).toHaveCount(0);
  await expect(again.getByText('2 formuleringar: Tandvården, Kopia')).toBeVisible();
});
