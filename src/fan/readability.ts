// How readable a layout is, from the layout alone (no DOM): the share of items drawn in
// full, the smallest item font, every line break inside a word, and any label that does not
// fit where it is drawn. The layout test reports it for generated plans; the browser test
// measures the same on screen.
import { itemFont, type ItemShape } from './cells';
import { ORIGIN, pointToPolar } from './geometry';
import { ASCENT, DESCENT } from './lines';
import type { FanLayout } from './layout';
import { SOFT_HYPHEN, type Measure } from './text';

export interface LineBreak {
  /** The whole word and where it was broken (length of its first part). */
  word: string;
  at: number;
  /** Breaks in this same word (a reader expects one at most). */
  parts: number;
}

export interface Readability {
  items: number;
  full: number;
  share: number;
  /** Smallest font size of an item drawn. */
  minFont: number;
  /** Breaks inside words (a hyphen added). */
  breaks: LineBreak[];
  /** Labels that do not fit where they are drawn (should be none). */
  cut: string[];
  /** Every cell with items shows at least its first one (folded blades aside). */
  firstInEveryCell: boolean;
  /** Lines of text whose glyphs (ascent to descent) reach over their cell's border (should be none). */
  crossing: string[];
}

const wordsOf = (line: string) => line.replace(SOFT_HYPHEN, '').split(/[ \t]+/).filter(Boolean);

/** Breaks inside words in an item's lines: the whole word (over as many lines as it runs) and each break's place in it. */
export function itemBreaks(item: ItemShape): LineBreak[] {
  const out: LineBreak[] = [];
  let word = '';
  let breaks: number[] = [];
  item.lines.forEach((line, i) => {
    const words = wordsOf(line.text);
    // A word carried over from the line before continues with this line's first word.
    if (breaks.length > 0) {
      word += words[0] ?? '';
      if (!line.text.endsWith(SOFT_HYPHEN) || words.length > 1) {
        for (const at of breaks) out.push({ word, at, parts: breaks.length });
        breaks = [];
        word = '';
      }
    }
    if (line.text.endsWith(SOFT_HYPHEN) && item.lines[i + 1]) {
      if (breaks.length === 0) word = words.at(-1) ?? '';
      breaks.push(word.length);
    }
  });
  return out;
}

/** Length of a drawn line: an arc "M…A…" or a straight segment "M…L…". */
export function pathLength(d: string): number {
  const n = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  if (n.length < 4) return 0;
  const [x0, y0] = [n[0]!, n[1]!];
  const [x1, y1] = [n.at(-2)!, n.at(-1)!];
  if (d.includes('A')) {
    const r = n[2]!;
    const a0 = Math.atan2(y0, x0);
    let a1 = Math.atan2(y1, x1);
    if (a1 < a0) a1 += 2 * Math.PI;
    return r * (a1 - a0);
  }
  return Math.hypot(x1 - x0, y1 - y0);
}

/**
 * Does a line's band of glyphs (from its descent to its ascent) stay inside its cell? Arcs are
 * drawn clockwise with their glyphs standing outwards; straight lines with their glyphs to the
 * left of their direction.
 */
