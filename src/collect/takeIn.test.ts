// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fillIn, type Lines } from '../../tests/fixtures/fillMall';
import { itemsIn } from '../domain/containers';
import { createExampleDoc } from '../domain/plan';
import { groupProposals } from '../domain/proposalGroups';
import { buildMall } from '../export/docx/mall';
import { planToJson } from '../export/json';
import { delomradeByName, takeIn, type FileLike } from './takeIn';

const AT = new Date('2026-11-22T10:00:00.000Z');
const plan = createExampleDoc(AT);
const catalogue = plan.plan.catalogue;

const file = (name: string, bytes: Uint8Array | string): FileLike => {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: data.byteLength, arrayBuffer: async () => data.slice().buffer };
};

async function mallFrom(recipient: string, lines: Lines): Promise<Uint8Array> {
  return fillIn(await buildMall(plan, { now: AT, recipient }), lines);
}

describe('Samla in: many files at once', () => {
  it('takes in templates and plan files, keeps each input\'s source, and lists a broken file with its reason', async () => {
    const files = [
      file('NU.docx', await mallFrom('NU-sjukvården', { 'Nära vård': { 2025: ['Fler patientgrupper omhändertas i nära vården', { italic: 'Mobila team i hela regionen' }] } })),
      file('SkaS.docx', await mallFrom('Skaraborgs Sjukhus', { 'Nära vård': { 2025: ['Fler patientgrupper ska omhändertas i nära vård'] } })),
      file('Primärvården.docx', await mallFrom('Primärvården', { Digitalisering: { 2026: ['Digitala vårdmöten införs i primärvården'] } })),
      file('Folktandvården.docx', await mallFrom('Folktandvården', { Digitalisering: { 2026: ['Införa digitala vårdmöten i primärvården'] } })),
      file('Utan mottagare.docx', await mallFrom('', { Barnuppdraget: { 2027: ['Barnrättsbaserat arbetssätt'] } })),
      file('Regionhälsan.json', planToJson({ ...plan, items: {} }, AT)),
      file('KL HoS.json', planToJson(plan, AT)),
      file('trasig.json', '{"format": "solfjadern-plan", "version": 4, "plan": '),
    ];
    const taken = await takeIn(files, catalogue, AT);
    expect(taken.map((f) => [f.name, f.kalla, f.inputs.length, f.error])).toEqual([
      ['NU.docx', 'NU-sjukvården', 2, null],
      ['SkaS.docx', 'Skaraborgs Sjukhus', 1, null],
      ['Primärvården.docx', 'Primärvården', 1, null],
      ['Folktandvården.docx', 'Folktandvården', 1, null],
      ['Utan mottagare.docx', 'Utan mottagare', 1, null],
      ['Regionhälsan.json', 'Regionhälsan', 0, null],
      ['KL HoS.json', 'KL HoS', Object.values(plan.items).filter((i) => i.cell).length, null],
      ['trasig.json', 'trasig', 0, expect.stringMatching(/JSON/)],
    ]);
    const nu = taken[0]!.inputs;
    expect(nu.map((i) => [i.text, i.kalla, i.delomradeId, i.year, i.rank, i.extra, i.fileId])).toEqual([
      ['Fler patientgrupper omhändertas i nära vården', 'NU-sjukvården', 'nara-vard', 2025, 0, false, taken[0]!.id],
      ['Mobila team i hela regionen', 'NU-sjukvården', 'nara-vard', 2025, 1, true, taken[0]!.id],
    ]);
    expect(taken.every((f) => f.importedAt === AT.toISOString())).toBe(true);
    // The plan file's items keep their own källa and ring year.
    const first = itemsIn(plan, { bladeId: 'nara-invanaren', ringId: 'r2025' })[0]!;
    expect(taken[6]!.inputs.find((i) => i.text === first.text)).toMatchObject({ kalla: 'KL HoS', year: 2025, delomradeId: 'nara-vard' });

    // Weighed together, the offices' wordings of one proposal form one group.
    const groups = groupProposals(taken.slice(0, 5).flatMap((f) => f.inputs));
    expect(groups[0]!.offices).toEqual(['NU-sjukvården', 'Skaraborgs Sjukhus']);
    expect(groups[1]!.offices).toEqual(['Primärvården', 'Folktandvården']);
  });

  it('names a file that is no template nor plan, and one that is too large', async () => {
    const taken = await takeIn([file('bild.png', 'PNG'), { name: 'stor.json', size: 21 * 1024 * 1024, arrayBuffer: async () => new ArrayBuffer(0) }], catalogue, AT);
    expect(taken.map((f) => f.error)).toEqual([expect.any(String), expect.stringMatching(/^Filen är för stor \([\d,]+ MB\)\. En fil får vara högst 20 MB\.$/)]);
  });

  it('finds the catalogue\'s delområde for a name as the template writes it', () => {
    expect(delomradeByName(catalogue, 'nära vård')).toBe('nara-vard');
    expect(delomradeByName(catalogue, 'Ledarskap/Kompetensförsörjning')).toBe('kompetensforsorjning');
    expect(delomradeByName(catalogue, 'Okänt')).toBeNull();
    expect(delomradeByName(catalogue, 'Prioritering')).toBe('prioriteringar');
    expect(delomradeByName(catalogue, 'DIGITALISERING:')).toBe('digitalisering');
    expect(delomradeByName(catalogue, 'Kvalitetsdriven verksamhets-utveckling')).toBe('kvalitetsdriven');
    expect(delomradeByName(catalogue, 'Ledarskap och kompetensförsörjning')).toBe('kompetensforsorjning');
  });
});
