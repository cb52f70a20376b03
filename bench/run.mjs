// npm run bench — performance figures users can trust (issue: quality gates).
//
// Builds the app and an empty Vite + React page (the floor), serves both on 127.0.0.1,
// and measures in the system Chromium, for plans of N = 100, 1,000 and 5,000 items:
// cold load, re-render after an edit and after a move, frame times while dragging,
// persistence, reload, and the initial JavaScript (gzip). Medians and p95 of repeated
// runs; prints a table, writes bench/results.json, exits 1 when a target is missed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { seedPlan } from './seed.mjs';
import { collectFiles, COLLECT_FILES, COLLECT_PROPOSALS, timeCollect } from './collect.mjs';
import { measureRoom, ROOM_PEOPLE, ROOM_SECONDS } from './room.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number).filter((n) => n > 0);
const COLLECT_RUNS = Number(process.env.BENCH_COLLECT_RUNS ?? 7);
const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const MICRO_RUNS = Number(process.env.BENCH_MICRO_RUNS ?? 40);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 11);
/** The live fan is drawn: the app's page is in, to be painted in this frame. */
const MARK = 'solfjadern:fan-drawn';
/** The plan's kept screen is in the page (src/screen/keptScreen.ts): shown before the app's code runs. */
const SHOWN = 'solfjadern:screen-shown';
/** The follow-up report is timed on a plan followed up for three periods (issue 25). */
const REPORT_PERIODS = ['2025', 'T1 2026', 'T2 2026'];
const REPORT_ENTRY = 'Uppföljningsrapport (.docx)';
/** Stored changes after which a plan must still open as fast as a fresh one (issue 24). */
const AGED_UPDATES = 10_000;
/** The plan's document decoded (it is shown first from its kept view): edits need no wait from here. */
const READY = 'solfjadern:doc-ready';
/** Wait for a mark of the page's load; its time since navigation start. */
const markTime = async (page, mark) => (await page.waitForFunction((m) => performance.getEntriesByName(m)[0]?.startTime, mark, { polling: 5 })).jsonValue();
/** The plan on screen: its kept screen shown, or else the live fan drawn, whichever came first. */
const shownTime = async (page) =>
  (
    await page.waitForFunction(
      (marks) => {
        const times = marks.map((m) => performance.getEntriesByName(m)[0]?.startTime).filter((t) => t !== undefined);
        return times.length > 0 && Math.min(...times);
      },
      [SHOWN, MARK],
      { polling: 5 },
    )
  ).jsonValue();

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
};
const stats = (values) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95), runs: values.length });
const round = (v) => Math.round(v * 10) / 10;

function build() {
  const vite = join(root, 'node_modules', '.bin', 'vite');
  execFileSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(vite, ['build', '--mode', 'relay', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(vite, ['build', '--config', 'bench/blank/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}

/** The JavaScript a first visit downloads before the app runs (entry + its static imports), gzip. */
function initialJsGzip(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f))).length, 0);
}

async function serve(config, port) {
  const server = await preview({
    configFile: config,
    root: config ? undefined : root,
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

/**
 * Navigation start → the fan (or the blank page) drawn, in a page with no HTTP cache (`cached`:
 * with the browser's cache as a returning visit has it); for the app also → its document ready.
 */
async function timedLoad(context, url, app = true, cached = false) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cached });
  await page.goto(url);
  // The blank page marks the moment its content is in the page; the app's plan is in the page when
  // its kept screen is (or, without one, its live fan).
  const drawn = await shownTime(page);
  const live = await markTime(page, MARK);
  // What the person sees: the first contentful paint (its frame laid out, painted and shown).
  const painted = await (await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, { polling: 5 })).jsonValue();
  const ready = app ? await markTime(page, READY) : NaN;
  await page.close();
  return { drawn, live, painted, ready };
}

