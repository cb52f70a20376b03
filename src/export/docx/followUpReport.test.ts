// @vitest-environment jsdom
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { addMeasurement, addPerformed, addPeriod, emptyFollowUp, judge, PROGRESS_WORD, setProgress } from '../../domain/followup';
import { followUpReport } from '../../domain/followUpReport';
import { createExampleDoc } from '../../domain/plan';
import { buildFollowUpReport } from './index';

const AT = '2026-02-01T10:00:00.000Z';
const NOW = new Date('2026-09-10T10:00:00.000Z');
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
const PICTURE = { svg: '<svg xmlns="http://www.w3.org/2000/svg" width="960" height="560"><rect width="960" height="560" fill="#fff"/></svg>', png: PNG, width: 960, height: 560 };
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function followedPlan() {
  const doc = createExampleDoc(new Date(AT));
  const followUp = emptyFollowUp();
  addPeriod(followUp, '2025');
  addPeriod(followUp, 'T2 2026');
  const placed = Object.values(doc.items).filter((i) => i.cell);
  const withIndicator = placed.find((i) => i.indikator.target !== null)!;
  setProgress(followUp, doc.items, { periodId: '2026-T2', itemId: placed[0]!.id, state: 'klar', comment: 'Klart i maj', by: 'Eva Ek', at: AT });
  setProgress(followUp, doc.items, { periodId: '2026-T2', itemId: placed[1]!.id, state: 'forsenad', by: 'Eva Ek', at: AT });
  addMeasurement(followUp, doc.items, { id: 'm1', itemId: withIndicator.id, date: '2026-06-30', value: 24.5, source: 'Vården i siffror', by: 'Eva Ek', at: AT });
  judge(followUp, doc.plan, { periodId: '2026-T2', delomradeId: 'nara-vard', judgement: 'ratt-riktning', text: 'Rätt riktning men långsamt.', by: 'Eva Ek', at: AT });
  addPerformed(followUp, doc.plan, { id: 'p1', periodId: '2026-T2', delomradeId: 'nara-vard', text: 'Mobila team i hela länet', kalla: 'NU-sjukvården', inputId: 'x' });
  return { doc, followUp, placed, withIndicator };
}

async function documentXml(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return { zip, xml, dom: new DOMParser().parseFromString(xml, 'application/xml') };
}

/** Each paragraph's style and text. */
function paragraphs(dom: Document) {
  return [...dom.getElementsByTagNameNS(W, 'p')].map((p) => ({
    style: p.getElementsByTagNameNS(W, 'pStyle')[0]?.getAttributeNS(W, 'val') ?? '',
    text: [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''),
  }));
}

