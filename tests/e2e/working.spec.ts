// Issue 23: the fan in its working state — Inspel holding items, a panel open, the Filter bar
// on — stays readable on a laptop, a projector and a tablet; and what the user points at (a
// filter match, a compared item, a colleague's item, the item just placed) is drawn in full,
// never behind "+N till", at 1280×720 with Inspel open.
import { expect, test, type Page } from '@playwright/test';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';
import { addInspel, inspel } from './helpers';
import { badBreaks, brokenTwice, readFan, type FanReading } from './readability';
import { act, join, person, relayOnFreePort, startRoom } from './roomKit';

const SCREENS = [
  { width: 1366, height: 768, share: 0.9 },
  { width: 1280, height: 720, share: 0.8 },
  { width: 1024, height: 768, share: 0.6 },
] as const;

const INSPEL = ['Gemensam bemanningsplan för sommaren', 'Digitala vårdmöten i primärvården', 'Kompetensförsörjning inom psykiatrin'];

async function fanReady(page: Page) {
  await expect(page.locator('svg.fan[data-hyphenated="true"]')).toBeVisible();
}

/** The reading once the fan has been laid out for its new box (a panel opening resizes it). */
async function readingOver(page: Page, share: number): Promise<FanReading> {
  let reading: FanReading | null = null;
  await expect
    .poll(async () => {
      reading = await readFan(page);
      return reading.full / reading.items;
    })
    .toBeGreaterThanOrEqual(share);
  return reading!;
}

function expectClean(reading: FanReading, where: string) {
  expect(reading.items, where).toBe(EXAMPLE_ITEM_COUNT);
  expect(reading.minFont, `${where}: smallest text`).toBeGreaterThanOrEqual(12 - 0.01);
  expect(reading.cut, `${where}: labels cut`).toEqual([]);
  expect(badBreaks(reading), `${where}: breaks outside the dictionary`).toEqual([]);
  expect(brokenTwice(reading), `${where}: words broken twice`).toEqual([]);
}

/** Nothing on the page reaches past the screen's right edge, nothing scrolls sideways. */
async function expectNoSideways(page: Page, where: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `${where}: sideways scroll`).toBe(true);
}

