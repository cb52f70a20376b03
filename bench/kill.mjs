// What a killed browser costs (issue 14): the app is opened in a browser profile of its own,
// items are added every 10 ms for two seconds, and the browser process is killed (SIGKILL) —
// no unload, no chance to finish writes. The browser starts again on the same profile and
// the plan is read: which items survived, and how long before the kill the last lost one
// was added. Run: node bench/kill.mjs (builds and serves the app itself); BENCH_KILL_RUNS.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_KILL_RUNS ?? 8);
const PORT = 4191;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!process.env.BENCH_NO_BUILD) execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const server = await preview({ root, logLevel: 'silent', preview: { host: '127.0.0.1', port: PORT, strictPort: true } });
const url = `http://127.0.0.1:${PORT}/?automation`;

/** Start Chromium on a profile with a DevTools port, and connect to it (so the process can be killed outright). */
async function start(profile, port) {
  const proc = spawn(executablePath, ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, '--no-first-run', 'about:blank'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      return { proc, browser };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('Chromium did not start');
}

const results = [];
for (let run = 1; run <= RUNS; run++) {
  const profile = mkdtempSync(join(tmpdir(), 'sf-kill-'));
  const port = 9300 + run;
  let { proc, browser } = await start(profile, port);
  let page = browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage());
  await page.goto(url);
  await page.waitForSelector('svg.fan');
  // A fresh, empty plan, then the burst: each item's text carries the time it was added.
  const added = await page.evaluate(async () => {
    const hook = window.__solfjadern;
    const plan = { ...hook.editor.getState().doc.plan, id: crypto.randomUUID(), name: 'Avbrott' };
    await hook.openNewDoc({ plan, items: {} });
    await hook.flush();
    const out = [];
    const end = performance.now() + 2000;
    for (let i = 0; performance.now() < end; i++) {
      const at = Date.now();
      hook.actions.addItem(`Punkt ${i} ${at}`);
      out.push(at);
      await new Promise((r) => setTimeout(r, 10));
    }
    return out;
  });
  proc.kill('SIGKILL');
  const killedAt = Date.now();
  await new Promise((r) => proc.once('exit', r));
  ({ proc, browser } = await start(profile, port + 100));
  page = browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage());
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Avbrott', null, { timeout: 20_000 });
  const kept = await page.evaluate(() => Object.values(window.__solfjadern.editor.getState().doc.items).map((i) => Number(i.text.split(' ')[2])));
  const keptSet = new Set(kept);
  const lost = added.filter((at) => !keptSet.has(at));
  const window_ = lost.length ? killedAt - Math.min(...lost) : 0;
  results.push({ run, added: added.length, kept: kept.length, lost: lost.length, lostWindowMs: window_ });
  console.log(`run ${run}: ${kept.length} of ${added.length} kept; lost ${lost.length}${lost.length ? `, the oldest lost added ${window_} ms before the kill` : ''}`);
  await browser.close().catch(() => {});
  proc.kill('SIGKILL');
  rmSync(profile, { recursive: true, force: true });
}
await server.close();
const worst = Math.max(...results.map((r) => r.lostWindowMs));
const lostTotal = results.reduce((n, r) => n + r.lost, 0);
console.log(`\n${RUNS} kills: ${lostTotal} items lost in all; the oldest lost item was added at most ${worst} ms before its kill (target ≤ 1000 ms).`);
writeFileSync(join(root, 'bench', 'kill-results.json'), `${JSON.stringify({ at: new Date().toISOString(), results, worstLostWindowMs: worst }, null, 2)}\n`);
process.exit(worst <= 1000 ? 0 : 1);
