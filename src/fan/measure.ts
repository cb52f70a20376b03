// Text measuring in the browser, with the same font the SVG draws with.
import { cachedMeasure, estimateMeasure, type Measure } from './text';

export const FONT_STACK =
  '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

export function fontCss(size: number, bold = false, italic = false): string {
  return `${italic ? 'italic ' : ''}${bold ? '700' : '400'} ${size}px ${FONT_STACK}`;
}

let measure: Measure | null = null;

/** Text is measured once per style at this size; other sizes scale (outline fonts scale linearly). */
const REFERENCE_SIZE = 100;

export function browserMeasure(): Measure {
  if (measure) return measure;
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  if (!ctx) return (measure = cachedMeasure(estimateMeasure));
  // Setting ctx.font parses the font string: only do it when the style changes.
  let current = '';
  const widths = new Map<string, number>();
  measure = (text, font) => {
    const key = `${font.bold ? 'b' : ''}${font.italic ? 'i' : ''}|${text}`;
    let width = widths.get(key);
    if (width === undefined) {
      const css = fontCss(REFERENCE_SIZE, font.bold, font.italic);
      if (css !== current) {
        ctx.font = css;
        current = css;
      }
      width = ctx.measureText(text).width;
      widths.set(key, width);
    }
    return (width * font.size) / REFERENCE_SIZE;
  };
  return measure;
}
