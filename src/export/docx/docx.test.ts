// @vitest-environment jsdom
import JSZip from 'jszip';
import { planPicture } from '../picture';
import { estimateMeasure } from '../../fan/text';
import { describe, expect, it } from 'vitest';
import { createExampleDoc } from '../../domain/plan';
import { itemsIn } from '../../domain/containers';
import { uncoveredEffektmal } from '../../domain/coverage';
import type { PlanDoc } from '../../domain/types';
import { readPlanFile } from '../../schema/restore';
import { FILE_VERSION } from '../../schema/version';
import { buildHandlingsplan, buildMall, MALL_HEADERS } from './index';
import { readPlanPart } from '../../files/planPart';
import { addPeriod, emptyFollowUp, setProgress } from '../../domain/followup';

const AT = new Date('2026-11-22T10:00:00.000Z');
// A 1×1 PNG: the builders only pass the picture through.
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const PICTURE = { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="420"><rect width="800" height="420" fill="#fff"/></svg>', png: PNG, width: 800, height: 420 };

/** The example with its second 2025 item of Nära invånaren marked extra and one markup title. */
function exampleDoc(): PlanDoc {
  const doc = createExampleDoc(AT);
  const cell = itemsIn(doc, { bladeId: 'nara-invanaren', ringId: 'r2025' });
  // A new items object, as the store makes: item lists are memoised per items object.
  doc.items = {
    ...doc.items,
    [cell[0]!.id]: { ...cell[0]!, status: 'godkand' },
    [cell[1]!.id]: { ...cell[1]!, extraChoice: 'extra', extra: true },
    [cell[2]!.id]: { ...cell[2]!, text: '<img src=x onerror=alert(1)> & "citat"' },
  };
  return doc;
}

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { zip, xml, dom: new DOMParser().parseFromString(xml, 'application/xml') };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Every run of text with whether it is italic. */
function runs(dom: Document): { text: string; italic: boolean }[] {
  return [...dom.getElementsByTagNameNS(W, 'r')].map((r) => ({
    text: [...r.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
    italic: [...r.getElementsByTagNameNS(W, 'i')].some((i) => !['false', '0'].includes(i.getAttributeNS(W, 'val') ?? '')),
  }));
}

describe('Handlingsplan (.docx)', () => {
  it('is a landscape A4 page with real headings, repeated table headers and every item in order', async () => {
    const doc = exampleDoc();
    const { xml, dom } = await parts(await buildHandlingsplan(doc, PICTURE, { now: AT }));
    const size = dom.getElementsByTagNameNS(W, 'pgSz')[0]!;
    expect(size.getAttributeNS(W, 'orient')).toBe('landscape');
    expect(Number(size.getAttributeNS(W, 'w'))).toBeGreaterThan(Number(size.getAttributeNS(W, 'h')));
    const headings = [...dom.getElementsByTagNameNS(W, 'pStyle')].filter((s) => s.getAttributeNS(W, 'val') === 'Heading1');
    expect(headings).toHaveLength(doc.plan.blades.length + 1);
    expect(dom.getElementsByTagNameNS(W, 'tblHeader').length).toBe(doc.plan.blades.length + 1);
    // Texts in the order of the plan: blade by blade, ring by ring, by rank.
    const text = runs(dom).map((r) => r.text).join('\n');
    let at = 0;
    for (const blade of doc.plan.blades) {
      for (const ring of doc.plan.rings) {
        for (const item of itemsIn(doc, { bladeId: blade.id, ringId: ring.id })) {
          const found = text.indexOf(item.text, at);
          expect(found, item.text).toBeGreaterThan(at);
          at = found;
        }
      }
    }
    expect(xml).toContain('Effektmål utan aktivitet');
    expect(xml).toContain('Version: Arbetsversion');
    expect(xml).toContain('Status: godkänd');
    expect(xml).toContain('Status: förslag');
  });

  it('sets extras in italic runs, and only extras', async () => {
    const doc = exampleDoc();
    const all = runs((await parts(await buildHandlingsplan(doc, null, { now: AT }))).dom);
    for (const item of Object.values(doc.items)) {
      const run = all.find((r) => r.text === item.text);
      expect(run, item.text).toBeDefined();
      expect(run!.italic, item.text).toBe(item.extra);
    }
  });

  it('lists effektmål that no placed item serves', async () => {
    const doc = exampleDoc();
    const goal = uncoveredEffektmal(doc)[0]!.effektmal;
    const served = () => Object.values(doc.items).some((i) => i.cell && i.effektmal.includes(goal.id));
    expect(served()).toBe(false);
    expect((await parts(await buildHandlingsplan(doc, null, { now: AT }))).xml).toContain(goal.text);
    const first = Object.values(doc.items).find((i) => i.cell)!;
    doc.items = { ...doc.items, [first.id]: { ...first, effektmal: [goal.id] } };
    expect((await parts(await buildHandlingsplan(doc, null, { now: AT }))).xml).not.toContain(goal.text);
  });

  it('carries the fan as SVG with a PNG fallback, on an A3 landscape page of its own where its text is 8 pt or more', async () => {
    const doc = exampleDoc();
    const picture = planPicture(doc, estimateMeasure, null);
    const { zip, xml } = await parts(await buildHandlingsplan(doc, { ...picture, png: PNG }, { now: AT }));
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media.some((f) => f.endsWith('.svg'))).toBe(true);
    expect(media.some((f) => f.endsWith('.png'))).toBe(true);
    expect(xml).toContain('svgBlip');
    // Two sections: the title and the fan on A3 landscape (42 × 29.7 cm), then the tables on A4 landscape.
    const sizes = [...xml.matchAll(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="landscape"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes).toEqual([
      [23811, 16838],
      [16838, 11906],
    ]);
    // The fan and the A3 page's end come before the first table's heading; the A4 page's after it.
    const tables = xml.indexOf(`<w:t xml:space="preserve">${doc.plan.blades[0]!.name}</w:t>`);
    expect(tables).toBeGreaterThan(0);
    expect(xml.indexOf('svgBlip')).toBeLessThan(tables);
    expect(xml.indexOf('w:w="23811"')).toBeLessThan(tables);
    expect(xml.indexOf('w:w="16838" w:h="11906"')).toBeGreaterThan(tables);
    // As wide as the page's text (38 cm), within its height under the title.
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(xml)!;
    const cm = (emu: string) => Number(emu) / 360000;
    expect(cm(extent[1]!)).toBeLessThanOrEqual(38);
    expect(cm(extent[1]!)).toBeGreaterThan(36);
    expect(cm(extent[2]!)).toBeLessThanOrEqual(26.1 - 3.7);
    expect(cm(extent[2]!) / cm(extent[1]!)).toBeCloseTo(picture.height / picture.width, 2);
    // The picture's smallest text, in points on paper.
    const smallest = Math.min(...[...picture.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])));
    const points = ((smallest * cm(extent[1]!)) / picture.width / 2.54) * 72;
    expect(points).toBeGreaterThanOrEqual(8);
  });

  it('keeps a ring\'s row on one page, sets descriptions in a style of their own and marks each status and the comments', async () => {
    const doc = exampleDoc();
    const [first, second] = itemsIn(doc, { bladeId: 'nara-invanaren', ringId: 'r2025' });
    doc.items = {
      ...doc.items,
      [first!.id]: { ...first!, description: 'Gemensam beskrivning av samarbetet', comments: [{ id: 'k', author: 'Eva', at: AT.toISOString(), text: 'Bra' }] },
      [second!.id]: { ...second!, status: 'andras' },
    };
    const { dom, zip } = await parts(await buildHandlingsplan(doc, null, { now: AT }));
    const tables = [...dom.getElementsByTagNameNS(W, 'tbl')].slice(0, doc.plan.blades.length);
    for (const table of tables) {
      const rows = [...table.getElementsByTagNameNS(W, 'tr')];
      expect(rows.every((r) => r.getElementsByTagNameNS(W, 'cantSplit').length === 1)).toBe(true);
    }
    const paragraphs = [...dom.getElementsByTagNameNS(W, 'p')];
    const description = paragraphs.find((p) => p.textContent === 'Gemensam beskrivning av samarbetet')!;
    expect(description.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val')).toBe('Beskrivning');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Beskrivning"[\s\S]*?<w:sz w:val="19"\/>/);
    const line = (text: string) => paragraphs.find((p) => p.textContent!.includes(text))!.textContent;
    expect(line(first!.text)).toContain('✓ godkänd · ❝ 1 kommentar');
    expect(line(second!.text)).toContain('Δ ändras');
    const plainItem = itemsIn(doc, { bladeId: 'ledarskap', ringId: 'r2025' })[0]!;
    expect(line(plainItem.text)).not.toMatch(/[✓Δ✕❝]/);
  });

  it('carries the plan, its follow-up, id, version and recipient, readable again', async () => {
    const doc = exampleDoc();
    const followUp = emptyFollowUp();
    const period = addPeriod(followUp, 'T2 2026');
    const item = itemsIn(doc, { bladeId: 'nara-invanaren', ringId: 'r2025' })[0]!;
    setProgress(followUp, doc.items, { periodId: period.id, itemId: item.id, state: 'pagar', comment: 'Avtalet är klart', by: 'Anna', at: AT.toISOString() });
    const bytes = await buildHandlingsplan(doc, null, { now: AT, recipient: 'NU-sjukvården', followUp });
    const part = await readPlanPart(bytes);
    expect(part).toMatchObject({ document: 'handlingsplan', planId: doc.plan.id, planName: doc.plan.name, fileVersion: FILE_VERSION, recipient: 'NU-sjukvården' });
    const back = readPlanFile(part!.planJson);
    expect(back.ok && back.doc).toEqual(doc);
    expect(back.ok && back.followUp).toEqual(followUp);
    const custom = await (await JSZip.loadAsync(bytes)).file('docProps/custom.xml')!.async('string');
    expect(custom).toContain(doc.plan.id);
    expect(custom).toContain('NU-sjukvården');
  });

  it('finds no plan in a Word file it did not make', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document xmlns:w="' + W + '"/>');
    expect(await readPlanPart(await zip.generateAsync({ type: 'uint8array' }))).toBeNull();
  });
});

