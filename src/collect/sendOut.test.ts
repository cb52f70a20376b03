// @vitest-environment jsdom
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fillIn } from '../../tests/fixtures/fillMall';
import { addItem } from '../domain/operations';
import { RuleError } from '../domain/rules';
import { planToJson } from '../export/json';
import { readPlanFile } from '../schema/restore';
import { createExampleDoc } from '../domain/plan';
import { recipientList, sendOutFiles, zipFiles } from './sendOut';
import { takeIn, type FileLike } from './takeIn';

const AT = new Date('2026-03-01T08:00:00.000Z');
const doc = createExampleDoc(AT);
const asFile = (name: string, data: Uint8Array): FileLike => ({ name, size: data.byteLength, arrayBuffer: async () => data.slice().buffer });

describe('Skicka ut', () => {
  it('cleans the recipient list and refuses an empty or overlong one in Swedish', () => {
    expect(recipientList([' NU-sjukvården ', '', 'nu-sjukvården', 'Regionhälsan', '  Skaraborgs   Sjukhus'])).toEqual(['NU-sjukvården', 'Regionhälsan', 'Skaraborgs Sjukhus']);
    expect(() => recipientList(['  ', ''])).toThrow(new RuleError('Välj eller skriv minst en mottagare.'));
    expect(() => recipientList(['x'.repeat(201)])).toThrow(/för långt/);
  });

  it('makes a template and a JSON file per recipient, and what comes back says who it came from', async () => {
    const files = await sendOutFiles(doc, ['NU-sjukvården', 'Regionhälsan'], ['mall', 'json'], AT);
    expect(files.map((f) => f.name)).toEqual([
      `${doc.plan.name} – mall – NU-sjukvården.docx`,
      `${doc.plan.name} – inspel – NU-sjukvården.json`,
      `${doc.plan.name} – mall – Regionhälsan.docx`,
      `${doc.plan.name} – inspel – Regionhälsan.json`,
    ]);
    const json = JSON.parse(new TextDecoder().decode(files[1]!.bytes));
    expect(json).toMatchObject({ recipient: 'NU-sjukvården', items: [] });
    // The office fills the template in (and adds an item to the JSON file): both come back with their källa.
    const filled = await fillIn(files[2]!.bytes, { 'Nära vård': { 2026: ['Mobila närvårdsteam i alla kommuner'] } });
    json.items = [{ ...Object.values(doc.items).find((i) => i.cell)!, kalla: '', sources: [] }];
    const back = await takeIn(
      [asFile('ifylld.docx', filled), asFile('svar.json', new TextEncoder().encode(JSON.stringify(json)))],
      doc.plan.catalogue,
      AT,
    );
    expect(back.map((f) => [f.kalla, f.inputs.map((i) => [i.kalla, i.text])])).toEqual([
      ['Regionhälsan', [['Regionhälsan', 'Mobila närvårdsteam i alla kommuner']]],
      ['NU-sjukvården', [['NU-sjukvården', json.items[0].text]]],
    ]);
    await expect(sendOutFiles(doc, ['A'], [])).rejects.toThrow(RuleError);
  });

  it('a JSON file opened in Solfjädern at the office keeps its recipient: new items are theirs, and so is what goes back', async () => {
    const [sent] = await sendOutFiles(doc, ['Regionhälsan'], ['json'], AT);
    const opened = readPlanFile(new TextDecoder().decode(sent!.bytes));
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.doc.plan.recipient).toBe('Regionhälsan');
    const office = structuredClone(opened.doc);
    const id = addItem(office, { text: 'Hälsosamtal för alla 40-åringar', cell: { bladeId: office.plan.blades[1]!.id, ringId: office.plan.rings[0]!.id } });
    expect(office.items[id]!.kalla).toBe('Regionhälsan');
    // Left in Inspel it still comes back (without a year); struck it does not.
    addItem(office, { text: 'Träffpunkter för äldre', delomraden: ['nara-vard'] });
    const struck = addItem(office, { text: 'Strukits på mötet' });
    office.items[struck]!.status = 'stryks';
    const back = planToJson(office, AT);
    expect(JSON.parse(back)).toMatchObject({ recipient: 'Regionhälsan', plan: expect.not.objectContaining({ recipient: expect.anything() }) });
    const [taken] = await takeIn([asFile('Solfjädern.json', new TextEncoder().encode(back))], doc.plan.catalogue, AT);
    expect(taken!.inputs.map((i) => [i.kalla, i.text, i.year, i.delomradeId])).toEqual([
      ['Regionhälsan', 'Hälsosamtal för alla 40-åringar', 2025, null],
      ['Regionhälsan', 'Träffpunkter för äldre', null, 'nara-vard'],
    ]);
  });

  it('packs every file into one zip', async () => {
    const files = await sendOutFiles(doc, ['Primärvården'], ['json'], AT);
    const zip = await JSZip.loadAsync(await zipFiles(files));
    expect(Object.keys(zip.files)).toEqual([files[0]!.name]);
    expect(await zip.file(files[0]!.name)!.async('string')).toContain('"recipient": "Primärvården"');
  });
});
