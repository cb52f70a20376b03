// Items inside one cell: text flows line by line in reading order (priority 1 first),
// whole items only; what does not fit is counted as hidden and shown as "+N till".
import { type CellBox, DESCENT, ASCENT, lineSlots, type LineGenerator } from './lines';
import { type FontSpec, type Measure, wrapText } from './text';

export type { CellBox } from './lines';
export const LINE_HEIGHT = 1.2;

export interface CellText {
  id: string;
  text: string;
  extra: boolean;
  /** Review status; "stryks" is drawn struck through. */
  status?: string;
}

const struck = (t: CellText) => t.status === 'stryks';

export interface TextLine {
  text: string;
  /** Path (around the fan centre) the line is drawn on, centred, left to right as read. */
  d: string;
  /** A straight line can be drawn as rotated text at its middle instead (cheaper to draw). */
  at?: { x: number; y: number; angle: number };
}

export interface ItemShape {
  id: string;
  text: string;
  index: number;
  extra: boolean;
  struck: boolean;
  lines: TextLine[];
  /** Extent of the item's text block in flow coordinates (reading order). */
  s0: number;
  s1: number;
  /** Area to click or hover. */
  hitPath: string;
}

export interface CellFlow {
  items: ItemShape[];
  hidden: number;
  /** The items not drawn (behind "+N till"), still listed for screen readers. */
  hiddenItems: Array<{ id: string; text: string; index: number; extra: boolean; struck: boolean }>;
  /** Where "+N till" goes, when something is hidden. */
  more: TextLine | null;
  lines: LineGenerator;
}

export const itemFont = (size: number, extra: boolean): FontSpec => ({ size, italic: extra });
/**
 * What an item shows: its number bound to the first word (a no-break space keeps "5." from
 * standing alone), "(extra)" for extras and "(stryks)" for struck items, so italics and
 * strike-through are not the only signs.
 */
export const itemLabel = (index: number, text: string, extra = false, isStruck = false) =>
  `${index + 1}.\u00a0${text}${extra ? ' (extra)' : ''}${isStruck ? ' (stryks)' : ''}`;

interface FlowItem {
  index: number;
  item: CellText;
  /** Flow coordinate of each line's baseline. */
  at: number[];
  lines: string[];
}

interface FlowResult {
  items: FlowItem[];
  next: number;
}

function tryFlow(
  gen: LineGenerator,
  texts: CellText[],
  fontSize: number,
  measure: Measure,
  end: number,
  strict: boolean,
  from = gen.start,
): FlowResult {
  const lh = fontSize * LINE_HEIGHT;
  const gap = fontSize * 0.35;
  let s = from;
  const items: FlowItem[] = [];
  // Lines too short to hold a word (the tip of a wedge) are skipped before an item.
  const minLength = 5 * fontSize;
  for (const [index, item] of texts.entries()) {
    while (s <= end && gen.lengthAt(s) < minLength) s += lh;
    const label = itemLabel(index, item.text, item.extra, struck(item));
    const font = itemFont(fontSize, item.extra);
    const wrapFrom = (start: number, allowSplit: boolean) => {
      const maxLines = Math.floor((end - start) / lh + 1e-9) + 1;
      if (maxLines < 1) return null;
      return wrapText(label, font, measure, (i) => gen.lengthAt(start + i * lh), maxLines, allowSplit);
    };
    // Rather start a line or two later (lines grow towards a wedge's middle) than hyphenate.
    let first = s;
    let lines: string[] | null = null;
    for (let k = 0; k < 3 && !lines; k++) {
      lines = wrapFrom(s + k * lh, false);
      if (lines) first = s + k * lh;
    }
    if (!lines && !strict) {
      lines = wrapFrom(s, true);
      first = s;
    }
    if (!lines) break;
    items.push({ index, item, lines, at: lines.map((_, i) => first + i * lh) });
    s = first + lines.length * lh + gap;
  }
  return { items, next: s };
}

/** The drawn shapes of a flow: line paths and hit areas, made once for the flow that is kept. */
function shapesOf(gen: LineGenerator, flow: FlowResult, fontSize: number): ItemShape[] {
  return flow.items.map(({ index, item, lines, at }) => {
    const s0 = at[0]! - ASCENT * fontSize;
    const s1 = at.at(-1)! + DESCENT * fontSize;
    return {
      id: item.id,
      text: item.text,
      index,
      extra: item.extra,
      struck: struck(item),
      lines: lines.map((text, i) => {
        const straight = gen.straightAt?.(at[i]!);
        return straight ? { text, d: gen.pathAt(at[i]!), at: straight } : { text, d: gen.pathAt(at[i]!) };
      }),
      s0,
      s1,
      hitPath: gen.bandPath(s0 - 2, s1 + 2),
    };
  });
}

/** Does every item fit (strict: without hyphenating a word)? */
export function fitsAll(box: CellBox, texts: CellText[], fontSize: number, measure: Measure, strict = true): boolean {
  const gen = lineSlots(box, fontSize);
  return tryFlow(gen, texts, fontSize, measure, gen.end, strict).items.length === texts.length;
}

export function flowCell(box: CellBox, texts: CellText[], fontSize: number, measure: Measure): CellFlow {
  const lh = fontSize * LINE_HEIGHT;
  const gen = lineSlots(box, fontSize);
  const done = (flow: FlowResult): CellFlow => ({ items: shapesOf(gen, flow, fontSize), hidden: 0, hiddenItems: [], more: null, lines: gen });
  // Whole words first; hyphenation only where a cell cannot hold its items otherwise.
  const strict = tryFlow(gen, texts, fontSize, measure, gen.end, true);
  const all = strict.items.length === texts.length ? strict : tryFlow(gen, texts, fontSize, measure, gen.end, false);
  if (all.items.length === texts.length) {
    // Room to spare: move the block towards the middle of the cell, where lines are
    // longest in a wedge and the text sits centred in its ring.
    const slack = gen.end - all.next;
    if (texts.length > 0 && slack > lh) {
      const centred = tryFlow(gen, texts, fontSize, measure, gen.end, all === strict, gen.start + slack / 2);
      if (centred.items.length === texts.length) return done(centred);
    }
    return done(all);
  }
  // Keep the last line free for "+N till".
  const some = tryFlow(gen, texts, fontSize, measure, gen.end - lh, false);
  const hidden = texts.length - some.items.length;
  const at = Math.min(some.next, gen.end);
  const hiddenItems = texts.slice(some.items.length).map((t, k) => ({
    id: t.id,
    text: t.text,
    index: some.items.length + k,
    extra: t.extra,
    struck: struck(t),
  }));
  return {
    items: shapesOf(gen, some, fontSize),
    hidden,
    hiddenItems,
    more: { text: `+${hidden} till`, d: gen.pathAt(at) },
    lines: gen,
  };
}

/** Position in the cell's list (as drawn) that flow coordinate s points at. */
export function insertionIndex(flow: CellFlow, s: number): number {
  let index = 0;
  for (const item of flow.items) if ((item.s0 + item.s1) / 2 < s) index = item.index + 1;
  return index;
}

/** Flow coordinate of the insertion marker before list position `index` (as drawn). */
export function insertionCoord(flow: CellFlow, index: number): number {
  const items = flow.items;
  if (items.length === 0) return flow.lines.start - 4;
  if (index <= 0) return items[0]!.s0 - 3;
  const before = items[Math.min(index, items.length) - 1]!;
  const after = items[index];
  return after ? (before.s1 + after.s0) / 2 : before.s1 + 3;
}
