// Issue 16: files that attack — a zip bomb, JSON nested 100,000 deep as a plan file and as a
// Word file's plan part — and files of other kinds: each gets its Swedish message in Importera
// and in Samla in, nothing changes, and the page keeps working.
import { expect, test, type Page } from '@playwright/test';
import { deepJson, wordWithPlanPart, zipBomb } from '../fixtures/attacks';
import { JSON_TOO_DEEP } from '../../src/files/jsonDepth';
import { ZIP_TOO_LARGE } from '../../src/files/safeZip';
import { addInspel, openApp } from './helpers';

interface Crafted {
  name: string;
  mimeType: string;
  buffer: Buffer;
  said: string;
}

async function crafted(): Promise<Crafted[]> {
  return [
    { name: 'bomb.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: zipBomb(400), said: ZIP_TOO_LARGE },
    { name: 'djup.json', mimeType: 'application/json', buffer: Buffer.from(deepJson()), said: JSON_TOO_DEEP },
    { name: 'djup-plan.docx', mimeType: 'application/octet-stream', buffer: await wordWithPlanPart(deepJson()), said: JSON_TOO_DEEP },
    { name: 'gammal.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), said: 'Spara filen som .docx i Word och läs in den igen.' },
    { name: 'utskrift.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n'), said: 'Öppna originaldokumentet i Word, spara det som .docx och läs in det igen.' },
    { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), said: 'Det är en bild.' },
    { name: 'tom.json', mimeType: 'application/json', buffer: Buffer.alloc(0), said: 'Filen är tom.' },
  ];
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('Importera and Samla in refuse files that attack and files of other kinds, each with its message; nothing changes and the page keeps working', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  const name = await heading(page).textContent();
  const files = await crafted();

  for (const file of files) {
    await page.getByTestId('import-file').setInputFiles(file);
    const notice = page.getByRole('alert').filter({ hasText: `”${file.name}” kan inte importeras.` });
    await expect(notice).toContainText(file.said);
    await expect(notice).not.toContainText('inte giltig JSON');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(heading(page)).toHaveText(name!);
  }

  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Samla in' }).click();
  const panel = page.getByRole('complementary', { name: 'Samla in' });
  await panel.getByTestId('collect-files').setInputFiles(files.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })));
  const listed = panel.getByRole('list', { name: 'Filer' }).getByRole('listitem');
  await expect(listed).toHaveCount(files.length);
  for (const file of files) await expect(listed.filter({ hasText: file.name })).toContainText(`Kunde inte läsas: `);
  for (const file of files) await expect(listed.filter({ hasText: file.name })).toContainText(file.said);

  // The tab is alive and the plan as it was: an edit still works.
  await expect(heading(page)).toHaveText(name!);
  await panel.getByRole('button', { name: 'Visa Inspel' }).click();
  await addInspel(page, 'Efter de trasiga filerna');
  expect(errors).toEqual([]);
});
