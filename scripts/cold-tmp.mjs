import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await b.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
const p0 = await ctx.newPage();
await p0.goto('http://127.0.0.1:4173/?automation'); await p0.waitForSelector('svg.fan');
const src = readFileSync('bench/run.mjs', 'utf8');
const seed = src.slice(src.indexOf('function seedPlan'), src.indexOf('/** Action → React'));
await p0.evaluate(`(${seed.replace('function seedPlan(n)', 'function(n)')})(${process.argv[2] ?? 1000})`);
await p0.waitForTimeout(500); await p0.close();
for (let i = 0; i < 6; i++) {
  const p = await ctx.newPage();
  const cdp = await ctx.newCDPSession(p); await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await p.goto('http://127.0.0.1:4173/');
  await p.waitForFunction(() => performance.getEntriesByName('solfjadern:fan-drawn').length > 0);
  const t = await p.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const m = (n) => Math.round(performance.getEntriesByName(n)[0]?.startTime);
    const js = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => Math.round(r.responseEnd));
    return { js, domInteractive: Math.round(nav.domInteractive), readStart: m('solfjadern:read-start'), boot: m('solfjadern:boot'), planRead: m('solfjadern:plan-read'), drawn: m('solfjadern:fan-drawn') };
  });
  console.log(JSON.stringify(t));
  await p.close();
}
await b.close();
