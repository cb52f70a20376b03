// The files offices send back, built as they would be: templates made by the app and filled
// in line by line (some lines italic), plan files with a recipient, and two broken files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { createExampleDoc } from '../../src/domain/plan';
import type { Item, PlanDoc } from '../../src/domain/types';
import { buildMall } from '../../src/export/docx/mall';
import { planToJson } from '../../src/export/json';
import { fillIn, type Lines } from '../fixtures/fillMall';

// fillIn edits the template's XML with the DOM's parser, as in the unit tests.
const { window } = new JSDOM('');
Object.assign(globalThis, { DOMParser: window.DOMParser, XMLSerializer: window.XMLSerializer });

const pairs = JSON.parse(readFileSync(new URL('../fixtures/similarity-pairs.json', import.meta.url), 'utf8'));
export const SAME = pairs.same as Array<[string, string]>;
export const DIFFERENT = pairs.different as Array<[string, string]>;

const AT = new Date('2026-03-20T09:00:00.000Z');
const plan = createExampleDoc(AT);

/** A plan file sent to a recipient, come back with their proposals in the cells. */
function planFile(recipient: string, texts: string[]): string {
  const cell = { bladeId: plan.plan.blades[0]!.id, ringId: plan.plan.rings[1]!.id };
  const items: Record<string, Item> = {};
  texts.forEach((text, rank) => {
    const template = Object.values(plan.items)[0]!;
    items[`p${rank}`] = { ...template, id: `p${rank}`, text, kalla: '', delomraden: ['nara-vard'], sources: [], comments: [], cell, rank };
  });
  const doc: PlanDoc = { plan: plan.plan, items };
  return planToJson(doc, AT, recipient);
}

/** Every proposal in the files, with the office it must be credited to. */
export const PROPOSALS: Array<{ kalla: string; text: string }> = [];

export async function buildCollectFiles(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sf-collect-'));
  PROPOSALS.length = 0;
  const files: Array<[string, Uint8Array | string]> = [];
  const mall = async (name: string, recipient: string, lines: Lines) => {
    for (const years of Object.values(lines))
      for (const list of Object.values(years)) for (const line of list) PROPOSALS.push({ kalla: recipient, text: typeof line === 'string' ? line : line.italic });
    files.push([name, await fillIn(await buildMall(plan, { now: AT, recipient }), lines)]);
  };
  const json = (name: string, recipient: string, texts: string[]) => {
    texts.forEach((text) => PROPOSALS.push({ kalla: recipient, text }));
    files.push([name, planFile(recipient, texts)]);
  };
  await mall('NU-sjukvården.docx', 'NU-sjukvården', {
    'Nära vård': { 2026: [SAME[0]![0], DIFFERENT[0]![1]] },
    Digitalisering: { 2026: [SAME[2]![0]] },
  });
  await mall('SkaS ifylld.docx', 'Skaraborgs Sjukhus', {
    'Nära vård': { 2026: [SAME[0]![1], { italic: 'Mobila närvårdsteam i alla kommuner' }] },
    Digitalisering: { 2026: [DIFFERENT[1]![1]] },
  });
  await mall('Primärvården.docx', 'Primärvården', {
    Digitalisering: { 2025: [SAME[2]![1]] },
    Kompetensförsörjning: { 2027: [SAME[3]![0]] },
  });
  await mall('SÄS.docx', 'Södra Älvsborgs Sjukhus', {
    'Nära vård': { 2025: [SAME[4]![0]] },
    Kompetensförsörjning: { 2026: [DIFFERENT[2]![0]] },
  });
  await mall('SiV.docx', 'Sjukhusen i Väster', {
    'Nära vård': { 2025: [SAME[4]![1]] },
    Kompetensförsörjning: { 2026: [DIFFERENT[2]![1]] },
  });
  json('regionhalsan.json', 'Regionhälsan', [SAME[1]![0], DIFFERENT[3]![1]]);
  json('folktandvarden.json', 'Folktandvården', [SAME[1]![1], SAME[3]![1]]);
  files.push(['trasig.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])]);
  files.push(['anteckningar.json', '{"titel": "Inte en plan"}']);
  return files.map(([name, data]) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return path;
  });
}

/** A crafted template: one cell holding `count` alike lines (a file meant to overload the grouping). */
export async function buildAlikeLinesFile(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sf-alike-'));
  const lines = Array.from({ length: count }, (_, i) => `Förbättra tillgängligheten i vården för invånarna, del ${i + 1}`);
  const path = join(dir, 'likadana-rader.docx');
  writeFileSync(path, await fillIn(await buildMall(plan, { now: AT, recipient: 'Okänd avsändare' }), { 'Nära vård': { 2026: lines } }));
  return path;
}
