// The fan as drawing: pure functions from the layout to SVG elements (a small tree of tags,
// attributes and text). The fan view renders these trees with React and adds interaction
// around them; exports (SVG, PNG, Word, print) serialise the same trees (markup.ts). So the
// picture is one thing wherever it is seen, and can be made and tested without a browser.
import { splitMarks } from '../domain/review';
import type { ItemShape } from './cells';
import { cellFill, darkenFor } from './colors';
import type { BladeShape, CellShape, FanLayout } from './layout';
import { drawnText, SOFT_HYPHEN } from './text';

export type Attrs = Record<string, string | number | undefined>;
export interface El {
  tag: string;
  attrs: Attrs;
  children: Drawing[];
}
export type Drawing = El | string;

export const el = (tag: string, attrs: Attrs = {}, ...children: Drawing[]): El => ({ tag, attrs, children });

export const INK = '#1a1a1a';
export const HUB_FILL = '#23395d';
const LABEL_INK = '#2b2b2b';


/** What the frame around the cells is drawn from (the hub, the rings' labels, the legend). */
export type FrameParts = Pick<FanLayout, 'hub' | 'rings' | 'legend' | 'outerRadius'>;
/** Ids of paths that text runs along; `prefix` keeps two drawings of a fan on one page apart. */
const safeId = (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, '-');

/**
 * One drawn line. An item's accessible name comes from its lines, so a line break reads as a
 * space; a hyphen added at a break and the review marks are hidden from screen readers (the
 * item says its review in words).
 */
function lineContent(line: string, last: boolean): Drawing[] {
  const { text, marks } = splitMarks(line);
  const out: Drawing[] = [];
  if (text.endsWith(SOFT_HYPHEN)) out.push(text.slice(0, -1), el('tspan', { 'aria-hidden': 'true' }, '-'));
  else out.push(last || marks ? text : `${text} `);
  if (marks) out.push(el('tspan', { className: 'review-mark', fontWeight: 700, fontStyle: 'normal', 'aria-hidden': 'true' }, marks));
  return out;
}

/**
 * An item's lines, all in one <text> so they read as one text (a word broken over two lines is
 * one word): straight lines as tspans in the frame of their common rotation, lines on arcs as
 * one textPath each (their paths in a <defs> first).
 */
export function itemText(shape: ItemShape, fontSize: number, prefix = ''): El[] {
  const style: Attrs = {
    fontSize,
    fontStyle: shape.extra ? 'italic' : undefined,
    textDecoration: shape.struck ? 'line-through' : undefined,
    fill: INK,
  };
  const last = shape.lines.length - 1;
  const first = shape.lines[0]?.at;
  if (first && shape.lines.every((line) => line.at && line.at.angle === first.angle)) {
    const rad = (first.angle * Math.PI) / 180;
    const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
    const spans = shape.lines.map((line, i) => {
      const dx = line.at!.x - first.x;
      const dy = line.at!.y - first.y;
      const x = Math.round((first.x + dx * cos + dy * sin) * 100) / 100;
      const y = Math.round((first.y - dx * sin + dy * cos) * 100) / 100;
      return el('tspan', { x, y }, ...lineContent(line.text, i === last));
    });
    return [el('text', { ...style, transform: `rotate(${first.angle} ${first.x} ${first.y})`, textAnchor: 'middle' }, ...spans)];
  }
  const id = (i: number) => `${prefix}il-${safeId(shape.id)}-${i}`;
  return [
    el('defs', {}, ...shape.lines.map((line, i) => el('path', { id: id(i), d: line.d }))),
    el(
      'text',
      style,
      ...shape.lines.map((line, i) => el('textPath', { href: `#${id(i)}`, startOffset: '50%', textAnchor: 'middle' }, ...lineContent(line.text, i === last))),
    ),
  ];
}

/**
 * Who in the room is working on an item ("Anna redigerar"): a tag in their colour just above
 * the item's first line, drawn the way the item's text is.
 */
export function presenceTag(shape: ItemShape, fontSize: number, text: string, color: string, prefix = ''): El[] {
  const line = shape.lines[0];
  if (!line) return [];
  const style: Attrs = { fontSize: Math.max(fontSize * 0.9, 11), fontWeight: 700, fill: color, className: 'presence-tag' };
  if (line.at) {
    const { x, y, angle } = line.at;
    return [el('text', { ...style, transform: `rotate(${angle} ${x} ${y})`, x, y: Math.round((y - fontSize * 0.95) * 100) / 100, textAnchor: 'middle' }, text)];
  }
  const id = `${prefix}pt-${safeId(shape.id)}`;
  return [el('defs', {}, el('path', { id, d: line.d })), el('text', { ...style, dy: -fontSize * 0.95 }, el('textPath', { href: `#${id}`, startOffset: '50%', textAnchor: 'middle' }, text))];
}

/** "+N till" along its line, always whole. */
export function moreText(cell: CellShape, prefix = ''): El[] {
  const more = cell.flow.more;
  if (!more) return [];
  const id = `${prefix}more-${safeId(cell.key)}`;
  return [
    el('defs', {}, el('path', { id, d: more.d })),
    el('text', { fontSize: cell.flow.moreFontSize ?? cell.fontSize, fontWeight: 700, fill: INK }, el('textPath', { href: `#${id}`, startOffset: '50%', textAnchor: 'middle' }, more.text)),
  ];
}

