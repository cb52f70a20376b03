// Screenshots of a room (README): the room dialog, presence in the fan, and a phone joining,
// adding an inspel and voting (390×844). Needs the built app
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

  // A phone joins by the link: the phone layout for quick capture and voting.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await phone.goto(`${new URL(link).origin}/${new URL(link).hash}`);
  await phone.getByLabel('Ditt namn').fill('Dan Holm');
  await phone.getByRole('button', { name: 'Gå med' }).tap();
  await phone.getByRole('heading', { name: 'I rummet (4)' }).waitFor();
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: join(outDir, 'room-phone-join-390x844.png') });
  await phone.getByRole('dialog').getByRole('button', { name: 'Stäng' }).tap();
  await phone.getByRole('button', { name: /Visa inspel/ }).tap();
  await phone.getByRole('button', { name: 'Nytt inspel' }).tap();
  await phone.getByLabel('Text för nytt inspel').fill('Digitala vårdmöten i hemmet');
  await phone.keyboard.press('Enter');
  await phone.getByLabel('Text för nytt inspel').fill('Gemensam introduktion för nya medarbetare');
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: join(outDir, 'room-phone-inspel-390x844.png') });
  await phone.keyboard.press('Escape');
  await phone.getByRole('button', { name: /Paneler/ }).tap();
  await phone.getByRole('menuitemcheckbox', { name: 'Prioritera' }).tap();
  await phone.getByRole('button', { name: /^Ge en prick: Digitala/ }).tap();
  await phone.waitForTimeout(300);
  await phone.screenshot({ path: join(outDir, 'room-phone-voting-390x844.png') });
} finally {
  await browser.close();
  relay.kill();
}
