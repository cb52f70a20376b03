// @vitest-environment jsdom
// The template reader on files made by another program (issue 16): the region's own layout
// and three others, written as HTML and converted by LibreOffice to .docx and .odt.
import { beforeAll, describe, expect, it } from 'vitest';
import { convertHtml, type OfficeKind } from '../../../tests/fixtures/offices';
import { readFilledMall } from './readMall';
import { createExampleDoc } from '../../domain/plan';
import { takeIn } from '../takeIn';
import { EXPECTED, PAGES, UNPLACED } from '../../../tests/fixtures/templateLayouts';

let files: Record<string, Record<OfficeKind, Uint8Array>>;
beforeAll(() => {
  files = convertHtml({ ...PAGES, unplaced: UNPLACED(['Idé ett', 'Idé två']), signed: `<p>Förvaltning: Skaraborgs Sjukhus</p>${PAGES.original}` }, ['docx', 'odt']);
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

describe('Samla in, given the form signed on its “Förvaltning:” line', () => {
  it('credits the proposals to the office the form names, not to the file’s name (.docx and .odt)', async () => {
    const catalogue = createExampleDoc().plan.catalogue;
    const bytes = (data: Uint8Array, name: string) => ({ name, size: data.byteLength, arrayBuffer: async () => data.slice().buffer });
    const taken = await takeIn([bytes(files.signed!.docx, 'Mall Skaraborgs Sjukhus ifylld.docx'), bytes(files.signed!.odt, 'Mall Skaraborgs Sjukhus ifylld.odt')], catalogue);
    for (const f of taken) {
      expect(f.error).toBeNull();
      expect(f.kalla).toBe('Skaraborgs Sjukhus');
      expect(new Set(f.inputs.map((i) => i.kalla))).toEqual(new Set(['Skaraborgs Sjukhus']));
      expect(f.inputs).toHaveLength(6);
    }
  });
});

describe('a table the reader cannot place', () => {
  it('is shown to be pointed out; with the column pointed out, its proposals come in', async () => {
    const made = files;
    const first = await readFilledMall(made.unplaced!.docx);
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error).toBe('Hittar ingen kolumn ”Prioriterade områden” – peka ut kolumnen med förslagen.');
    expect(first.ask!.rows[0]).toEqual(['Område', 'Idéer', 'Kommentar']);
    expect(first.ask!.rows[1]).toEqual(['Nära vård', 'Idé ett\nIdé två', 'Från vår ledningsgrupp']);
    const again = await readFilledMall(made.unplaced!.docx, { [first.ask!.key]: 1 });
    expect(again).toMatchObject({ ok: true, proposals: [{ text: 'Idé ett', rank: 0 }, { text: 'Idé två', rank: 1 }] });
    // Another layout's choice does not apply.
    expect((await readFilledMall(made.unplaced!.docx, { 'annan|tabell': 1 })).ok).toBe(false);
  });
});
