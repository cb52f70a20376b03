// "Exportera → PowerPoint (.pptx)": the plan as 16:9 slides (./slides.ts decides what is on
// them). Text stays text — PowerPoint and Impress can edit every item — and the fan is a picture
// (SVG, with a PNG made from it for programs that cannot show SVG). No slide text under 14 pt;
// the fan is a picture of the whole plan at a glance, its items again as text on the slides after.
import PptxGenJS from 'pptxgenjs';
import type { PlanDoc } from '../../domain/types';
import { swedishDate } from '../docx/common';
import { planSlides, type SlideLine, type TextSlide } from './slides';

/** A wide slide (16:9), in inches. */
export const SLIDE = { width: 13.333, height: 7.5 };
/**
 * The fan is laid out this size (px) for its slide (the shape of the slide under its title),
 * where a pixel shows at 0.95 pt: item text (12 px and up) at 11.5 pt or more, as large as the
 * fan's own layout allows — at a size where its text would show at 14 pt the layout has room for
 * the blades' names and little else. Every item is on the slides after it, at 16 pt.
 */
export const SLIDE_PICTURE_SIZE = { width: 960, height: 470 };
/** The smallest item text in the fan picture, as the slide shows it (points). */
export const PICTURE_ITEM_POINTS = 11.4;
/** The smallest text anywhere on the slides, in points. */
export const MIN_POINTS = 14;

const FONT = 'Calibri';
const INK = '1F1F1F';
const MUTED = '4A4A4A';
const LANG = 'sv-SE';
const MASTER = 'SOLFJADERN';
const TITLE_MASTER = 'SOLFJADERN_TITEL';
/** Explains the marks on the slides of items. */
export const LEGEND = 'Kursivt: extra, utöver gränsen · ✓ godkänd · Δ ändras · ✕ stryks · ❝ kommentarer';

export interface SlidePicture {
  svg: string;
  width: number;
  height: number;
}

/** Where the fan goes on its slide (inches): as large as the slide allows under its title. */
export function pictureBox(picture: { width: number; height: number }) {
  const area = { x: 0.3, y: 1.05, w: SLIDE.width - 0.6, h: SLIDE.height - 1.2 };
  const scale = Math.min(area.w / picture.width, area.h / picture.height);
  const w = picture.width * scale;
  const h = picture.height * scale;
  return { x: area.x + (area.w - w) / 2, y: area.y, w, h, pointsPerPixel: scale * 72 };
}

/** Bytes as base64 (browser and Node alike). */
function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The SVG twice its layout size: the PNG made from it for the fallback is then sharp on a projector. */
function sharper(svg: string, picture: SlidePicture): string {
  return svg.replace(/(<svg[^>]*?)\swidth="[^"]*"\sheight="[^"]*"/, `$1 width="${picture.width * 2}" height="${picture.height * 2}"`);
}

