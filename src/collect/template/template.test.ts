// @vitest-environment jsdom
// The template reader on files made by another program (issue 16): the region's own layout
// and three others, written as HTML and converted by LibreOffice to .docx and .odt.
import { beforeAll, describe, expect, it } from 'vitest';
import { convertHtml, type OfficeKind } from '../../../tests/fixtures/offices';
import { readFilledMall } from '../../export/docx/readMall';
import { createExampleDoc } from '../../domain/plan';
import { takeIn } from '../takeIn';
import type { TemplateProposal } from './interpret';

const HEADERS = ['Delområde', 'Solfjäders nuvarande aktiviteter som ska revideras', 'Prioriterade områden', 'Effektmål från genomförandeplanen', 'Indikator'];
const row = (cells: string[], tag = 'td') => `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;

const PAGES = {
  // The region's template ("Mall att fylla i Solfjädern 2025–2027"): one row per delområde,
  // the years as bold sub-headings in the Prioriterade områden cell, italics for extras.
  original: `<p><b>Mall att fylla i Solfjädern 2025–2027</b></p><table border="1">${row(HEADERS, 'th')}${row([
    'Nära vård',
    'Nuvarande aktivitet',
    '<p><b>2025</b></p><p>Fast läkarkontakt i hemsjukvården</p><p><i>Mobila team i glesbygd</i></p><p><b>2026:</b></p><p>Samordnad vårdplanering</p><p><b>Viktiga milstolpar 2027</b></p><p>Nära vård i alla kommuner</p>',
    'Effektmål',
    'Andel',
  ])}${row(['Prioritering', '', '<p><b>2025</b></p><p>Gemensamma prioriteringsprinciper</p>', '', ''])}${row([
    'Ledarskap/Kompetensförsörjning',
    '',
    '<p><b>2026</b></p><p>Chefsutveckling för första linjen</p>',
    '',
    '',
  ])}</table>`,
  // One column per year.
  perYear: `<table border="1">${row(['Delområde', '2025', '2026', '2027 (fyll i)'], 'th')}${row([
    'Digitalisering',
    '<p>Digitala vårdmöten</p><p><i>AI-stöd i journalen</i></p>',
    '<p>Egen provtagning hemma</p>',
    '',
  ])}</table>`,
  // The delområde as the first column, a sub-row per year.
  subRows: `<table border="1">${row(['Delområde', 'År', 'Prioriterade områden (fyll i)'], 'th')}<tr><td rowspan="2">Kvalitetsdriven verksamhetsutveckling</td><td>2025</td><td><p>Vårdförlopp i drift</p></td></tr><tr><td>2026</td><td><p>Uppföljning per enhet</p><p><i>Lärande nätverk</i></p></td></tr></table>`,
  // Soft line breaks and a bulleted list in one cell.
  lines: `<table border="1">${row(['Delområde', 'Prioriterade områden'], 'th')}${row([
    'Nära vård',
    '<p><b>2025</b></p><p>Rad ett<br>Rad två</p><ul><li>Punkt ett</li><li>Punkt två</li></ul><p>- Streck framför</p>',
  ])}</table>`,
};

const EXPECTED: Record<keyof typeof PAGES, Array<Pick<TemplateProposal, 'delomrade' | 'year' | 'text' | 'rank' | 'extra'>>> = {
  original: [
    { delomrade: 'Nära vård', year: 2025, text: 'Fast läkarkontakt i hemsjukvården', rank: 0, extra: false },
    { delomrade: 'Nära vård', year: 2025, text: 'Mobila team i glesbygd', rank: 1, extra: true },
    { delomrade: 'Nära vård', year: 2026, text: 'Samordnad vårdplanering', rank: 0, extra: false },
    { delomrade: 'Nära vård', year: 2027, text: 'Nära vård i alla kommuner', rank: 0, extra: false },
    { delomrade: 'Prioritering', year: 2025, text: 'Gemensamma prioriteringsprinciper', rank: 0, extra: false },
    { delomrade: 'Ledarskap/Kompetensförsörjning', year: 2026, text: 'Chefsutveckling för första linjen', rank: 0, extra: false },
  ],
  perYear: [
    { delomrade: 'Digitalisering', year: 2025, text: 'Digitala vårdmöten', rank: 0, extra: false },
    { delomrade: 'Digitalisering', year: 2025, text: 'AI-stöd i journalen', rank: 1, extra: true },
    { delomrade: 'Digitalisering', year: 2026, text: 'Egen provtagning hemma', rank: 0, extra: false },
  ],
  subRows: [
    { delomrade: 'Kvalitetsdriven verksamhetsutveckling', year: 2025, text: 'Vårdförlopp i drift', rank: 0, extra: false },
    { delomrade: 'Kvalitetsdriven verksamhetsutveckling', year: 2026, text: 'Uppföljning per enhet', rank: 0, extra: false },
    { delomrade: 'Kvalitetsdriven verksamhetsutveckling', year: 2026, text: 'Lärande nätverk', rank: 1, extra: true },
  ],
  lines: [
    { delomrade: 'Nära vård', year: 2025, text: 'Rad ett', rank: 0, extra: false },
    { delomrade: 'Nära vård', year: 2025, text: 'Rad två', rank: 1, extra: false },
    { delomrade: 'Nära vård', year: 2025, text: 'Punkt ett', rank: 2, extra: false },
    { delomrade: 'Nära vård', year: 2025, text: 'Punkt två', rank: 3, extra: false },
    { delomrade: 'Nära vård', year: 2025, text: 'Streck framför', rank: 4, extra: false },
  ],
};

let files: Record<string, Record<OfficeKind, Uint8Array>>;
beforeAll(() => {
  files = convertHtml(PAGES, ['docx', 'odt']);
}, 180_000);

describe('a template in another layout, saved by LibreOffice as .docx and as .odt', () => {
  for (const [name, kind] of (Object.keys(PAGES) as Array<keyof typeof PAGES>).flatMap((n) => (['docx', 'odt'] as const).map((k) => [n, k] as const))) {
    it(`${name} (.${kind}): every proposal with its delområde, year, place and extra mark`, async () => {
      const read = await readFilledMall(files[name]![kind]);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect(read.proposals.map(({ delomrade, year, text, rank, extra }) => ({ delomrade, year, text, rank, extra }))).toEqual(EXPECTED[name]);
    });
  }
});

describe('Samla in, given the region’s layout as .docx and .odt', () => {
  it('credits each proposal to the file (no plan part names an office), finds each delområde in the catalogue', async () => {
    const catalogue = createExampleDoc().plan.catalogue;
    const bytes = (data: Uint8Array, name: string) => ({ name, size: data.byteLength, arrayBuffer: async () => data.slice().buffer });
    const taken = await takeIn([bytes(files.original!.docx, 'Primärvården.docx'), bytes(files.original!.odt, 'Tandvården.odt')], catalogue);
    for (const [f, office] of [
      [taken[0]!, 'Primärvården'],
      [taken[1]!, 'Tandvården'],
    ] as const) {
      expect(f.error).toBeNull();
      expect(f.kalla).toBe(office);
      expect(f.inputs.map((i) => [i.delomradeId, i.year, i.text, i.extra, i.kalla])).toEqual([
        ['nara-vard', 2025, 'Fast läkarkontakt i hemsjukvården', false, office],
        ['nara-vard', 2025, 'Mobila team i glesbygd', true, office],
        ['nara-vard', 2026, 'Samordnad vårdplanering', false, office],
        ['nara-vard', 2027, 'Nära vård i alla kommuner', false, office],
        ['prioriteringar', 2025, 'Gemensamma prioriteringsprinciper', false, office],
        ['kompetensforsorjning', 2026, 'Chefsutveckling för första linjen', false, office],
      ]);
    }
  });
});
