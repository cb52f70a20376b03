// "Handlingsplan": the plan as a Word document — the fan as a picture, then per fokusområde
// a table with one row per ring, and the effektmål no activity serves yet.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { itemsIn } from '../../domain/containers';
import { reviewLabel } from '../../domain/review';
import { uncoveredEffektmal } from '../../domain/coverage';
import type { Blade, Item, PlanDoc } from '../../domain/types';
import type { FollowUp } from '../../domain/followup';
import { planToJson } from '../json';
import { FILE_VERSION } from '../../schema/version';
import { itemFacts, sourcesText } from '../facts';
import { A3_TEXT_HEIGHT, A3_TEXT_WIDTH, bodyCell, pictureParagraph, DESCRIPTION_STYLE, CELL_MARGINS, columns, headerCell, itemRun, LANDSCAPE_A3, LANDSCAPE_A4, muted, plain, STYLES, swedishDate, swedishTime, TEXT_WIDTH } from './common';
import { addPlanPart, type WordDocumentKind } from '../../files/planPart';

export interface WordPicture {
  svg: string;
  png: Uint8Array;
  width: number;
  height: number;
}

export interface WordOptions {
  now?: Date;
  /** The version line, e.g. a saved version's name; "Arbetsversion" by default. */
  version?: string;
  recipient?: string;
  /** The plan's follow-up (Uppföljning), carried with the plan inside the file: a file read back brings it too. */
  followUp?: FollowUp;
}

const SIKT = { kort: 'Kortare sikt', lang: 'Längre sikt' } as const;

/** Numbered items of one list: text (extras italic), description, then the follow-up facts. */
export function itemParagraphs(items: Item[], doc: PlanDoc): Paragraph[] {
  return items.flatMap((item, i) => {
    const facts = itemFacts(item, doc);
    const sources = sourcesText(item);
    // Where it stands in review: "✓ godkänd · ❝ 2 kommentarer".
    const marks = reviewLabel(item);
    return [
      new Paragraph({
        indent: { left: 360, hanging: 360 },
        spacing: { before: i === 0 ? 0 : 80, after: 0 },
        children: [new TextRun({ text: `${i + 1}.\t`, bold: true }), itemRun(item), ...(marks ? [new TextRun({ text: `  ${marks}`, bold: true, color: '4A4A4A' })] : [])],
        tabStops: [{ type: 'left', position: 360 }],
      }),
      // The description under the title, smaller and in grey: not a second title.
      ...(item.description ? [new Paragraph({ style: DESCRIPTION_STYLE, indent: { left: 360 }, spacing: { after: 0 }, children: [new TextRun(item.description)] })] : []),
      ...(facts ? [muted(facts, { indent: { left: 360 }, spacing: { after: 0 } })] : []),
      ...(sources ? [muted(sources, { indent: { left: 360 }, spacing: { after: 0 } })] : []),
    ];
  });
}

function bladeTable(doc: PlanDoc, blade: Blade): Table {
  const [ringWidth, itemsWidth] = columns(0.2, 0.8) as [number, number];
  const rows = doc.plan.rings.map((ring) => {
    const items = itemsIn(doc, { bladeId: blade.id, ringId: ring.id });
    // A ring's row stays on one page ("Viktiga milstolpar" / "2026" never part).
    return new TableRow({
      cantSplit: true,
      children: [
        bodyCell([new Paragraph({ children: [new TextRun({ text: ring.label, bold: true })] })], ringWidth),
        bodyCell(items.length > 0 ? itemParagraphs(items, doc) : [muted('Inga aktiviteter ännu.')], itemsWidth),
      ],
    });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [ringWidth, itemsWidth],
    layout: 'fixed',
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: [headerCell('Horisont', ringWidth), headerCell('Prioriterade aktiviteter i prioritetsordning', itemsWidth)] }),
      ...rows,
    ],
  });
}

function uncoveredSection(doc: PlanDoc): (Paragraph | Table)[] {
  const uncovered = uncoveredEffektmal(doc);
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Effektmål utan aktivitet' });
  if (uncovered.length === 0) return [heading, plain('Varje effektmål har minst en aktivitet i solfjädern.')];
  const widths = columns(0.25, 0.15, 0.6) as [number, number, number];
  return [
    heading,
    plain(`${uncovered.length} effektmål i genomförandeplanen har ännu ingen aktivitet i solfjädern.`),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: 'fixed',
    margins: CELL_MARGINS,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: [headerCell('Delområde', widths[0]), headerCell('Sikt', widths[1]), headerCell('Effektmål', widths[2])],
        }),
        ...uncovered.map(
          ({ delomrade, effektmal }) =>
            new TableRow({
              cantSplit: true,
              children: [
                bodyCell([plain(delomrade.name)], widths[0]),
                bodyCell([plain(SIKT[effektmal.sikt])], widths[1]),
                bodyCell([plain(effektmal.text)], widths[2]),
              ],
            }),
        ),
      ],
    }),
  ];
}

