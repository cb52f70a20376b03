import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { cellList, exportVia, listTexts, openApp } from './helpers';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';

async function exportJson(page: Page): Promise<string> {
  const download = await exportVia(page, 'JSON');
  return readFileSync((await download.path())!, 'utf8');
}

const importText = (page: Page, name: string, text: string | Buffer) =>
  page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });

test('export → import as a new plan → export gives the same file but for the plan id, name and time', async ({ page }) => {
  await openApp(page);
  const first = await exportJson(page);
  await importText(page, 'plan.json', first);
  const dialog = page.getByRole('dialog', { name: 'Importera plan' });
  await expect(dialog).toContainText(`med ${EXAMPLE_ITEM_COUNT} aktiviteter`);
  await expect(dialog).toContainText('finns redan här');
  await dialog.getByRole('button', { name: 'Öppna som ny plan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Importerad: KL HoS handlingsplan 2025–2027 (utkast)');
  const second = await exportJson(page);
  const a = JSON.parse(first);
  const b = JSON.parse(second);
  expect(b.plan.id).not.toBe(a.plan.id);
  const strip = (f: any) => ({
    ...f,
    exportedAt: '',
    plan: { ...f.plan, id: '', name: f.plan.name.replace(/^Importerad: /, '') },
    items: f.items.map((i: any) => ({ ...i, planId: '' })),
  });
  expect(strip(b)).toEqual(strip(a));
});

test('importing over the same plan asks, says what changes, keeps the old version as a copy', async ({ page }) => {
  await openApp(page);
  const file = JSON.parse(await exportJson(page));
  file.items.find((i: any) => i.text === 'Nära vård är invånarens självklara ingång till vården').text = 'Nära vård är den självklara ingången';
  await importText(page, 'reviderad.json', JSON.stringify(file));
  const dialog = page.getByRole('dialog', { name: 'Importera plan' });
  await expect(dialog).toContainText('0 aktiviteter nya, 0 försvinner och 1 ändras');
  await dialog.getByRole('button', { name: /^Ersätt/ }).click();
  await expect.poll(() => listTexts(cellList(page, 'Nära invånaren', 'Önskad målbild 2027'))).toEqual(['Nära vård är den självklara ingången']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KL HoS handlingsplan 2025–2027 (utkast)');
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  const list = page.getByRole('dialog', { name: 'Planer' }).getByRole('list', { name: /Planer på den här datorn/ });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: '(före import ' })).toHaveCount(1);
});

test('bad files: each gets its Swedish message and nothing changes', async ({ page }) => {
  await openApp(page);
  const good = JSON.parse(await exportJson(page));
  const edit = (f: (x: any) => void) => {
    const copy = structuredClone(good);
    f(copy);
    return JSON.stringify(copy);
  };
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['trasig.json', JSON.stringify(good).slice(0, 400), /inte giltig JSON/],
    ['bild.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), /Det är en bild\. Importera läser planfiler/],
    ['binar.json', Buffer.from([0x7b, 0, 1, 2]), /varken en plan eller en Word-fil\. Importera läser planfiler/],
    ['falsk.docx', 'det här är ingen Word-fil', /inte en Word-fil som går att öppna/],
    ['annan.json', JSON.stringify({ type: 'excalidraw' }), /inte en plan från Solfjädern/],
    ['nyare.json', edit((f) => (f.version = 99)), /nyare version av Solfjädern/],
    ['utan-version.json', edit((f) => delete f.version), /giltig versionsuppgift/],
    ['utan-text.json', edit((f) => delete f.items[2].text), /Rad 3 i fokusområdet 'Nära invånaren': texten saknas/],
    ['fel-typ.json', edit((f) => (f.plan.name = 7)), /Planen: namnet har fel typ/],
    ['lang.json', edit((f) => (f.items[0].text = 'x'.repeat(50_000))), /texten är för lång/],
    ['farg.json', edit((f) => (f.plan.blades[0].color = '<img src=x onerror=alert(1)>')), /Fokusområde 1: färgen har fel format/],
    ['proto.json', edit((f) => (f.items[0].id = '__proto__')), /id har ett ogiltigt värde/],
    ['dubbla-id.json', edit((f) => (f.items[1].id = f.items[0].id)), /samma id som en annan aktivitet/],
    ['okand-cell.json', edit((f) => (f.items[0].cell.bladeId = 'finns-inte')), /cellen finns inte i planen/],
    ['fa-blad.json', edit((f) => f.plan.blades.splice(2)), /för få \(minst 3\)/],
    ['okant-mal.json', edit((f) => (f.items[0].effektmal = ['x'])), /effektmål finns inte i katalogen/],
    ['annan-plan.json', edit((f) => (f.items[0].planId = 'y')), /hör till en annan plan/],
    ['stor.json', Buffer.alloc(21 * 1024 * 1024, 32), /för stor .* högst 20 MB/],
  ];
  for (const [name, content, message] of cases) {
    await importText(page, name, content);
    const alert = page.getByRole('alert');
    await expect(alert, name).toContainText(message);
    await expect(alert).toContainText(`”${name}”`);
    await expect(page.getByRole('dialog', { name: 'Importera plan' })).toHaveCount(0);
    await alert.getByRole('button', { name: 'Stäng meddelandet' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('KL HoS handlingsplan 2025–2027 (utkast)');
  await page.getByRole('button', { name: 'Planer', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Planer' }).getByRole('list', { name: /Planer på den här datorn/ }).getByRole('listitem')).toHaveCount(1);
  // Markup in a text comes in as plain text.
  await page.keyboard.press('Escape');
  await importText(page, 'markup.json', edit((f) => (f.items[0].text = '<img src=x onerror=alert(1)>')));
  await page.getByRole('dialog', { name: 'Importera plan' }).getByRole('button', { name: 'Öppna som ny plan' }).click();
  await expect(page.getByRole('button', { name: /^1\.\s+<img src=x onerror=alert\(1\)>/ })).toBeVisible();
});
