// The fan readable on the screens people have (issue 12), measured from what Chromium draws:
// visible <text>, whole on its path, its on-screen font size; breaks only where Swedish
// hyphenation allows; no label cut.
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_BLADES } from '../../src/domain/example';
import { badBreaks, brokenTwice, readFan, type FanReading } from './readability';
import { EXAMPLE_ITEM_COUNT } from '../../src/domain/example';

const SIZES = [
  { width: 1920, height: 1080, share: 1, present: { share: 1, font: 16 }, step: 16 },
  { width: 1366, height: 768, share: 0.9, present: { share: 0.8, font: 14 }, step: 16 },
  { width: 1280, height: 720, share: 0.8, present: null, step: 16 },
  { width: 1024, height: 768, share: 0.6, present: null, step: 16 },
] as const;

function expectClean(reading: FanReading, where: string) {
  expect(reading.cut, `${where}: labels cut`).toEqual([]);
  expect(badBreaks(reading), `${where}: breaks outside the dictionary`).toEqual([]);
  expect(brokenTwice(reading), `${where}: words broken twice`).toEqual([]);
}

const bladeOf = (reading: FanReading, blade: string) => reading.lists.filter((l) => l.name.startsWith(`${blade}, `));

async function fanDrawn(page: Page) {
  // Drawn, and laid out again once the hyphenation dictionary is in.
  await expect(page.locator('svg.fan')).toBeVisible();
  await page.waitForFunction(() => document.querySelector('svg.fan')?.getAttribute('data-hyphenated') === 'true');
}

for (const size of SIZES) {
  test(`readable at ${size.width}×${size.height}: overview, each blade unfolded, Presentera`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto('/');
    await fanDrawn(page);
    const overview = await readFan(page);
    console.log(`${size.width}×${size.height} overview: ${overview.full}/${overview.items} in full, smallest ${overview.minFont.toFixed(1)} px`);
    expect(overview.items).toBe(EXAMPLE_ITEM_COUNT);
    expect(overview.full / overview.items).toBeGreaterThanOrEqual(size.share);
    expectClean(overview, 'overview');

    for (const blade of DEFAULT_BLADES) {
      await page.getByRole('button', { name: `${blade.name}: fäll ut` }).press('Enter');
      await expect(page.getByRole('button', { name: `${blade.name}: fäll ihop` })).toBeVisible();
      const unfolded = await readFan(page);
      const lists = bladeOf(unfolded, blade.name);
      console.log(`  ${blade.name} unfolded: ${lists.map((l) => `${l.full}/${l.total}`).join(' ')}, smallest ${unfolded.minFont.toFixed(1)} px`);
      for (const list of lists) expect(list.full, list.name).toBe(list.total);
      expectClean(unfolded, `${blade.name} unfolded`);
      await page.getByRole('button', { name: `${blade.name}: fäll ihop` }).press('Enter');
    }

    await page.getByRole('button', { name: 'Presentera' }).click();
    await expect(page.getByRole('main', { name: /^Presentation/ })).toBeVisible();
    const present = await readFan(page);
    console.log(`  Presentera: ${present.full}/${present.items} in full, smallest ${present.minFont.toFixed(1)} px`);
    expectClean(present, 'Presentera');
    if (size.present) {
      expect(present.full / present.items).toBeGreaterThanOrEqual(size.present.share);
      expect(present.minFont).toBeGreaterThanOrEqual(size.present.font);
    }
    for (const blade of DEFAULT_BLADES) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('status').filter({ hasText: blade.name })).toBeVisible();
      const step = await readFan(page);
      const lists = bladeOf(step, blade.name);
      console.log(`  Presentera ${blade.name}: ${lists.map((l) => `${l.full}/${l.total}`).join(' ')}, smallest ${step.minFont.toFixed(1)} px`);
      for (const list of lists) expect(list.full, list.name).toBe(list.total);
      expect(step.minFont).toBeGreaterThanOrEqual(size.step);
      expectClean(step, `Presentera ${blade.name}`);
    }
  });
}