const hex = (color: string) => color.replace(/^#/, '').toUpperCase().slice(0, 6);

type Run = { text: string; options: Record<string, unknown> };

function lineRuns(line: SlideLine, first: boolean): Run[] {
  if (line.kind === 'ring') return [{ text: line.text, options: { bold: true, fontSize: 18, color: INK, breakLine: true, paraSpaceBefore: first ? 0 : 8, paraSpaceAfter: 2 } }];
  if (line.kind === 'note') return [{ text: line.text, options: { italic: true, fontSize: 16, color: MUTED, breakLine: true } }];
  return [
    { text: `${line.number}. `, options: { bold: true, fontSize: 16, color: INK } },
    { text: line.text, options: { fontSize: 16, color: INK, italic: line.extra, ...(line.struck ? { strike: 'sngStrike' } : {}), breakLine: !line.marks } },
    ...(line.marks ? [{ text: `  ${line.marks}`, options: { bold: true, fontSize: MIN_POINTS, color: MUTED, breakLine: true } }] : []),
  ];
}

function textSlide(pptx: PptxGenJS, slide: TextSlide): void {
  const s = pptx.addSlide({ masterName: MASTER });
  s.addText(slide.title, { placeholder: 'title' });
  if (slide.color) s.addShape(pptx.ShapeType.rect, { x: 0.3, y: 0.35, w: 0.14, h: 0.7, fill: { color: hex(slide.color) }, line: { color: hex(slide.color) } });
  s.addText(
    slide.lines.flatMap((line, i) => lineRuns(line, i === 0)),
    { x: 0.55, y: 1.2, w: SLIDE.width - 1.1, h: 5.55, valign: 'top', fontFace: FONT, lang: LANG, margin: 0 },
  );
  s.addText(LEGEND, { x: 0.55, y: 6.85, w: SLIDE.width - 1.1, h: 0.4, fontFace: FONT, fontSize: MIN_POINTS, color: MUTED, lang: LANG, margin: 0 });
}

export interface SlidesOptions {
  now?: Date;
}

export async function buildSlides(doc: PlanDoc, picture: SlidePicture, options: SlidesOptions = {}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const content = planSlides(doc, swedishDate(now));
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'Solfjädern';
  pptx.company = 'Solfjädern';
  pptx.title = `Handlingsplan: ${doc.plan.name}`;
  pptx.subject = 'Handlingsplan exporterad ur Solfjädern';
  const title = { fontFace: FONT, bold: true, color: INK, lang: LANG, margin: 0 };
  pptx.defineSlideMaster({ title: MASTER, background: { color: 'FFFFFF' }, objects: [{ placeholder: { options: { name: 'title', type: 'title', x: 0.55, y: 0.3, w: SLIDE.width - 1.1, h: 0.8, fontSize: 28, valign: 'middle', align: 'left', ...title }, text: '' } }] });
  pptx.defineSlideMaster({ title: TITLE_MASTER, background: { color: 'FFFFFF' }, objects: [{ placeholder: { options: { name: 'title', type: 'title', x: 0.8, y: 1.6, w: SLIDE.width - 1.6, h: 1.4, fontSize: 40, valign: 'bottom', align: 'left', ...title }, text: '' } }] });

  // The title slide: the plan, what it is, its vision, the date; the fokusområden in their colours.
  const first = pptx.addSlide({ masterName: TITLE_MASTER });
  first.addText(content.title.name, { placeholder: 'title' });
  first.addText(
    [
      { text: content.title.kind, options: { fontSize: 24, color: INK, breakLine: true } },
      ...(content.title.vision ? [{ text: `Vision: ${content.title.vision}`, options: { fontSize: 20, color: INK, breakLine: true, paraSpaceBefore: 10 } }] : []),
      { text: `Exporterad ${content.title.date} ur Solfjädern`, options: { fontSize: 16, color: MUTED, breakLine: true, paraSpaceBefore: 10 } },
    ],
    { x: 0.8, y: 3.15, w: SLIDE.width - 1.6, h: 2.2, valign: 'top', fontFace: FONT, lang: LANG, margin: 0 },
  );
  const band = (SLIDE.width - 1.6) / Math.max(1, content.title.blades.length);
  content.title.blades.forEach((blade, i) => first.addShape(pptx.ShapeType.rect, { x: 0.8 + i * band, y: 5.6, w: band, h: 0.18, fill: { color: hex(blade.color) }, line: { color: hex(blade.color) } }));
  first.addText(`Fokusområden: ${content.title.blades.map((b) => b.name).join(' · ')}`, { x: 0.8, y: 5.9, w: SLIDE.width - 1.6, h: 0.9, valign: 'top', fontFace: FONT, fontSize: 16, color: MUTED, lang: LANG, margin: 0 });

  // The fan, as large as the slide allows.
  const fan = pptx.addSlide({ masterName: MASTER });
  fan.addText(content.fan.title, { placeholder: 'title' });
  const box = pictureBox(picture);
  const svg = new TextEncoder().encode(sharper(picture.svg, picture));
  fan.addImage({ data: `data:image/svg+xml;base64,${base64(svg)}`, x: box.x, y: box.y, w: box.w, h: box.h, altText: content.fan.description });

  for (const slide of [...content.blades, ...content.inspel]) textSlide(pptx, slide);
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}
