// @vitest-environment jsdom
// Files that attack (issue 16): checked before anything is expanded or walked, each refused with
// its Swedish message — in the readers Importera and Samla in share — and nothing else affected.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { deepJson, wordWithPlanPart, zipBomb } from '../../tests/fixtures/attacks';
import { COLLECT_KINDS, takeIn, type FileLike } from '../collect/takeIn';
import { createExampleDoc } from '../domain/plan';
import { readPlanPart } from './planPart';
import { planToJson } from '../export/json';
import { readPlanFile } from '../schema/restore';
import { JSON_TOO_DEEP, MAX_JSON_DEPTH, nestsDeeperThan } from './jsonDepth';
import { openZip, ZIP_PART_CAP, ZIP_TOO_LARGE, ZipTooLarge } from './safeZip';

const file = (name: string, data: Uint8Array | string): FileLike => {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer };
};
const catalogue = createExampleDoc().plan.catalogue;

describe('a zip bomb', () => {
  it('whose directory declares 400 MB is refused before anything is expanded', async () => {
    const bomb = zipBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(openZip(bomb)).rejects.toBeInstanceOf(ZipTooLarge);
  });

  it('that declares one kilobyte is stopped as soon as what it expands to passes the cap', async () => {
    const zip = await openZip(zipBomb(ZIP_PART_CAP / (1024 * 1024) + 8, false));
    await expect(zip.text('word/document.xml')).rejects.toThrow(ZIP_TOO_LARGE);
  });

  it('an ordinary package reads as before', async () => {
    const z = new JSZip();
    z.file('word/document.xml', '<w:document>å ä ö</w:document>');
    const zip = await openZip(await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(zip.names).toEqual(['word/document.xml']);
    expect(await zip.text('word/document.xml')).toBe('<w:document>å ä ö</w:document>');
    expect(await zip.text('saknas.xml')).toBeNull();
  });
});

describe('JSON nested deeper than a plan', () => {
  it('is measured without parsing; strings and escapes do not count', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[\\"[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan(planToJson(createExampleDoc()))).toBe(false);
  });

  it('a 100,000-deep plan file gets its message, never a stack overflow', () => {
    const read = readPlanFile(deepJson());
    expect(read).toEqual({ ok: false, error: JSON_TOO_DEEP });
    expect(JSON_TOO_DEEP).toContain(String(MAX_JSON_DEPTH));
  });

  it('as the plan part of a Word file, the same', async () => {
    const part = await readPlanPart(await wordWithPlanPart(deepJson()));
    expect(readPlanFile(part!.planJson)).toEqual({ ok: false, error: JSON_TOO_DEEP });
  });
});

describe('Samla in, given files it cannot read', () => {
  it('names each for what it is and what to do; the readable file beside them still comes in', async () => {
    const plan = createExampleDoc();
    const files = [
      file('gammal.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])),
      file('utskrift.pdf', '%PDF-1.7\n%âãÏÓ'),
      file('foto.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
      file('tom.docx', new Uint8Array(0)),
      file('bomb.docx', new Uint8Array(zipBomb(400))),
      file('djup.json', deepJson()),
      file('djup-plan.docx', new Uint8Array(await wordWithPlanPart(deepJson()))),
      file('plan.json', planToJson(plan, new Date(), 'Förvaltning A')),
    ];
    const taken = await takeIn(files, catalogue);
    const said = Object.fromEntries(taken.map((f) => [f.name, f.error]));
    expect(said['gammal.doc']).toBe(`Det är en äldre Word-fil (.doc). Spara filen som .docx i Word och läs in den igen. ${COLLECT_KINDS}`);
    expect(said['utskrift.pdf']).toContain('Öppna originaldokumentet i Word, spara det som .docx och läs in det igen.');
    expect(said['foto.png']).toBe(`Det är en bild. ${COLLECT_KINDS}`);
    expect(said['tom.docx']).toBe(`Filen är tom. ${COLLECT_KINDS}`);
    expect(said['bomb.docx']).toBe(ZIP_TOO_LARGE);
    expect(said['djup.json']).toBe(JSON_TOO_DEEP);
    expect(said['djup-plan.docx']).toBe(JSON_TOO_DEEP);
    for (const f of taken.slice(0, -1)) expect(f.inputs).toEqual([]);
    expect(said['plan.json']).toBeNull();
    expect(taken.at(-1)!.inputs.length).toBeGreaterThan(0);
    // Never called JSON what was never JSON.
    for (const f of taken.slice(0, 5)) expect(f.error).not.toContain('JSON');
  });

  it('never calls a text, RTF or spreadsheet file bad JSON', async () => {
    const z = new JSZip();
    z.file('xl/workbook.xml', '<workbook/>');
    const taken = await takeIn(
      [
        file('anteckningar.txt', 'Våra förslag: fler vårdmöten'),
        file('mall.rtf', '{\\rtf1\\ansi Mall}'),
        file('sparad.rtf.json', '{\\rtf1\\ansi Mall}'),
        file('tabell.xlsx', await z.generateAsync({ type: 'uint8array' })),
      ],
      catalogue,
    );
    expect(taken.map((f) => f.error)).toEqual([
      `Filen är varken en mall eller en plan. ${COLLECT_KINDS}`,
      `Det är en RTF-fil. Spara filen som .docx i Word och läs in den igen. ${COLLECT_KINDS}`,
      `Det är en RTF-fil. Spara filen som .docx i Word och läs in den igen. ${COLLECT_KINDS}`,
      `Det är ett kalkylark eller en presentation, inte en mall eller en plan. ${COLLECT_KINDS}`,
    ]);
  });
});
