// How text flows into a cell: line by line in reading order (priority 1 first), whole items
// only; what does not fit is counted as hidden and shown as "+N till" — unless the user points
// at it (a pinned item is drawn after as many first items as still fit).
import { type CellFlow, type CellText, hiddenItem, itemFont, itemLabel, type ItemShape, struck } from './cells';
import { arcPath, ORIGIN, polarToPoint } from './geometry';
import { ASCENT, type CellBox, DESCENT, LINE_HEIGHT, lineSlots, type LineGenerator } from './lines';
import { reviewWords } from '../domain/review';
import { type FontSpec, type Hyphenator, type Measure, wrapText } from './text';

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
  hyphenate: Hyphenator | null,
  from = gen.start,
  count = texts.length,
  /** The list positions to place, in order (the first `count` without it). */
  order: readonly number[] | null = null,
): FlowResult {
  const lh = fontSize * LINE_HEIGHT;
  const gap = fontSize * 0.3;
  let s = from;
  // Where the next thing may go: right after the last item placed (not after lines skipped looking for room).
  let next = from;
  const items: FlowItem[] = [];
  // Lines too short to hold a word (the tip of a wedge) are skipped before an item.
  const minLength = 5 * fontSize;
  const placing = order ? order.length : count;
  for (let p = 0; p < placing; p++) {
    const index = order ? order[p]! : p;
    const item = texts[index]!;
    while (s <= end && gen.lengthAt(s) < minLength) s += lh;
    const label = itemLabel(index, item);
    const font = itemFont(fontSize, item.extra);
    const wrapFrom = (start: number, words: Hyphenator | null) => {
      const maxLines = Math.floor((end - start) / lh + 1e-9) + 1;
      if (maxLines < 1) return null;
      return wrapText(label, font, measure, (i) => gen.lengthAt(start + i * lh), maxLines, words);
    };
    // Rather start a line or two later (lines grow towards a wedge's middle) than hyphenate.
    let first = s;
    let lines: string[] | null = null;
    for (let k = 0; k < 3 && !lines; k++) {
      lines = wrapFrom(s + k * lh, null);
      if (lines) first = s + k * lh;
    }
    for (let k = 0; k < 3 && !lines && hyphenate; k++) {
      lines = wrapFrom(s + k * lh, hyphenate);
      if (lines) first = s + k * lh;
    }
    if (!lines) {
      // A cell in parts: an item that does not fit what is left of one part starts the next.
      const next = gen.nextPart?.(s);
      if (next != null && next > s) {
        s = next;
        p--;
        continue;
      }
      break;
    }
    items.push({ index, item, lines, at: lines.map((_, i) => first + i * lh) });
    s = first + lines.length * lh + gap;
    next = s;
  }
  return { items, next };
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
      review: reviewWords(item),
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

export const moreText = (hidden: number) => `+${hidden} till`;
const moreFont = (fontSize: number): FontSpec => ({ size: fontSize, bold: true });

/**
 * The first `count` items with "+N till" after them on a whole line of its own: a flow
 * shortened until the line after it holds the label.
 */
function flowSome(
  box: CellBox,
  gen: LineGenerator,
  texts: CellText[],
  count: number,
  fontSize: number,
  measure: Measure,
  hyphenate: Hyphenator | null,
): { some: FlowResult; at: number | null; size?: number; d?: string } {
  const lh = fontSize * LINE_HEIGHT;
  let some = tryFlow(gen, texts, fontSize, measure, gen.end - lh, hyphenate, gen.start, count);
  for (;;) {
    const shown = some.items.length;
    const at = Math.min(some.next, gen.end);
    const label = moreText(texts.length - shown);
    if (at >= gen.start - 1e-9 && gen.lengthAt(at) >= measure(label, moreFont(fontSize))) return { some, at };
    if (shown === 0) {
      // Not even the label fits after nothing: find the first line that holds it.
      for (let s = gen.start; s <= gen.end; s += lh) if (gen.lengthAt(s) >= measure(label, moreFont(fontSize))) return { some, at: s };
      // A sliver of a cell: the label smaller, on its longest line, rather than cut.
      let best = gen.start;
      for (let s = gen.start; s <= gen.end; s += lh) if (gen.lengthAt(s) > gen.lengthAt(best)) best = s;
      for (let size = fontSize - 1; size >= 9; size--) if (gen.lengthAt(best) >= measure(label, moreFont(size))) return { some, at: best, size };
      // Lines across a thin ring of a narrow blade are short: write it along the ring instead.
      for (let size = fontSize; size >= 9; size--) {
        const r = (box.r0 + box.r1) / 2 - 0.35 * size;
        const inset = 4 / Math.max(r, 1);
        if (r * (box.phi1 - box.phi0) - 8 >= measure(label, moreFont(size))) return { some, at: best, size, d: arcPath(box.phi0 + inset, box.phi1 - inset, r) };
      }
      // A small cell by the hub: along the blade's axis, the longest line it has.
      const mid = (box.phi0 + box.phi1) / 2;
      const a = polarToPoint(ORIGIN, mid, box.r0 + 4);
      const b = polarToPoint(ORIGIN, mid, box.r1 - 4);
      const [p, q] = mid < Math.PI / 2 ? [b, a] : [a, b];
      for (let size = fontSize; size >= 9; size--) {
        if (box.r1 - box.r0 - 8 >= measure(label, moreFont(size)) && box.r0 * (box.phi1 - box.phi0) >= size * 1.1)
          return { some, at: best, size, d: `M${p.x.toFixed(2)},${p.y.toFixed(2)}L${q.x.toFixed(2)},${q.y.toFixed(2)}` };
      }
      return { some, at: null };
    }
    some = tryFlow(gen, texts, fontSize, measure, gen.end - lh, hyphenate, gen.start, shown - 1);
  }
}

/** No glyph is narrower than this (in em), spaces included: a bound, not an estimate. */
const NARROWEST_GLYPH = 0.2;

/**
 * The first `count` items' text, at its narrowest, covers more than the cell's whole area:
 * they cannot fit, and wrapping them to find out would be wasted (the layout tries many
 * sizes of a cell, most far too small).
 */
function surelyTooMuch(box: CellBox, texts: CellText[], count: number, fontSize: number): boolean {
  let chars = 0;
  for (let i = 0; i < Math.min(count, texts.length); i++) chars += texts[i]!.text.length;
  const area = ((box.phi1 - box.phi0) / 2) * (box.r1 * box.r1 - box.r0 * box.r0);
  return chars * NARROWEST_GLYPH * fontSize * fontSize * LINE_HEIGHT > area;
}

/**
 * Do the first `count` items fit (all of them when count ≥ the list), with "+N till" on a
 * whole line after them when some are left out?
 */
export function fitsFirst(
  box: CellBox,
  texts: CellText[],
  count: number,
  fontSize: number,
  measure: Measure,
  hyphenate: Hyphenator | null = null,
): boolean {
  // Nothing asked: "+N till" alone always finds a place (smaller, in a sliver of a cell).
  if (count <= 0) return true;
  if (surelyTooMuch(box, texts, count, fontSize)) return false;
  const gen = lineSlots(box, fontSize);
  if (count >= texts.length) return tryFlow(gen, texts, fontSize, measure, gen.end, hyphenate).items.length === texts.length;
  const { some, at } = flowSome(box, gen, texts, count, fontSize, measure, hyphenate);
  return at !== null && some.items.length >= count;
}

export function flowCell(
  box: CellBox,
  texts: CellText[],
  fontSize: number,
  measure: Measure,
  hyphenate: Hyphenator | null = null,
  /** Items that must be drawn if the cell can hold them at all (what the user points at). */
  pinned: ReadonlySet<string> | null = null,
): CellFlow {
  const flow = flowCellFirst(box, texts, fontSize, measure, hyphenate);
  if (!pinned || flow.hidden === 0 || !flow.hiddenItems.some((h) => pinned.has(h.id))) return flow;
  return flowPinned(flow, texts, pinned, fontSize, measure, hyphenate) ?? flow;
}

/**
 * A cell that would hide an item the user points at: the pinned items drawn in full, with as
 * many of the first items before them as the cell still holds, then "+N till" for the rest.
 * Each item keeps its number, so the gap reads as what it is. Null when even the pinned
 * items alone do not fit.
 */
function flowPinned(first: CellFlow, texts: CellText[], pinned: ReadonlySet<string>, fontSize: number, measure: Measure, hyphenate: Hyphenator | null): CellFlow | null {
  const gen = first.lines;
  // The pinned items it hid (a bounded few: a filter can match a whole cell), as many as fit.
  const shownBefore = new Set(first.items.map((item) => item.index));
  const hiddenPins = texts.flatMap((t, i) => (pinned.has(t.id) && !shownBefore.has(i) ? [i] : [])).slice(0, PINS_AT_MOST);
  for (let n = hiddenPins.length; n >= 1; n--) {
    const found = flowWith(gen, texts, hiddenPins.slice(0, n), first.items.length, fontSize, measure, hyphenate);
    if (found) return found;
  }
  return null;
}

/** Pinned items a cell draws beyond its first ones, at most. */
const PINS_AT_MOST = 6;

/** The first `most` (or fewer) items and the `pins`, in list order, with "+N till" after them; null if the pins do not fit. */
function flowWith(gen: LineGenerator, texts: CellText[], pins: number[], most: number, fontSize: number, measure: Measure, hyphenate: Hyphenator | null): CellFlow | null {
  const lh = fontSize * LINE_HEIGHT;
  for (let k = most; k >= 0; k--) {
    const order = [...new Set([...Array.from({ length: k }, (_, i) => i), ...pins])].sort((a, b) => a - b);
    for (const words of hyphenate ? [null, hyphenate] : [null]) {
      const some = tryFlow(gen, texts, fontSize, measure, gen.end - lh, words, gen.start, order.length, order);
      if (some.items.length < order.length) continue;
      const hidden = texts.length - order.length;
      const at = Math.min(some.next, gen.end);
      if (hidden > 0 && (at < gen.start - 1e-9 || gen.lengthAt(at) < measure(moreText(hidden), moreFont(fontSize)))) continue;
      const shown = new Set(order);
      return {
        items: shapesOf(gen, some, fontSize),
        hidden,
        hiddenItems: texts.flatMap((t, i) => (shown.has(i) ? [] : [hiddenItem(t, i)])),
        more: hidden > 0 ? { text: moreText(hidden), d: gen.pathAt(at) } : null,
        moreFontSize: fontSize,
        lines: gen,
      };
    }
  }
  return null;
}

function flowCellFirst(box: CellBox, texts: CellText[], fontSize: number, measure: Measure, hyphenate: Hyphenator | null): CellFlow {
  const lh = fontSize * LINE_HEIGHT;
  const gen = lineSlots(box, fontSize);
  const done = (flow: FlowResult): CellFlow => ({ items: shapesOf(gen, flow, fontSize), hidden: 0, hiddenItems: [], more: null, lines: gen });
  // Whole words first; hyphenation only where a cell cannot hold its items otherwise. A cell
  // whose text surely cannot fit (a big plan's, most of them) goes straight to "+N till".
  const strict = surelyTooMuch(box, texts, texts.length, fontSize) ? null : tryFlow(gen, texts, fontSize, measure, gen.end, null);
  const all = !strict || strict.items.length === texts.length || !hyphenate ? strict : tryFlow(gen, texts, fontSize, measure, gen.end, hyphenate);
  if (all && all.items.length === texts.length) {
    // Room to spare: move the block towards the middle of the cell, where lines are
    // longest in a wedge and the text sits centred in its ring.
    const slack = gen.end - all.next;
    if (texts.length > 0 && slack > lh && !gen.nextPart) {
      const centred = tryFlow(gen, texts, fontSize, measure, gen.end, all === strict ? null : hyphenate, gen.start + slack / 2);
      if (centred.items.length === texts.length) return done(centred);
    }
    return done(all);
  }
  // Keep a whole line free for "+N till".
  const flowed = flowSome(box, gen, texts, texts.length, fontSize, measure, hyphenate);
  const moreSize = flowed.size ?? fontSize;
  const some = flowed.some;
  const hidden = texts.length - some.items.length;
  const at = flowed.at ?? gen.start;
  const hiddenItems = texts.slice(some.items.length).map((t, k) => hiddenItem(t, some.items.length + k));
  return {
    items: shapesOf(gen, some, fontSize),
    hidden,
    hiddenItems,
    more: { text: moreText(hidden), d: flowed.d ?? gen.pathAt(at) },
    moreFontSize: moreSize,
    lines: gen,
  };
}