/** Action → React has rendered and committed (the next task), in ms. */
async function timeAction(page, kind) {
  return page.evaluate(async (kind) => {
    const hook = window.__solfjadern;
    const doc = hook.editor.getState().doc;
    const placed = Object.values(doc.items).filter((i) => i.cell);
    const item = placed[Math.floor(Math.random() * placed.length)];
    const blades = doc.plan.blades;
    const rings = doc.plan.rings;
    const t0 = performance.now();
    if (kind === 'edit') hook.actions.updateItem(item.id, { text: `${item.text.replace(/ \(ändrad \d+\)$/, '')} (ändrad ${Math.floor(t0)})` });
    else {
      const b = blades[(blades.findIndex((x) => x.id === item.cell.bladeId) + 1) % blades.length];
      hook.actions.moveItem(item.id, { bladeId: b.id, ringId: rings[0].id }, 0);
    }
    await new Promise((r) => setTimeout(r, 0));
    const rendered = performance.now() - t0;
    await hook.flush();
    return rendered;
  }, kind);
}

/** Action → its IndexedDB transaction has committed, in ms. */
async function timePersist(page) {
  return page.evaluate(async () => {
    const hook = window.__solfjadern;
    const doc = hook.editor.getState().doc;
    const items = Object.values(doc.items);
    const item = items[Math.floor(Math.random() * items.length)];
    const t0 = performance.now();
    hook.actions.updateItem(item.id, { text: `${item.text.replace(/ \(sparad \d+\)$/, '')} (sparad ${Math.floor(t0)})` });
    await hook.flush();
    return performance.now() - t0;
  });
}

/** Drag an Inspel item across the whole fan; frame intervals from requestAnimationFrame. */
async function dragFrames(page) {
  const card = page.locator('[data-inspel-item] .card').first();
  await card.scrollIntoViewIfNeeded();
  const box = await card.boundingBox();
  const fan = await page.locator('svg.fan').boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    window.__stopFrames = false;
    window.__longTasks = 0;
    // One observer per drag, disconnected after it (one left observing would count the next drag's tasks again).
    window.__longTaskObserver = new PerformanceObserver((list) => (window.__longTasks += list.getEntries().length));
    window.__longTaskObserver.observe({ type: 'longtask' });
    let last = 0;
    const tick = (t) => {
      if (last) window.__frames.push(t - last);
      last = t;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + 20, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x - 10, box.y + 20, { steps: 4 });
  const cx = fan.x + fan.width / 2;
  const cy = fan.y + fan.height * 0.85;
  const r = Math.min(fan.width / 2, fan.height) * 0.6;
  for (let i = 0; i <= 180; i++) {
    const a = Math.PI * (i / 180);
    const rr = r * (0.4 + 0.6 * ((i % 30) / 30));
    await page.mouse.move(cx - rr * Math.cos(a), cy - rr * Math.sin(a));
  }
  await page.keyboard.press('Escape');
  await page.mouse.up();
  const { frames, longTasks } = await page.evaluate(() => {
    window.__stopFrames = true;
    window.__longTaskObserver.disconnect();
    return { frames: window.__frames.slice(2), longTasks: window.__longTasks };
  });
  // rAF timestamps are vsync times with a little timer jitter (16.6…16.8 ms at 60 Hz): a
  // frame's time is counted in whole display frames, so 16.7 ms = on time, 33.3 ms = one dropped.
  const vsync = 1000 / 60;
  return { frames: frames.map((d) => Math.max(1, Math.round(d / vsync)) * vsync), raw: frames, longTasks };
}

/** "Exportera" → "Word (.docx)" → the download starts, in ms (the user's wait, from the click). */
/** An export through the menu, from the click to the download, in ms. */
async function timeWord(page, entry = 'Word (.docx)') {
  await page.getByRole('button', { name: 'Exportera', exact: true }).click();
  const item = page.getByRole('menuitem', { name: entry, exact: true });
  await item.waitFor();
  const download = page.waitForEvent('download');
  const t0 = performance.now();
  await item.click();
  await download;
  return performance.now() - t0;
}

/**
 * JSON out and back in: serialise the plan, then what "Importera" does with the file (read,
 * check, compare with stored plans) and "Öppna som ny plan" (store it, show it), in ms.
 */
async function timeJsonRoundTrip(page) {
  return page.evaluate(async () => {
    const hook = window.__solfjadern;
    const t0 = performance.now();
    const json = hook.files.planToJson(hook.editor.getState().doc);
    const ok = await hook.files.chooseImportFile(new File([json], 'plan.json', { type: 'application/json' }));
    if (!ok) throw new Error('import refused');
    const pending = hook.ui.getState().dialog.pending;
    hook.ui.setState({ dialog: null });
    await hook.files.importAsNewPlan(pending);
    await hook.flush();
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  });
}

