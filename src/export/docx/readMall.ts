// Reading a filled-in "Mall att fylla i" back: the four-column table is found by its header
// texts, each delområde's row group by its title row, and every non-empty paragraph of a
// "Prioriterade områden" cell under its ring label becomes one proposal (italic = extra).
// Works on the document's XML, so it reads the file as Word or LibreOffice saved it.
import { openZip, type SafeZip, ZipTooLarge } from '../../files/safeZip';
import { MALL_HEADERS } from './mall';
import { readPlanPart } from './planPart';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface MallProposal {
  /** The delområde's name as its title row gives it. */
  delomrade: string;
  /** The ring label heading the cell ("Viktiga milstolpar 2026"), and its year when it has one. */
  ringLabel: string;
  year: number | null;
  text: string;
  /** Place in the cell, 0 = first written. */
  rank: number;
  extra: boolean;
}

const children = (el: Element, name: string) => Array.from(el.children).filter((c) => c.namespaceURI === W && c.localName === name);
const first = (el: Element, name: string) => children(el, name)[0] ?? null;
const textOf = (el: Element) =>
  Array.from(el.getElementsByTagNameNS(W, 't'))
    .map((t) => t.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

function span(cell: Element): number {
  const value = first(cell, 'tcPr') && first(first(cell, 'tcPr')!, 'gridSpan')?.getAttributeNS(W, 'val');
  return value ? Math.max(1, Number(value) || 1) : 1;
}

/** A run property switched on: present and not val="0"/"false". */
function on(props: Element | null, name: string): boolean {
  const el = props && first(props, name);
  if (!el) return false;
  const val = el.getAttributeNS(W, 'val');
  return val === null || val === '' || !['0', 'false', 'off'].includes(val);
}

/** Runs with text in a paragraph, and whether each is italic / bold. */
function runs(p: Element): Array<{ text: string; italic: boolean; bold: boolean }> {
  return Array.from(p.getElementsByTagNameNS(W, 'r'))
    .map((r) => ({ text: textOf(r), italic: on(first(r, 'rPr'), 'i'), bold: on(first(r, 'rPr'), 'b') }))
    .filter((r) => r.text !== '');
}

/** The cell starting at grid column `column` of a row (merged cells counted by their span). */
function cellAt(row: Element, column: number): Element | null {
  let at = 0;
  for (const cell of children(row, 'tc')) {
    if (at === column) return cell;
    at += span(cell);
    if (at > column) return null;
  }
  return null;
}

/** List markers a writer may type: "- ", "• ", "1. ", "2) ". */
const unmark = (text: string) => text.replace(/^(?:[-–•*]|\d+[.)])\s+/, '').trim();

function proposalsOfCell(cell: Element, delomrade: string): MallProposal[] {
  const paragraphs = children(cell, 'p')
    .map(runs)
    .filter((r) => r.length > 0);
  if (paragraphs.length === 0) return [];
  // The app writes the ring label first, in bold; a writer may have left it out.
  const head = paragraphs[0]!;
  const isLabel = head.every((r) => r.bold) || /\b(19|20)\d\d\b/.test(head.map((r) => r.text).join(''));
  const ringLabel = isLabel ? head.map((r) => r.text).join('').trim() : '';
  const year = Number(/\b((?:19|20)\d\d)\b/.exec(ringLabel)?.[1]) || null;
  return paragraphs.slice(isLabel ? 1 : 0).flatMap((r) => {
    const text = unmark(r.map((x) => x.text).join(''));
    return text ? [{ text, italic: r.every((x) => x.italic) }] : [];
  }).map(({ text, italic }, rank) => ({ delomrade, ringLabel, year, text, rank, extra: italic }));
}

/**
 * The proposals of a filled-in template, from its word/document.xml; null when the document
 * has no table with the template's column headers.
 */
export function proposalsFromDocumentXml(xml: string): MallProposal[] | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  let found = false;
  const proposals: MallProposal[] = [];
  let delomrade = '';
  // One table for the whole template, or one per delområde with its title above the headers.
  for (const table of Array.from(doc.getElementsByTagNameNS(W, 'tbl'))) {
    const rows = children(table, 'tr');
    const headerIndex = rows.findIndex((row) => {
      const texts = children(row, 'tc').map(textOf);
      return texts.includes(MALL_HEADERS[1]) && texts.includes(MALL_HEADERS[0]);
    });
    if (headerIndex < 0) continue;
    found = true;
    let column = 0;
    for (const cell of children(rows[headerIndex]!, 'tc')) {
      if (textOf(cell) === MALL_HEADERS[1]) break;
      column += span(cell);
    }
    rows.forEach((row, i) => {
      if (i === headerIndex) return;
      const cells = children(row, 'tc');
      if (cells.length === 1 && span(cells[0]!) > 1) {
        delomrade = textOf(cells[0]!);
        return;
      }
      const cell = i > headerIndex ? cellAt(row, column) : undefined;
      if (cell && delomrade) proposals.push(...proposalsOfCell(cell, delomrade));
    });
  }
  return found ? proposals : null;
}

export type MallReading = { ok: true; recipient: string; proposals: MallProposal[] } | { ok: false; error: string };

/** Read a filled-in template (.docx bytes): its proposals and who it was sent to. */
export async function readFilledMall(bytes: Uint8Array | ArrayBuffer | Blob): Promise<MallReading> {
  let zip: SafeZip;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    return { ok: false, error: error instanceof ZipTooLarge ? error.message : 'Filen är inte en Word-fil (.docx) som går att öppna.' };
  }
  try {
    const main = await zip.text('word/document.xml');
    if (main === null) return { ok: false, error: 'Word-filen saknar sitt dokument (word/document.xml).' };
    const proposals = proposalsFromDocumentXml(main);
    if (!proposals) return { ok: false, error: `Hittar ingen tabell med kolumnen ”${MALL_HEADERS[1]}” – är det mallen att fylla i?` };
    const part = await readPlanPart(zip).catch(() => null);
    return { ok: true, recipient: part?.recipient ?? '', proposals };
  } catch (error) {
    if (error instanceof ZipTooLarge) return { ok: false, error: error.message };
    throw error;
  }
}
