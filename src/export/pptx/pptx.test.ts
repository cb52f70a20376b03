// Issue 26: "Exportera → PowerPoint (.pptx)", read back as a file (JSZip): a title slide, the fan,
// one slide per fokusområde (continued when it must), Inspel last; item texts in priority order,
// extras and review marks as in Word, nothing under 14 pt, 16:9.
import { produce } from 'immer';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { itemsIn } from '../../domain/containers';
import { addComment, addItem, moveItem, updateItem } from '../../domain/operations';
import { createExampleDoc } from '../../domain/plan';
import type { PlanDoc } from '../../domain/types';
import { estimateMeasure } from '../../fan/text';
import { swedish } from '../../../tests/fixtures/swedish';
import { planPicture } from '../picture';
import { buildSlides, LEGEND, MIN_POINTS, PICTURE_ITEM_POINTS, pictureBox, SLIDE, SLIDE_PICTURE_SIZE } from './index';
import { BODY, paginate, planSlides, rowsOf, type SlideLine } from './slides';

const sv = swedish();
const now = new Date('2026-12-06T10:00:00Z');

/** Changed as the app changes a plan: a new plan object (lists of items are kept per plan object). */
const changed = (doc: PlanDoc, recipe: (draft: PlanDoc) => void): PlanDoc => produce(doc, recipe);

function example(): PlanDoc {
  const doc = createExampleDoc(now);
  const [first, second, third] = itemsIn(doc, { bladeId: doc.plan.blades[0]!.id, ringId: doc.plan.rings[0]!.id });
  return changed(doc, (d) => {
    // Past the limit (the italics are the plan's to settle; here set as the plan would).
    d.items[third!.id]!.extra = true;
    updateItem(d, first!.id, { status: 'godkand' });
    addComment(d, second!.id, { id: 'k1', author: 'Eva', text: 'Bra', at: now.toISOString() });
  });
}

/** The slides' XML in order, with their texts (paragraph by paragraph). */
async function readSlides(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const slides = await Promise.all(names.map((n) => zip.file(n)!.async('string')));
  const paragraphs = (xml: string) => [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, p]) => [...p!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, t]) => t).join('')).map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
  return { zip, slides, texts: slides.map(paragraphs) };
}

async function build(doc: PlanDoc) {
  const picture = planPicture(doc, estimateMeasure, sv, SLIDE_PICTURE_SIZE);
  return buildSlides(doc, picture, { now });
}