export function lineInCell(d: string, cell: { phi0: number; phi1: number; r0: number; r1: number }, fontSize: number, tol = 1): boolean {
  const n = (d.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
  if (n.length < 4) return true;
  const [x0, y0, x1, y1] = [n[0]!, n[1]!, n.at(-2)!, n.at(-1)!];
  const asc = ASCENT * fontSize;
  const desc = DESCENT * fontSize;
  const inside = (x: number, y: number) => {
    const p = pointToPolar(ORIGIN, { x, y });
    const slack = tol / Math.max(p.r, 1);
    return p.r >= cell.r0 - tol && p.r <= cell.r1 + tol && p.phi >= cell.phi0 - slack && p.phi <= cell.phi1 + slack;
  };
  if (d.includes('A')) {
    const r = n[2]!;
    const a = pointToPolar(ORIGIN, { x: x0, y: y0 }).phi;
    const b = pointToPolar(ORIGIN, { x: x1, y: y1 }).phi;
    return r - desc >= cell.r0 - tol && r + asc <= cell.r1 + tol && [a, b].every((phi) => phi >= cell.phi0 - tol / r && phi <= cell.phi1 + tol / r);
  }
  const len = Math.hypot(x1 - x0, y1 - y0) || 1;
  const up = { x: (y1 - y0) / len, y: -(x1 - x0) / len };
  return [
    [x0, y0],
    [x1, y1],
  ].every(([x, y]) => inside(x! + up.x * asc, y! + up.y * asc) && inside(x! - up.x * desc, y! - up.y * desc));
}

export function readability(layout: FanLayout, measure: Measure): Readability {
  let items = 0;
  let full = 0;
  let minFont = Infinity;
  const breaks: LineBreak[] = [];
  const cut: string[] = [];
  let firstInEveryCell = true;
  const crossing: string[] = [];
  const folded = new Set(layout.blades.filter((b) => b.folded).map((b) => b.id));
  for (const cell of layout.cells) {
    items += cell.total;
    full += cell.flow.items.length;
    if (cell.flow.items.length > 0) minFont = Math.min(minFont, cell.fontSize);
    if (cell.total > 0 && cell.flow.items.length === 0 && !folded.has(cell.bladeId)) firstInEveryCell = false;
    for (const item of cell.flow.items) {
      breaks.push(...itemBreaks(item));
      for (const line of item.lines) {
        const width = measure(line.text.replace(SOFT_HYPHEN, '-'), itemFont(cell.fontSize, item.extra));
        if (width > pathLength(line.d) + 0.5) cut.push(line.text);
        if (!lineInCell(line.d, cell, cell.fontSize)) crossing.push(line.text);
      }
    }
    const more = cell.flow.more;
    if (more && measure(more.text, { size: cell.flow.moreFontSize ?? cell.fontSize, bold: true }) > pathLength(more.d) + 0.5) cut.push(more.text);
  }
  for (const blade of layout.blades) {
    for (const line of blade.label.lines) {
      const width = measure(line.text.replace(SOFT_HYPHEN, '-'), { size: blade.label.fontSize, bold: true });
      // Band text is drawn centred on its arc with 8 px to spare each side; a folded name along its axis.
      const room = line.at ? layout.outerRadius - layout.hubRadius : pathLength(line.d) - 16;
      if (width > room + 0.5 || line.text.includes('…')) cut.push(line.text);
    }
  }
  for (const ring of layout.rings) {
    for (const line of ring.labels.lines) {
      const half = measure(line.text.replace(SOFT_HYPHEN, '-'), { size: ring.labels.fontSize, bold: true }) / 2;
      if (Math.abs(line.x) - half < line.r0 - 0.5 || Math.abs(line.x) + half > line.r1 + 0.5 || line.text.includes('…')) cut.push(line.text);
    }
    if (ring.short && !layout.legend.lines.some((l) => l.text.endsWith(`– ${ring.label}`))) cut.push(`${ring.label} (not in the legend)`);
  }
  for (const line of layout.legend.lines) {
    if (measure(line.text, { size: layout.legend.fontSize }) > layout.width) cut.push(line.text);
  }
  for (const line of layout.hub.lines) {
    const half = measure(line.text.replace(SOFT_HYPHEN, '-'), { size: layout.hub.fontSize, bold: true }) / 2;
    if (Math.hypot(half, line.y - layout.hub.fontSize * 0.8) > layout.hubRadius + 0.5) cut.push(line.text);
  }
  return { items, full, share: items === 0 ? 1 : full / items, minFont: minFont === Infinity ? 0 : minFont, breaks, cut, firstInEveryCell, crossing };
}
