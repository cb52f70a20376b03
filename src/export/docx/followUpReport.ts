// "Uppföljningsrapport": the yearly follow-up report as a Word document, in the structure of
// the region's own report — a summary, then per delområde "Koncernövergripande aktiviteter
// <period>", "Genomfört av utförare under <period>" and "Uppföljning" (the joint judgement and
// the indicators), every item's progress in one table, and the fan with its progress marks.
// A4 portrait, headings as Word headings (a navigable outline), nothing under 9 pt.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { type FollowUpReport, type ReportIndicator, type ReportItem, type ReportSection } from '../../domain/followUpReport';
import { JUDGEMENT_WORD, type Period, periodLabel, PROGRESS_MARK, PROGRESS_STATES, PROGRESS_WORD } from '../../domain/followup';
import { count } from '../../domain/plural';
import type { PlanDoc } from '../../domain/types';
import { indikatorText } from '../facts';
import { bodyCell, CELL_MARGINS, headerCell, itemRun, LANDSCAPE_A4, muted, pictureParagraph, plain, PORTRAIT_A4, PORTRAIT_TEXT_WIDTH, STYLES, swedishDate, swedishTime, TEXT_WIDTH, widths } from './common';
import { customProperties, type WordPicture } from './handlingsplan';

export interface ReportOptions {
  now?: Date;
}

const number = (value: number) => value.toLocaleString('sv-SE');
const day = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : swedishDate(date);
};

const heading1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, text });
const heading2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, text, keepNext: true });

function table(columnWidths: number[], headers: string[], rows: TableRow[]): Table {
  const width = columnWidths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: 'fixed',
    margins: CELL_MARGINS,
    rows: [new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => headerCell(h, columnWidths[i]!)) }), ...rows],
  });
}

/** "● Klar", or "Inte angivet". */
const stateText = (r: ReportItem) => (r.progress ? `${PROGRESS_MARK[r.progress.state]} ${PROGRESS_WORD[r.progress.state]}` : 'Inte angivet');

/** A comment's paragraphs, then who said it and when. */
function commentParagraphs(r: ReportItem): Paragraph[] {
  if (!r.progress) return [];
  const said = r.progress.source ? r.progress.source.kalla : r.progress.by;
  return [...r.progress.comment.split('\n\n').filter(Boolean).map((p) => plain(p)), muted(`${said}, ${day(r.progress.at)}`)];
}

function itemCell(r: ReportItem, where: boolean): Paragraph[] {
  return [
    new Paragraph({ children: [itemRun(r.item)] }),
    ...(where ? [muted(`${r.blade.name}, ${r.ring.label}`)] : []),
    ...(r.overdue ? [muted('Ringens år har passerat – inte klar')] : []),
  ];
}

function activities(items: ReportItem[], label: string): (Paragraph | Table)[] {
  if (items.length === 0) return [plain('Inga aktiviteter i solfjädern under delområdet.')];
  const w = widths(PORTRAIT_TEXT_WIDTH, [0.45, 0.17, 0.38]);
  return [
    table(w, ['Aktivitet', `Läge ${label}`, 'Kommentar'], items.map((r) => new TableRow({ cantSplit: true, children: [bodyCell(itemCell(r, true), w[0]!), bodyCell([plain(stateText(r))], w[1]!), bodyCell(commentParagraphs(r), w[2]!)] }))),
  ];
}

function performed(section: ReportSection): Paragraph[] {
  if (section.performed.length === 0) return [plain('Inga svar från utförarna om perioden ännu.')];
  return section.performed.flatMap((p) => [
    ...p.text.split('\n\n').map((text, i, all) => new Paragraph({ spacing: { after: i === all.length - 1 ? 0 : 80 }, children: [new TextRun(text)] })),
    muted(p.kalla ? `– ${p.kalla}` : '– utan angiven förvaltning', { spacing: { after: 160 } }),
  ]);
}

function values(indicator: ReportIndicator): Paragraph[] {
  const unit = indicator.item.indikator.unit ? ` ${indicator.item.indikator.unit}` : '';
  if (indicator.values.length === 0) return [muted('Inga uppmätta värden')];
  return indicator.values.map((m) => plain(`${m.date}: ${number(m.value)}${unit}${m.source ? ` (${m.source})` : ''}`, { spacing: { after: 0 } }));
}

function indicators(section: ReportSection): (Paragraph | Table)[] {
  if (section.indicators.length === 0) return [plain('Inga indikatorer är angivna för delområdets aktiviteter.')];
  const w = widths(PORTRAIT_TEXT_WIDTH, [0.42, 0.18, 0.4]);
  return [
    table(
      w,
      ['Indikator', 'Målvärde', 'Uppmätta värden'],
      section.indicators.map(
        (indicator) =>
          new TableRow({
            cantSplit: true,
            children: [
              bodyCell([plain(indicator.item.indikator.text || indikatorText(indicator.item.indikator)), muted(indicator.item.text)], w[0]!),
              bodyCell([plain(indicator.item.indikator.target === null ? '–' : `${number(indicator.item.indikator.target)}${indicator.item.indikator.unit ? ` ${indicator.item.indikator.unit}` : ''}`)], w[1]!),
              bodyCell(values(indicator), w[2]!),
            ],
          }),
      ),
    ),
  ];
}

