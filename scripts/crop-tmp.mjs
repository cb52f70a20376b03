import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1920, height: 1080 } });
await p.goto('http://127.0.0.1:4173/'); await p.waitForSelector('svg.fan'); await p.waitForTimeout(300);
console.log('font', await p.locator('svg.fan').getAttribute('data-font-size'));
await p.screenshot({ path: '/tmp/crop.png', clip: { x: 1100, y: 380, width: 560, height: 600 } });
await b.close();
