// The follow-up form sent to an office ("Skicka ut" → Uppföljning): its name on the
// "Förvaltning:" line, the period, then a table of the items that concern it — what is said of
// each so far, and room to write its state and a comment — and a table per delområde for what
// the office did. Read back by collect/followUpForm.ts (Samla in).
import { Document, HeadingLevel, Packer, Paragraph, Table, TableRow, TextRun, WidthType } from 'docx';
import { FOLLOW_UP_FORM as FORM, type FollowUp, type Period, periodLabel, PROGRESS_STATES, PROGRESS_WORD, progressOf } from '../../domain/followup';
import type { Item, PlanDoc } from '../../domain/types';
import { bodyCell, CELL_MARGINS, headerCell, LANDSCAPE_A4, muted, plain, STYLES, swedishDate, TEXT_WIDTH, widths } from './common';
import { customProperties } from './handlingsplan';

export const FORM_INSTRUCTION = (period: Period) => [
  `Ange läget för varje aktivitet ${periodLabel(period)} med ett av orden ${PROGRESS_STATES.map((s) => PROGRESS_WORD[s]).join(', ')}, och skriv gärna en kort kommentar.`,
  `Beskriv under ”${FORM.performed} under ${periodLabel(period)}” vad förvaltningen har genomfört inom varje delområde.`,
  'Spara filen (Word eller LibreOffice, .docx eller .odt) och skicka tillbaka den. Ändra inte aktiviteternas text: den visar vilken aktivitet svaret gäller.',
];

function where(doc: PlanDoc, item: Item): string {
  const blade = doc.plan.blades.find((b) => b.id === item.cell?.bladeId);
  const ring = doc.plan.rings.find((r) => r.id === item.cell?.ringId);
  return blade && ring ? `${blade.name}, ${ring.label}` : '';
}

export async function buildFollowUpForm(doc: PlanDoc, followUp: FollowUp, period: Period, recipient: string, items: readonly Item[], now = new Date()): Promise<Uint8Array> {
  const label = periodLabel(period);
  const [w1, w2, w3] = widths(TEXT_WIDTH, [0.45, 0.17, 0.38]) as [number, number, number];
  const progress = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [w1, w2, w3],
    layout: 'fixed',
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: [headerCell(FORM.activity, w1), headerCell(`${FORM.state} ${label}`, w2), headerCell(FORM.comment, w3)] }),
      ...items.map((item) => {
        const said = progressOf(followUp, period.id, item.id);
        return new TableRow({
          cantSplit: true,
          children: [
            bodyCell([new Paragraph({ children: [new TextRun(item.text)] }), muted(where(doc, item))], w1),
            bodyCell([plain(said ? PROGRESS_WORD[said.state] : '')], w2),
            bodyCell(said?.comment ? said.comment.split('\n\n').map((p) => plain(p)) : [plain('')], w3),
          ],
        });
      }),
    ],
  });
  const [a1, a2] = widths(TEXT_WIDTH, [0.3, 0.7]) as [number, number];
  const performed = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [a1, a2],
    layout: 'fixed',
    margins: CELL_MARGINS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: [headerCell(FORM.area, a1), headerCell(`${FORM.performed} under ${label}`, a2)] }),
      ...doc.plan.catalogue.delomraden.map((d) => new TableRow({ cantSplit: true, children: [bodyCell([plain(d.name)], a1), bodyCell([plain(''), plain('')], a2)] })),
    ],
  });
  const document = new Document({
    creator: 'Solfjädern',
    title: `Uppföljning ${label}: ${doc.plan.name}`,
    description: 'Uppföljningsformulär exporterat ur Solfjädern',
    styles: STYLES,
    customProperties: customProperties(doc, 'uppföljningsformulär', recipient, [{ name: 'Solfjädern period', value: period.id }]),
    sections: [
      {
        properties: LANDSCAPE_A4,
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: `Uppföljning ${label}: ${doc.plan.name}` }),
          plain(`Förvaltning: ${recipient || '……………………………………………'}`),
          plain(`Period: ${label}`),
          plain(`Datum: ${swedishDate(now)}`),
          plain('Kontaktperson: ……………………………………………'),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Instruktion' }),
          ...FORM_INSTRUCTION(period).map((t) => plain(t)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: `Läget ${label}` }),
          progress,
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${FORM.performed} under ${label}` }),
          performed,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
