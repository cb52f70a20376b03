import { expect, test, type Page } from '@playwright/test';
import { cellList, listTexts, openApp } from './helpers';

const CELL = 'Ledarskap och kompetensförsörjning, Viktiga milstolpar 2026';
const panel = (page: Page) => page.getByRole('complementary', { name: 'Prioritera' });

async function turn(page: Page, name: string, dots: Array<[string, '+' | '-']>): Promise<void> {
  const p = panel(page);
  await p.getByLabel('Deltagarens namn').fill(name);
  await p.getByRole('button', { name: 'Börja rösta' }).click();
  await expect(p.getByRole('status').filter({ hasText: `${name} röstar` })).toBeVisible();
  for (const [item, how] of dots) {
    await p.getByRole('button', { name: `${how === '+' ? 'Ge en prick' : 'Ta tillbaka en prick'}: ${item}` }).click();
  }
}

test('dot votes: participants take turns by name, the dots rank the items, and "Sortera efter röster" reorders the cell', async ({ page }) => {
  await openApp(page);
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Prioritera' }).click();
  const p = panel(page);
  await p.getByLabel('Prickar per deltagare').fill('0');
  await p.getByLabel('Prickar per deltagare').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Antalet prickar måste vara ett heltal från 1 till 20.');
  await expect(p.getByLabel('Prickar per deltagare')).toHaveValue('5');
  await p.getByLabel('Prickar per deltagare').fill('3');
  await p.getByLabel('Prickar per deltagare').press('Enter');
  await p.getByLabel('Rösta på').selectOption({ label: `${CELL} (4)` });

  await turn(page, 'Anna', [
    ['Ökat erfarenhetsutbyte mellan ledare', '+'],
    ['Ökat erfarenhetsutbyte mellan ledare', '+'],
    ['Växeltjänster mellan förvaltningar', '+'],
  ]);
  await expect(p.getByRole('status').filter({ hasText: 'Anna röstar' })).toHaveText('Anna röstar: 0 av 3 prickar kvar.');
  await expect(p.getByRole('button', { name: 'Ge en prick: Ledare tar ansvar för alla perspektiv i sin uppföljning (kvalitet, tillgänglighet, personal, ekonomi)' })).toBeDisabled();
  await p.getByRole('button', { name: 'Klar – nästa deltagare' }).click();
  await turn(page, 'Bo', [
    ['Alla chefer och medarbetare förstår varför omställningen genomförs', '+'],
    ['Ledare tar ansvar för alla perspektiv i sin uppföljning (kvalitet, tillgänglighet, personal, ekonomi)', '+'],
    ['Ledare tar ansvar för alla perspektiv i sin uppföljning (kvalitet, tillgänglighet, personal, ekonomi)', '-'],
    ['Växeltjänster mellan förvaltningar', '+'],
    ['Ökat erfarenhetsutbyte mellan ledare', '+'],
  ]);
  await p.getByRole('button', { name: 'Klar – nästa deltagare' }).click();
  await expect(p.getByRole('list', { name: 'Deltagare' }).getByRole('listitem')).toHaveText(['Anna: 3 av 3 prickar satta', 'Bo: 3 av 3 prickar satta']);
  const result = p.getByRole('list', { name: `Resultat: ${CELL}` }).getByRole('listitem');
  await expect(result).toHaveText([
    'Ökat erfarenhetsutbyte mellan ledare – 3 prickar',
    'Växeltjänster mellan förvaltningar – 2 prickar',
    'Alla chefer och medarbetare förstår varför omställningen genomförs – 1 prick',
  ]);

  // The votes survive a reload (a workshop loses nothing).
  await page.reload();
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Prioritera' }).click();
  await panel(page).getByLabel('Rösta på').selectOption({ label: `${CELL} (4)` });
  await expect(result).toHaveCount(3);

  const before = await listTexts(cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026'));
  expect(before[0]).toMatch(/^Ledare tar ansvar/);
  await panel(page).getByRole('button', { name: 'Sortera efter röster' }).click();
  await expect.poll(() => listTexts(cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026'))).toEqual([
    'Ökat erfarenhetsutbyte mellan ledare',
    'Växeltjänster mellan förvaltningar',
    'Alla chefer och medarbetare förstår varför omställningen genomförs',
    'Ledare tar ansvar för alla perspektiv i sin uppföljning (kvalitet, tillgänglighet, personal, ekonomi)',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'sorterades efter röster' })).toBeVisible();
  // One undoable step.
  await page.getByRole('group', { name: 'Ändringar' }).getByRole('button', { name: 'Ångra' }).click();
  await expect.poll(() => listTexts(cellList(page, 'Ledarskap och kompetensförsörjning', 'Viktiga milstolpar 2026'))).toEqual(before);
});

test("on a 1366×768 laptop the participant's name field and its button lie within the panel", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openApp(page);
  await page.getByRole('button', { name: 'Paneler' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Prioritera' }).click();
  const p = panel(page);
  const within = await p.evaluate((aside) => {
    const box = aside.getBoundingClientRect();
    return ['#voting-name', 'form.inline-form button'].map((css) => {
      const r = aside.querySelector(css)!.getBoundingClientRect();
      return r.left >= box.left && r.right <= box.right && r.width >= 100;
    });
  });
  expect(within).toEqual([true, true]);
});

