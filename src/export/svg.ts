// The fan as a picture: the SVG the app draws, made standalone (no CSS, no interaction),
// and a PNG drawn from it. Fonts are the system stack the app uses; nothing is embedded.
import { FONT_STACK } from '../fan/measure';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** What the stylesheet gives the drawn fan, written as attributes so the file needs no CSS. */
const PRESENTATION: [selector: string, attrs: Record<string, string>][] = [['path.cell', { stroke: '#ffffff', 'stroke-width': '2' }]];

/** Parts that only exist for interaction or screen readers on the page. */
const DROP = ['.item-hit', '.folded-item', '.drop-indicator'];

const DROP_ATTRS = /^(role|tabindex|class|style|focusable|aria-.*|data-.*)$/;

export interface FanPicture {
  svg: string;
  width: number;
  height: number;
}

/** Find the fan on the page. */
export function drawnFan(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg.fan');
}

/**
 * A standalone SVG document of the fan as drawn, with a white background, a title, and a
 * description holding every item (lists folded behind "+N till" are complete there).
 */
export function standaloneSvg(fan: SVGSVGElement, title: string, description = ''): FanPicture {
  const copy = fan.cloneNode(true) as SVGSVGElement;
  // A zoomed fan is exported whole: the zoom's pan and scale dropped, at the size it is laid out for.
  const zoom = copy.querySelector('g.fan-zoom');
  const laidOut = zoom && [Number(zoom.getAttribute('data-layout-width')), Number(zoom.getAttribute('data-layout-height'))];
  zoom?.removeAttribute('transform');
  const width = (laidOut && laidOut[0]) || Number(fan.getAttribute('width')) || 800;
  const height = (laidOut && laidOut[1]) || Number(fan.getAttribute('height')) || 600;
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  for (const [selector, attrs] of PRESENTATION) {
    for (const node of copy.querySelectorAll(selector)) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  }
  for (const node of copy.querySelectorAll(DROP.join(','))) node.remove();
  // Blade names are drawn as text; their tooltips are page-only.
  for (const node of copy.querySelectorAll('title')) node.remove();
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    for (const attr of [...node.attributes]) if (DROP_ATTRS.test(attr.name)) node.removeAttribute(attr.name);
  }
  // Older renderers (Word, Inkscape 0.9x, PowerPoint) only follow xlink:href on textPath.
  copy.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns:xlink', XLINK_NS);
  for (const node of copy.querySelectorAll('textPath')) {
    const href = node.getAttribute('href');
    if (href) node.setAttributeNS(XLINK_NS, 'xlink:href', href);
  }
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', FONT_STACK);
  const doc = copy.ownerDocument;
  const heading = doc.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.textContent = description;
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  copy.prepend(heading, ...(description ? [desc] : []), background);
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  return { svg, width, height };
}

/** Draw the picture on a canvas at `scale` (2 = crisp on slides and in Word) and encode it as PNG. */
export async function pictureToPng(picture: FanPicture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('Canvas 2D is not available');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
