// Usage: node scripts/shot.mjs out.png [width] [height] [url] [steps]
// Screenshots the built app (a running preview). `steps` is a comma-separated list of what to
// do first: "unfold:<blade name>", "present", "table", "fan", "key:<key>", "hide-inspel", "show-inspel",
// "inspel:<text>" (adds one to Inspel), "panel:<name>" (Måluppfyllnad, Delområden…), "filter",
// "followup[:period]" (Uppföljning with a period and five items' progress said), "areas" (then
// its delområden: a judgement, three indicator values, what an office did),
// "export:<menu entry>:<file>" (saves that export), "top" (scrolls the view to its top),
// "see:<indicator>" (scrolls its card into view),
// "newer" (a tab of a newer format says so: the plan turns read-only; needs ?automation in the url).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const [out = 'shot.png', w = '1920', h = '1080', url = 'http://127.0.0.1:4173/', steps = ''] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sf-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  viewport: { width: Number(w), height: Number(h) },
  reducedMotion: 'reduce',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForSelector('svg.fan[data-hyphenated="true"], .table-wrap');
for (const step of steps.split(',').filter(Boolean)) {
  const [verb, arg] = step.split(':');
  if (verb === 'unfold') await page.getByRole('button', { name: `${arg}: fäll ut` }).press('Enter');
  else if (verb === 'present') {
    await page.getByRole('button', { name: 'Presentera' }).click();
    await page.waitForSelector('.presentation svg.fan');
  }
  else if (verb === 'key') await page.keyboard.press(arg);
  else if (verb === 'newer') {
    await page.evaluate(() => {
      const planId = window.__solfjadern.editor.getState().doc.plan.id;
      const channel = new BroadcastChannel('solfjadern-plan');
      channel.postMessage({ from: 'newer-tab', format: 99, kind: 'hello', planId });
      channel.close();
    });
    await page.waitForSelector('.readonly-banner');
  }
  else if (verb === 'fan') await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Solfjäder', exact: true }).click();
  else if (verb === 'table') await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Tabell', exact: true }).click();
  else if (verb === 'followup') {
    // Uppföljning with a period and a few items' progress said (arg: the period, "2025" by default).
    await page.getByRole('group', { name: 'Vy' }).getByRole('button', { name: 'Uppföljning', exact: true }).click();
    await page.getByLabel('Ditt namn').fill('Anna Berg');
    await page.getByLabel('Ditt namn').blur();
    await page.getByLabel('Ny period').fill(arg || '2025');
    await page.getByRole('button', { name: 'Lägg till period' }).click();
    const selects = page.getByRole('combobox', { name: /^Läge för / });
    await selects.first().waitFor();
    const words = ['Klar', 'Pågår', 'Försenad', 'Ej påbörjad', 'Avbruten'];
    for (let i = 0; i < 5; i++) await selects.nth(i).selectOption({ label: words[i] });
  }
  else if (verb === 'areas') {
    // Uppföljning's delområden: a judgement, and three values of the first indicator with a målvärde.
    await page.getByRole('group', { name: 'Följ upp' }).getByRole('button', { name: 'Delområden och indikatorer' }).click();
    await page.getByLabel('Bedömning för Nära vård').selectOption({ label: 'Rätt riktning' });
    await page.getByLabel('Motivering för Nära vård').fill('Fler digitala vårdmöten, men kontinuiteten har inte ökat.');
    await page.getByLabel('Motivering för Nära vård').blur();
    const card = page.getByRole('article', { name: 'Andel digitala vårdkontakter' });
    for (const [date, value] of [['2024-12-31', '18'], ['2025-06-30', '21,5'], ['2025-12-31', '24']]) {
      await card.getByLabel('Datum').fill(date);
      await card.getByRole('textbox', { name: /^Värde/ }).fill(value);
      await card.getByLabel('Källa').fill('Vården i siffror');
      await card.getByRole('button', { name: 'Lägg till värde' }).click();
    }
    await page.getByRole('form', { name: 'Nytt genomfört, Nära vård' }).getByLabel('Vad har genomförts').fill('Mobila närsjukvårdsteam i alla kommuner i norra länsdelen.');
    await page.getByRole('form', { name: 'Nytt genomfört, Nära vård' }).getByLabel('Förvaltning').fill('NU-sjukvården');
    await page.getByRole('form', { name: 'Nytt genomfört, Nära vård' }).getByRole('button', { name: 'Lägg till' }).click();
  }
  else if (verb === 'see') await page.getByRole('article', { name: arg }).scrollIntoViewIfNeeded();
  else if (verb === 'export') {
    // "export:<menu entry>:<file>": save what Exportera gives (the colon-separated rest is the path).
    const [, entry, ...file] = step.split(':');
    const download = page.waitForEvent('download');
    await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Exportera', exact: true }).click();
    await page.getByRole('menuitem', { name: entry, exact: true }).click();
    await (await download).saveAs(file.join(':'));
  }
  else if (verb === 'top') await page.evaluate(() => document.querySelectorAll('.followup-view, .table-wrap').forEach((e) => e.scrollTo(0, 0)));
  else if (verb === 'hide-inspel') await page.getByRole('button', { name: 'Dölj inspel' }).click();
  else if (verb === 'show-inspel') await page.getByRole('button', { name: /^Visa inspel/ }).click();
  else if (verb === 'inspel') {
    await page.getByRole('button', { name: 'Nytt inspel' }).click();
    await page.getByLabel('Text för nytt inspel').fill(arg);
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByRole('button', { name: 'Stäng', exact: true }).click();
  } else if (verb === 'panel') {
    const direct = page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: arg, exact: true });
    if (await direct.count()) await direct.click();
    else {
      await page.getByRole('button', { name: /^Paneler/ }).click();
      await page.getByRole('menuitemcheckbox', { name: arg }).click();
    }
  } else if (verb === 'filter') await page.getByRole('button', { name: 'Filter', exact: true }).click();
}
await page.waitForTimeout(400);
await page.screenshot({ path: out });
await ctx.close();
