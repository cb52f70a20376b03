// The tables of a Word document (word/document.xml, with word/styles.xml for italics and bold
// given through a style), as the template reader's model. Tracked deletions never come in;
// numbering Word draws itself is not text; a soft line break (Shift+Enter) ends a line.
import { type Cell, linesOf, type Table } from './model';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const kids = (el: Element, name: string) => Array.from(el.children).filter((c) => c.namespaceURI === W && c.localName === name);
const kid = (el: Element | null, name: string) => (el ? (kids(el, name)[0] ?? null) : null);
const val = (el: Element | null) => el?.getAttributeNS(W, 'val') ?? el?.getAttribute('w:val') ?? null;

/** A switch property (w:i, w:b): absent → undefined, present → on unless val says off. */
function flag(props: Element | null, name: 'i' | 'b'): boolean | undefined {
  const el = kid(props, name);
  if (!el) return undefined;
  const v = val(el);
  return v === null || v === '' || !['0', 'false', 'off', 'none'].includes(v);
}

/** Whether a style (following what it is based on) sets italic or bold. */
function styleFlags(stylesXml: string | null): (styleId: string | null, name: 'i' | 'b') => boolean | undefined {
  const styles = new Map<string, Element>();
  if (stylesXml) {
    const doc = new DOMParser().parseFromString(stylesXml, 'application/xml');
    for (const s of Array.from(doc.getElementsByTagNameNS(W, 'style'))) {
      const id = s.getAttributeNS(W, 'styleId') ?? s.getAttribute('w:styleId');
      if (id) styles.set(id, s);
    }
  }
  return (styleId, name) => {
    const seen = new Set<string>();
    let id = styleId;
    while (id && !seen.has(id)) {
      seen.add(id);
      const style = styles.get(id);
      if (!style) return undefined;
      const set = flag(kid(style, 'rPr'), name);
      if (set !== undefined) return set;
      id = val(kid(style, 'basedOn'));
    }
    return undefined;
  };
}

/** Whether `el` lies within a tracked deletion (or a move away) below `stop`. */
function deleted(el: Element, stop: Element): boolean {
  for (let at = el.parentElement; at && at !== stop; at = at.parentElement) {
    if (at.namespaceURI === W && (at.localName === 'del' || at.localName === 'moveFrom')) return true;
  }
  return false;
}

/** The cells of a row, also those a content control wraps. */
function cellsOf(row: Element): Element[] {
  return Array.from(row.children).flatMap((c) => {
    if (c.namespaceURI !== W) return [];
    if (c.localName === 'tc') return [c];
    if (c.localName === 'sdt') return kids(kid(c, 'sdtContent') ?? c, 'tc');
    return [];
  });
}

/** Every table of the document, in order. */
export function tablesOfDocx(documentXml: string, stylesXml: string | null = null): Table[] {
  const doc = new DOMParser().parseFromString(documentXml, 'application/xml');
  const styled = styleFlags(stylesXml);
  const cellOf = (tc: Element): Cell => {
    const props = kid(tc, 'tcPr');
    const span = Math.max(1, Number(val(kid(props, 'gridSpan'))) || 1);
    const merge = kid(props, 'vMerge');
    const continued = !!merge && val(merge) !== 'restart';
    const runs: Array<{ text: string; italic: boolean; bold: boolean } | 'break'> = [];
    for (const p of Array.from(tc.getElementsByTagNameNS(W, 'p'))) {
      // A paragraph of a table inside this cell belongs to that table.
      if (closestCell(p) !== tc) continue;
      const pStyle = val(kid(kid(p, 'pPr'), 'pStyle'));
      for (const r of Array.from(p.getElementsByTagNameNS(W, 'r'))) {
        if (deleted(r, p)) continue;
        const rPr = kid(r, 'rPr');
        const rStyle = val(kid(rPr, 'rStyle'));
        const is = (name: 'i' | 'b') => flag(rPr, name) ?? styled(rStyle, name) ?? styled(pStyle, name) ?? false;
        const italic = is('i');
        const bold = is('b');
        for (const part of Array.from(r.children)) {
          if (part.namespaceURI !== W) continue;
          if (part.localName === 't') runs.push({ text: part.textContent ?? '', italic, bold });
          else if (part.localName === 'tab') runs.push({ text: ' ', italic, bold });
          else if (part.localName === 'cr' || (part.localName === 'br' && !['page', 'column'].includes(part.getAttributeNS(W, 'type') ?? '')))
            runs.push('break');
        }
      }
      runs.push('break');
    }
    return { lines: linesOf(runs), span, continued };
  };
  return Array.from(doc.getElementsByTagNameNS(W, 'tbl')).map((tbl) => ({ rows: kids(tbl, 'tr').map((tr) => cellsOf(tr).map(cellOf)) }));
}

/** The table cell an element is in (namespace-aware). */
function closestCell(el: Element): Element | null {
  for (let at = el.parentElement; at; at = at.parentElement) if (at.namespaceURI === W && at.localName === 'tc') return at;
  return null;
}

/** The text of every paragraph of the document, in order (tracked deletions left out). */
export function paragraphTextsOfDocx(documentXml: string): string[] {
  const doc = new DOMParser().parseFromString(documentXml, 'application/xml');
  return Array.from(doc.getElementsByTagNameNS(W, 'p')).map((p) =>
    Array.from(p.getElementsByTagNameNS(W, 't'))
      .filter((t) => !deleted(t, p))
      .map((t) => t.textContent ?? '')
      .join(''),
  );
}
