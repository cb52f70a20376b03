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

/** The plan's current activities of one ring for a delområde (extras in italics). */
function currentActivities(items: Item[], keepNext: boolean): Paragraph[] {
  if (items.length === 0) return [muted('–', { keepNext })];
  return items.map((item) => new Paragraph({ keepNext, spacing: { after: 40 }, children: [new TextRun({ text: item.text, italics: item.extra })] }));
}

function goals(delomrade: Delomrade | null, keepNext: boolean): Paragraph[] {
  if (!delomrade) return [muted('–', { keepNext })];
  const part = (sikt: 'kort' | 'lang', label: string) => {
    const list = delomrade.effektmal.filter((g) => g.sikt === sikt);
    return list.length === 0
      ? []
      : [
          new Paragraph({ keepNext, children: [new TextRun({ text: label, bold: true })], spacing: { after: 20 } }),
          ...list.map((g) => plain(`– ${g.text}`, { keepNext, spacing: { after: 20 } })),
        ];
  };
  return [...part('kort', 'På kortare sikt'), ...part('lang', 'På längre sikt')];
}

/**
 * One delområde's group as a table of its own: its title and the column headers (repeated
 * at the top of the next page if the group must break), then a row per ring with the plan's
 * current activities of that ring and room to write. Every paragraph but the last row's keeps
 * with the next, so a group stays on one page when it fits on one.
 */
function group(doc: PlanDoc, name: string, delomrade: Delomrade | null, items: Item[], widths: number[]): Table {
  const rings = doc.plan.rings;
  const [w1, w2, w3, w4] = widths as [number, number, number, number];
  const title = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [bodyCell([new Paragraph({ keepNext: true, children: [new TextRun({ text: name, bold: true, size: 24 })] })], TEXT_WIDTH, { columnSpan: 4, fill: GROUP_FILL })],
  });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: MALL_HEADERS.map((h, i) => headerCell(h, widths[i]!, true)) });
  const rows = rings.map((ring, i) => {
    const keepNext = i < rings.length - 1;
    const write = [
      new Paragraph({ keepNext, children: [new TextRun({ text: ring.label, bold: true })] }),
      ...Array.from({ length: EMPTY_LINES }, () => new Paragraph({ keepNext })),
    ];
    const current = items.filter((item) => item.cell?.ringId === ring.id);
    return new TableRow({
      cantSplit: true,
      children: [
        bodyCell(currentActivities(current, keepNext), w1),
        bodyCell(write, w2),
        ...(i === 0 ? [bodyCell(goals(delomrade, true), w3, { rowSpan: rings.length })] : []),
        bodyCell([], w4, { keepNext }),
      ],
    });
  });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: 'fixed', margins: CELL_MARGINS, rows: [title, header, ...rows] });
}

export async function buildMall(doc: PlanDoc, options: WordOptions = {}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const recipient = options.recipient ?? doc.plan.recipient ?? '';
  const widths = columns(0.28, 0.3, 0.27, 0.15);
  const placed = placedItems(doc);
  const groups = doc.plan.catalogue.delomraden.map((d) => group(doc, d.name, d, placed.filter((item) => item.delomraden.includes(d.id)), widths));
  const known = new Set(doc.plan.catalogue.delomraden.map((d) => d.id));
  const without = placed.filter((item) => !item.delomraden.some((id) => known.has(id)));
  if (without.length > 0) groups.push(group(doc, 'Övrigt (utan delområde)', null, without, widths));
  // A paragraph between tables: Word joins tables that touch.
  const tables = groups.flatMap((table, i) => (i === 0 ? [table] : [new Paragraph({ spacing: { after: 0 } }), table]));
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
          ...tables,
        ],
      },
    ],
  });
  return packWithPlan(document, doc, 'mall', now, recipient);
}