/** A cell's sector, tinted by its blade's colour, lighter towards the rim. */
export function cellSector(cell: Pick<CellShape, 'path' | 'ringIndex'>, color: string, rings: number): El {
  return el('path', { className: 'cell', d: cell.path, fill: cellFill(color, cell.ringIndex, rings) });
}

/** A blade's name band outside the rings, with its name (an unfolded or overview blade) along it. */
export function bladeBand(blade: BladeShape, prefix = ''): El[] {
  const band = darkenFor(blade.color, '#ffffff');
  const out: El[] = [el('path', { className: 'blade-band', d: blade.labelPath, fill: band })];
  if (blade.folded) return out;
  const id = (i: number) => `${prefix}bl-${safeId(blade.id)}-${i}`;
  const { lines, fontSize } = blade.label;
  out.push(el('defs', {}, ...lines.flatMap((line, i) => (line.at ? [] : [el('path', { id: id(i), d: line.d })]))));
  // One text: a name broken over two lines reads as one name.
  out.push(
    el(
      'text',
      { fill: '#ffffff', fontWeight: 700, fontSize, 'aria-hidden': 'true' },
      ...lines.map((line, i) =>
        el('textPath', { href: `#${id(i)}`, startOffset: '50%', textAnchor: 'middle' }, drawnText(line.text) + (i < lines.length - 1 && !line.text.endsWith(SOFT_HYPHEN) ? ' ' : '')),
      ),
    ),
  );
  return out;
}

/** A folded blade's name, along its axis over its (empty) cells: drawn after them. */
export function foldedName(blade: BladeShape): El | null {
  if (!blade.folded) return null;
  const ink = darkenFor(blade.color, '#ffffff', 7);
  const lines = blade.label.lines.flatMap((line) =>
    line.at
      ? [
          el(
            'text',
            { x: line.at.x, y: line.at.y, transform: `rotate(${line.at.angle} ${line.at.x} ${line.at.y})`, textAnchor: 'middle', fill: ink, fontWeight: 700, fontSize: blade.label.fontSize },
            drawnText(line.text),
          ),
        ]
      : [],
  );
  return el('g', { className: 'blade-name-folded', 'aria-hidden': 'true' }, ...lines);
}

/** The målbild in the hub. */
export function hub(layout: FrameParts): El {
  return el(
    'g',
    { className: 'hub' },
    el('path', { d: layout.hub.path, fill: HUB_FILL }),
    ...layout.hub.lines.map((line) => el('text', { x: line.x, y: line.y, fill: '#ffffff', fontWeight: 700, fontSize: layout.hub.fontSize, textAnchor: 'middle' }, line.text)),
  );
}

/** Ring names under the baseline, on both sides, and the baseline itself. */
export function ringLabels(layout: FrameParts): El {
  return el(
    'g',
    { className: 'ring-labels', 'aria-hidden': 'true' },
    ...layout.rings.flatMap((ring) =>
      ring.labels.lines.map((line) => el('text', { x: line.x, y: line.y, fontSize: ring.labels.fontSize, fontWeight: 700, fill: LABEL_INK, textAnchor: 'middle' }, line.text)),
    ),
    el('line', { x1: -layout.outerRadius, x2: layout.outerRadius, y1: 1, y2: 1, stroke: '#5a5a5a', strokeWidth: 1.5 }),
  );
}

/** Shortened ring names in full, and the review marks' legend, under the baseline. */
export function legend(layout: FrameParts): El | null {
  if (layout.legend.lines.length === 0) return null;
  return el(
    'g',
    { className: 'ring-legend', 'aria-hidden': 'true' },
    ...layout.legend.lines.map((line) => el('text', { x: line.x, y: line.y, fontSize: layout.legend.fontSize, fill: LABEL_INK, textAnchor: 'middle' }, line.text)),
  );
}

/**
 * The whole fan as a picture (no interaction): per blade its band, cells with their items and
 * "+N till", a folded blade's name; then the hub, ring labels and legend. Coordinates are
 * around the fan's centre; `picture` (markup.ts) places it.
 */
export function fanDrawing(layout: FanLayout, prefix = ''): El {
  const rings = layout.rings.length;
  return el(
    'g',
    { transform: `translate(${layout.cx},${layout.cy})` },
    ...layout.blades.map((blade, b) =>
      el(
        'g',
        {},
        ...bladeBand(blade, prefix),
        ...layout.cells
          .filter((cell) => cell.bladeIndex === b)
          .flatMap((cell) => [
            el('path', { ...cellSector(cell, blade.color, rings).attrs, stroke: '#ffffff', strokeWidth: 2 }),
            ...cell.flow.items.flatMap((shape) => itemText(shape, cell.fontSize, prefix)),
            ...moreText(cell, prefix),
          ]),
        ...(blade.folded ? [foldedName(blade)!] : []),
      ),
    ),
    hub(layout),
    ringLabels(layout),
    ...(legend(layout) ? [legend(layout)!] : []),
  );
}
