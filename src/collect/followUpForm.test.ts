// @vitest-environment jsdom
// The follow-up form: sent out per office with the items that concern it, filled in as an office
// would (in Word's XML, then re-saved by LibreOffice as .docx and .odt, or followed up in
// Solfjädern and saved as a plan file) and read back by Samla in with where it came from.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { resave, type OfficeKind } from '../../tests/fixtures/offices';
import { addPeriod, closePeriod, emptyFollowUp, type FollowUp, setProgress } from '../domain/followup';
import { createExampleDoc } from '../domain/plan';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { readPlanFile } from '../schema/restore';
import { planToJson } from '../export/json';
import { itemsConcerning, progressWord, takeAnswer } from './followUpForm';
import { sendOutFiles } from './sendOut';
import { delomradeByName, takeIn, type TakenFile } from './takeIn';

const AT = '2026-02-01T10:00:00.000Z';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const asFile = (data: Uint8Array, name: string) => ({ name, size: data.byteLength, arrayBuffer: async () => data.slice().buffer });

function setup() {
  const doc = createExampleDoc(new Date(AT));
  const placed = Object.values(doc.items).filter((i) => i.cell);
  // One item NU-sjukvården proposed, one every office carries out; the rest are KL HoS's.
  doc.items = { ...doc.items, [placed[0]!.id]: { ...placed[0]!, kalla: 'NU-sjukvården' }, [placed[5]!.id]: { ...placed[5]!, ansvarsniva: 'Varje förvaltning' } };
  const followUp = emptyFollowUp();
  addPeriod(followUp, '2025');
  setProgress(followUp, doc.items, { periodId: '2025', itemId: placed[5]!.id, state: 'pagar', comment: 'Startat i höstas', by: 'Anna', at: AT });
  return { doc, followUp, mine: doc.items[placed[0]!.id]!, everyone: doc.items[placed[5]!.id]! };
}

