import { chromium } from 'playwright-core';
const N = Number(process.argv[2] ?? 1000);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 1920, height: 1080 } });
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto('http://127.0.0.1:4173/'); await p.waitForSelector('svg.fan');
await p.waitForFunction(() => document.body.innerText.includes('Sparad') || true);
await p.waitForTimeout(500);
// Inject N items into the open plan's storage, then reload.
await p.evaluate(async (N) => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('solfjadern'); r.onsuccess = () => res(r.result); r.onerror = rej; });
  const planId = await new Promise((res) => { const t = db.transaction('meta'); const g = t.objectStore('meta').get('lastPlanId'); g.onsuccess = () => res(g.result.value); });
  const plan = await new Promise((res) => { const t = db.transaction('plans'); const g = t.objectStore('plans').get(planId); g.onsuccess = () => res(g.result); });
  const t = db.transaction('items', 'readwrite');
  const st = t.objectStore('items');
  const words = 'vård nära invånare samverkan kompetens digital ledarskap plan uppföljning region'.split(' ');
  for (let i = 0; i < N; i++) {
    const b = plan.blades[i % plan.blades.length].id;
    const r = plan.rings[Math.floor(i / 4) % plan.rings.length].id;
    const inbox = i % 5 === 0;
    st.put({ id: 'gen-' + i, planId, text: 'Aktivitet ' + i + ' ' + words.slice(0, 3 + (i % 6)).join(' '), description: '', delomraden: [], effektmal: [], indikator: { text: '', target: null, unit: '' }, ansvarsniva: null, kalla: '', extra: false, cell: inbox ? null : { bladeId: b, ringId: r }, rank: 100 + i });
  }
  await new Promise((res) => (t.oncomplete = res));
}, N);
const t0 = Date.now();
await p.reload(); await p.waitForSelector('svg.fan .fan-item');
console.log('reload to drawn ms', Date.now() - t0);
// Drag an Inspel item across the fan, measuring frames.
const card = p.locator('[data-inbox-item] .card').first();
const box = await card.boundingBox();
await p.evaluate(() => { window.__frames = []; let last = performance.now(); const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) requestAnimationFrame(tick); }; requestAnimationFrame(tick); });
await p.mouse.move(box.x + 20, box.y + 10); await p.mouse.down();
for (let i = 0; i < 120; i++) { await p.mouse.move(1500 - i * 10, 300 + Math.sin(i / 10) * 200); }
await p.mouse.up();
const frames = await p.evaluate(() => window.__frames.slice(2));
frames.sort((a, b) => a - b);
console.log('frames', frames.length, 'median', frames[Math.floor(frames.length / 2)].toFixed(1), 'p95', frames[Math.floor(frames.length * 0.95)].toFixed(1), 'max', frames.at(-1).toFixed(1));
await b.close();
