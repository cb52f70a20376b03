// Every cell of a geometry flowed, and what may be kept of them: a cell whose box, text size
// and items are as in the last layout keeps its shape (React skips it), and a plan opened
// again takes its cells as they were drawn when it was last shown (`StoredCell`, kept beside
// the plan by src/fan/keptGeometry.ts) instead of flowing a thousand items' text before the
// first paint. Cells flowed with Swedish hyphenation are used before the dictionary has loaded
// too (they are better than whole words), so the first paint is the picture the plan will keep.
import { containerKey } from '../domain/containers';
import type { Span } from './angles';
import { type CellBox, type CellFlow, type CellText, hiddenItem, type ItemShape, type TextLine } from './cells';
import { type BladeRadii, boxOf, type FitContext } from './fit';
import { flowCell } from './flow';
import { sectorPath } from './geometry';
import type { CellShape, LayoutInput } from './layout';
import { lineSlots } from './lines';
import type { Measure } from './text';

/** A cell's shape and the list of texts it was flowed from (and whether some were pinned). */
export interface MadeCell {
  list: readonly CellText[];
  pins: ReadonlySet<string> | null;
  shape: CellShape;
}

/** Whether a cell made from `made` draws `texts` with `pins`: the same list (lists are never changed in place), else the same texts. */
function sameTexts(made: MadeCell, texts: readonly CellText[], pins: ReadonlySet<string> | null): boolean {
  if (made.list === texts && made.pins === null && pins === null) return true;
  const before = made.list;
  if (before.length !== texts.length) return false;
  // Item by item, stopping at the first difference (a move into a cell differs at once).
  for (let i = 0; i < texts.length; i++) {
    const a = before[i]!;
    const b = texts[i]!;
    if (a !== b && !sameText(a, b)) return false;
    if ((made.pins?.has(a.id) ?? false) !== (pins?.has(b.id) ?? false)) return false;
  }
  return true;
}

/**
 * A cell's flow as stored: its box's signature (with whether it was hyphenated), a hash of what
 * the flow depends on (the texts it drew and how many there were: those behind "+N till" only
 * count), its sector's path, and what the flow drew — items by their place in the cell's list.
 */
export interface StoredCell {
  s: string;
  h: number;
  p: string;
  items: Array<[index: number, lines: TextLine[], s0: number, s1: number, hitPath: string]>;
  hidden: number;
  more: TextLine | null;
  mf?: number;
}

/** The cells of the last layout (per text measure), by their box signature. */
const lastCellsByMeasure = new WeakMap<Measure, ReadonlyMap<string, MadeCell>>();

/** A cell's box, size and state in a short key (`hyphenated`: made with Swedish hyphenation). */
const boxSignature = (parts: Array<string | number>, hyphenated: boolean) => [...parts, hyphenated ? 1 : 0].join('\u0002');

export interface FlowedCells {
  spans: Span[];
  cells: CellShape[];
  hidden: number;
  /** Every cell as made, by its box signature: what the next layout and storage keep. */
  made: ReadonlyMap<string, MadeCell>;
}

