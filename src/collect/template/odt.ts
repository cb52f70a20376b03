// The tables of an OpenDocument text (.odt: content.xml, with styles.xml), as the template
// reader's model: the same lines a Word file gives — paragraphs, soft line breaks, list items —
// with italics and bold from the text's styles. Tracked deletions are kept apart from the text
// in OpenDocument and never come in.
import { type Cell, linesOf, type Table } from './model';

const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const STYLE = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0';
const FO = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0';

type Flags = { italic?: boolean; bold?: boolean };
type Run = { text: string; italic: boolean; bold: boolean } | 'break';

/** Each named style's italic and bold, following the style it is based on. */
function styleTable(docs: Document[]): (name: string | null) => Flags {
  const styles = new Map<string, Element>();
  for (const doc of docs) for (const s of Array.from(doc.getElementsByTagNameNS(STYLE, 'style'))) styles.set(s.getAttributeNS(STYLE, 'name') ?? '', s);
  const own = (s: Element): Flags => {
    const props = Array.from(s.children).find((c) => c.namespaceURI === STYLE && c.localName === 'text-properties');
    const style = props?.getAttributeNS(FO, 'font-style');
    const weight = props?.getAttributeNS(FO, 'font-weight');
    return {
      ...(style ? { italic: style === 'italic' || style === 'oblique' } : {}),
      ...(weight ? { bold: weight === 'bold' || Number(weight) >= 600 } : {}),
    };
  };
  return (name) => {
    const out: Flags = {};
    const seen = new Set<string>();
    for (let at = name; at && !seen.has(at); ) {
      seen.add(at);
      const s = styles.get(at);
      if (!s) break;
      const flags = own(s);
      out.italic ??= flags.italic;
      out.bold ??= flags.bold;
      at = s.getAttributeNS(STYLE, 'parent-style-name');
    }
    return out;
  };
}

/** Every table of the document, in order. */
export function tablesOfOdt(contentXml: string, stylesXml: string | null = null): Table[] {
  const content = new DOMParser().parseFromString(contentXml, 'application/xml');
  const docs = [content, ...(stylesXml ? [new DOMParser().parseFromString(stylesXml, 'application/xml')] : [])];
  const styled = styleTable(docs);

  const walk = (node: Node, flags: { italic: boolean; bold: boolean }, runs: Run[]) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        runs.push({ text: child.nodeValue ?? '', ...flags });
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (el.namespaceURI !== TEXT) continue;
      const name = el.localName;
      if (name === 'line-break') runs.push('break');
      else if (name === 'tab' || name === 's') runs.push({ text: ' ', ...flags });
      else if (name === 'tracked-changes' || name === 'note' || name === 'deletion') continue;
      else if (name === 'p' || name === 'h') {
        const own = styled(el.getAttributeNS(TEXT, 'style-name'));
        walk(el, { italic: own.italic ?? flags.italic, bold: own.bold ?? flags.bold }, runs);
        runs.push('break');
      } else if (name === 'span' || name === 'a') {
        const own = styled(el.getAttributeNS(TEXT, 'style-name'));
        walk(el, { italic: own.italic ?? flags.italic, bold: own.bold ?? flags.bold }, runs);
      } else walk(el, flags, runs);
    }
  };

  const rowsOf = (table: Element): Element[] =>
    Array.from(table.children).flatMap((c) => {
      if (c.namespaceURI !== TABLE) return [];
      if (c.localName === 'table-row') return [c];
      if (['table-header-rows', 'table-rows', 'table-row-group'].includes(c.localName)) return rowsOf(c);
      return [];
    });

  return Array.from(content.getElementsByTagNameNS(TABLE, 'table')).map((table) => ({
    rows: rowsOf(table).map((tr) => {
      const cells: Cell[] = [];
      // Cells a span to the left covers in this row are part of it, not cells of their own.
      let covered = 0;
      for (const tc of Array.from(tr.children)) {
        if (tc.namespaceURI !== TABLE) continue;
        if (tc.localName === 'covered-table-cell') {
          if (covered > 0) covered--;
          else cells.push({ lines: [], span: 1, continued: true });
          continue;
        }
        if (tc.localName !== 'table-cell') continue;
        const span = Math.max(1, Number(tc.getAttributeNS(TABLE, 'number-columns-spanned')) || 1);
        covered = span - 1;
        const runs: Run[] = [];
        walk(tc, { italic: false, bold: false }, runs);
        cells.push({ lines: linesOf(runs), span, continued: false });
      }
      return cells;
    }),
  }));
}

/** The text of every paragraph and heading of the document, in order (tracked deletions, kept apart, left out). */
export function paragraphTextsOfOdt(contentXml: string): string[] {
  const doc = new DOMParser().parseFromString(contentXml, 'application/xml');
  const inDeletion = (el: Element) => {
    for (let at = el.parentElement; at; at = at.parentElement) if (at.namespaceURI === TEXT && at.localName === 'tracked-changes') return true;
    return false;
  };
  return Array.from(doc.getElementsByTagNameNS(TEXT, '*'))
    .filter((el) => (el.localName === 'p' || el.localName === 'h') && !inDeletion(el))
    .map((el) => el.textContent ?? '');
}
