// Items inside one cell: what the view knows of them (their labels, their drawn shapes, the
// items folded behind "+N till") and where a drop lands among them. How text flows into a
// cell is in flow.ts.
import { type LineGenerator, LINE_HEIGHT } from './lines';
import { reviewMarks, reviewWords } from '../domain/review';
import type { FontSpec } from './text';
import type { ProgressState } from '../domain/followup';

export type { CellBox } from './lines';
export { LINE_HEIGHT };

export interface CellText {
  id: string;
  text: string;
  extra: boolean;
  /** Review status; "stryks" is drawn struck through. Status and comments are marked after the text. */
  status?: string;
  comments?: readonly unknown[];
  /** Its progress in the period followed up, when the fan shows it (src/fan/progress.ts). */
  progress?: ProgressState;
  /** Its ring's year has passed and it is not Klar: "!" after its mark. */
  late?: boolean;
}

export const struck = (t: CellText) => t.status === 'stryks';

export interface TextLine {
  text: string;
  /** Path (around the fan centre) the line is drawn on, centred, left to right as read. */
  d: string;
  /** A straight line can be drawn as rotated text at its middle instead (cheaper to draw). */
  at?: { x: number; y: number; angle: number };
}

/** An item of a cell as the view knows it: what it says and where it stands. */
export interface HiddenItem {
  id: string;
  text: string;
  index: number;
  extra: boolean;
  struck: boolean;
  /** Its review status and comments in words (for screen readers); empty for a förslag without comments. */
  review: string;
}

/** An item drawn in its cell. */
export interface ItemShape extends HiddenItem {
  lines: TextLine[];
  /** Extent of the item's text block in flow coordinates (reading order). */
  s0: number;
  s1: number;
  /** Area to click or hover. */
  hitPath: string;
}

/** An item folded away behind "+N till" (listed for screen readers). */
export const hiddenItem = (t: CellText, index: number): HiddenItem => ({ id: t.id, text: t.text, index, extra: t.extra, struck: struck(t), review: reviewWords(t) });

export interface CellFlow {
  items: ItemShape[];
  hidden: number;
  /** The items not drawn (behind "+N till"), still listed for screen readers. */
  hiddenItems: HiddenItem[];
  /** Where "+N till" goes, when something is hidden. */
  more: TextLine | null;
  /** The size "+N till" is drawn at: the cell's, smaller only in a sliver of a cell. */
  moreFontSize?: number;
  lines: LineGenerator;
  /** The blade is folded to its name (another is unfolded): nothing drawn, drops go last. */
  folded?: boolean;
}

export const itemFont = (size: number, extra: boolean): FontSpec => ({ size, italic: extra });
/** An item's number in its cell's list, as drawn before its text. */
export const itemNumber = (index: number) => `${index + 1}.\u00a0`;
/** An item's words as drawn after its number: its text, (extra), (stryks) and its review marks. */
export const itemWords = (item: CellText | { text: string; extra: boolean; status?: string; comments?: readonly unknown[] }) => {
  const marks = reviewMarks(item);
  return `${item.text}${item.extra ? ' (extra)' : ''}${item.status === 'stryks' ? ' (stryks)' : ''}${marks ? `\u00a0${marks}` : ''}`;
};
/**
 * What an item shows: its number bound to the first word (a no-break space keeps "5." from
 * standing alone), "(extra)" for extras and "(stryks)" for struck items (so italics and
 * strike-through are not the only signs), and its review marks bound to the last word
 * ("✓ ❝2": domain/review.ts).
 */
export const itemLabel = (index: number, item: Parameters<typeof itemWords>[0]) => itemNumber(index) + itemWords(item);

/** Position in the cell's list (as drawn) that flow coordinate s points at. */
export function insertionIndex(flow: CellFlow, s: number): number {
  if (flow.folded) return flow.hidden;
  let index = 0;
  for (const item of flow.items) if ((item.s0 + item.s1) / 2 < s) index = item.index + 1;
  return index;
}

/** Flow coordinate of the insertion marker before list position `index` (as drawn). */
export function insertionCoord(flow: CellFlow, index: number): number {
  const items = flow.items;
  if (items.length === 0) return flow.lines.start - 4;
  // Drawn items may skip list positions (a pinned item drawn after "+N" hidden ones).
  const after = items.findIndex((item) => item.index >= index);
  if (after === 0) return items[0]!.s0 - 3;
  const before = items[(after < 0 ? items.length : after) - 1]!;
  return after >= 0 ? (before.s1 + items[after]!.s0) / 2 : before.s1 + 3;
}
