import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sf-')), {
  executablePath: '/usr/bin/chromium', viewport: { width: 1920, height: 1080 }, acceptDownloads: true, args: ['--no-sandbox'],
});
const page = ctx.pages()[0] ?? (await ctx.newPage());
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
page.on('download', (d) => console.log('download', d.suggestedFilename()));
await page.goto('http://127.0.0.1:4173/');
await page.waitForSelector('svg.fan');
for (const entry of ['JSON', 'Word (.docx)', 'Bild (PNG)']) {
  await page.getByRole('button', { name: 'Exportera', exact: true }).click();
  await page.getByRole('menuitem', { name: entry, exact: true }).click();
  await page.waitForTimeout(3000);
}
console.log(await page.locator('.notice').allTextContents());
await ctx.close();
