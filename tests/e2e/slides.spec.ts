// Issue 26: "Exportera → PowerPoint (.pptx)" from the fan and from Tabell — read back (JSZip)
// and opened by LibreOffice Impress, which makes a PDF of one 16:9 page per slide.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { convert, missingInOrder } from './office';

type Hook = { editor: { getState: () => { doc: { plan: { name: string; blades: Array<{ id: string; name: string }>; rings: Array<{ id: string; label: string }> }; items: Record<string, { text: string; rank: number; cell: { bladeId: string; ringId: string } | null }> } } } };

/** Every placed item's text, fokusområde by fokusområde, ring by ring, in priority order: the slides' order. */
function expectedOrder(page: Page) {
  return page.evaluate(() => {
    const { doc } = (window as unknown as { __solfjadern: Hook }).__solfjadern.editor.getState();
    const items = Object.values(doc.items);
    return doc.plan.blades.flatMap((blade) =>
      doc.plan.rings.flatMap((ring) =>
        items
          .filter((i) => i.cell?.bladeId === blade.id && i.cell.ringId === ring.id)
          .sort((a, b) => a.rank - b.rank)
          .map((i) => i.text),
      ),
    );
  });
}

async function download(page: Page) {
  const file = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exportera', exact: true }).click();
  await page.getByRole('menu', { name: 'Exportera' }).getByRole('menuitem', { name: 'PowerPoint (.pptx)', exact: true }).click();
  const done = await file;
  await expect(page.getByText(/Det gick inte att skapa/)).toHaveCount(0);
  expect(done.suggestedFilename()).toMatch(/– handlingsplan\.pptx$/);
  return (await done.path())!;
}

async function slideTexts(path: string) {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const xml = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
  return { xml, texts: xml.map((x) => [...x.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, t]) => t!.replace(/&amp;/g, '&')).join('')) };
}

test('PowerPoint from the fan and from Tabell: title, fan, one slide per fokusområde, Inspel; texts in order, nothing under 14 pt; LibreOffice opens it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?automation');
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
  const blades = await page.evaluate(() => (window as unknown as { __solfjadern: Hook }).__solfjadern.editor.getState().doc.plan.blades.map((b) => b.name));
  const order = await expectedOrder(page);
  expect(order.length).toBeGreaterThan(10);

  const fromFan = await download(page);
  await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell', exact: true }).click();
  await expect(page.locator('svg.fan')).toHaveCount(0);
  const fromTable = await download(page);

  for (const path of [fromFan, fromTable]) {
    const { xml, texts } = await slideTexts(path);
    expect(texts[0]).toContain(name);
    expect(texts[1]).toBe('Solfjädern');
    expect(xml[1]).toContain('asvg:svgBlip');
    // One slide (or more, continued) per fokusområde, in order; Inspel last.
    const titles = xml.map((x) => /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?type="title"[\s\S]*?<a:t>([^<]*)<\/a:t>/.exec(x)?.[1]?.replace(/&amp;/g, '&'));
    expect(titles.slice(2, -1).filter((t) => !t!.endsWith('(forts.)'))).toEqual(blades);
    expect(titles.at(-1)).toBe('Inspel');
    expect(missingInOrder(texts.slice(2, -1).join('\n'), order)).toEqual([]);
    const sizes = xml.flatMap((x) => [...x.matchAll(/ sz="(\d+)"/g)].map(([, sz]) => Number(sz) / 100));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  }

  // LibreOffice Impress opens it: a 16:9 page per slide, the items' texts in the PDF's text.
  const pdf = convert(fromFan, 'pdf');
  const bytes = readFileSync(pdf).toString('latin1');
  const pages = [...bytes.matchAll(/\/Type\s*\/Page\b(?!s)/g)].length;
  expect(pages).toBe((await slideTexts(fromFan)).xml.length);
  const [, w, h] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(bytes)!;
  expect(Number(w) / Number(h)).toBeCloseTo(16 / 9, 2);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const item of order.slice(0, 5)) expect(text).toContain(item.replace(/\s+/g, ' ').slice(0, 30));
});
