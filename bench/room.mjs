// The room figure of `npm run bench` (also alone: `npm run bench:room`): one relay (the built
// `npm run relay`), one browser page that starts a room and measures, and 20 participants as
// Node clients through the real provider, each changing its own item once a second for 60 s.
// Reported: edit → visible in the page (p50, p95), edits never seen there, the relay's memory.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKeyBetween } from 'fractional-indexing';
import WebSocket from 'ws';
import * as Y from 'yjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOM_PEOPLE = Number(process.env.BENCH_ROOM_PEOPLE ?? 20);
export const ROOM_SECONDS = Number(process.env.BENCH_ROOM_SECONDS ?? 60);

const quantile = (values, q) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : NaN;
};

function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function startRelayProcess() {
  const port = await freePort();
  const dataFile = join(mkdtempSync(join(tmpdir(), 'bench-rum-')), 'rum.sqlite');
  const child = spawn(process.execPath, [join(root, 'dist-relay/relay.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELAY_DATA: dataFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`relay exited (${code})`)));
    child.stdout.on('data', (chunk) => chunk.toString().includes('127.0.0.1') && resolve());
  });
  return { port, child, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

/** A participant: joins the room, adds an item of its own, changes it once a second. */
function participant(port, invite, index) {
  const ydoc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/rum`, WebSocketPolyfill: WebSocket, delay: 250, minDelay: 100, maxDelay: 2000 });
  let synced;
  const ready = new Promise((r) => (synced = r));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: invite.room, token: invite.secret, document: ydoc, onSynced: () => synced() });
  provider.attach();
  const id = `bench-${index}`;
  return {
    ready,
    addItem: () =>
      ydoc.transact(() => {
        const item = new Y.Map();
        ydoc.getMap('items').set(id, item);
        item.set('text', `Deltagare ${index + 1}`);
        item.set('place', { cell: null, pos: generateKeyBetween(null, null) + String.fromCharCode(65 + (index % 26)) });
      }),
    edit: (seq) => ydoc.getMap('items').get(id)?.set('description', `bench:${index}:${seq}:${Date.now()}`),
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Measure a room; `browser` is a playwright-core browser, `appUrl` is ignored (the relay serves the app). */
export async function measureRoom(browser) {
  const relay = await startRelayProcess();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const people = [];
  try {
    await page.goto(`http://127.0.0.1:${relay.port}/?automation`);
    await page.locator('svg.fan').waitFor();
    await page.getByRole('button', { name: 'Samarbeta' }).click();
    await page.getByLabel('Ditt namn').fill('Mätaren');
    await page.getByRole('button', { name: 'Starta rum' }).click();
    await page.getByRole('dialog').getByRole('status').filter({ hasText: 'Ansluten' }).waitFor();
    const link = await page.getByLabel('Inbjudningslänk').inputValue();
    await page.keyboard.press('Escape');
    const params = new URLSearchParams(new URL(link).hash.slice(1));
    const invite = { room: params.get('rum'), secret: params.get('nyckel') };
    // The page notes when each participant's change shows in its plan.
    await page.evaluate(() => {
      const seen = (window.__benchSeen = { latencies: [], last: {} });
      window.__solfjadern.editor.subscribe((state) => {
        const now = Date.now();
        for (const item of Object.values(state.doc?.items ?? {})) {
          const m = /^bench:(\d+):(\d+):(\d+)$/.exec(item.description);
          if (!m) continue;
          const [who, seq, at] = [Number(m[1]), Number(m[2]), Number(m[3])];
          if ((seen.last[who] ?? -1) >= seq) continue;
          seen.last[who] = seq;
          seen.latencies.push(now - at);
        }
      });
    });
    for (let i = 0; i < ROOM_PEOPLE; i++) people.push(participant(relay.port, invite, i));
    await Promise.all(people.map((p) => p.ready));
    people.forEach((p) => p.addItem());
    await page.waitForFunction((n) => Object.keys(window.__solfjadern.editor.getState().doc.items).filter((id) => id.startsWith('bench-')).length === n, ROOM_PEOPLE);
    const memoryBefore = rssMb(relay.child.pid);
    // Each participant once a second, spread over the second.
    const timers = people.map((p, i) => {
      let seq = 0;
      return new Promise((resolve) =>
        setTimeout(() => {
          const timer = setInterval(() => {
            p.edit(seq++);
            if (seq >= ROOM_SECONDS) {
              clearInterval(timer);
              resolve();
            }
          }, 1000);
        }, (1000 * i) / ROOM_PEOPLE),
      );
    });
    await Promise.all(timers);
    await page.waitForFunction(({ n, last }) => Object.keys(window.__benchSeen.last).length === n && Object.values(window.__benchSeen.last).every((s) => s === last), { n: ROOM_PEOPLE, last: ROOM_SECONDS - 1 }, { timeout: 10_000 }).catch(() => {});
    const seen = await page.evaluate(() => window.__benchSeen);
    const memoryAfter = rssMb(relay.child.pid);
    const lost = people.reduce((sum, _, i) => sum + (ROOM_SECONDS - 1 - (seen.last[i] ?? -1)), 0);
    return {
      people: ROOM_PEOPLE,
      seconds: ROOM_SECONDS,
      edits: ROOM_PEOPLE * ROOM_SECONDS,
      shown: seen.latencies.length,
      latency: { median: quantile(seen.latencies, 0.5), p95: quantile(seen.latencies, 0.95), runs: seen.latencies.length },
      lost,
      relayMemoryMb: { before: Math.round(memoryBefore), after: Math.round(memoryAfter) },
    };
  } finally {
    for (const p of people) p.close();
    await context.close();
    await relay.stop();
  }
}

// Alone: `npm run bench:room`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { execFileSync } = await import('node:child_process');
  const vite = join(root, 'node_modules', '.bin', 'vite');
  execFileSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(vite, ['build', '--mode', 'relay', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const room = await measureRoom(browser);
    console.log(JSON.stringify(room, null, 2));
    if (!(room.latency.p95 <= 100 && room.lost === 0)) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
