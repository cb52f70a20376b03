// Reading a filled-in template back — this app's "Mall att fylla i" or the region's own
// layout, as Word or LibreOffice saved it: the document's tables (src/collect/template/docx.ts)
// read by meaning (src/collect/template/interpret.ts).
import { previewOf, proposalsOfTables, type TablePreview, type TemplateProposal } from './interpret';
import { paragraphTextsOfDocx, tablesOfDocx } from './docx';
import { paragraphTextsOfOdt, tablesOfOdt } from './odt';
import { openZip, type SafeZip, ZipTooLarge } from '../../files/safeZip';
import { MALL_HEADERS } from '../../export/docx/mall';
import { readPlanPart } from '../../files/planPart';
import { answerOfTables, type FormAnswer } from '../followUpForm';
import { RuleError } from '../../domain/rules';

export type MallProposal = TemplateProposal;

/**
 * The proposals of a filled-in template, from its word/document.xml (and word/styles.xml, for
 * italics given through a style); null when no table has a "Prioriterade områden" column.
 */
export function proposalsFromDocumentXml(xml: string, stylesXml: string | null = null): MallProposal[] | null {
  return proposalsOfTables(tablesOfDocx(xml, stylesXml));
}

/**
 * A template read: its proposals and the office it is from (its "Förvaltning:" line, else whom it was sent to) — or why not, with the table to show
 * (`ask`) when there is one but the reader cannot tell where its proposals are.
 */
export type MallReading = { ok: true; recipient: string; proposals: MallProposal[]; answer?: FormAnswer } | { ok: false; error: string; ask?: TablePreview };

/**
 * The office a filled-in form names on its "Förvaltning:" line, as the office wrote it; '' when
 * the line is missing or still blank (dots, underscores).
 */
export function officeOfForm(paragraphs: readonly string[]): string {
  for (const text of paragraphs) {
    const match = /^\s*Förvaltning\s*[:：]\s*(.*)$/iu.exec(text);
    const office = match?.[1]!.replace(/[.…_\s]+$/u, '').replace(/^[.…_\s]+/u, '').replace(/\s+/g, ' ').trim() ?? '';
    if (/\p{L}/u.test(office)) return office;
  }
  return '';
}

/** Where the proposals are, by layout key, as the user pointed out for earlier files. */
export type PointedLayouts = Readonly<Record<string, number>>;

/** Read a filled-in template (.docx or .odt bytes): its proposals — or a follow-up form's answer — and who it was sent to. */
export async function readFilledMall(bytes: Uint8Array | ArrayBuffer | Blob, layouts: PointedLayouts = {}): Promise<MallReading> {
  let zip: SafeZip;
  try {
    zip = await openZip(bytes);
  } catch (error) {
    return { ok: false, error: error instanceof ZipTooLarge ? error.message : 'Filen är inte en Word-fil (.docx) som går att öppna.' };
  }
  try {
    const main = await zip.text('word/document.xml');
    // An OpenDocument text (.odt) is read the same way; it carries no plan part.
    const odt = main === null ? await zip.text('content.xml') : null;
    if (main === null && odt === null) return { ok: false, error: 'Word-filen saknar sitt dokument (word/document.xml).' };
    const tables = main !== null ? tablesOfDocx(main, await zip.text('word/styles.xml')) : tablesOfOdt(odt!, await zip.text('styles.xml'));
    const paragraphs = main !== null ? paragraphTextsOfDocx(main) : paragraphTextsOfOdt(odt!);
    // A follow-up form sent out from Uppföljning: the office's answer, not proposals.
    let answer: FormAnswer | null;
    try {
      answer = answerOfTables(tables, paragraphs);
    } catch (error) {
      if (error instanceof RuleError) return { ok: false, error: error.message };
      throw error;
    }
    if (answer) return { ok: true, recipient: officeOfForm(paragraphs), proposals: [], answer };
    const preview = previewOf(tables);
    const pointed = preview && layouts[preview.key] !== undefined ? { key: preview.key, column: layouts[preview.key]! } : undefined;
    const proposals = proposalsOfTables(tables, pointed);
    if (!proposals) {
      const error = preview ? `Hittar ingen kolumn ”${MALL_HEADERS[1]}” – peka ut kolumnen med förslagen.` : 'Hittar ingen tabell i filen – är det mallen att fylla i?';
      return { ok: false, error, ...(preview ? { ask: preview } : {}) };
    }
    const part = main !== null ? await readPlanPart(zip).catch(() => null) : null;
    // Who the office is: what the form says ("Förvaltning: …") before whom it was sent to.
    const office = officeOfForm(paragraphs);
    return { ok: true, recipient: office || part?.recipient || '', proposals };
  } catch (error) {
    if (error instanceof ZipTooLarge) return { ok: false, error: error.message };
    throw error;
  }
}