describe('the plan as slides', () => {
  it('title, fan, one slide per fokusområde, Inspel: items in priority order with extras and review marks', async () => {
    const doc = example();
    const { zip, texts, slides } = await readSlides(await build(doc));
    const blades = doc.plan.blades;
    const content = planSlides(doc, 'i dag');
    expect(slides).toHaveLength(2 + content.blades.length + content.inspel.length);
    // Each fokusområde starts its own slide, in the plan's order.
    expect(texts.slice(2, 2 + content.blades.length).map((t) => t[0]).filter((t) => !t!.endsWith('(forts.)'))).toEqual(blades.map((b) => b.name));
    expect(texts[0]).toContain(doc.plan.name);
    expect(texts[0]).toContain('Handlingsplan');
    expect(texts[0]).toContain('Exporterad 6 december 2026 ur Solfjädern');
    expect(texts[1]![0]).toBe('Solfjädern');
    blades.forEach((blade) => {
      // Its slides read as one list (a continued ring says "(forts.)" at the top of the next).
      const shown = texts.filter((t) => t[0] === blade.name || t[0] === `${blade.name} (forts.)`).flatMap((t) => t.slice(1)).filter((line) => !line.endsWith(' (forts.)') && line !== LEGEND);
      shown.unshift(blade.name);
      // Every ring's items, in priority order under the ring's heading.
      let at = 1;
      for (const ring of doc.plan.rings) {
        at = shown.indexOf(ring.label, at);
        expect(at, `${blade.name}, ${ring.label}`).toBeGreaterThan(0);
        const items = itemsIn(doc, { bladeId: blade.id, ringId: ring.id });
        items.forEach((item, i) => expect(shown[at + 1 + i]).toMatch(new RegExp(`^${i + 1}\\. ${item.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
      }
    });
    expect(texts.at(-1)![0]).toBe('Inspel');
    const bladeSlide = texts[2]!.join('\n');
    expect(bladeSlide).toContain('✓ godkänd');
    expect(bladeSlide).toContain('❝ 1 kommentar');
    // Extras in italics, as in Word.
    const extra = Object.values(doc.items).find((i) => i.extra && i.cell?.bladeId === blades[0]!.id)!;
    expect(slides[2]).toMatch(new RegExp(`<a:rPr[^>]* i="1"[^>]*>(?:(?!</a:r>).)*<a:t>${extra.text}</a:t>`, 's'));
    // 16:9, and the file says what it is.
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    const [, cx, cy] = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!;
    expect(Number(cx) / Number(cy)).toBeCloseTo(16 / 9, 2);
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain(`Handlingsplan: ${doc.plan.name}`);
  });

  it('no text under 14 pt: every run on every slide; the fan picture as large as the slide allows', async () => {
    const doc = example();
    const { slides, zip } = await readSlides(await build(doc));
    const masters = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
    const sizes = [...slides, ...masters].flatMap((xml) => [...xml.matchAll(/ sz="(\d+)"/g)].map(([, sz]) => Number(sz) / 100));
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_POINTS);
    // Each text box says its size (no box left to the theme's 18 pt default of another program).
    for (const xml of slides) for (const [run] of xml.matchAll(/<a:r>[\s\S]*?<\/a:r>/g)) expect(run).toMatch(/ sz="\d+"/);
    // The fan picture: its items' text (12 px and up in the layout) at 11.4 pt or more on the slide.
    const picture = planPicture(doc, estimateMeasure, sv, SLIDE_PICTURE_SIZE);
    // (An item's text: regular weight in ink; names and "+N till" are bold.)
    const itemSizes = [...picture.svg.matchAll(/<text font-size="([\d.]+)" fill="#1a1a1a">/g)].map(([, px]) => Number(px));
    expect(itemSizes.length).toBeGreaterThan(2);
    expect(Math.min(...itemSizes) * pictureBox(picture).pointsPerPixel).toBeGreaterThanOrEqual(PICTURE_ITEM_POINTS);
    const box = pictureBox(picture);
    expect(box.x + box.w).toBeLessThanOrEqual(SLIDE.width);
    expect(box.y + box.h).toBeLessThanOrEqual(SLIDE.height);
  });

  it('the fan is an SVG with a PNG beside it for programs that cannot show SVG, described for screen readers', async () => {
    const { zip, slides } = await readSlides(await build(example()));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/'));
    expect(media.some((n) => n.endsWith('.svg'))).toBe(true);
    expect(media.some((n) => n.endsWith('.png'))).toBe(true);
    expect(slides[1]).toContain('asvg:svgBlip');
    expect(slides[1]).toMatch(/descr="Solfjädern med fokusområdena [^"]+"/);
    const svg = await zip.file(media.find((n) => n.endsWith('.svg'))!)!.async('string');
    expect(svg).toContain(`width="${SLIDE_PICTURE_SIZE.width * 2}" height="${SLIDE_PICTURE_SIZE.height * 2}" viewBox="0 0 ${SLIDE_PICTURE_SIZE.width} ${SLIDE_PICTURE_SIZE.height}"`);
  });

  it('a fokusområde with more than a slide holds goes on on the next, "(forts.)", its ring heading again; nothing lost', async () => {
    const start = example();
    const cell = { bladeId: start.plan.blades[0]!.id, ringId: start.plan.rings[1]!.id };
    const doc = changed(start, (d) => {
      for (let i = 0; i < 40; i++) moveItem(d, addItem(d, { text: `Lång aktivitet nummer ${i + 1} med en text som tar en stor del av raden på bilden` }), cell, i);
    });
    const { texts } = await readSlides(await build(doc));
    const titles = texts.map((t) => t[0]);
    const name = doc.plan.blades[0]!.name;
    const own = texts.filter((t) => t[0] === name || t[0]!.startsWith(`${name} (forts.)`));
    expect(own.length).toBeGreaterThan(1);
    expect(titles).toContain(`${name} (forts.)`);
    expect(own.slice(1).some((t) => t[1] === `${doc.plan.rings[1]!.label} (forts.)`)).toBe(true);
    const listed = own.flatMap((t) => t.filter((line) => /^\d+\. /.test(line)));
    const expected = doc.plan.rings.flatMap((ring) => itemsIn(doc, { bladeId: cell.bladeId, ringId: ring.id }).map((item, i) => `${i + 1}. ${item.text}`));
    expect(listed.map((l) => l.replace(/ {2}.*$/, ''))).toEqual(expected);
  });

  it('pages by rows: a heading never ends a slide; each slide within its rows', () => {
    const lines: SlideLine[] = [{ kind: 'ring', text: '2025' }, ...Array.from({ length: 30 }, (_, i): SlideLine => ({ kind: 'item', number: i + 1, text: 'x'.repeat(150), extra: false, struck: false, marks: '' }))];
    const slides = paginate('A', '#112233', lines, BODY.rows);
    for (const slide of slides) {
      expect(slide.lines.at(-1)!.kind).not.toBe('ring');
      expect(slide.lines.reduce((n, l) => n + rowsOf(l), 0)).toBeLessThanOrEqual(BODY.rows);
    }
    expect(slides.flatMap((s) => s.lines.filter((l) => l.kind === 'item'))).toHaveLength(30);
    expect(planSlides(createExampleDoc(now), 'i dag').inspel[0]!.lines).toEqual([{ kind: 'note', text: 'Inga inspel väntar på en plats.' }]);
  });
});