/** Every cell's shape for a geometry. */
export function flowAll(input: LayoutInput, ctx: FitContext, spans: Span[], radii: BladeRadii, fontSize: number): FlowedCells {
  const { blades, rings, measure } = input;
  const hyphenate = ctx.hyphenate;
  const cells: CellShape[] = [];
  const made = new Map<string, MadeCell>();
  const lastCells = lastCellsByMeasure.get(measure) ?? new Map<string, MadeCell>();
  const stored = input.keptCells ?? null;
  const pinned = input.pinned ?? null;
  let hidden = 0;
  blades.forEach((blade, b) => {
    const [phi0, phi1] = spans[b]!;
    rings.forEach((ring, j) => {
      const cell = { bladeId: blade.id, ringId: ring.id };
      const cellKey = containerKey(cell);
      const box = boxOf(ctx, spans, b, radii[b]![j]!, radii[b]![j + 1]!);
      const texts = input.containers.get(cellKey) ?? [];
      const active = ctx.active[b]!;
      const pins = pinned && texts.some((t) => pinned.has(t.id)) ? pinned : null;
      // The box in a short key; the texts (long in a big plan) compared apart, and only when their list is new.
      const parts = [cellKey, b, j, phi0, phi1, box.r0, box.r1, box.tilt ?? '', fontSize, active ? 1 : 0];
      // Hyphenated cells serve a layout without the dictionary too (it is still loading).
      const tried = hyphenate || !active ? [boxSignature(parts, !!hyphenate)] : [boxSignature(parts, true), boxSignature(parts, false)];
      let found: MadeCell | null = null;
      for (const signature of tried) {
        const last = lastCells.get(signature);
        if (last && sameTexts(last, texts, pins)) found = last.list === texts && last.pins === pins ? last : { list: texts, pins, shape: last.shape };
        else {
          const kept = pins ? undefined : stored?.get(signature);
          const flow = kept ? storedFlow(kept, box, texts, fontSize) : null;
          if (flow) found = { list: texts, pins, shape: shapeOf(box, cell, cellKey, b, j, kept!.p, flow, fontSize, texts.length) };
        }
        if (found) {
          made.set(signature, found);
          break;
        }
      }
      if (!found) {
        const flow = active ? flowCell(box, texts, fontSize, measure, hyphenate, pins) : foldedFlow(box, texts, fontSize);
        found = { list: texts, pins, shape: shapeOf(box, cell, cellKey, b, j, sectorPath(phi0, phi1, box.r0, box.r1), flow, fontSize, texts.length) };
        made.set(tried.at(-1)!, found);
      }
      if (active) hidden += found.shape.flow.hidden;
      cells.push(found.shape);
    });
  });
  lastCellsByMeasure.set(measure, made);
  return { spans, cells, hidden, made };
}

function shapeOf(
  box: CellBox,
  cell: { bladeId: string; ringId: string },
  key: CellShape['key'],
  bladeIndex: number,
  ringIndex: number,
  path: string,
  flow: CellFlow,
  fontSize: number,
  total: number,
): CellShape {
  return { ...box, ...cell, key, bladeIndex, ringIndex, path, flow, fontSize, total };
}

/** Two items draw the same: the fields `itemSignature` keys by, compared without making the key (keep the two in step). */
const sameText = (a: CellText, b: CellText) =>
  a.id === b.id &&
  a.text === b.text &&
  a.extra === b.extra &&
  (a.status ?? '') === (b.status ?? '') &&
  (a.comments?.length ?? 0) === (b.comments?.length ?? 0) &&
  (a.progress ?? '') === (b.progress ?? '') &&
  !!a.late === !!b.late;

/** What an item draws, in a short key (per item: an item that did not change is not read again). */
const itemSignatures = new WeakMap<CellText, string>();

function itemSignature(t: CellText): string {
  let made = itemSignatures.get(t);
  if (made === undefined) itemSignatures.set(t, (made = `${t.id}\u0001${t.text}\u0001${t.extra}\u0001${t.status ?? ''}\u0001${t.comments?.length ?? 0}\u0001${t.progress ?? ''}\u0001${t.late ? 1 : 0}`));
  return made;
}

/** A folded blade's cell: a drop target showing nothing; its items are listed for screen readers. */
function foldedFlow(box: CellBox, texts: CellText[], fontSize: number): CellFlow {
  return {
    items: [],
    hidden: texts.length,
    hiddenItems: texts.map((t, index) => hiddenItem(t, index)),
    more: null,
    lines: lineSlots(box, fontSize),
    folded: true,
  };
}

