// What a killed browser costs (issue 14): the app is opened in a browser profile of its own,
// items are added every 10 ms for two seconds, and the browser process is killed (SIGKILL) —
// no unload, no chance to finish writes. The browser starts again on the same profile and
// the plan is read: which items survived, and how long before the kill the last lost one
// was added. Run: node bench/kill.mjs (builds and serves the app itself); BENCH_KILL_RUNS.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_KILL_RUNS ?? 8);
const PORT = 4191;
/** Quiet time between the last edit and the kill (0: kill at once). */
const WAIT_MS = Number(process.env.BENCH_KILL_WAIT ?? 0);
// The browser binary itself (Debian's /usr/bin/chromium is a shell script: killing it would not kill the browser).
const executablePath = process.env.CHROMIUM_BINARY ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium');

if (!process.env.BENCH_NO_BUILD) execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const server = await preview({ root, logLevel: 'silent', preview: { host: '127.0.0.1', port: PORT, strictPort: true } });
const url = `http://127.0.0.1:${PORT}/?automation`;

/** Start Chromium on a profile with a DevTools port, and connect to it (so the process can be killed outright). */
async function start(profile, port) {
  const proc = spawn(executablePath, ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, '--no-first-run', '--window-size=1366,768', 'about:blank'], { stdio: 'ignore' });
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
  await page.setViewportSize({ width: 1366, height: 768 });
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
  if (WAIT_MS) await new Promise((r) => setTimeout(r, WAIT_MS));
  proc.kill('SIGKILL');
  const killedAt = Date.now();
  await new Promise((r) => proc.once('exit', r));
  ({ proc, browser } = await start(profile, port + 100));
  page = browser.contexts()[0].pages()[0] ?? (await browser.contexts()[0].newPage());
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Avbrott', null, { timeout: 20_000 }).catch(async (e) => {
    console.log(await page.evaluate(() => [location.href, document.querySelector('h1')?.textContent, document.body.innerText.slice(0, 300)]));
    throw e;
  });
  const kept = await page.evaluate(() => Object.values(window.__solfjadern.editor.getState().doc.items).map((i) => Number(i.text.split(' ')[2])));
  const keptSet = new Set(kept);
  const lost = added.filter((at) => !keptSet.has(at));
  const window_ = lost.length ? killedAt - Math.min(...lost) : 0;
  results.push({ run, added: added.length, kept: kept.length, lost: lost.length, lostWindowMs: window_, lastEditToKillMs: killedAt - added.at(-1) });
  console.log(`run ${run}: killed ${killedAt - added.at(-1)} ms after the last edit; ${kept.length} of ${added.length} kept; lost ${lost.length}${lost.length ? `, the oldest lost added ${window_} ms before the kill` : ''}`);
  await browser.close().catch(() => {});
  proc.kill('SIGKILL');
  await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch {
    // A helper process of the killed browser may still be writing there: it is a temporary folder.
  }
}
await server.close();
const worst = Math.max(...results.map((r) => r.lostWindowMs));
const lostTotal = results.reduce((n, r) => n + r.lost, 0);
console.log(`\n${RUNS} kills: ${lostTotal} items lost in all; the oldest lost item was added at most ${worst} ms before its kill (target ≤ 1000 ms).`);
const at = new Date().toISOString();
writeFileSync(join(root, 'bench', 'kill-results.json'), `${JSON.stringify({ at, results, worstLostWindowMs: worst }, null, 2)}\n`);
// The figures into docs/storage.md, between its markers.
const doc = join(root, 'docs', 'storage.md');
const gaps = results.map((r) => r.lastEditToKillMs).sort((a, b) => a - b);
const table = [
  `Run of ${at.slice(0, 16).replace('T', ' ')} UTC, ${RUNS} kills (an item every 10 ms for 2 s, then SIGKILL ${gaps[0]}–${gaps.at(-1)} ms after the last edit):`,
  '',
  '| run | items added | kept after restart | lost |',
  '|---|---|---|---|',
  ...results.map((r) => `| ${r.run} | ${r.added} | ${r.kept} | ${r.lost}${r.lost ? ` (the oldest added ${r.lostWindowMs} ms before the kill)` : ''} |`),
  '',
  `Lost in all: ${lostTotal}; target: at most the last second before a kill.`,
].join('\n');
writeFileSync(doc, readFileSync(doc, 'utf8').replace(/<!-- kill:results -->[\s\S]*<!-- \/kill:results -->/, `<!-- kill:results -->\n${table}\n<!-- /kill:results -->`));
process.exit(worst <= 1000 ? 0 : 1);
