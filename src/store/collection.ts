// "Samla in": the open plan's collection. Kept beside the plan (not in its history or its
// file); every change is written to IndexedDB at once, and what removes or sets aside
// something offers "Ångra". Placing an entry in the fan is a plan change like any other.
import { restoreCollection } from '../schema/sideRecords';
import { create } from 'zustand';
import * as c from '../domain/collection';
import { newId } from '../domain/ids';
import * as ops from '../domain/operations';
import type { CellRef } from '../domain/types';
import * as repo from '../db/repository';
import type { FileLike } from '../collect/takeIn';
import type { TablePreview } from '../collect/template/interpret';
import { count } from '../domain/plural';
import { readSide, writeSide } from '../db/sideLog';
import { commit, commitFollowUp, notify, obeyingRules, pushSideStep, undoIfLast, useEditor } from './editor';
import type { AnswerTaken } from '../collect/followUpForm';

/** A file whose table the reader could not place: it waits for the user to point out its proposals (not stored). */
export interface Asking {
  id: string;
  file: FileLike;
  preview: TablePreview;
}

interface CollectionState {
  planId: string | null;
  collection: c.Collection;
  /** Files being read right now. */
  reading: number;
  asking: Asking[];
}

export const useCollection = create<CollectionState>(() => ({ planId: null, collection: c.NEW_COLLECTION, reading: 0, asking: [] }));

const isCollection = (row: unknown): row is c.Collection =>
  typeof row === 'object' && row !== null && Array.isArray((row as c.Collection).files) && Array.isArray((row as c.Collection).dismissed);

/** Read the plan's collection (once per plan); a change logged but not yet written wins. */
export async function loadCollection(planId: string): Promise<void> {
  if (useCollection.getState().planId === planId) return;
  const logged = readSide('collection', planId);
  const raw = isCollection(logged) ? logged : await repo.loadCollection(planId).catch(() => null);
  // Through the restore step: a damaged row is repaired and said, never a panel that cannot draw.
  const notes: string[] = [];
  const collection = restoreCollection(raw, notes);
  useCollection.setState({ planId, collection, asking: [] });
  if (notes.length > 0) notify('error', `Samla in öppnades, men delar av insamlingen kunde inte läsas som de var sparade: ${notes.join(' ')}`);
  if (isCollection(logged)) write(planId, collection);
}

/** Store the collection: logged at once (when small enough), then written to IndexedDB. */
function write(planId: string, collection: c.Collection): void {
  writeSide('collection', planId, collection, (row) => repo.saveCollection({ planId, ...row }), () => notify('error', 'Insamlingen kunde inte sparas i webbläsaren.'));
}

function save(planId: string, collection: c.Collection): void {
  if (useCollection.getState().planId !== planId) return;
  useCollection.setState({ collection });
  write(planId, collection);
}

/**
 * Apply a change as one undoable step (Ctrl+Z, like the plan); a broken rule is shown in
 * Swedish and changes nothing. `undoText` also says it in a notice with "Ångra".
 */
function change(label: string, recipe: (current: c.Collection) => c.Collection, undoText?: string): boolean {
  const { planId, collection: before } = useCollection.getState();
  if (!planId) return false;
  const next = obeyingRules(() => recipe(before));
  if (!next || next === before) return false;
  save(planId, next);
  const step = pushSideStep(label, { undo: () => save(planId, before), redo: () => save(planId, next) });
  if (undoText) notify('info', undoText, { label: 'Ångra', run: () => void undoIfLast(step) });
  return true;
}

/** Take in files (picked or dropped): each read into the collection, a broken one with its reason. */
export async function takeInFiles(files: readonly FileLike[]): Promise<void> {
  const { planId } = useCollection.getState();
  const doc = useEditor.getState().doc;
  if (!planId || !doc || files.length === 0) return;
  useCollection.setState((s) => ({ reading: s.reading + files.length }));
  try {
    const [{ takeIn, delomradeByName }, { takeAnswer }] = await Promise.all([import('../collect/takeIn'), import('../collect/followUpForm')]);
    const all = await takeIn(files, doc.plan.catalogue, new Date(), useCollection.getState().collection.layouts);
    // A table the reader cannot place waits for the user to point out its proposals.
    const asks = all.flatMap((f, i) => (f.ask ? [{ id: f.id, file: files[i]!, preview: f.ask }] : []));
    // Answers to a follow-up form go into the plan's follow-up, each file one undoable step.
    const answered = all.flatMap((f) => {
      if (!f.answer) return [];
      let taken: AnswerTaken | null = null;
      commitFollowUp(`Uppföljning från ${f.kalla}`, (draft, current) => {
        taken = takeAnswer(draft, current, f.answer!, { fileId: f.id, kalla: f.kalla, at: f.importedAt, delomradeByName });
      });
      return [answerText(f.kalla, taken, useEditor.getState().notice?.text ?? '')];
    });
    const read = all.filter((f) => !f.ask && !f.answer);
    if (read.length === 0 && asks.length === 0 && answered.length > 0) {
      notify(answered.some((a) => a.failed) ? 'error' : 'info', answered.map((a) => a.text).join(' '));
      return;
    }
    if (asks.length > 0 && useCollection.getState().planId === planId) useCollection.setState((s) => ({ asking: [...s.asking, ...asks] }));
    // The plan may have been switched while reading: the files belong to the plan they were dropped on.
    let repeated: c.CollectedFile[];
    if (useCollection.getState().planId !== planId) {
      const row = await repo.loadCollection(planId);
      const { planId: _p, ...stored } = row ?? { planId, ...c.NEW_COLLECTION };
      const added = c.addFiles(stored, read);
      repeated = added.repeated;
      await repo.saveCollection({ planId, ...added.collection });
    } else {
      const before = useCollection.getState().collection;
      const added = c.addFiles(before, read);
      repeated = added.repeated;
      if (added.collection !== before) {
        save(planId, added.collection);
        pushSideStep('Läs in filer', { undo: () => save(planId, before), redo: () => save(planId, added.collection) });
      }
    }
    const taken = read.filter((f) => !repeated.includes(f));
    const proposals = taken.reduce((n, f) => n + f.inputs.length, 0);
    const broken = taken.filter((f) => f.error).length;
    const parts = taken.length ? [`${count(taken.length - broken, 'fil', 'filer')} togs in med ${count(proposals, 'förslag', 'förslag')}.`] : asks.length ? [] : ['Inga nya filer.'];
    if (asks.length) parts.push(`${count(asks.length, 'fil', 'filer')} behöver din hjälp: peka ut kolumnen med förslagen under ”Var står förslagen?”.`);
    if (broken) parts.push(`${count(broken, 'fil', 'filer')} kunde inte läsas – se Filer.`);
    if (repeated.length) parts.push(`${count(repeated.length, 'fil', 'filer')} fanns redan i insamlingen och togs inte in igen.`);
    notify(broken || answered.some((a) => a.failed) ? 'error' : 'info', [...answered.map((a) => a.text), ...parts].join(' '));
  } finally {
    useCollection.setState((s) => ({ reading: s.reading - files.length }));
  }
}

