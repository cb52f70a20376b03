// Text measuring in the browser, with the same font the SVG draws with.
import { cachedMeasure, estimateMeasure, type Measure } from './text';

export const FONT_STACK =
  '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

export function fontCss(size: number, bold = false, italic = false): string {
  return `${italic ? 'italic ' : ''}${bold ? '700' : '400'} ${size}px ${FONT_STACK}`;
}

let measure: Measure | null = null;

export function browserMeasure(): Measure {
  if (measure) return measure;
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  // Setting ctx.font parses the font string: only do it when the font changes.
  let current = '';
  measure = cachedMeasure(
    ctx
      ? (text, font) => {
          const css = fontCss(font.size, font.bold, font.italic);
          if (css !== current) {
            ctx.font = css;
            current = css;
          }
          return ctx.measureText(text).width;
        }
      : estimateMeasure,
  );
  return measure;
}