/** Everything stored, then quiet long enough for the plan as shown to be kept for the next start (a second, then an idle moment). */
async function quiet(page) {
  await page.evaluate(async () => {
    await window.__solfjadern.flush();
    await new Promise((r) => setTimeout(r, 2500));
  });
}

async function measureSize(browser, appUrl, blankUrl, n) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  let page = await context.newPage();
  await page.goto(`${appUrl}?automation`);
  await page.waitForSelector('svg.fan');
  await page.evaluate(seedPlan, n);
  await page.waitForFunction((name) => document.querySelector('h1')?.textContent === name, `Benchmark ${n}`);

  const edit = [];
  const move = [];
  const persist = [];
  // Samples are taken apart from one another: each starts when the page has gone quiet.
  const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));
  for (let i = 0; i < MICRO_RUNS; i++) {
    await settle();
    edit.push(await timeAction(page, 'edit'));
  }
  for (let i = 0; i < MICRO_RUNS; i++) {
    await settle();
    move.push(await timeAction(page, 'move'));
  }
  for (let i = 0; i < MICRO_RUNS; i++) {
    await settle();
    persist.push(await timePersist(page));
  }
  // A colleague's edit of one item's text arriving from the room: applied and shown in the plan.
  const colleague = [];
  for (let i = 0; i < MICRO_RUNS; i++) {
    await settle();
    colleague.push(
      await page.evaluate(async () => {
        const hook = window.__solfjadern;
        const items = Object.values(hook.editor.getState().doc.items);
        const item = items[Math.floor(Math.random() * items.length)];
        return (await hook.automation).colleagueEdit(item.id, `${item.text.replace(/ \(kollega \d+\)$/, '')} (kollega ${Math.floor(performance.now())})`);
      }),
    );
  }
  const drag = { frames: [], raw: [], longTasks: 0 };
  for (let i = 0; i < 3; i++) {
    const d = await dragFrames(page);
    drag.frames.push(...d.frames);
    drag.raw.push(...d.raw);
    drag.longTasks += d.longTasks;
  }
  // The layout's own cost (computeFanLayout, measured by the page) after the edits and moves.
  const LAYOUT = 'solfjadern:layout';
  const layoutUpdate = await page.evaluate((name) => performance.getEntriesByName(name).slice(1).map((e) => e.duration), LAYOUT);
  // Still works at this size: the drag was cancelled, so nothing moved; the plan is intact.
  const count = await page.evaluate(() => Object.keys(window.__solfjadern.editor.getState().doc.items).length);
  if (count !== n) throw new Error(`Plan lost items: ${count} of ${n}`);


  const reload = [];
  const reloadReady = [];
  const layoutFresh = [];
  // Opened again as a person comes back to it: after the tab has been quiet long enough to keep
  // the plan as shown (as before the reloads after 10,000 changes below). Reloaded right after
  // the drags, the plan's kept view was always a change behind, and every reload measured the
  // start without it (that start is measured on its own below).
  await quiet(page);
  for (let i = 0; i < RUNS; i++) {
    await page.reload();
    reload.push(await markTime(page, MARK));
    reloadReady.push(await markTime(page, READY));
    // The first layout of a page: no geometry to keep, every size tried.
    layoutFresh.push(await page.evaluate((name) => performance.getEntriesByName(name)[0]?.duration ?? NaN, LAYOUT));
  }
  // Whether the kept view (planViews) pays for itself: the same reloads with it removed just
  // before each, so the start decodes the plan's document before the fan is drawn.
  const noView = { reload: [], reloadReady: [] };
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('solfjadern');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('planViews', 'readwrite');
            tx.objectStore('planViews').clear();
            tx.oncomplete = () => (open.result.close(), resolve(undefined));
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    noView.reload.push(await markTime(page, MARK));
    noView.reloadReady.push(await markTime(page, READY));
  }
  // A plan used for years: 10,000 more stored changes (edits of item texts, stored in batches as
  // a workshop stores them), then opened again — against the same plan opened fresh above.
  const aged = { reload: [], reloadReady: [], freshReload: [], freshReloadReady: [] };
  if (n === 1000 && process.env.BENCH_AGED !== '0') {
    await page.evaluate(async (total) => {
      const hook = window.__solfjadern;
      const ids = Object.keys(hook.editor.getState().doc.items);
      for (let i = 0; i < total; i++) {
        const id = ids[i % ids.length];
        const item = hook.editor.getState().doc.items[id];
        hook.actions.updateItem(id, { text: `${item.text.replace(/ · \d+$/, '')} · ${i}` });
        if (i % 100 === 99) await hook.flush();
      }
      await hook.flush();
    }, AGED_UPDATES);
    await quiet(page);
    // Its reference: the same plan made fresh now, and the two opened in turns — so both are
    // measured in the same state of the machine and the browser (which is busy for a while after
    // 10,000 stored changes), as the cold load takes turns with the blank page.
    const agedId = await page.evaluate(() => window.__solfjadern.editor.getState().doc.plan.id);
    const freshId = await page.evaluate(seedPlan, n);
    await quiet(page);
    const reopen = async (planId) => {
      await page.evaluate(async (id) => {
        const automation = await window.__solfjadern.automation;
        if (!(await automation.openPlan(id))) throw new Error('plan not opened');
      }, planId);
      await quiet(page);
      await page.reload();
    };
    // The aged plan last: it stays the open one for what follows, as before.
    for (let i = 0; i < RUNS; i++) {
      await reopen(freshId);
      aged.freshReload.push(await markTime(page, MARK));
      aged.freshReloadReady.push(await markTime(page, READY));
      await reopen(agedId);
      aged.reload.push(await markTime(page, MARK));
      aged.reloadReady.push(await markTime(page, READY));
    }
  }
  // Cold loads alternate with loads of the blank page, so both see the same machine load. Cold
  // means cold for both: no page of either open while they load. (The app's own page was left
  // open here until 2026-12-07, and a page of the same site already open in the browser makes the
  // next load of it some 40 % faster — a renderer and compiled code at hand — while the blank
  // page always loaded with nothing open: the ratio compared a warm start with a cold one.)
  await quiet(page);
  await page.close();
  const blankContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  const cold = [];
  const coldLive = [];
  const coldReady = [];
  const floor = [];
  const coldPainted = [];
  const floorPainted = [];
  for (let i = 0; i < RUNS; i++) {
    const blank = await timedLoad(blankContext, blankUrl, false);
    floor.push(blank.drawn);
    floorPainted.push(blank.painted);
    const load = await timedLoad(context, appUrl);
    cold.push(load.drawn);
    coldLive.push(load.live);
    coldPainted.push(load.painted);
    coldReady.push(load.ready);
  }
  // A returning visit, for the record: the same loads with the HTTP cache on, after three loads
  // each to fill it (Chromium keeps compiled code beside a script loaded more than once). Service
  // workers stay blocked: the blank page has none.
  const returning = { app: [], blank: [] };
  for (let i = 0; i < 3; i++) {
    await timedLoad(blankContext, blankUrl, false, true);
    await timedLoad(context, appUrl, true, true);
  }
  for (let i = 0; i < RUNS; i++) {
    returning.blank.push((await timedLoad(blankContext, blankUrl, false, true)).drawn);
    returning.app.push((await timedLoad(context, appUrl, true, true)).drawn);
  }
  await blankContext.close();
  page = await context.newPage();
  await page.goto(`${appUrl}?automation`);
  await page.waitForSelector('svg.fan');
  await markTime(page, READY);
  // Exports at N = 1,000 (the targets' size), last, as each JSON import stores another plan:
  // Word through the menu, JSON out and back in.
  const word = [];
  const json = [];
  const report = [];
  if (n === 1000) {
    await timeWord(page); // the first export loads the Word code: a one-off, not a sample
    for (let i = 0; i < EXPORT_RUNS; i++) {
      await settle();
      word.push(await timeWord(page));
    }
    // The yearly follow-up report of a plan followed up for three periods.
    await page.evaluate(async (periods) => (await window.__solfjadern.automation).followUpEverything(periods), REPORT_PERIODS);
    await timeWord(page, REPORT_ENTRY);
    for (let i = 0; i < EXPORT_RUNS; i++) {
      await settle();
      report.push(await timeWord(page, REPORT_ENTRY));
    }
    await timeJsonRoundTrip(page); // loads the schema code
    for (let i = 0; i < EXPORT_RUNS; i++) {
      await settle();
      json.push(await timeJsonRoundTrip(page));
    }
  }
  await context.close();
  return {
    n,
    coldLoad: stats(cold),
    coldLive: stats(coldLive),
    coldReady: stats(coldReady),
    coldPainted: stats(coldPainted),
    blankPainted: stats(floorPainted),
    returningLoad: stats(returning.app),
    returningBlankLoad: stats(returning.blank),
    reloadReady: stats(reloadReady),
    reloadNoView: stats(noView.reload),
    reloadNoViewReady: stats(noView.reloadReady),
    blankLoad: stats(floor),
    blankLoadRuns: floor,
    rerenderEdit: stats(edit),
    rerenderMove: stats(move),
    colleagueEdit: stats(colleague),
    dragFrame: { ...stats(drag.frames), rawIntervalP95: quantile(drag.raw, 0.95), longTasks: drag.longTasks },
    persistence: stats(persist),
    reload: stats(reload),
    ...(aged.reload.length > 0
      ? { agedReload: stats(aged.reload), agedReloadReady: stats(aged.reloadReady), agedFreshReload: stats(aged.freshReload), agedFreshReloadReady: stats(aged.freshReloadReady), agedUpdates: AGED_UPDATES }
      : {}),
    layoutFresh: stats(layoutFresh),
    layoutUpdate: stats(layoutUpdate.length > 0 ? layoutUpdate : [NaN]),
    ...(word.length > 0 ? { wordExport: stats(word), jsonRoundTrip: stats(json), followUpReport: stats(report), reportPeriods: REPORT_PERIODS.length } : {}),
  };
}