function judgement(section: ReportSection): Paragraph[] {
  const j = section.judgement;
  if (!j) return [plain('Ingen samlad bedömning av indikatorerna ännu.')];
  return [
    new Paragraph({ children: [new TextRun({ text: 'Samlad bedömning: ', bold: true }), new TextRun(JUDGEMENT_WORD[j.judgement])] }),
    ...j.text.split('\n\n').filter(Boolean).map((p) => plain(p)),
    muted(`${j.by}, ${day(j.at)}`),
  ];
}

function sectionParts(section: ReportSection, label: string): (Paragraph | Table)[] {
  return [
    heading1(section.delomrade?.name ?? 'Övriga aktiviteter'),
    heading2(`Koncernövergripande aktiviteter ${label}`),
    ...activities(section.items, label),
    heading2(`Genomfört av utförare under ${label}`),
    ...performed(section),
    ...(section.delomrade ? [heading2('Uppföljning'), ...judgement(section), ...indicators(section)] : []),
  ];
}

function summaryParts(report: FollowUpReport, label: string): (Paragraph | Table)[] {
  const total = report.summary.length;
  const counted = PROGRESS_STATES.filter((s) => report.counts[s] > 0).map((s) => `${report.counts[s]} ${PROGRESS_WORD[s].toLowerCase()}`);
  const lines = [
    `Läget ${label} för solfjäderns ${count(total, 'aktivitet', 'aktiviteter')}: ${counted.length > 0 ? counted.join(', ') : 'inget läge angivet ännu'}${report.counts.none > 0 && counted.length > 0 ? `; ${report.counts.none} utan angivet läge` : ''}.`,
    ...(report.overdueCount > 0 ? [`${count(report.overdueCount, 'aktivitet', 'aktiviteter')} i ringar vars år har passerat är inte klara.`] : []),
  ];
  const c = report.comparison;
  if (c && report.previous) {
    lines.push(
      `Sedan ${periodLabel(report.previous)}: ${c.finished.length} blev klara, ${c.advanced.length} kom vidare och ${c.slipped.length} halkade efter.`,
    );
  }
  const w = widths(PORTRAIT_TEXT_WIDTH, [0.5, 0.5]);
  const judged = report.sections.filter((s) => s.delomrade);
  return [
    heading1('Sammanfattning'),
    ...lines.map((l) => plain(l)),
    ...(judged.length > 0
      ? [
          table(
            w,
            ['Delområde', 'Samlad bedömning av indikatorerna'],
            judged.map((s) => new TableRow({ cantSplit: true, children: [bodyCell([plain(s.delomrade!.name)], w[0]!), bodyCell([plain(s.judgement ? JUDGEMENT_WORD[s.judgement.judgement] : 'Inte bedömd')], w[1]!)] })),
          ),
        ]
      : []),
  ];
}

function overview(report: FollowUpReport, label: string): (Paragraph | Table)[] {
  const w = widths(PORTRAIT_TEXT_WIDTH, [0.46, 0.17, 0.37]);
  return [
    heading1('Sammanställning av läget'),
    plain(`Varje aktivitet i solfjädern med sitt läge ${label}, fokusområde för fokusområde och horisont för horisont.`),
    table(
      w,
      ['Aktivitet', `Läge ${label}`, 'Kommentar'],
      report.summary.map((r) => new TableRow({ cantSplit: true, children: [bodyCell(itemCell(r, true), w[0]!), bodyCell([plain(stateText(r))], w[1]!), bodyCell(commentParagraphs(r), w[2]!)] })),
    ),
  ];
}

/**
 * The fan at the landscape page's text width, one picture pixel to one pixel of paper: its 12 px
 * text prints at 9 pt. The marks' legend is drawn in the picture, under the fan (export/picture.ts).
 */
function fanParts(picture: WordPicture, doc: PlanDoc, label: string): Paragraph[] {
  const maxWidth = (TEXT_WIDTH / 1440) * 96;
  const scale = Math.min(1, maxWidth / picture.width);
  return [
    heading1(`Solfjädern med läget ${label}`),
    pictureParagraph(picture, { width: picture.width * scale, height: picture.height * scale }, {
      name: 'Solfjädern',
      title: `Solfjäder med läget ${label}: ${doc.plan.name}`,
      description: `Solfjädern med varje aktivitets läge ${label}. Sammanställningen av läget ovan listar samma aktiviteter.`,
    }),
  ];
}

function periodLine(period: Period): string {
  return `Period: ${periodLabel(period)}${period.closedAt ? `, stängd ${day(period.closedAt)}` : ', öppen (kan ännu ändras)'}`;
}

export async function buildFollowUpReport(doc: PlanDoc, report: FollowUpReport, picture: WordPicture | null, options: ReportOptions = {}): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const label = periodLabel(report.period);
  const title = `Uppföljning ${label}: ${doc.plan.name}`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
    plain('Rapport'),
    plain(`Datum: ${swedishDate(now)}`),
    plain(periodLine(report.period)),
    muted(`Exporterad ${swedishDate(now)} kl. ${swedishTime(now)} ur Solfjädern`),
    ...summaryParts(report, label),
    ...report.sections.flatMap((s) => sectionParts(s, label)),
    ...overview(report, label),
  ];
  const document = new Document({
    creator: 'Solfjädern',
    title,
    description: 'Uppföljningsrapport exporterad ur Solfjädern',
    styles: STYLES,
    customProperties: customProperties(doc, 'uppföljningsrapport', '', [{ name: 'Solfjädern period', value: report.period.id }]),
    // The text on A4 portrait like the region's report; the fan on an A4 landscape page of its own.
    sections: [{ properties: PORTRAIT_A4, children }, ...(picture ? [{ properties: LANDSCAPE_A4, children: fanParts(picture, doc, label) }] : [])],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