/** What an answer to a follow-up form did, in a sentence ("Uppföljning 2025 från NU-sjukvården: 12 lägen …"). */
function answerText(kalla: string, taken: AnswerTaken | null, refusal: string): { text: string; failed: boolean } {
  if (!taken) return { text: `Svaret från ${kalla} togs inte in: ${refusal}`, failed: true };
  const parts = [`Uppföljning ${taken.period} från ${kalla}: ${count(taken.progress, 'läge', 'lägen')} och ${count(taken.performed, 'genomförd insats', 'genomförda insatser')} togs in.`];
  const list = (names: string[]) => names.slice(0, 3).map((n) => `”${n}”`).join(', ') + (names.length > 3 ? ` med flera` : '');
  if (taken.unknown.length) parts.push(`${count(taken.unknown.length, 'aktivitet', 'aktiviteter')} i svaret finns inte i planen: ${list(taken.unknown)}.`);
  if (taken.unread.length) parts.push(`Läget gick inte att läsa för ${list(taken.unread)} – skriv Ej påbörjad, Pågår, Klar, Försenad eller Avbruten.`);
  return { text: parts.join(' '), failed: taken.unknown.length > 0 || taken.unread.length > 0 };
}

/**
 * The user pointed out where a waiting file's proposals are: remembered for its layout (one
 * undoable step), and every waiting file of that layout is read again with it.
 */
export async function pointOutProposals(askId: string, column: number): Promise<void> {
  const { asking } = useCollection.getState();
  const ask = asking.find((a) => a.id === askId);
  if (!ask) return;
  change('Peka ut förslagens kolumn', (x) => c.pointLayout(x, ask.preview.key, column));
  const same = asking.filter((a) => a.preview.key === ask.preview.key);
  useCollection.setState((s) => ({ asking: s.asking.filter((a) => !same.includes(a)) }));
  await takeInFiles(same.map((a) => a.file));
}

/** Leave a waiting file out. */
export function dropAsking(askId: string): void {
  useCollection.setState((s) => ({ asking: s.asking.filter((a) => a.id !== askId) }));
}

export function removeFile(fileId: string): boolean {
  const file = useCollection.getState().collection.files.find((f) => f.id === fileId);
  return !!file && change('Ta bort fil', (x) => c.removeFile(x, fileId), `${file.name} togs bort ur insamlingen.`);
}

export const dismiss = (inputIds: readonly string[]) =>
  change('Avfärda förslag', (x) => c.dismiss(x, inputIds), inputIds.length === 1 ? 'Förslaget avfärdades.' : `${inputIds.length} förslag avfärdades.`);

export const undismiss = (inputId: string) => change('Ta tillbaka förslag', (x) => c.undismiss(x, inputId));

export const split = (inputIds: readonly string[]) => change('Dela upp grupp', (x) => c.split(x, inputIds), 'Gruppen delades upp.');

export const takeOut = (inputId: string) => change('Ta ut förslag', (x) => c.takeOut(x, inputId));

export const merge = (inputIds: readonly string[], text: string) => change('Slå ihop förslag', (x) => c.merge(x, inputIds, text, newId()));

export const setThreshold = (threshold: number) => change('Likhetsgräns', (x) => c.setThreshold(x, threshold));

/** Place an entry in a cell (or Inspel when null) as one undoable item that keeps its sources. */
export function placeEntry(entry: c.Entry, cell: CellRef | null, index?: number): string | null {
  const id = newId();
  const fields = { text: entry.text, cell, index, kalla: c.kallaOf(entry.offices), delomraden: c.delomradenOf(entry), sources: c.sourcesOf(entry) };
  return commit('Placera från Samla in', (d) => void ops.addItem(d, fields, id)) ? id : null;
}

/** The plan already has this: the entry's proposals become sources of that item (one undoable step). */
export function attachEntry(entry: c.Entry, itemId: string): boolean {
  const text = useEditor.getState().doc?.items[itemId]?.text;
  const done = commit('Lägg till källor', (d) => ops.addSources(d, itemId, c.sourcesOf(entry)));
  if (done) notify('info', `${count(entry.inputs.length, 'förslag', 'förslag')} lades till som källor till ”${text}”.`);
  return done;
}