for (const screen of SCREENS) {
  test(`readable at ${screen.width}×${screen.height} with Inspel holding items, with Måluppfyllnad open, with the Filter bar on`, async ({ page }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.goto('/');
    await fanReady(page);
    // Inspel starts hidden while empty on these screens: show it and add three.
    await page.getByRole('button', { name: /^Visa inspel/ }).click();
    for (const text of INSPEL) await addInspel(page, text);
    await expect(inspel(page).getByRole('listitem')).toHaveCount(3);
    const withInspel = await readingOver(page, screen.share);
    console.log(`${screen.width}×${screen.height} Inspel (3): ${withInspel.full}/${withInspel.items}, smallest ${withInspel.minFont.toFixed(1)} px`);
    expectClean(withInspel, 'Inspel holding items');
    // The cards are whole: none cut at the panel's edge (nor under its scroll bar).
    const cut = await page.evaluate(() => {
      const drop = document.querySelector('.inspel-drop')!;
      const edge = drop.getBoundingClientRect().left + drop.clientLeft + drop.clientWidth;
      return [...drop.querySelectorAll('.card')].filter((card) => card.getBoundingClientRect().right > edge + 0.5 || card.scrollWidth > card.clientWidth).length;
    });
    expect(cut, 'Inspel cards cut at the edge').toBe(0);
    await expectNoSideways(page, 'Inspel');

    await page.getByRole('button', { name: /^Paneler/ }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Måluppfyllnad' }).click();
    await expect(page.getByRole('heading', { name: 'Måluppfyllnad' })).toBeVisible();
    const withPanel = await readingOver(page, screen.share);
    console.log(`  Måluppfyllnad: ${withPanel.full}/${withPanel.items}, smallest ${withPanel.minFont.toFixed(1)} px`);
    expectClean(withPanel, 'Måluppfyllnad open');
    await expectNoSideways(page, 'Måluppfyllnad');

    await page.getByRole('button', { name: 'Visa Inspel' }).click();
    await page.getByRole('button', { name: 'Dölj inspel' }).click();
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const bar = page.getByRole('region', { name: 'Filter' });
    await expect(bar).toBeVisible();
    // The count is not covered by "Visa inspel", nor the filter by the example's note.
    const count = (await bar.getByRole('status').boundingBox())!;
    for (const over of [page.getByRole('button', { name: /^Visa inspel/ }), page.getByRole('complementary', { name: 'Om exemplet' })]) {
      if ((await over.count()) === 0) continue;
      const box = (await over.boundingBox())!;
      expect(box.y, 'below the filter bar').toBeGreaterThanOrEqual(count.y + count.height);
    }
    const withFilter = await readingOver(page, screen.share);
    console.log(`  Filter: ${withFilter.full}/${withFilter.items}, smallest ${withFilter.minFont.toFixed(1)} px`);
    expectClean(withFilter, 'Filter bar on');
    await expectNoSideways(page, 'Filter');
  });
}

type Doc = { items: Record<string, { id: string; text: string; cell: { bladeId: string; ringId: string } | null; rank: number }> };
const docOf = (page: Page) => page.evaluate(() => (window as unknown as { __solfjadern: { editor: { getState: () => { doc: Doc } } } }).__solfjadern.editor.getState().doc);

/** "Plan ▾" → "Versioner" (a menu below 1800 px). */
async function versionsDialog(page: Page) {
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Versioner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Versioner' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Placed items the fan hides behind "+N till" right now. */
async function hiddenItems(page: Page): Promise<string[]> {
  const doc = await docOf(page);
  const full = new Set((await readFan(page)).fullIds);
  return Object.values(doc.items)
    .filter((i) => i.cell && !full.has(i.id))
    .map((i) => i.id);
}

const drawnInFull = async (page: Page, id: string) => (await readFan(page)).fullIds.includes(id);

/** 1280×720, the built-in plan, three items in Inspel: some placed items are behind "+N till". */
async function projectorWithInspel(page: Page) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/?automation');
  await fanReady(page);
  await page.getByRole('button', { name: /^Visa inspel/ }).click();
  await act(page, 'addItems', INSPEL);
  await expect(inspel(page).getByRole('listitem')).toHaveCount(3);
  await expect.poll(() => hiddenItems(page).then((h) => h.length)).toBeGreaterThan(0);
}

test('at 1280×720 with Inspel open, a filter match and an item a comparison marks are drawn in full', async ({ page }) => {
  await projectorWithInspel(page);

  // A filter that matches an item the fan had folded away.
  const [matching] = await hiddenItems(page);
  await act(page, 'updateItem', matching, { status: 'stryks' });
  await expect.poll(() => drawnInFull(page, matching!)).toBe(false);
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await page.getByLabel('Status').selectOption({ label: 'Stryks' });
  await expect(page.getByRole('region', { name: 'Filter' }).getByRole('status')).toHaveText(/^Visar 1 av/);
  await expect.poll(() => drawnInFull(page, matching!)).toBe(true);
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect.poll(() => drawnInFull(page, matching!)).toBe(false);

  // Versioner → "Visa i solfjädern": the item changed since the version is in view.
  const dialog = await versionsDialog(page);
  await dialog.getByLabel('Namn på versionen').fill('Före workshopen');
  await dialog.getByRole('button', { name: 'Spara version' }).click();
  await expect(dialog.getByRole('list', { name: 'Sparade versioner' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Escape');
  const hidden = await hiddenItems(page);
  const changed = hidden.find((id) => id !== matching) ?? hidden[0]!;
  const text = (await docOf(page)).items[changed]!.text;
  await act(page, 'updateItem', changed, { text: `${text} (reviderad)` });
  await expect.poll(() => drawnInFull(page, changed)).toBe(false);
  const again = await versionsDialog(page);
  await again.getByRole('button', { name: 'Jämför med nuvarande plan: Före workshopen' }).click();
  await again.getByRole('button', { name: 'Visa i solfjädern' }).click();
  await expect(page.getByRole('region', { name: 'Jämförelse' })).toBeVisible();
  await expect.poll(() => drawnInFull(page, changed)).toBe(true);
  await expect(page.locator(`svg.fan .fan-item.is-edited[data-item="${changed}"]`)).toBeVisible();
});

test('at 1280×720 with Inspel open, the item just placed from Inspel at the end of a full cell is drawn in full', async ({ page }) => {
  await projectorWithInspel(page);
  const reading = await readFan(page);
  // A cell that folds items away: the new one goes last in it.
  const full = reading.lists.find((l) => l.full < l.total)!;
  const doc = await docOf(page);
  const [bladeName, ringLabel] = full.name.split(', ');
  const [bladeId, ringId] = (await cellKeyOf(page, bladeName!, ringLabel!)).split('|');
  const cell = { bladeId: bladeId!, ringId: ringId! };
  const placed = Object.values(doc.items).find((i) => !i.cell && i.text === INSPEL[0])!;
  await act(page, 'moveItem', placed.id, cell, full.total);
  await expect(inspel(page).getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => drawnInFull(page, placed.id)).toBe(true);
  // And it stays in view until something else moves.
  await act(page, 'updateItem', placed.id, { description: 'Ansvar: HoS' });
  await expect.poll(() => drawnInFull(page, placed.id)).toBe(true);
});

/** The cell key of "<fokusområde>, <ring>" in the open plan. */
async function cellKeyOf(page: Page, blade: string, ring: string): Promise<string> {
  return page.evaluate(
    ({ blade, ring }) => {
      const plan = (window as unknown as { __solfjadern: { editor: { getState: () => { doc: { plan: { blades: Array<{ id: string; name: string }>; rings: Array<{ id: string; label: string }> } } } } } }).__solfjadern.editor.getState().doc.plan;
      return `${plan.blades.find((b) => b.name === blade)!.id}|${plan.rings.find((r) => r.label === ring)!.id}`;
    },
    { blade, ring },
  );
}

test('at 1280×720 with Inspel open, the item a colleague edits is drawn in full with their name', async ({ browser }) => {
  test.setTimeout(120_000);
  const relay = await relayOnFreePort();
  try {
    const anna = await person(browser, `${relay.origin}/?automation`);
    const link = await startRoom(anna.page, 'Anna');
    const planName = (await anna.page.getByRole('heading', { level: 1 }).textContent())!;
    const bo = await join(browser, link, 'Bo', planName);
    await anna.page.setViewportSize({ width: 1280, height: 720 });
    await anna.page.getByRole('button', { name: /^Visa inspel/ }).click();
    await act(anna.page, 'addItems', INSPEL);
    await expect(inspel(anna.page).getByRole('listitem')).toHaveCount(3);
    await expect.poll(() => hiddenItems(anna.page).then((h) => h.length)).toBeGreaterThan(0);
    const [edited] = await hiddenItems(anna.page);
    await bo.page.evaluate((itemId) => (window as unknown as { __solfjadern: { ui: { setState: (s: object) => void } } }).__solfjadern.ui.setState({ dialog: { kind: 'item', itemId } }), edited);
    await expect(bo.page.getByRole('dialog')).toBeVisible();
    await expect.poll(() => drawnInFull(anna.page, edited!)).toBe(true);
    await expect(anna.page.locator(`svg.fan .fan-item.is-busy[data-item="${edited}"]`)).toHaveAttribute('aria-description', /^Bo redigerar/);
    await bo.context.close();
    await anna.context.close();
  } finally {
    await relay.close();
  }
});

/** Do two boxes overlap? */
const overlap = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

test('messages cover neither the ring names and legend under the fan nor the ring list of "Fokusområden och ringar"', async ({ page }) => {
  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await fanReady(page);
    // Remove an item: "… togs bort" with "Ångra".
    await page.locator('svg.fan .fan-item').first().click();
    const item = page.getByRole('dialog', { name: 'Aktivitet' });
    await item.getByRole('button', { name: 'Ta bort aktiviteten' }).click();
    await expect(item).toBeHidden();
    const notice = page.locator('.notice');
    await expect(notice).toContainText('Ångra');
    const box = (await notice.boundingBox())!;
    for (const label of await page.locator('svg.fan .ring-labels text, svg.fan .ring-legend text').all()) {
      const text = (await label.boundingBox())!;
      expect(overlap(box, text), `${width} px: the message over "${await label.textContent()}"`).toBe(false);
    }
    await notice.getByRole('button', { name: 'Ångra' }).click();
  }

  // In the dialog, a refused name is said below the lists, over none of them.
  await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Plan', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Fokusområden och ringar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fokusområden och ringar' });
  await dialog.getByLabel('Ring 1 (milstolpe)').fill('');
  await dialog.getByLabel('Ring 1 (milstolpe)').press('Enter');
  const said = dialog.locator('.notice');
  await expect(said).toBeVisible();
  const box = (await said.boundingBox())!;
  // The lists scroll in the dialog's body; the message has its own room under it.
  const body = (await dialog.locator('.dialog-body').boundingBox())!;
  expect(overlap(box, body), 'the message over the lists').toBe(false);
  await expect(dialog.getByLabel('Ring 1 (milstolpe)')).toBeVisible();
});
