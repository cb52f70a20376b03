// @vitest-environment jsdom
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createExampleDoc } from '../../domain/plan';
import { buildMall } from '../../export/docx/mall';
import { fillIn } from '../../../tests/fixtures/fillMall';
import { officeOfForm, proposalsFromDocumentXml, readFilledMall } from './readMall';
import { takeIn } from '../takeIn';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const AT = new Date('2026-11-22T10:00:00.000Z');

describe('reading a filled-in template', () => {
  it('turns each written line of a Prioriterade områden cell into a proposal for its delområde and year, italics extra', async () => {
    const mall = await buildMall(createExampleDoc(AT), { now: AT, recipient: 'NU-sjukvården' });
    const filled = await fillIn(mall, {
      'Nära vård': {
        2025: ['Fler patientgrupper i nära vård', '- Digitala vårdmöten i primärvården', 'Mobila team', { italic: 'Hemsjukvård dygnet runt' }],
        2027: ['1. Nära vård är självklar'],
      },
      Barnuppdraget: { 2026: ['Barnrättsbaserat arbetssätt'] },
    });
    const result = await readFilledMall(filled);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.recipient).toBe('NU-sjukvården');
    expect(result.proposals.map((p) => [p.delomrade, p.year, p.rank, p.text, p.extra])).toEqual([
      ['Nära vård', 2025, 0, 'Fler patientgrupper i nära vård', false],
      ['Nära vård', 2025, 1, 'Digitala vårdmöten i primärvården', false],
      ['Nära vård', 2025, 2, 'Mobila team', false],
      ['Nära vård', 2025, 3, 'Hemsjukvård dygnet runt', true],
      ['Nära vård', 2027, 0, 'Nära vård är självklar', false],
      ['Barnuppdraget', 2026, 0, 'Barnrättsbaserat arbetssätt', false],
    ]);
    expect(result.proposals[0]!.ringLabel).toBe('Viktiga milstolpar 2025');
  });

  it('reads an untouched template as no proposals, and names what it cannot read', async () => {
    const mall = await buildMall(createExampleDoc(AT), { now: AT });
    expect(await readFilledMall(mall)).toMatchObject({ ok: true, proposals: [] });
    expect(await readFilledMall(new TextEncoder().encode('inte en zip'))).toEqual({ ok: false, error: 'Filen är inte en Word-fil (.docx) som går att öppna.' });
    const other = new JSZip();
    other.file('word/document.xml', `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Brev</w:t></w:r></w:p></w:body></w:document>`);
    expect(await readFilledMall(await other.generateAsync({ type: 'uint8array' }))).toEqual({
      ok: false,
      error: 'Hittar ingen tabell i filen – är det mallen att fylla i?',
    });
    expect(proposalsFromDocumentXml(`<w:document xmlns:w="${W}"/>`)).toBeNull();
  });

  it('names the office by what the form says (“Förvaltning: …”) before whom it was sent to and the file’s name', async () => {
    expect(officeOfForm(['Mall att fylla i', 'Förvaltning: NU-sjukvården'])).toBe('NU-sjukvården');
    expect(officeOfForm(['förvaltning:Skaraborgs  Sjukhus ……'])).toBe('Skaraborgs Sjukhus');
    expect(officeOfForm(['Förvaltning: ……………………………………………', 'Förvaltning: ____'])).toBe('');
    expect(officeOfForm(['Förvaltningens namn'])).toBe('');
    // A blank template, the office's name written on its line, saved under another name.
    const blank = await buildMall(createExampleDoc(AT), { now: AT });
    const filled = await fillIn(blank, { 'Nära vård': { 2025: ['Mobila team'] } });
    const zip = await JSZip.loadAsync(filled);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/Förvaltning: …/);
    zip.file('word/document.xml', xml.replace(/Förvaltning: …+/, 'Förvaltning: NU-sjukvården'));
    const signed = await zip.generateAsync({ type: 'uint8array' });
    expect(await readFilledMall(signed)).toMatchObject({ ok: true, recipient: 'NU-sjukvården' });
    const file = { name: 'Mall NU-sjukvården ifylld.docx', size: signed.byteLength, arrayBuffer: async () => signed.slice().buffer };
    const [taken] = await takeIn([file], createExampleDoc(AT).plan.catalogue);
    expect(taken!.kalla).toBe('NU-sjukvården');
    expect(taken!.inputs.map((i) => i.kalla)).toEqual(['NU-sjukvården']);
    // Unsigned: the file's name, as before.
    const [unsigned] = await takeIn([{ ...file, arrayBuffer: async () => filled.slice().buffer }], createExampleDoc(AT).plan.catalogue);
    expect(unsigned!.kalla).toBe('Mall NU-sjukvården ifylld');
  });
});
