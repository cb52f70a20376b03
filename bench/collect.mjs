// "Samla in" at workshop scale: 50 files back from the offices (40 filled-in templates — 30
// made by the app and filled in, 10 in the region's own layout saved by LibreOffice as .docx
// and .odt — and 10 plan files) with 1,000 proposals in all, picked in the panel; timed from the file
// input's change to the weighed groups drawn ("… av 1000 förslag"). Each run starts from a
// fresh browser profile, so every run takes in the same files into an empty collection.
import { JSDOM } from 'jsdom';
import { createServer } from 'vite';

export const COLLECT_FILES = 50;
export const COLLECT_PROPOSALS = 1000;

const SUBJECTS = ['Nära vård', 'Digitala vårdmöten', 'Samverkan med kommunerna', 'Kompetensförsörjningen', 'Hälsofrämjande insatser', 'Barns hälsa', 'Uppföljningen', 'Ledarskapet', 'Kvalitetsarbetet', 'Prioriteringarna'];
const VERBS = ['stärks i', 'införs i', 'utvecklas inom', 'följs upp i', 'samordnas i', 'prioriteras i'];
const PLACES = ['primärvården', 'hela regionen', 'varje förvaltning', 'sjukhusen', 'kommunerna', 'tandvården', 'habiliteringen', 'akutsjukvården'];

/** 50 files' worth of proposals: shared ideas in the offices' own words, plus their own. */
function proposals(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const shared = Array.from({ length: 120 }, () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(PLACES)}`);
  return (office) =>
    Array.from({ length: COLLECT_PROPOSALS / COLLECT_FILES }, (_, i) =>
      rand() < 0.6 ? shared[Math.floor(rand() * shared.length)] + (rand() < 0.5 ? '' : ' senast 2026') : `${pick(SUBJECTS)} – eget förslag ${i + 1} från ${office}`,
    );
}

/** The files, built as the browser test builds them: templates made by the app and filled in. */
export async function collectFiles() {
  const { window } = new JSDOM('');
  Object.assign(globalThis, { DOMParser: window.DOMParser, XMLSerializer: window.XMLSerializer });
  const server = await createServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'silent' });
  try {
    const { createExampleDoc } = await server.ssrLoadModule('/src/domain/plan.ts');
    const { buildMall } = await server.ssrLoadModule('/src/export/docx/mall.ts');
    const { planToJson } = await server.ssrLoadModule('/src/export/json.ts');
    const { fillIn } = await server.ssrLoadModule('/tests/fixtures/fillMall.ts');
    const { seededRandom } = await server.ssrLoadModule('/tests/fixtures/random.ts');
    const { convertHtml } = await server.ssrLoadModule('/tests/fixtures/offices.ts');
    const doc = createExampleDoc(new Date('2026-03-01T08:00:00.000Z'));
    const areas = doc.plan.catalogue.delomraden.map((d) => d.name);
    const years = doc.plan.rings.map((r) => r.year);
    const of = proposals(seededRandom(2026));
    const files = [];
    /** Offices answering in the region's layout: an HTML page each, for LibreOffice. */
    const pages = {};
    for (let f = 0; f < COLLECT_FILES; f++) {
      const office = `Förvaltning ${f + 1}`;
      const texts = of(office);
      if (f >= 30 && f < 40) {
        pages[office] = regionLayout(texts, areas, years);
        files.push({ name: `${office}.${f % 2 ? 'odt' : 'docx'}`, mimeType: 'application/octet-stream', buffer: null });
      } else if (f < 40) {
        const lines = {};
        texts.forEach((text, i) => {
          const area = areas[i % areas.length];
          const year = years[Math.floor(i / areas.length) % years.length];
          ((lines[area] ??= {})[year] ??= []).push(i % 9 === 8 ? { italic: text } : text);
        });
        const bytes = await fillIn(await buildMall(doc, { recipient: office }), lines);
        files.push({ name: `${office}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(bytes) });
      } else {
        const template = Object.values(doc.items)[0];
        const items = {};
        texts.forEach((text, i) => {
          const cell = { bladeId: doc.plan.blades[i % doc.plan.blades.length].id, ringId: doc.plan.rings[i % doc.plan.rings.length].id };
          items[`p${i}`] = { ...template, id: `p${i}`, text, kalla: '', sources: [], comments: [], cell, rank: Math.floor(i / 12) };
        });
        files.push({ name: `${office}.json`, mimeType: 'application/json', buffer: Buffer.from(planToJson({ plan: doc.plan, items }, new Date(), office)) });
      }
    }
    const made = convertHtml(pages);
    for (const file of files) if (!file.buffer) file.buffer = Buffer.from(made[file.name.replace(/\.\w+$/, '')][file.name.split('.').pop()]);
    return files;
  } finally {
    await server.close();
  }
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The region's template filled in: a row per delområde, bold years over their proposals, every ninth italic. */
function regionLayout(texts, areas, years) {
  const cells = new Map();
  texts.forEach((text, i) => {
    const area = areas[i % areas.length];
    const year = years[Math.floor(i / areas.length) % years.length];
    const byYear = cells.get(area) ?? new Map();
    cells.set(area, byYear);
    byYear.set(year, [...(byYear.get(year) ?? []), i % 9 === 8 ? `<p><i>${escape(text)}</i></p>` : `<p>${escape(text)}</p>`]);
  });
  const head = ['Delområde', 'Solfjäders nuvarande aktiviteter som ska revideras', 'Prioriterade områden', 'Effektmål från genomförandeplanen', 'Indikator'];
  const rows = [...cells].map(
    ([area, byYear]) => `<tr><td>${escape(area)}</td><td></td><td>${[...byYear].map(([year, lines]) => `<p><b>${year}</b></p>${lines.join('')}`).join('')}</td><td></td><td></td></tr>`,
  );
  return `<table border="1"><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

/** Time one take-in through the panel, in ms: the input's change → the groups drawn. */
export async function timeCollect(browser, appUrl, files) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.waitForSelector('svg.fan');
    await page.getByRole('navigation', { name: 'Verktyg' }).getByRole('button', { name: 'Samla in' }).click();
    const input = page.getByTestId('collect-files');
    await page.getByRole('button', { name: 'Välj filer…' }).waitFor();
    await page.evaluate((total) => {
      const w = window;
      w.__collect = { start: 0, end: 0 };
      document.addEventListener('change', () => (w.__collect.start = performance.now()), true);
      new MutationObserver(() => {
        if (!w.__collect.end && document.body.textContent?.includes(`av ${total} förslag`)) w.__collect.end = performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, COLLECT_PROPOSALS);
    await input.setInputFiles(files);
    const ms = await page.waitForFunction(() => window.__collect.end && window.__collect.end - window.__collect.start, null, { timeout: 60_000, polling: 10 });
    return ms.jsonValue();
  } finally {
    await context.close();
  }
}
