// "Mall att fylla i": the template sent to the delområde owners and the offices — the
// instruction, then the four-column table with one row group per delområde.
import { Document, HeadingLevel, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { placedItems } from '../../domain/coverage';
import type { Delomrade, Item, PlanDoc } from '../../domain/types';
import { bodyCell, CELL_MARGINS, columns, headerCell, LANDSCAPE_A4, muted, plain, STYLES, TEXT_WIDTH } from './common';
import { customProperties, packWithPlan, titleBlock, type WordOptions } from './handlingsplan';

/** The template's column headers (DOMAIN.md, "The template (Word)"); issue 6 reads them back. */
export const MALL_HEADERS = [
  'Solfjäderns nuvarande aktiviteter som ska revideras',
  'Prioriterade områden',
  'Effektmål från genomförandeplanen',
  'Indikator',
] as const;

const GROUP_FILL = 'EEF1F5';
/** Empty lines to write in, per ring: room for the three (or five) most important areas. */
const EMPTY_LINES = 3;

export const INSTRUCTION = [
  'Ange för varje delområde de tre viktigaste prioriterade områdena för varje år – fem för Nära vård, som har vuxit sig stort.',
  'Skriv ett område per rad i kolumnen Prioriterade områden. Fler förslag än så skrivs i kursiv stil.',
  'Områdena ska vara övergripande men konkreta nog att hanteras som en aktivitet i KL HoS, i en koncernövergripande grupp och brytas ned per förvaltning.',
  'Kolumnen Solfjäderns nuvarande aktiviteter visar vad planen innehåller i dag, som underlag för er revidering.',
];

function currentActivities(items: Item[], doc: PlanDoc): Paragraph[] {
  if (items.length === 0) return [muted('Inga aktiviteter i solfjädern ännu.')];
  const ringLabel = new Map(doc.plan.rings.map((r) => [r.id, r.label]));
  return items.map(
    (item) =>
      new Paragraph({
        spacing: { after: 40 },
        children: [new TextRun({ text: `${ringLabel.get(item.cell!.ringId) ?? ''}: `, bold: true }), new TextRun({ text: item.text, italics: item.extra })],
      }),
  );
}

function goals(delomrade: Delomrade | null): Paragraph[] {
  if (!delomrade) return [muted('–')];
  const part = (sikt: 'kort' | 'lang', label: string) => {
    const list = delomrade.effektmal.filter((g) => g.sikt === sikt);
    return list.length === 0
      ? []
      : [new Paragraph({ children: [new TextRun({ text: label, bold: true })], spacing: { after: 20 } }), ...list.map((g) => plain(`– ${g.text}`, { spacing: { after: 20 } }))];
  };
  return [...part('kort', 'På kortare sikt'), ...part('lang', 'På längre sikt')];
}

function group(doc: PlanDoc, name: string, delomrade: Delomrade | null, items: Item[], widths: number[]): TableRow[] {
  const rings = doc.plan.rings;
  const [w1, w2, w3, w4] = widths as [number, number, number, number];
  const title = new TableRow({
    cantSplit: true,
    keepNext: true,
    children: [bodyCell([new Paragraph({ children: [new TextRun({ text: name, bold: true, size: 24 })] })], TEXT_WIDTH, { columnSpan: 4, fill: GROUP_FILL })],
  });
  const rows = rings.map((ring, i) => {
    const write = [new Paragraph({ children: [new TextRun({ text: ring.label, bold: true })] }), ...Array.from({ length: EMPTY_LINES }, () => new Paragraph(''))];
    return new TableRow({
      children: [
        ...(i === 0 ? [bodyCell(currentActivities(items, doc), w1, { rowSpan: rings.length })] : []),
        bodyCell(write, w2),
        ...(i === 0 ? [bodyCell(goals(delomrade), w3, { rowSpan: rings.length })] : []),
        bodyCell([], w4),
      ],
    });
  });
  return [title, ...rows];
}

export async function buildMall(doc: PlanDoc, options: WordOptions = {}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const recipient = options.recipient ?? doc.plan.recipient ?? '';
  const widths = columns(0.28, 0.3, 0.27, 0.15);
  const placed = placedItems(doc);
  const groups = doc.plan.catalogue.delomraden.flatMap((d) => group(doc, d.name, d, placed.filter((item) => item.delomraden.includes(d.id)), widths));
  const known = new Set(doc.plan.catalogue.delomraden.map((d) => d.id));
  const without = placed.filter((item) => !item.delomraden.some((id) => known.has(id)));
  if (without.length > 0) groups.push(...group(doc, 'Övrigt (utan delområde)', null, without, widths));
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: 'fixed',
    margins: CELL_MARGINS,
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: MALL_HEADERS.map((h, i) => headerCell(h, widths[i]!)) }), ...groups],
  });
  const document = new Document({
    creator: 'Solfjädern',
    title: `Mall att fylla i: ${doc.plan.name}`,
    description: 'Mall att fylla i, exporterad ur Solfjädern',
    styles: STYLES,
    customProperties: customProperties(doc, 'mall', recipient),
    sections: [
      {
        properties: LANDSCAPE_A4,
        children: [
          ...titleBlock(doc, 'Mall att fylla i', now, options.version ?? 'Arbetsversion'),
          plain(`Förvaltning: ${recipient || '……………………………………………'}`),
          plain('Kontaktperson: ……………………………………………'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Instruktion' }),
          ...INSTRUCTION.map((text) => plain(text)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Prioriterade områden per delområde' }),
          table,
        ],
      },
    ],
  });
  return packWithPlan(document, doc, 'mall', now, recipient);
}
