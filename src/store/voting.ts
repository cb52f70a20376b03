// "Prioritera": the open plan's dot voting, kept in the plan's document (not in its file):
// each dot is its own entry, so in a room everyone places dots on their own device at the same
// time and every dot counts; alone, participants take turns on one device. Each change is one
// undoable step of this window, stored like any change of the plan.
import * as Y from 'yjs';
import { create } from 'zustand';
import { itemsIn } from '../domain/containers';
import { newId } from '../domain/ids';
import * as ops from '../domain/operations';
import type { CellRef } from '../domain/types';
import * as voting from '../domain/voting';
import * as repo from '../db/repository';
import { readSide } from '../db/sideLog';
import { readVoting } from '../ydoc/read';
import { MIGRATE } from '../ydoc/origins';
import { dotMap, votingMap } from '../ydoc/shape';
import { rememberedAuthor } from './author';
import { commit, notify, obeyingRules, undoIfLast, useEditor } from './editor';
import { change as changeDocument, currentYDoc } from './openDoc';
import { commitWrite } from './planEditor';
import type { Step } from './history';
import { useRoom } from './roomState';

/** This window's part of Prioritera; the dots themselves are the plan's (`useEditor`'s `voting`, read by its binding). */
interface VotingState {
  /** The plan whose dots kept the old way have been brought into its document (once per plan). */
  planId: string | null;
  /** Whose turn it is, or null between turns (alone at one device). */
  participant: string | null;
}

export const useVoting = create<VotingState>(() => ({ planId: null, participant: null }));

const isVoting = (row: unknown): row is voting.Voting =>
  typeof row === 'object' && row !== null && typeof (row as voting.Voting).dots === 'number' && Array.isArray((row as voting.Voting).votes);

/**
 * Open Prioritera on a plan (once per plan): dots kept the old way come into its document, and
 * what of its dots cannot be read is said. The dots themselves reach the panel through the
 * plan's binding (`useEditor`'s `voting`), from this window and from everyone else alike.
 */
export async function loadVoting(planId: string): Promise<void> {
  if (useVoting.getState().planId === planId) return;
  const ydoc = currentYDoc();
  if (!ydoc || useEditor.getState().doc?.plan.id !== planId) return;
  if (dotMap(ydoc).size === 0 && !votingMap(ydoc).has('dots')) {
    const logged = readSide('voting', planId);
    const row = isVoting(logged) ? logged : await repo.loadVoting(planId).catch(() => null);
    if (row && currentYDoc() === ydoc) {
      // A version before the dots moved into the plan's document kept them in a row of their own.
      changeDocument(MIGRATE, () => {
        votingMap(ydoc).set('dots', row.dots);
        row.votes.forEach((v, i) => dotMap(ydoc).set(newId(), { participant: v.participant, itemId: v.itemId, at: new Date(i).toISOString() }));
      });
    }
  }
  const notes: string[] = [];
  readVoting(ydoc, notes);
  useVoting.setState({ planId, participant: null });
  if (notes.length > 0) notify('error', notes.join(' '));
}

/** In a room everyone votes as themselves on their own device; alone, whoever's turn it is. */
export function voter(): string | null {
  const inRoom = useRoom.getState().status !== 'off' && useRoom.getState().status !== 'refused';
  return inRoom ? voting.participantName(rememberedAuthor() || 'Gäst') : useVoting.getState().participant;
}

/** Dot entries of the document in the order placed: [id, participant, itemId]. */
function dotEntries(ydoc: Y.Doc): Array<{ id: string; participant: string; itemId: string; at: string }> {
  const out: Array<{ id: string; participant: string; itemId: string; at: string }> = [];
  dotMap(ydoc).forEach((value, id) => {
    const v = value as { participant?: unknown; itemId?: unknown; at?: unknown };
    if (v && typeof v.participant === 'string' && typeof v.itemId === 'string') out.push({ id, participant: v.participant, itemId: v.itemId, at: typeof v.at === 'string' ? v.at : '' });
  });
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** A change of the dots as one undoable step; a broken rule is shown in Swedish and changes nothing. */
function vote(label: string, check: (current: voting.Voting) => unknown, write: (ydoc: Y.Doc) => void): Step | null {
  const { planId } = useVoting.getState();
  const { doc, voting: current } = useEditor.getState();
  if (!planId || doc?.plan.id !== planId) return null;
  if (obeyingRules(() => check(current) ?? true) === undefined) return null;
  return commitWrite(label, write);
}

const same = (a: string, b: string) => a.toLocaleLowerCase('sv') === b.toLocaleLowerCase('sv');

export const setDots = (dots: number) =>
  vote(
    'Antal prickar',
    (v) => voting.setDots(v, dots),
    (ydoc) => votingMap(ydoc).set('dots', dots),
  ) !== null;

export function startTurn(name: string): boolean {
  const participant = obeyingRules(() => voting.participantName(name));
  if (participant === undefined) return false;
  useVoting.setState({ participant });
  return true;
}

export const endTurn = () => useVoting.setState({ participant: null });

export function giveDot(itemId: string): boolean {
  const participant = obeyingRules(voter);
  if (!participant) return false;
  return (
    vote(
      'Prick',
      (v) => voting.placeDot(v, participant, itemId),
      (ydoc) => dotMap(ydoc).set(newId(), { participant, itemId, at: new Date().toISOString() }),
    ) !== null
  );
}

export function takeBackDot(itemId: string): boolean {
  const participant = obeyingRules(voter);
  if (!participant) return false;
  const ydoc = currentYDoc();
  const last = ydoc ? dotEntries(ydoc).findLast((d) => d.itemId === itemId && same(d.participant, participant)) : undefined;
  if (!last) return false;
  return vote('Ta tillbaka prick', () => true, (doc) => dotMap(doc).delete(last.id)) !== null;
}

/** Start over: every dot removed; "Ångra" (or Ctrl+Z) brings them back. */
export function clearVotes(): void {
  const ydoc = currentYDoc();
  if (!ydoc || dotMap(ydoc).size === 0) return;
  const step = vote('Rensa prickar', () => true, (doc) => [...dotMap(doc).keys()].forEach((id) => dotMap(doc).delete(id)));
  useVoting.setState({ participant: null });
  if (step) notify('info', 'Alla prickar togs bort.', { label: 'Ångra', run: () => void undoIfLast(step) });
}

/** "Sortera efter röster": the list's items in the order of their dots, as one undoable step. */
export function sortByVotes(cell: CellRef | null, name: string): boolean {
  const doc = useEditor.getState().doc;
  if (!doc) return false;
  const ranked = voting.ranking(useEditor.getState().voting, itemsIn(doc, cell));
  const sorted = commit('Sortera efter röster', (d) => ranked.forEach(({ item }, i) => ops.moveItem(d, item.id, cell, i)));
  notify('info', sorted ? `${name} sorterades efter röster.` : `${name} står redan i röstordning.`);
  return sorted;
}