describe('Mall att fylla i (.docx)', () => {
  it('has the instruction and the four-column table with a row group per delområde and ring', async () => {
    const doc = exampleDoc();
    const { xml, dom } = await parts(await buildMall(doc, { now: AT }));
    for (const header of MALL_HEADERS) expect(xml).toContain(header);
    expect(xml).toContain('tre viktigaste');
    expect(xml).toContain('fem för Nära vård');
    const texts = runs(dom).map((r) => r.text);
    for (const d of doc.plan.catalogue.delomraden) {
      expect(texts).toContain(d.name);
      for (const goal of d.effektmal) expect(xml).toContain(goal.text.replace(/&/g, '&amp;'));
    }
    // Each ring label once per delområde in the column to fill in.
    const ringRows = texts.filter((t) => t === doc.plan.rings[0]!.label).length;
    // …and once for the activities without a delområde, kept in a group of their own.
    expect(texts).toContain('Övrigt (utan delområde)');
    expect(ringRows).toBe(doc.plan.catalogue.delomraden.length + 1);
    const size = dom.getElementsByTagNameNS(W, 'pgSz')[0]!;
    expect(size.getAttributeNS(W, 'orient')).toBe('landscape');
    expect((await readPlanPart(await buildMall(doc, { now: AT })))?.document).toBe('mall');
  });

  it('keeps each delområde\'s group together, its title and headers repeated if it must break', async () => {
    const doc = exampleDoc();
    const { dom } = await parts(await buildMall(doc, { now: AT }));
    const tables = [...dom.getElementsByTagNameNS(W, 'tbl')];
    expect(tables).toHaveLength(doc.plan.catalogue.delomraden.length + 1);
    for (const table of tables) {
      const rows = [...table.getElementsByTagNameNS(W, 'tr')];
      expect(rows).toHaveLength(2 + doc.plan.rings.length);
      // Title and column headers repeat at the top of a page; no row splits.
      expect(rows.map((r) => r.getElementsByTagNameNS(W, 'tblHeader').length)).toEqual([1, 1, ...doc.plan.rings.map(() => 0)]);
      expect(rows.every((r) => r.getElementsByTagNameNS(W, 'cantSplit').length === 1)).toBe(true);
      // Every paragraph keeps with the next except in the last row: the group stays on one page.
      for (const row of rows.slice(0, -1)) {
        // (A cell continuing the merged effektmål cell holds only Word's empty paragraph.)
        const cells = [...row.getElementsByTagNameNS(W, 'tc')].filter((tc) => [...tc.getElementsByTagNameNS(W, 'vMerge')].every((m) => m.getAttributeNS(W, 'val') === 'restart'));
        const own = cells.flatMap((tc) => [...tc.getElementsByTagNameNS(W, 'p')]);
        expect(own.length).toBeGreaterThan(0);
        expect(own.filter((p) => p.getElementsByTagNameNS(W, 'keepNext').length !== 1).map((p) => p.textContent)).toEqual([]);
      }
      // No cell merged down the rows but the effektmål: activities sit beside their own ring.
      expect(table.getElementsByTagNameNS(W, 'vMerge').length).toBe(doc.plan.rings.length);
    }
    // A ring's current activities in that ring's row.
    const nara = tables.find((t) => t.textContent!.startsWith('Nära vård'))!;
    const [, , firstRing] = [...nara.getElementsByTagNameNS(W, 'tr')];
    const inFirst = Object.values(doc.items).filter((i) => i.cell?.ringId === doc.plan.rings[0]!.id && i.delomraden.includes('nara-vard'));
    for (const item of inFirst) expect(firstRing!.textContent).toContain(item.text);
  });

  it('lists current activities under their delområde, extras in italics', async () => {
    const doc = exampleDoc();
    const all = runs((await parts(await buildMall(doc, { now: AT }))).dom);
    const extra = Object.values(doc.items).find((i) => i.extra)!;
    expect(all.filter((r) => r.text === extra.text).every((r) => r.italic)).toBe(true);
    const normal = Object.values(doc.items).find((i) => !i.extra && i.delomraden.length > 0)!;
    const found = all.filter((r) => r.text === normal.text);
    expect(found.length).toBe(normal.delomraden.length);
    expect(found.every((r) => !r.italic)).toBe(true);
  });
});