/** Room the title block and vision take above the fan on its page (twips). */
const TITLE_ROOM = 1440 * 2.1;

/**
 * The fan on its own A3 landscape page under the title, as wide as the page allows: the
 * picture is laid out 1,600 px wide (PICTURE_SIZE), so its smallest text (12 px) prints at
 * 8 pt or more.
 */
function fanParagraph(picture: WordPicture, doc: PlanDoc): Paragraph {
  const maxWidth = (A3_TEXT_WIDTH / 1440) * 96;
  const maxHeight = ((A3_TEXT_HEIGHT - TITLE_ROOM) / 1440) * 96;
  const scale = Math.min(maxWidth / picture.width, maxHeight / picture.height);
  return pictureParagraph(picture, { width: picture.width * scale, height: picture.height * scale }, {
    name: 'Solfjädern',
    title: `Solfjäder: ${doc.plan.name}`,
    description: `Solfjädern med fokusområdena ${doc.plan.blades.map((b) => b.name).join(', ')} och horisonterna ${doc.plan.rings.map((r) => r.label).join(', ')}.`,
  });
}

export function titleBlock(doc: PlanDoc, kind: string, now: Date, version: string): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, text: doc.plan.name }),
    plain(kind),
    plain(`Datum: ${swedishDate(now)}`),
    plain(`Version: ${version}, exporterad ${swedishDate(now)} kl. ${swedishTime(now)} ur Solfjädern`),
  ];
}

/** The document kind, plan id and recipient (and `more`) as custom properties (File → Properties in Word). */
export function customProperties(doc: PlanDoc, kind: string, recipient: string, more: Array<{ name: string; value: string }> = []) {
  return [
    { name: 'Solfjädern dokument', value: kind },
    { name: 'Solfjädern plan-id', value: doc.plan.id },
    { name: 'Solfjädern filformat', value: `solfjadern-plan ${FILE_VERSION}` },
    ...more,
    ...(recipient ? [{ name: 'Solfjädern mottagare', value: recipient }] : []),
  ];
}

/** Pack a document and put the plan inside it. */
export async function packWithPlan(document: Document, doc: PlanDoc, kind: WordDocumentKind, now: Date, recipient: string, followUp?: FollowUp): Promise<Uint8Array> {
  const bytes = await Packer.toArrayBuffer(document);
  return addPlanPart(bytes, {
    document: kind,
    planId: doc.plan.id,
    planName: doc.plan.name,
    fileVersion: FILE_VERSION,
    recipient,
    exportedAt: now.toISOString(),
    planJson: planToJson(doc, now, '', followUp),
  });
}

export async function buildHandlingsplan(doc: PlanDoc, picture: WordPicture | null, options: WordOptions = {}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const recipient = options.recipient ?? doc.plan.recipient ?? '';
  const inspel = itemsIn(doc, null);
  const title = [...titleBlock(doc, 'Handlingsplan', now, options.version ?? 'Arbetsversion'), ...(doc.plan.vision ? [plain(`Vision: ${doc.plan.vision}`)] : [])];
  const children: (Paragraph | Table)[] = [
    ...(picture ? [] : title),
    ...doc.plan.blades.flatMap((blade) => [new Paragraph({ heading: HeadingLevel.HEADING_1, text: blade.name }), bladeTable(doc, blade)]),
    ...(inspel.length > 0
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Inspel som inte är placerade' }),
          plain('Förslag som ännu inte har fått en plats i solfjädern.'),
          ...itemParagraphs(inspel, doc),
        ]
      : []),
    ...uncoveredSection(doc),
  ];
  const document = new Document({
    creator: 'Solfjädern',
    title: `Handlingsplan: ${doc.plan.name}`,
    description: 'Handlingsplan exporterad ur Solfjädern',
    styles: STYLES,
    customProperties: customProperties(doc, 'handlingsplan', recipient),
    // The title and the fan on an A3 landscape page of their own, then the tables on A4.
    sections: [...(picture ? [{ properties: LANDSCAPE_A3, children: [...title, fanParagraph(picture, doc)] }] : []), { properties: LANDSCAPE_A4, children }],
  });
  return packWithPlan(document, doc, 'handlingsplan', now, recipient, options.followUp);
}
