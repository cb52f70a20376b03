// Usage: node scripts/report-picture.mjs report.docx|slides.pptx out.png [pages]
// The picture of a Word file's pages (or a PowerPoint file's slides) in docs/: LibreOffice makes the PDF, pdftoppm (Debian's
// poppler-utils) the page images, Chromium lays them side by side. `pages`: comma-separated
// page numbers, "1,2,3,last" by default.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium } from 'playwright-core';

const [docx, out = 'pages.png', wanted = '1,2,3,last'] = process.argv.slice(2);
if (!docx) throw new Error('Usage: node scripts/report-picture.mjs report.docx out.png [pages]');
const dir = mkdtempSync(join(tmpdir(), 'sf-pages-'));
execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe' });
const pdf = join(dir, basename(docx).replace(/\.\w+$/, '.pdf'));
execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'p')]);
const pages = readdirSync(dir).filter((f) => /^p-\d+\.png$/.test(f)).sort();
const chosen = wanted.split(',').map((p) => (p === 'last' ? pages.at(-1) : pages[Number(p) - 1])).filter(Boolean);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 600 } });
const images = chosen.map((f) => `<img style="box-shadow:0 1px 4px #0005;background:#fff" src="data:image/png;base64,${readFileSync(join(dir, f)).toString('base64')}">`);
await page.setContent(`<body style="margin:0"><div id="pages" style="background:#d9dde3;display:flex;gap:16px;padding:16px;align-items:flex-start;width:max-content">${images.join('')}</div></body>`);
await page.locator('#pages').screenshot({ path: out });
await browser.close();
