// Screenshots of a room (README): the room dialog, and presence in the fan. Needs the built app
// and relay (`npm run build`). Usage: node scripts/roomshot.mjs <out-dir> [width] [height]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [outDir = 'docs/screens', w = '1366', h = '768'] = process.argv.slice(2);
const port = 4290;
const relay = spawn(process.execPath, ['dist-relay/relay.js'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELAY_DATA: join(mkdtempSync(join(tmpdir(), 'shot-')), 'r.sqlite') },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((r) => relay.stdout.on('data', (c) => c.toString().includes('127.0.0.1') && r()));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const viewport = { width: Number(w), height: Number(h) };
  const a = await (await browser.newContext({ viewport })).newPage();
  await a.goto(`http://127.0.0.1:${port}/?automation`);
  await a.waitForSelector('svg.fan[data-hyphenated="true"]');
  await a.getByRole('button', { name: 'Samarbeta' }).click();
  await a.getByLabel('Ditt namn').fill('Anna Lind');
  await a.getByRole('button', { name: 'Starta rum' }).click();
  await a.getByRole('dialog').getByRole('status').filter({ hasText: 'Ansluten' }).waitFor();
  const link = await a.getByLabel('Inbjudningslänk').inputValue();
  const others = [];
  for (const name of ['Bo Ek', 'Cia Berg']) {
    const p = await (await browser.newContext({ viewport })).newPage();
    await p.goto(`${new URL(link).origin}/?automation${new URL(link).hash}`);
    await p.getByLabel('Ditt namn').fill(name);
    await p.getByRole('button', { name: 'Gå med' }).click();
    await p.waitForSelector('svg.fan');
    await p.keyboard.press('Escape');
    others.push(p);
  }
  await a.getByRole('heading', { name: 'I rummet (3)' }).waitFor();
  await a.waitForTimeout(300);
  await a.screenshot({ path: join(outDir, `room-dialog-${w}x${h}.png`) });
  await a.keyboard.press('Escape');
  // Bo edits an item of Ledarskap 2025.
  const id = await others[0].evaluate(() => {
    const doc = window.__solfjadern.editor.getState().doc;
    return Object.values(doc.items).find((i) => i.cell?.bladeId === 'ledarskap' && i.cell.ringId === 'r2025' && i.rank === 1).id;
  });
  await others[0].evaluate((itemId) => window.__solfjadern.ui.setState({ dialog: { kind: 'item', itemId } }), id);
  await a.locator('svg.fan .presence-tag').waitFor();
  await a.waitForTimeout(300);
  await a.screenshot({ path: join(outDir, `room-presence-${w}x${h}.png`) });
} finally {
  await browser.close();
  relay.kill();
}
