// Room helpers for browser tests: the real relay (serving the built app) on a free port, a
// loopback TCP proxy that can cut a client off (Playwright's setOffline leaves WebSockets
// open), and the steps of starting and joining a room.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve } from 'node:path';
import { memoryLog } from '../../src/relay/log';
import { startRelay, type Relay, type RelayOptions } from '../../src/relay/server';

export interface RelayHandle {
  relay: Relay;
  port: number;
  origin: string;
  dataFile: string;
  /** The relay's log lines (kept across a restart). */
  lines: string[];
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function relayOnFreePort(options: Partial<RelayOptions> = {}): Promise<RelayHandle> {
  const dataFile = joinPath(mkdtempSync(joinPath(tmpdir(), 'solfjadern-rum-')), 'rum.sqlite');
  const appDir = resolve('dist');
  const log = memoryLog();
  let relay = await startRelay({ port: 0, host: '127.0.0.1', dataFile, appDir, log, ...options });
  const port = relay.port;
  const handle: RelayHandle = {
    relay,
    port,
    origin: `http://127.0.0.1:${port}`,
    dataFile,
    lines: log.lines,
    restart: async () => {
      await relay.close();
      relay = await startRelay({ port, host: '127.0.0.1', dataFile, appDir, log });
      handle.relay = relay;
    },
    close: () => relay.close(),
  };
  return handle;
}

/** A loopback TCP proxy in front of the relay; `cut()` drops every connection and refuses new ones until `mend()`. */
export interface Proxy {
  origin: string;
  cut(): void;
  mend(): void;
  close(): Promise<void>;
}

export async function proxyTo(port: number): Promise<Proxy> {
  const sockets = new Set<Socket>();
  let cutOff = false;
  const server: Server = createServer((client) => {
    if (cutOff) {
      client.destroy();
      return;
    }
    const upstream = connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port: own } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${own}`,
    cut: () => {
      cutOff = true;
      for (const s of sockets) s.destroy();
    },
    mend: () => {
      cutOff = false;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** WebSocket messages the page has received so far (from the room). */
  received: () => number;
}

export async function person(browser: Browser, url: string): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  let received = 0;
  page.on('websocket', (socket) => socket.on('framereceived', () => void received++));
  await page.goto(url);
  return { context, page, received: () => received };
}

/** "Samarbeta" → name → "Starta rum"; returns the invite link. */
export async function startRoom(page: Page, name: string): Promise<string> {
  await expect(page.locator('svg.fan')).toBeVisible();
  await page.getByRole('button', { name: 'Samarbeta' }).click();
  await page.getByLabel('Ditt namn').fill(name);
  await page.getByRole('button', { name: 'Starta rum' }).click();
  await expect(page.getByRole('dialog').getByRole('status').filter({ hasText: 'Ansluten' })).toBeVisible();
  const link = await page.getByLabel('Inbjudningslänk').inputValue();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return link;
}

/** Open an invite link (with the test hook), "Gå med" as `name`, and wait for the room's plan. */
export async function join(browser: Browser, link: string, name: string, planName: string, origin?: string): Promise<Person> {
  const url = new URL(link);
  const target = `${origin ?? url.origin}/?automation${url.hash}`;
  const who = await person(browser, target);
  await expect(who.page.getByRole('dialog', { name: 'Gå med i rummet' })).toBeVisible();
  // The name is what the dialog asks for: focus is there.
  await expect(who.page.getByLabel('Ditt namn')).toBeFocused();
  await who.page.getByLabel('Ditt namn').fill(name);
  await who.page.getByRole('button', { name: 'Gå med' }).click();
  // In the room with its plan (the name alone may be the same as a plan of one's own).
  await expect(who.page.getByRole('button', { name: /^Ansluten, I rummet \(\d+\): / })).toBeVisible();
  await expect(who.page.getByRole('heading', { level: 1 })).toHaveText(planName);
  // … and it is the room's plan that is open, kept on this device.
  const room = new URLSearchParams(url.hash.slice(1)).get('rum');
  await expect
    .poll(() =>
      who.page.evaluate((room) => {
        const rooms = JSON.parse(localStorage.getItem('solfjadern:rooms') ?? '{}') as Record<string, { room: string }>;
        const planId = Object.entries(rooms).find(([, r]) => r.room === room)?.[0];
        return !!planId && (window as unknown as { __solfjadern: Hook }).__solfjadern.editor.getState().doc.plan.id === planId;
      }, room),
    )
    .toBe(true);
  // Joined: the dialog has closed by itself, and the plan is in view.
  await expect(who.page.getByRole('dialog')).toHaveCount(0);
  return who;
}

type Hook = {
  actions: Record<string, (...args: never[]) => unknown>;
  editor: { getState: () => { doc: { plan: { id: string; name: string }; items: Record<string, { id: string; text: string; description: string; status: string; cell: { bladeId: string; ringId: string } | null; rank: number }> } } };
};

/** Every list of the plan (Inspel and each cell) in order, as ids: what all in a room must agree on. */
export function lists(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const doc = (window as unknown as { __solfjadern: Hook }).__solfjadern.editor.getState().doc;
    const out: Record<string, Array<{ id: string; rank: number }>> = {};
    for (const item of Object.values(doc.items)) {
      const key = item.cell ? `${item.cell.bladeId}|${item.cell.ringId}` : 'inspel';
      (out[key] ??= []).push({ id: item.id, rank: item.rank });
    }
    return Object.fromEntries(
      Object.entries(out)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, v.sort((a, b) => a.rank - b.rank).map((x) => x.id)]),
    );
  });
}

export function item(page: Page, id: string) {
  return page.evaluate((id) => (window as unknown as { __solfjadern: Hook }).__solfjadern.editor.getState().doc.items[id] ?? null, id);
}

export function act(page: Page, name: string, ...args: unknown[]) {
  return page.evaluate(({ name, args }) => (window as unknown as { __solfjadern: Hook }).__solfjadern.actions[name]!(...(args as never[])), { name, args });
}

/**
 * Anna starts a room on `relay`; `name` joins it only through a proxy that can cut them off (its
 * page and its room on the proxy's address). Close `proxy` when done.
 */
export async function roomWithOneBehindProxy(browser: Browser, relay: RelayHandle, name: string) {
  const proxy = await proxyTo(relay.port);
  const a = await person(browser, `${relay.origin}/?automation`);
  const link = await startRoom(a.page, 'Anna');
  const planName = (await a.page.getByRole('heading', { level: 1 }).textContent())!;
  const b = await join(browser, link, name, planName, proxy.origin);
  return { proxy, a, b, link, planName };
}

/**
 * The longest task the page ran since the last call (0 when none took 50 ms): what the page
 * itself did in one go, apart from how the machine shared its cores meanwhile. The first call
 * starts watching.
 */
export async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longestTask?: number; __tasks?: boolean };
    const longest = w.__longestTask ?? 0;
    w.__longestTask = 0;
    if (!w.__tasks) {
      w.__tasks = true;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longestTask = Math.max(w.__longestTask ?? 0, entry.duration);
      }).observe({ type: 'longtask' });
    }
    return longest;
  });
}

/**
 * The most the page itself worked on one frame since the last call (ms; 0 when no frame took 50):
 * its scripts and the frame's style, layout and paint, from the long animation frames the
 * browser reports — not the time the frame waited for a core the machine gave elsewhere. The
 * first call starts watching.
 */
export async function longestFrameWork(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Frame = PerformanceEntry & { renderStart: number; scripts: Array<{ duration: number }> };
    const w = window as unknown as { __longestWork?: number; __work?: boolean };
    const longest = w.__longestWork ?? 0;
    w.__longestWork = 0;
    if (!w.__work) {
      w.__work = true;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Frame[]) {
          const scripts = entry.scripts.reduce((sum, script) => sum + script.duration, 0);
          const rendering = entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0;
          w.__longestWork = Math.max(w.__longestWork ?? 0, scripts + rendering);
        }
      }).observe({ type: 'long-animation-frame' });
    }
    return longest;
  });
}

/** The longest time between two frames since the last call (ms): a frozen tab never answers. */
export async function longestFrame(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longest?: number; __frames?: boolean };
    const longest = w.__longest ?? 0;
    w.__longest = 0;
    if (!w.__frames) {
      w.__frames = true;
      let last = performance.now();
      const tick = (t: number) => {
        w.__longest = Math.max(w.__longest ?? 0, t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
    return longest;
  });
}