/** Fill in the form as Word would save it: the state and comment cells of each row, and what the office did. */
async function fillIn(bytes: Uint8Array, answers: Record<string, [string, string]>, performed: Record<string, string>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const dom = new DOMParser().parseFromString(xml, 'application/xml');
  const text = (el: Element) => [...el.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join('');
  const write = (cell: Element, value: string) => {
    for (const p of [...cell.getElementsByTagNameNS(W, 'p')]) p.remove();
    for (const line of value.split('\n')) {
      const p = dom.createElementNS(W, 'w:p');
      const r = dom.createElementNS(W, 'w:r');
      const t = dom.createElementNS(W, 'w:t');
      t.textContent = line;
      r.appendChild(t);
      p.appendChild(r);
      cell.appendChild(p);
    }
  };
  for (const row of [...dom.getElementsByTagNameNS(W, 'tr')]) {
    const cells = [...row.getElementsByTagNameNS(W, 'tc')];
    const first = cells[0] && cells[0].getElementsByTagNameNS(W, 'p')[0];
    const name = first ? text(first) : '';
    if (answers[name]) {
      write(cells[1]!, answers[name]![0]);
      write(cells[2]!, answers[name]![1]);
    }
    if (performed[name]) write(cells[1]!, performed[name]!);
  }
  zip.file('word/document.xml', new XMLSerializer().serializeToString(dom));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('the words an office writes for a state', () => {
  it('are read as people write them, marks too; anything else is not guessed', () => {
    expect(['Klar', 'klart', 'KLAR', '● Klar', 'Färdigt'].map(progressWord)).toEqual(['klar', 'klar', 'klar', 'klar', 'klar']);
    expect(['Pågår', 'pagar', 'Pågående'].map(progressWord)).toEqual(['pagar', 'pagar', 'pagar']);
    expect(['Ej påbörjad', 'inte påbörjat', 'Ej startad'].map(progressWord)).toEqual(['ej-paborjad', 'ej-paborjad', 'ej-paborjad']);
    expect(['Försenad', 'försenat', 'Avbruten', 'avbrutet'].map(progressWord)).toEqual(['forsenad', 'forsenad', 'avbruten', 'avbruten']);
    expect(['', 'kanske', 'Vet ej'].map(progressWord)).toEqual([null, null, null]);
  });
});

describe('who is asked about what', () => {
  it('an office gets the items it proposed and those every office carries out; without any, all', () => {
    const { doc, mine, everyone } = setup();
    expect(itemsConcerning(doc, 'nu-sjukvården').map((i) => i.id)).toEqual([mine.id, everyone.id]);
    expect(itemsConcerning(doc, 'Skaraborgs Sjukhus').map((i) => i.id)).toEqual([everyone.id]);
    const plain = createExampleDoc(new Date(AT));
    expect(itemsConcerning(plain, 'Skaraborgs Sjukhus')).toHaveLength(Object.values(plain.items).filter((i) => i.cell).length);
  });
});

let saved: Record<string, Record<OfficeKind, Uint8Array>>;
let filled: Uint8Array;
let world: ReturnType<typeof setup>;

beforeAll(async () => {
  world = setup();
  const [form] = await sendOutFiles(world.doc, ['NU-sjukvården'], ['mall'], new Date(AT), { followUp: world.followUp, period: world.followUp.periods['2025']! });
  expect(form!.name).toBe('KL HoS handlingsplan 2025–2027 (utkast) – uppföljning 2025 – NU-sjukvården.docx');
  filled = await fillIn(
    form!.bytes,
    { [world.mine.text]: ['Klart', 'Avtalet undertecknat i maj.'], [world.everyone.text]: ['Försenad', 'Väntar på upphandling.\nNytt beslut i mars.'] },
    { 'Nära vård': 'Mobila närsjukvårdsteam i alla kommuner.', Kompetensförsörjning: 'Chefsutbildning för första linjen.' },
  );
  saved = resave({ filled });
}, 180_000);

async function taken(bytes: Uint8Array, name: string): Promise<TakenFile> {
  const [file] = await takeIn([asFile(bytes, name)], world.doc.plan.catalogue, new Date(AT));
  return file!;
}

function apply(file: TakenFile, followUp: FollowUp, doc: PlanDoc = world.doc) {
  return takeAnswer(followUp, doc, file.answer!, { fileId: file.id, kalla: file.kalla, at: AT, delomradeByName });
}

describe('a follow-up form filled in and read back by Samla in', () => {
  for (const [label, bytes] of [
    ['as Word saved it (.docx)', () => filled],
    ['re-saved by LibreOffice (.docx)', () => saved.filled!.docx],
    ['re-saved by LibreOffice (.odt)', () => saved.filled!.odt],
  ] as const) {
    it(`${label}: each state and comment, credited to the office the form names; what it did under its delområde`, async () => {
      const file = await taken(bytes(), 'svar.bin'.replace('.bin', label.includes('odt') ? '.odt' : '.docx'));
      expect(file.error).toBeNull();
      expect(file.kalla).toBe('NU-sjukvården');
      expect(file.inputs).toEqual([]);
      const followUp = structuredClone(world.followUp);
      const result = apply(file, followUp);
      expect(result).toEqual({ period: '2025', progress: 2, performed: 2, unknown: [], unread: [] });
      const mine = followUp.progress[`2025|${world.mine.id}`]!;
      expect([mine.state, mine.comment, mine.by, mine.source]).toEqual(['klar', 'Avtalet undertecknat i maj.', 'NU-sjukvården', { inputId: file.id, kalla: 'NU-sjukvården' }]);
      expect(followUp.progress[`2025|${world.everyone.id}`]).toMatchObject({ state: 'forsenad', comment: 'Väntar på upphandling.\n\nNytt beslut i mars.' });
      expect(Object.values(followUp.performed).map((p) => [p.delomradeId, p.text, p.kalla, p.inputId])).toEqual([
        ['nara-vard', 'Mobila närsjukvårdsteam i alla kommuner.', 'NU-sjukvården', file.id],
        ['kompetensforsorjning', 'Chefsutbildning för första linjen.', 'NU-sjukvården', file.id],
      ]);
    });
  }

  it('names rows it cannot place or read, and a closed period refuses the whole answer', async () => {
    const file = await taken(filled, 'svar.docx');
    const renamed = { ...file, answer: { ...file.answer!, rows: [...file.answer!.rows, { itemId: null, text: 'En aktivitet som inte finns', where: '', word: 'Klar', comment: '' }, { itemId: null, text: world.mine.text, where: '', word: 'kanske', comment: 'Oklart' }] } };
    const result = apply(renamed, structuredClone(world.followUp));
    expect(result.unknown).toEqual(['En aktivitet som inte finns']);
    expect(result.unread).toEqual([world.mine.text]);
    const closed = structuredClone(world.followUp);
    closePeriod(closed, '2025', AT);
    expect(() => apply(file, closed)).toThrow(RuleError);
    expect(() => apply(file, closed)).toThrow('Perioden 2025 är stängd. Öppna den igen för att ta in svaren.');
  });
});

describe('a follow-up plan file, followed up in Solfjädern by the office', () => {
  it('carries the items that concern the office; its answer comes back with the office named', async () => {
    const { doc, followUp, mine } = world;
    const [json] = await sendOutFiles(doc, ['NU-sjukvården'], ['json'], new Date(AT), { followUp, period: followUp.periods['2025']! });
    const sent = readPlanFile(new TextDecoder().decode(json!.bytes));
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    expect(sent.recipient).toBe('NU-sjukvården');
    expect(Object.keys(sent.doc.items)).toHaveLength(2);
    // The office sets a state in its copy and saves the plan file.
    setProgress(sent.followUp, sent.doc.items, { periodId: '2025', itemId: mine.id, state: 'klar', comment: 'Klart', by: 'Eva på NU', at: AT });
    const file = await taken(new TextEncoder().encode(planToJson(sent.doc, new Date(AT), '', sent.followUp)), 'uppföljning.json');
    expect(file.kalla).toBe('NU-sjukvården');
    const result = apply(file, structuredClone(followUp));
    expect(result.progress).toBe(2);
    // A plan file that was not sent out for follow-up brings proposals, not answers.
    const own = await taken(new TextEncoder().encode(planToJson(doc, new Date(AT), '', followUp)), 'egen.json');
    expect(own.answer).toBeUndefined();
  });
});