/**
 * This machine's speed against the one the targets were set on, measured in the same run:
 * a fixed piece of JavaScript (sort and JSON of 200,000 numbers) in the blank page, the
 * median of several runs at the start and at the end. Timing targets scale by
 * max(1, measured ÷ reference): a slower machine does not fail a faster build, a faster
 * machine is held to the stated target. Page loads scale by the blank page's load instead.
 */
/** The machine the targets were set on (2 cores, Chromium 156; the figures in docs/performance.md). */
export const REFERENCE_MACHINE = { cpuMs: 90, blankLoadMs: 260 };
const CALIBRATION_RUNS = 9;

async function calibrate(browser, blankUrl) {
  const page = await browser.newPage();
  await page.goto(blankUrl);
  const times = [];
  for (let i = 0; i < CALIBRATION_RUNS + 3; i++) {
    const ms = await page.evaluate(() => {
      const start = performance.now();
      const numbers = Array.from({ length: 200_000 }, (_, k) => (k * 2654435761) % 1_000_003);
      numbers.sort((a, b) => a - b);
      JSON.parse(JSON.stringify(numbers));
      return performance.now() - start;
    });
    if (i >= 3) times.push(ms); // the first runs warm the JIT
  }
  await page.close();
  return times;
}

async function main() {
  build();
  const app = await serve(undefined, 4190);
  const blank = await serve(join(root, 'bench/blank/vite.config.ts'), 4191);
  const browser = await launch();
  try {
    const calibration = await calibrate(browser, blank.url);
    const results = [];
    for (const n of SIZES) {
      process.stdout.write(`measuring N = ${n}…\n`);
      results.push(await measureSize(browser, app.url, blank.url, n));
    }
    process.stdout.write(`measuring Samla in: ${COLLECT_FILES} files, ${COLLECT_PROPOSALS} proposals…\n`);
    const files = await collectFiles();
    const collectRuns = [];
    for (let i = 0; i < COLLECT_RUNS; i++) collectRuns.push(await timeCollect(browser, app.url, files));
    const collect = stats(collectRuns);
    process.stdout.write(`measuring a room: ${ROOM_PEOPLE} participants, an edit a second each for ${ROOM_SECONDS} s…\n`);
    const room = await measureRoom(browser);
    const blankLoad = stats(results.flatMap((r) => r.blankLoadRuns));
    calibration.push(...(await calibrate(browser, blank.url)));
    const cpu = stats(calibration);
    // How much slower than the reference this run's machine is (never below 1).
    const cpuFactor = Math.max(1, cpu.median / REFERENCE_MACHINE.cpuMs);
    const loadFactor = Math.max(1, blankLoad.median / REFERENCE_MACHINE.blankLoadMs);
    const initialJs = initialJsGzip(join(root, 'dist'));
    const blankJs = initialJsGzip(join(root, 'bench/blank/dist'));

    const checks = [];
    /** A target: `scale` is the same-run reference it is judged against (1 for sizes, ratios and frames). */
    const check = (name, value, limit, unit = 'ms', scale = 1) =>
      checks.push({ name, value: round(value), limit: round(limit * scale), stated: limit, scale: round(scale * 100) / 100, unit, ok: value <= limit * scale });
    for (const r of results) {
      r.coldLoadRatio = { median: r.coldLoad.median / r.blankLoad.median, p95: r.coldLoad.p95 / r.blankLoad.p95 };
      if (r.n === 1000) {
        check('N=1000 drag frame p95', r.dragFrame.p95, 16.7);
        check('N=1000 re-render after edit (median)', r.rerenderEdit.median, 16, 'ms', cpuFactor);
        // Issue 24's goals: a move within half a frame (median) and a frame (p95), a colleague's
        // edit proportional to it, the start at most half again the blank page's.
        check('N=1000 re-render after move (median)', r.rerenderMove.median, 8, 'ms', cpuFactor);
        check('N=1000 re-render after move (p95)', r.rerenderMove.p95, 16, 'ms', cpuFactor);
        check("N=1000 a colleague's edit applied (median)", r.colleagueEdit.median, 4, 'ms', cpuFactor);
        check('N=1000 persistence p95', r.persistence.p95, 50, 'ms', cpuFactor);
        check('N=1000 cold load / blank page (median)', r.coldLoadRatio.median, 1.5, '×');
        check('N=1000 reload (median)', r.reload.median, 500, 'ms', loadFactor);
        check('N=1000 Word export (median)', r.wordExport.median, 2000, 'ms', cpuFactor);
        check('N=1000 JSON export + import (median)', r.jsonRoundTrip.median, 300, 'ms', cpuFactor);
        if (r.followUpReport) check('N=1000 follow-up report, 3 periods (median)', r.followUpReport.median, 3000, 'ms', cpuFactor);
      }
      if (r.agedReload) {
        // Against the same plan fresh, opened in turns with it.
        check(`N=1000 open after ${AGED_UPDATES} stored changes ÷ fresh (fan drawn, median)`, r.agedReload.median / r.agedFreshReload.median, 1.2, '×');
        check(`N=1000 open after ${AGED_UPDATES} stored changes ÷ fresh (document ready, median)`, r.agedReloadReady.median / r.agedFreshReloadReady.median, 1.2, '×');
      }
      if (r.n === 5000) {
        check('N=5000 reload (median)', r.reload.median, 1500, 'ms', loadFactor);
        check('N=5000 drag frame p95', r.dragFrame.p95, 16.7);
        check('N=5000 long tasks while dragging', r.dragFrame.longTasks, 0, 'tasks');
        check('N=5000 re-render after move (median)', r.rerenderMove.median, 16, 'ms', cpuFactor);
      }
    }
    check(`Samla in ${COLLECT_FILES} files / ${COLLECT_PROPOSALS} proposals (median)`, collect.median, 3000, 'ms', cpuFactor);
    check('initial JS gzip', initialJs / 1024, 150, 'KB');
    check(`room, ${ROOM_PEOPLE} participants: edit → visible p95`, room.latency.p95, 100);
    check(`room, ${ROOM_PEOPLE} participants: edits lost`, room.lost, 0, 'edits');

    const row = (label, s, unit = 'ms') => `${label.padEnd(28)}${String(round(s.median)).padStart(10)}${String(round(s.p95)).padStart(10)} ${unit}`;
    console.log(`\nBlank page load, all sizes: median ${round(blankLoad.median)} ms, p95 ${round(blankLoad.p95)} ms; blank JS ${round(blankJs / 1024)} KB gzip`);
    for (const r of results) {
      console.log(`\nN = ${r.n}${' '.repeat(22)}    median       p95`);
      console.log(row('cold load', r.coldLoad));
      console.log(row('blank page load (alongside)', r.blankLoad));
      console.log(row('cold load ÷ blank page', r.coldLoadRatio, '×'));
      console.log(row('cold load, live fan drawn', r.coldLive));
      console.log(row('cold load, document ready', r.coldReady));
      console.log(row('cold load, first contentful paint', r.coldPainted));
      console.log(row('… blank page, first contentful paint', r.blankPainted));
      console.log(row('returning visit (HTTP cache on)', r.returningLoad));
      console.log(row('… blank page, returning', r.returningBlankLoad));
      console.log(`returning visit ÷ blank page: ${round(r.returningLoad.median / r.returningBlankLoad.median)}×`);
      console.log(row('re-render after edit', r.rerenderEdit));
      console.log(row('re-render after move', r.rerenderMove));
      console.log(row("colleague's edit applied", r.colleagueEdit));
      if (r.agedReload) {
        console.log(row(`reload after ${AGED_UPDATES} changes`, r.agedReload));
        console.log(row(`… document ready`, r.agedReloadReady));
        console.log(row(`… the same plan fresh, in turns`, r.agedFreshReload));
        console.log(row(`… document ready`, r.agedFreshReloadReady));
      }
      console.log(
        row('drag frame', r.dragFrame) +
          `  (${r.dragFrame.runs} frames, raw interval p95 ${round(r.dragFrame.rawIntervalP95)} ms, ${r.dragFrame.longTasks} long tasks)`,
      );
      console.log(row('persistence', r.persistence));
      console.log(row('reload', r.reload));
      console.log(row('reload, document ready', r.reloadReady));
      console.log(row('reload, no kept view', r.reloadNoView));
      console.log(row('… document ready', r.reloadNoViewReady));
      console.log(`kept view: fan drawn ${round(r.reloadNoView.median / r.reload.median)}× sooner with it, document ready ${round(r.reloadNoViewReady.median / r.reloadReady.median)}×`);
      console.log(row('layout, first', r.layoutFresh));
      console.log(row('layout, after edit/move', r.layoutUpdate));
      if (r.wordExport) console.log(row('Word export', r.wordExport));
      if (r.jsonRoundTrip) console.log(row('JSON export + import', r.jsonRoundTrip));
      if (r.followUpReport) console.log(row('Follow-up report (3 periods)', r.followUpReport));
    }
    console.log(`\n${row(`Samla in (${COLLECT_FILES} files)`, collect)}  (${COLLECT_PROPOSALS} proposals, ${collect.runs} runs)`);
    console.log(`\n${row(`Room: edit → visible`, room.latency)}  (${room.people} participants × ${room.seconds} s, ${room.shown} of ${room.edits} edits seen, ${room.lost} lost; relay ${room.relayMemoryMb.before} → ${room.relayMemoryMb.after} MB)`);
    console.log(`\nInitial JS: ${round(initialJs / 1024)} KB gzip`);
    console.log(
      `\nCalibration: ${round(cpu.median)} ms (reference ${REFERENCE_MACHINE.cpuMs} ms) → timing targets × ${round(cpuFactor * 100) / 100}; ` +
        `blank page ${round(blankLoad.median)} ms (reference ${REFERENCE_MACHINE.blankLoadMs} ms) → load targets × ${round(loadFactor * 100) / 100}\n\nTargets:`,
    );
    for (const c of checks)
      console.log(`  ${c.ok ? 'ok  ' : 'MISS'} ${c.name}: ${c.value} ${c.unit} (target ≤ ${c.limit} ${c.unit}${c.scale !== 1 ? ` = ${c.stated} × ${c.scale}` : ''})`);

    const output = {
      date: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version, chromium: browser.version() },
      runs: RUNS,
      microRuns: MICRO_RUNS,
      blankLoad,
      calibration: { cpu, cpuFactor, loadFactor, reference: REFERENCE_MACHINE },
      blankJsGzipBytes: blankJs,
      initialJsGzipBytes: initialJs,
      results,
      collect,
      room,
      checks,
    };
    writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(output, null, 2)}\n`);
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    await browser.close();
    await app.close();
    await blank.close();
  }
}

await main();