describe('Uppföljningsrapport (.docx)', () => {
  it('has the structure of the region’s report as Word headings', async () => {
    const { doc, followUp } = followedPlan();
    const { dom } = await documentXml(await buildFollowUpReport(doc, followUpReport(doc, followUp, '2026-T2'), PICTURE, { now: NOW }));
    const all = paragraphs(dom);
    expect(all.find((p) => p.style === 'Title')?.text).toBe(`Uppföljning T2 2026: ${doc.plan.name}`);
    const outline = all.filter((p) => /^Heading[12]$/.test(p.style)).map((p) => `${p.style === 'Heading1' ? '' : '  '}${p.text}`);
    const expected = [
      'Sammanfattning',
      ...doc.plan.catalogue.delomraden.flatMap((d) => [d.name, '  Koncernövergripande aktiviteter T2 2026', '  Genomfört av utförare under T2 2026', '  Uppföljning']),
      'Övriga aktiviteter',
      '  Koncernövergripande aktiviteter T2 2026',
      '  Genomfört av utförare under T2 2026',
      'Sammanställning av läget',
      'Solfjädern med läget T2 2026',
    ];
    expect(outline).toEqual(expected);
  });

  it('says each item’s progress, what the offices did with who, the indicators and the judgement', async () => {
    const { doc, followUp, placed, withIndicator } = followedPlan();
    const report = followUpReport(doc, followUp, '2026-T2');
    const { xml, dom } = await documentXml(await buildFollowUpReport(doc, report, PICTURE, { now: NOW }));
    const text = paragraphs(dom).map((p) => p.text).join('\n');
    expect(text).toContain(`● ${PROGRESS_WORD.klar}`);
    expect(text).toContain('▲ Försenad');
    expect(text).toContain('Klart i maj');
    expect(text).toContain('Mobila team i hela länet\n– NU-sjukvården');
    expect(text).toContain('Samlad bedömning: Rätt riktning');
    expect(text).toContain('2026-06-30: 24,5 % (Vården i siffror)');
    expect(text).toContain(withIndicator.indikator.text);
    expect(text).toMatch(/Läget T2 2026 för solfjäderns \d+ aktiviteter: 1 klar, 1 försenad; \d+ utan angivet läge\./);
    // Every placed item in the summary table, in the fan's order.
    const overview = text.slice(text.indexOf('Sammanställning av läget'));
    let at = 0;
    for (const r of report.summary) {
      const found = overview.indexOf(r.item.text, at);
      expect(found, r.item.text).toBeGreaterThanOrEqual(at);
      at = found;
    }
    expect(report.summary.length).toBe(placed.length);
    // Table headers repeat on every page; the fan's picture has a description.
    expect(dom.getElementsByTagNameNS(W, 'tblHeader').length).toBeGreaterThan(doc.plan.catalogue.delomraden.length);
    expect(xml).toContain('descr="Solfjädern med varje aktivitets läge T2 2026.');
  });

  it('is A4 portrait with the fan on an A4 landscape page, and no text under 9 pt', async () => {
    const { doc, followUp } = followedPlan();
    const { zip, dom } = await documentXml(await buildFollowUpReport(doc, followUpReport(doc, followUp, '2026-T2'), PICTURE, { now: NOW }));
    const sizes = [...dom.getElementsByTagNameNS(W, 'pgSz')].map((s) => [Number(s.getAttributeNS(W, 'w')), Number(s.getAttributeNS(W, 'h')), s.getAttributeNS(W, 'orient')]);
    expect(sizes).toEqual([
      [11906, 16838, 'portrait'],
      [16838, 11906, 'landscape'],
    ]);
    // The fan drawn one picture pixel to one pixel of paper (its 12 px text at 9 pt).
    const extent = dom.getElementsByTagName('wp:extent')[0]!;
    expect(Number(extent.getAttribute('cx'))).toBe(960 * 9525);
    const styles = await zip.file('word/styles.xml')!.async('string');
    const halfPoints = [...dom.getElementsByTagNameNS(W, 'sz'), ...new DOMParser().parseFromString(styles, 'application/xml').getElementsByTagNameNS(W, 'sz')].map((s) => Number(s.getAttributeNS(W, 'val')));
    expect(halfPoints.length).toBeGreaterThan(0);
    expect(Math.min(...halfPoints)).toBeGreaterThanOrEqual(18);
  });

  it('says when nothing is said yet', async () => {
    const doc = createExampleDoc(new Date(AT));
    const followUp = emptyFollowUp();
    addPeriod(followUp, '2025');
    const { dom } = await documentXml(await buildFollowUpReport(doc, followUpReport(doc, followUp, '2025'), null, { now: NOW }));
    const text = paragraphs(dom).map((p) => p.text).join('\n');
    expect(text).toContain('Läget 2025 för solfjäderns');
    expect(text).toContain('inget läge angivet ännu');
    expect(text).toContain('Ingen samlad bedömning av indikatorerna ännu.');
    expect(text).toContain('Inga svar från utförarna om perioden ännu.');
    expect(text).toContain('Period: 2025, öppen (kan ännu ändras)');
    expect(dom.getElementsByTagNameNS(W, 'pgSz')).toHaveLength(1);
  });
});
