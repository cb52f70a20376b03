import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { cellList, clickItem, exportVia, openApp, saveVersionThenEdit, versionsDialog } from './helpers';
import { convert, convertToText, missingInOrder } from './office';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';

interface FileItem {
  id: string;
  text: string;
  extra: boolean;
  cell: { bladeId: string; ringId: string } | null;
}

/** The plan as the app exports it: the JSON file, read through the menu. */
async function planJson(page: Page) {
  return JSON.parse(readFileSync((await (await exportVia(page, 'JSON')).path())!, 'utf8'));
}

const EXTRA = 'Hälsofrämjande insatser är tydligt prioriterade i budget och verksamhetsplan';

async function markExtra(page: Page) {
  await clickItem(page, cellList(page, 'Hälsofrämjande och förebyggande', 'Viktiga milstolpar 2026').getByRole('button').first());
  const dialog = page.getByRole('dialog', { name: 'Aktivitet' });
  await dialog.getByLabel('Extra', { exact: true }).selectOption('Extra – visas kursivt');
  await dialog.getByRole('button', { name: 'Spara' }).click();
  await expect(dialog).toBeHidden();
}

/** Each run of document.xml with its text and whether it is set in italics. */
async function runs(docx: string) {
  const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, body]) => ({
    text: [...body!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    italic: /<w:i\/>|<w:i w:val="(true|1)"\/>/.test(body!),
  }));
}

test.describe.configure({ timeout: 120_000 });

test('Word (.docx): LibreOffice opens the plan, every item in order, extras in italics; importing it gives the plan back', async ({ page }) => {
  await openApp(page);
  await markExtra(page);
  const plan = await planJson(page);
  const download = await exportVia(page, 'Word (.docx)');
  expect(download.suggestedFilename()).toBe('KL HoS handlingsplan 2025–2027 (utkast) – handlingsplan.docx');
  const docx = (await download.path())!;

  const pdf = readFileSync(convert(docx, 'pdf'));
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  // An A3 landscape page (the title and the fan) and A4 landscape pages (the tables).
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(boxes).toContainEqual([1191, 842]);
  expect(boxes).toContainEqual([842, 595]);
  const text = convertToText(docx);
  const placed = (plan.items as FileItem[]).filter((i) => i.cell);
  expect(placed).toHaveLength(EXAMPLE_ITEM_COUNT);
  // The file lists items blade by blade, ring by ring, by rank: the document must too.
  expect(missingInOrder(text, placed.map((i) => i.text))).toEqual([]);
  for (const heading of ['Nära invånaren', 'Effektmål utan aktivitet', 'Prioriterade aktiviteter i prioritetsordning']) expect(text).toContain(heading);

  const all = await runs(docx);
  expect(all.filter((r) => r.text === EXTRA).map((r) => r.italic)).toEqual([true]);
  const plainItem = placed.find((i) => !i.extra)!;
  expect(all.filter((r) => r.text === plainItem.text).map((r) => r.italic)).toEqual([false]);

  // The Word file carries the plan: Importera reads it back and says where it came from.
  await page.getByTestId('import-file').setInputFiles({ name: 'handlingsplan.docx', mimeType: 'application/octet-stream', buffer: readFileSync(docx) });
  const dialog = page.getByRole('dialog', { name: 'Importera plan' });
  await expect(dialog).toContainText('Word-filen är handlingsplanen för ”KL HoS handlingsplan 2025–2027 (utkast)”');
  await expect(dialog).toContainText(`med ${EXAMPLE_ITEM_COUNT} aktiviteter`);
});

test('Mall att fylla i (.docx): LibreOffice opens the template with its instruction, columns, delområden and years', async ({ page }) => {
  await openApp(page);
  await markExtra(page);
  const plan = await planJson(page);
  const download = await exportVia(page, 'Mall att fylla i (.docx)');
  expect(download.suggestedFilename()).toBe('KL HoS handlingsplan 2025–2027 (utkast) – mall att fylla i.docx');
  const docx = (await download.path())!;
  expect(readFileSync(convert(docx, 'pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  const text = convertToText(docx);
  expect(text).toContain('tre viktigaste prioriterade områdena');
  expect(text).toContain('fem för Nära vård');
  expect(
    missingInOrder(text, ['Solfjäderns nuvarande aktiviteter som ska revideras', 'Prioriterade områden', 'Effektmål från genomförandeplanen', 'Indikator']),
  ).toEqual([]);
  for (const delomrade of plan.plan.catalogue.delomraden as { name: string; effektmal: { text: string }[] }[]) {
    const at = text.indexOf(`\n${delomrade.name}\n`);
    expect(at, delomrade.name).toBeGreaterThan(0);
    // Its group: a row to fill in per ring, and its effektmål.
    expect(missingInOrder(text.slice(at), (plan.plan.rings as { label: string }[]).map((r) => r.label))).toEqual([]);
    for (const goal of delomrade.effektmal) expect(text).toContain(goal.text);
  }
  expect(all(await runs(docx), EXTRA)).toEqual([true]);
});

/** Buttons a printed page would show. */
const visibleButtons = (page: Page) => page.locator('button, [role="button"]').evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).getClientRects().length > 0).map((n) => n.textContent));

