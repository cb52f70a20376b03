// @vitest-environment jsdom
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createExampleDoc } from '../../domain/plan';
import { buildMall } from '../../export/docx/mall';
import { fillIn } from '../../../tests/fixtures/fillMall';
import { proposalsFromDocumentXml, readFilledMall } from './readMall';

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
});
