// Shared pieces of the Word documents: page, styles, table cells and the words for an item.
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  PageOrientation,
  Paragraph,
  ShadingType,
  TableCell,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import type { Item } from '../../domain/types';

/** A4 given portrait: docx swaps width and height for a landscape section (checked by a test). */
export const LANDSCAPE_A4: ISectionPropertiesOptions = {
  page: {
    size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
    margin: { top: 1021, bottom: 1021, left: 1134, right: 1134 },
  },
};

/** A4 portrait: the follow-up report, like the region's own. */
export const PORTRAIT_A4: ISectionPropertiesOptions = {
  page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1304, right: 1304 } },
};

/** Text width of the portrait page in twips (21 cm less 2 × 2.3 cm). */
export const PORTRAIT_TEXT_WIDTH = 11906 - 2 * 1304;

/** A3 given portrait, turned to landscape: the fan's own page, wide enough for its text at 8 pt or more. */
export const LANDSCAPE_A3: ISectionPropertiesOptions = {
  page: {
    size: { width: 16838, height: 23811, orientation: PageOrientation.LANDSCAPE },
    margin: { top: 1021, bottom: 1021, left: 1134, right: 1134 },
  },
};

/** Text width and height of the A3 landscape page in twips (42 cm less 2 × 2 cm; 29.7 cm less 2 × 1.8 cm). */
export const A3_TEXT_WIDTH = 23811 - 2 * 1134;
export const A3_TEXT_HEIGHT = 16838 - 2 * 1021;

/** Text width of the landscape page in twips (29.7 cm less 2 × 2 cm). */
export const TEXT_WIDTH = 16838 - 2 * 1134;

/** An item's description: a paragraph style of its own (smaller, grey), not the title's. */
export const DESCRIPTION_STYLE = 'Beskrivning';

export const STYLES: IStylesOptions = {
  paragraphStyles: [{ id: DESCRIPTION_STYLE, name: 'Beskrivning', basedOn: 'Normal', quickFormat: true, run: { size: 19, color: '3D3D3D' } }],
  default: {
    document: { run: { font: 'Calibri', size: 21, language: { value: 'sv-SE' } }, paragraph: { spacing: { after: 80 } } },
    heading1: { run: { font: 'Calibri', size: 32, bold: true, color: '23395D' }, paragraph: { spacing: { before: 320, after: 120 }, outlineLevel: 0 } },
    heading2: { run: { font: 'Calibri', size: 26, bold: true, color: '23395D' }, paragraph: { spacing: { before: 240, after: 80 }, outlineLevel: 1 } },
    title: { run: { font: 'Calibri', size: 48, bold: true, color: '23395D' }, paragraph: { spacing: { after: 120 } } },
  },
};

const MUTED = '4A4A4A';
const HEADER_FILL = 'DCE3EE';
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '8A8F94' } as const;
export const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
export const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

/** Column widths in twips from fractions of the text width. */
export function columns(...fractions: number[]): number[] {
  return widths(TEXT_WIDTH, fractions);
}

/** Column widths in twips from fractions of a given width. */
export function widths(width: number, fractions: number[]): number[] {
  return fractions.map((f) => Math.floor(width * f));
}

/** A column header; `keepNext` keeps it on the page of the row after it. */
export function headerCell(text: string, width: number, keepNext = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
    borders: CELL_BORDERS,
    children: [new Paragraph({ keepNext, children: [new TextRun({ text, bold: true })] })],
  });
}

export function bodyCell(children: Paragraph[], width: number, options: { rowSpan?: number; columnSpan?: number; fill?: string; keepNext?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: CELL_BORDERS,
    rowSpan: options.rowSpan,
    columnSpan: options.columnSpan,
    shading: options.fill ? { type: ShadingType.CLEAR, fill: options.fill, color: 'auto' } : undefined,
    children: children.length > 0 ? children : [new Paragraph({ keepNext: options.keepNext })],
  });
}

export function muted(text: string, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ ...options, children: [new TextRun({ text, color: MUTED, size: 18 })] });
}

export function plain(text: string, options: IParagraphOptions = {}): Paragraph {
  return new Paragraph({ ...options, children: [new TextRun(text)] });
}

/** The item's text as a run: extras in real italics, as the template asks; struck items struck through. */
export function itemRun(item: Item): TextRun {
  return new TextRun({ text: item.text, italics: item.extra, strike: item.status === 'stryks' });
}

const dateFormat = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit' });

export function swedishDate(date: Date): string {
  return dateFormat.format(date);
}

export function swedishTime(date: Date): string {
  return timeFormat.format(date);
}

/** The fan's picture as Word holds it: SVG shown, PNG the fallback, centred, at `size` (px at 96 to the inch). */
export function pictureParagraph(
  picture: { svg: string; png: Uint8Array },
  size: { width: number; height: number },
  altText: { name: string; title: string; description: string },
): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'svg',
        data: new TextEncoder().encode(picture.svg),
        fallback: { type: 'png', data: picture.png },
        transformation: { width: Math.floor(size.width), height: Math.floor(size.height) },
        altText,
      }),
    ],
  });
}