/** Export from the menu in `scope` (the toolbar, or Presentera's corner); a failure notice fails the test. */
async function exportFrom(page: Page, scope: ReturnType<Page['locator']>, entry: string) {
  const download = page.waitForEvent('download');
  await scope.getByRole('button', { name: 'Exportera', exact: true }).click();
  await page.getByRole('menu', { name: 'Exportera' }).getByRole('menuitem', { name: entry, exact: true }).click();
  const done = await download;
  await expect(page.getByText(/Det gick inte att skapa/)).toHaveCount(0);
  return done;
}

async function svgItems(path: string) {
  return readFileSync(path, 'utf8');
}

test('every export works from Tabell, from Presentera and from a version open read-only; print from Tabell gives the fan and no buttons', async ({ page }) => {
  await openApp(page);
  const toolbar = page.getByRole('navigation', { name: 'Verktyg' });
  const views = page.getByRole('group', { name: 'Vy' });
  await views.getByRole('button', { name: 'Tabell', exact: true }).click();
  await expect(page.locator('svg.fan')).toHaveCount(0);
  for (const entry of ['Word (.docx)', 'Bild (SVG)', 'Bild (PNG)', 'Mall att fylla i (.docx)', 'JSON']) {
    const file = await exportFrom(page, toolbar, entry);
    expect(readFileSync((await file.path())!).length, entry).toBeGreaterThan(1000);
  }
  const svg = await svgItems((await (await exportFrom(page, toolbar, 'Bild (SVG)')).path())!);
  expect(svg).toContain('Välfungerande samarbete');
  const docx = (await (await exportFrom(page, toolbar, 'Word (.docx)')).path())!;
  const zip = await JSZip.loadAsync(readFileSync(docx));
  expect(Object.keys(zip.files).filter((f) => /^word\/media\/.*\.(svg|png)$/.test(f))).toHaveLength(2);

  // Print from Tabell: the fan and the tables, not the editing table with its buttons.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await toolbar.getByRole('button', { name: 'Exportera', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Skriv ut' }).click();
  await page.emulateMedia({ media: 'print' });
  const paper = page.getByRole('region', { name: 'Utskrift' });
  await expect(paper.getByRole('img', { name: /^Solfjäder: / })).toBeVisible();
  await expect(paper.getByRole('img', { name: /^Solfjäder: / })).toContainText('Välfungerande samarbete');
  expect(await visibleButtons(page)).toEqual([]);
  await expect(page.getByRole('button', { name: /Lägg till/ }).first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // Presentera has the same menu in its corner.
  await views.getByRole('button', { name: 'Solfjäder', exact: true }).click();
  await toolbar.getByRole('button', { name: 'Presentera' }).click();
  const presentation = page.getByRole('main', { name: /^Presentation/ });
  await expect(presentation).toBeVisible();
  await page.keyboard.press('ArrowRight');
  for (const entry of ['Bild (SVG)', 'Word (.docx)']) {
    const file = await exportFrom(page, presentation, entry);
    expect(readFileSync((await file.path())!).length, entry).toBeGreaterThan(1000);
  }
  // The overview is exported, whichever blade is presented.
  const presented = await svgItems((await (await exportFrom(page, presentation, 'Bild (SVG)')).path())!);
  for (const blade of ['Nära invånaren', 'Hälsofrämjande och förebyggande']) expect(presented).toContain(blade);
  expect(presented).toContain('Välfungerande samarbete');
  expect(presented).toContain('Tydligt invånarfokus');
  await presentation.getByRole('button', { name: 'Avsluta presentationen' }).click();

  // A version open read-only exports as it was saved, named by its version.
  await saveVersionThenEdit(page, 'Utkast 1', 'Ändrad efter versionen');
  await (await versionsDialog(page)).getByRole('button', { name: 'Öppna Utkast 1' }).click();
  await expect(page.getByText(/^Version ”Utkast 1”, sparad .* – skrivskyddad$/)).toBeVisible();
  const old = await svgItems((await (await exportFrom(page, toolbar, 'Bild (SVG)')).path())!);
  expect(old).toContain('Nära vård är invånarens självklara');
  expect(old).not.toContain('Ändrad efter versionen');
  const oldWord = await JSZip.loadAsync(readFileSync((await (await exportFrom(page, toolbar, 'Word (.docx)')).path())!));
  expect(await oldWord.file('word/document.xml')!.async('string')).toContain('Version: Utkast 1');
});

const all = (runs: { text: string; italic: boolean }[], text: string) => runs.filter((r) => r.text === text).map((r) => r.italic);

test('Bild (SVG) parses and holds every item; Bild (PNG) is the same picture at 2×', async ({ page }) => {
  await openApp(page);
  const plan = await planJson(page);
  const svgDownload = await exportVia(page, 'Bild (SVG)');
  expect(svgDownload.suggestedFilename()).toBe('KL HoS handlingsplan 2025–2027 (utkast).svg');
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      desc: root.querySelector('desc')?.textContent ?? '',
      drawn: [...root.querySelectorAll('text')].map((t) => t.textContent).join(' '),
      remote: [...root.querySelectorAll('*')].some((n) => [...n.attributes].some((a) => /^(https?:)?\/\//.test(a.value))),
    };
  }, svg);
  expect(parsed.errors).toBe(0);
  expect(parsed.remote).toBe(false);
  for (const item of plan.items as FileItem[]) expect(parsed.desc).toContain(item.text);
  for (const blade of plan.plan.blades as { name: string }[]) expect(parsed.drawn).toContain(blade.name);
  // What the page draws is what the file draws: the same number of item lines.
  const onPage = await page.locator('svg.fan .fan-item text').count();
  expect(await page.evaluate((source) => new DOMParser().parseFromString(source, 'image/svg+xml').querySelectorAll('text[font-size]').length, svg)).toBeGreaterThanOrEqual(onPage);

  const png = readFileSync((await (await exportVia(page, 'Bild (PNG)')).path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([parsed.width * 2, parsed.height * 2]);
});

test('Skriv ut: the fan on an A3 landscape page, then the tables; no buttons or panels on paper', async ({ page }) => {
  await openApp(page);
  await clickItem(page, cellList(page, 'Nära invånaren', 'Viktiga milstolpar 2025').getByRole('button').first());
  const item = page.getByRole('dialog', { name: 'Aktivitet' });
  await item.getByLabel('Beskrivning').fill('En beskrivning för papperet');
  await item.getByRole('button', { name: 'Spara' }).click();
  await expect(item).toBeHidden();
  // Headless Chromium has no print dialog: count the calls instead.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Exportera', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Skriv ut' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const paper = page.getByRole('region', { name: 'Utskrift' });
  await expect(paper).toBeVisible();
  for (const blade of ['Nära invånaren', 'Hälsofrämjande och förebyggande', 'En sammanhållen hälso- och sjukvård', 'Ledarskap och kompetensförsörjning']) {
    await expect(paper.getByRole('heading', { name: blade })).toBeVisible();
  }
  await expect(paper.getByRole('heading', { name: 'Effektmål utan aktivitet' })).toBeVisible();
  await expect(paper.getByRole('table')).toHaveCount(5);
  await expect(page.getByRole('navigation', { name: 'Verktyg' })).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Inspel/ })).toBeHidden();
  // The fan on paper is drawn from the plan; nothing of the editing view prints.
  await expect(paper.getByRole('img', { name: /^Solfjäder: / })).toBeVisible();
  await expect(page.locator('svg.fan')).toBeHidden();
  expect(await visibleButtons(page)).toEqual([]);
  // A description is not a second title: smaller than the item's text.
  const sizes = await paper
    .getByRole('listitem')
    .filter({ hasText: 'En beskrivning för papperet' })
    .evaluate((li) => [li.querySelector('span')!, li.querySelector('.description')!].map((el) => parseFloat(getComputedStyle(el).fontSize)));
  expect(sizes[1]).toBeLessThan(sizes[0]!);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  expect(box).not.toBeNull();
  // A3 landscape: 420 × 297 mm = 1190.55 × 841.89 pt.
  expect(Math.round(Number(box![1]))).toBe(1191);
  expect(Math.round(Number(box![2]))).toBe(842);
});
