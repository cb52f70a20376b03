// Drawings (draw.ts) as SVG markup: the standalone picture of a fan that SVG, PNG, Word and
// print use. Pure: no DOM, so it is made and tested in Node.
import type { Drawing } from './draw';
import { fanDrawing } from './draw';
import type { FanLayout } from './layout';
import { FONT_STACK } from './measure';

/** Attribute names SVG spells in camelCase itself; every other camelCase name becomes kebab-case. */
const CAMEL = new Set(['startOffset', 'viewBox', 'textLength', 'lengthAdjust', 'preserveAspectRatio']);

const attrName = (name: string) => (name === 'className' ? 'class' : CAMEL.has(name) ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

export function toMarkup(node: Drawing): string {
  if (typeof node === 'string') return escapeText(node);
  let attrs = '';
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined) continue;
    attrs += ` ${attrName(name)}="${escapeAttr(String(value))}"`;
    // Older renderers (Word, Inkscape 0.9x, PowerPoint) only follow xlink:href on textPath.
    if (name === 'href' && node.tag === 'textPath') attrs += ` xlink:href="${escapeAttr(String(value))}"`;
  }
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(toMarkup).join('')}</${node.tag}>`;
}

export interface FanPicture {
  svg: string;
  width: number;
  height: number;
}

/**
 * A standalone SVG document of the fan a layout describes, on white, with a title and a
 * description that holds every item (lists folded behind "+N till" are complete there).
 */
export function fanPicture(layout: FanLayout, title: string, description = '', prefix = 'x-'): FanPicture {
  const { width, height } = layout;
  const head = `<title>${escapeText(title)}</title>${description ? `<desc>${escapeText(description)}</desc>` : ''}`;
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeAttr(FONT_STACK)}">` +
    `${head}<rect width="100%" height="100%" fill="#ffffff"/>${toMarkup(fanDrawing(layout, prefix))}</svg>`;
  return { svg, width, height };
}