/** A 53-bit hash of a string (cyrb53): texts are compared by it when read back from storage. */
export function hashOf(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const stores = new WeakMap<CellShape, StoredCell | null>();

/**
 * What a stored flow depends on: the items it drew (by their place), the first it could not
 * draw (had it been shorter, it would have been drawn too) and how many the cell holds — not
 * the texts of the others behind "+N till" (reading every text of a big plan at its start costs
 * more than the flow it saves).
 */
function flowHash(texts: readonly CellText[], shown: readonly number[]): number {
  const drawn = new Set(shown);
  let next = 0;
  while (drawn.has(next)) next++;
  const counted = next < texts.length ? [...shown, next] : shown;
  return hashOf(`${counted.map((i) => itemSignature(texts[i]!)).join('\u0002')}\u0003${texts.length}`);
}

/** The cells worth storing (those that flowed text: a folded blade's are made in no time), made once per cell shape. */
export function storedCells(made: ReadonlyMap<string, MadeCell>): StoredCell[] {
  const out: StoredCell[] = [];
  for (const [signature, { list, pins, shape }] of made) {
    let stored = stores.get(shape);
    if (stored === undefined) {
      const flow = shape.flow;
      stored =
        flow.folded || pins
          ? null
          : {
              s: signature,
              h: flowHash(
                list,
                flow.items.map((item) => item.index),
              ),
              p: shape.path,
              items: flow.items.map((item) => [item.index, item.lines, item.s0, item.s1, item.hitPath]),
              hidden: flow.hidden,
              more: flow.more,
              ...(flow.moreFontSize === undefined ? {} : { mf: flow.moreFontSize }),
            };
      stores.set(shape, stored);
    }
    if (stored) out.push(stored);
  }
  return out;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isLine = (v: unknown): v is TextLine => {
  if (!v || typeof v !== 'object') return false;
  const line = v as Record<string, unknown>;
  return typeof line.text === 'string' && typeof line.d === 'string';
};

/** Stored cells as read back (JSON): by their signature; what cannot be read is left out. */
export function readStoredCells(value: unknown): Map<string, StoredCell> {
  const out = new Map<string, StoredCell>();
  if (!Array.isArray(value)) return out;
  for (const v of value as unknown[]) {
    if (!v || typeof v !== 'object') continue;
    const c = v as Record<string, unknown>;
    const sound =
      typeof c.s === 'string' &&
      isNumber(c.h) &&
      typeof c.p === 'string' &&
      isNumber(c.hidden) &&
      (c.more === null || isLine(c.more)) &&
      (c.mf === undefined || isNumber(c.mf)) &&
      Array.isArray(c.items) &&
      c.items.every((i) => Array.isArray(i) && i.length === 5 && isNumber(i[0]) && Array.isArray(i[1]) && i[1].every(isLine) && isNumber(i[2]) && isNumber(i[3]) && typeof i[4] === 'string');
    if (sound) out.set(c.s as string, c as unknown as StoredCell);
  }
  return out;
}

/** A stored flow drawn again for the cell's texts now: null unless it drew the same texts of as many. */
function storedFlow(stored: StoredCell, box: CellBox, texts: CellText[], fontSize: number): CellFlow | null {
  if (texts.length !== stored.items.length + stored.hidden || stored.items.some(([index]) => !texts[index])) return null;
  if (flowHash(texts, stored.items.map(([index]) => index)) !== stored.h) return null;
  const shown = new Set<number>();
  const items: ItemShape[] = [];
  for (const [index, lines, s0, s1, hitPath] of stored.items) {
    const t = texts[index];
    if (!t || shown.has(index)) return null;
    shown.add(index);
    items.push({ ...hiddenItem(t, index), lines, s0, s1, hitPath });
  }
  if (texts.length - shown.size !== stored.hidden) return null;
  const flow: CellFlow = {
    items,
    hidden: stored.hidden,
    hiddenItems: stored.hidden === 0 ? [] : texts.flatMap((t, i) => (shown.has(i) ? [] : [hiddenItem(t, i)])),
    more: stored.more,
    lines: lineSlots(box, fontSize),
  };
  if (stored.mf !== undefined) flow.moreFontSize = stored.mf;
  return flow;
}
