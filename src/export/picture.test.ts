// @vitest-environment jsdom
// The fan picture is made from the plan alone (no page, no browser): SVG markup from the pure
// layout, used by the SVG and PNG exports, Word and print. jsdom only parses the result.
import { describe, expect, it } from 'vitest';
import { itemsIn } from '../domain/containers';
import { addComment, updateItem } from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import { swedish } from '../../tests/fixtures/swedish';
import { estimateMeasure } from '../fan/text';
import { planOutline } from './facts';
import { PICTURE_SIZE, pictureLayout, planPicture } from './picture';

const sv = swedish();
const example = () => createExampleDoc(new Date('2026-11-22T10:00:00Z'));
const parse = (svg: string) => {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
  return parsed.documentElement;
};
/** What the picture shows, a line break read as a space and a break's hyphen dropped. */
const shownText = (root: Element) =>
  [...root.querySelectorAll('text')]
    .map((t) => {
      const copy = t.cloneNode(true) as Element;
      for (const hyphen of copy.querySelectorAll('tspan[aria-hidden="true"]:not(.review-mark)')) hyphen.remove();
      return copy.textContent;
    })
    .join('\n');
const squeeze = (s: string) => s.replace(/\s+/g, '');

describe('the fan picture, from the plan', () => {
  it('is a standalone SVG of every blade, ring and item, with nothing that only serves the page', () => {
    const doc = example();
    const { svg, width, height } = planPicture(doc, estimateMeasure, sv);
    expect([width, height]).toEqual([PICTURE_SIZE.width, PICTURE_SIZE.height]);
    const root = parse(svg);
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(root.getAttribute('font-family')).toContain('sans-serif');
    expect(root.querySelector('title')?.textContent).toBe(`Solfjäder: ${doc.plan.name}`);
    const shown = shownText(root);
    for (const blade of doc.plan.blades) expect(root.textContent).toContain(blade.name.split(' ')[0]);
    // The whole built-in plan reads in full at the picture's size.
    const layout = pictureLayout(doc, estimateMeasure, sv);
    expect(layout.cells.every((c) => c.flow.hidden === 0)).toBe(true);
    for (const item of Object.values(doc.items)) if (item.cell) expect(squeeze(shown)).toContain(squeeze(item.text));
    expect(svg).not.toMatch(/item-hit|drop-indicator|tabindex|role=|data-/);
    // Cells carry their white border as attributes (no stylesheet in a file).
    expect(root.querySelectorAll('path.cell[stroke="#ffffff"][stroke-width="2"]')).toHaveLength(doc.plan.blades.length * doc.plan.rings.length);
    // Older renderers (Word, PowerPoint) follow xlink:href on textPath.
    for (const tp of root.querySelectorAll('textPath')) expect(tp.getAttribute('xlink:href')).toBe(tp.getAttribute('href'));
  });

  it('describes every item, folded or not, in priority order', () => {
    const doc = example();
    const outline = planOutline(doc, (bladeId, ringId) => itemsIn(doc, { bladeId, ringId }));
    const root = parse(planPicture(doc, estimateMeasure, sv).svg);
    expect(root.querySelector('desc')?.textContent).toBe(outline);
    for (const item of Object.values(doc.items)) expect(outline).toContain(item.text);
    expect(outline).toContain('Nära invånaren, Viktiga milstolpar 2025: 1. Välfungerande samarbete mellan VGR och kommuner 2. Etablera');
  });

  it('shows text as text: markup in a plan is escaped, not run', () => {
    const doc = example();
    const first = Object.values(doc.items).find((i) => i.cell)!;
    updateItem(doc, first.id, { text: 'A <script>alert(1)</script> & "B"' });
    doc.plan.name = 'Plan </title><svg onload=alert(1)>';
    const { svg } = planPicture(doc, estimateMeasure, sv);
    const root = parse(svg);
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('svg svg')).toBeNull();
    expect(root.querySelector('title')?.textContent).toBe(`Solfjäder: ${doc.plan.name}`);
    expect(squeeze(shownText(root))).toContain(squeeze('<script>alert(1)</script> & "B"'));
  });

  it('marks each status and the number of comments after the item, with a legend', () => {
    const doc = example();
    const [a, b, c] = Object.values(doc.items).filter((i) => i.cell);
    updateItem(doc, a!.id, { status: 'godkand' });
    updateItem(doc, b!.id, { status: 'andras' });
    updateItem(doc, c!.id, { status: 'stryks' });
    addComment(doc, a!.id, { id: 'k1', author: 'Eva', at: '2026-11-22T10:00:00Z', text: 'Bra' });
    addComment(doc, a!.id, { id: 'k2', author: 'Per', at: '2026-11-22T10:01:00Z', text: 'Ja' });
    const root = parse(planPicture(doc, estimateMeasure, sv).svg);
    const marks = [...root.querySelectorAll('tspan.review-mark')].map((t) => t.textContent!.trim());
    expect(marks.sort()).toEqual(['✓\u00a0❝2', 'Δ'].sort());
    // A struck item says so in words, struck through.
    expect(shownText(root)).toContain(`${c!.text.split(' ').at(-1)} (stryks)`);
    expect(root.querySelector('.ring-legend')?.textContent).toContain('✓ godkänd · Δ ändras · ❝ antal kommentarer');
    // Unmarked plan: no legend line for marks.
    expect(parse(planPicture(example(), estimateMeasure, sv).svg).querySelector('.ring-legend')?.textContent ?? '').not.toContain('godkänd');
  });
});
