// "Prioritera": the open plan's dot voting. Kept beside the plan (not in its history or its
// file): each change is written to IndexedDB at once, so a reload mid-workshop loses nothing.
import { restoreVotes } from '../schema/sideRecords';
import { create } from 'zustand';
import { itemsIn } from '../domain/containers';
import * as ops from '../domain/operations';
import type { CellRef } from '../domain/types';
import * as voting from '../domain/voting';
import * as repo from '../db/repository';
import { readSide, writeSide } from '../db/sideLog';
import { commit, notify, obeyingRules, pushSideStep, undoIfLast, useEditor } from './editor';
import type { Step } from './history';

interface VotingState {
  planId: string | null;
  voting: voting.Voting;
  /** Whose turn it is, or null between turns. */
  participant: string | null;
}

export const useVoting = create<VotingState>(() => ({ planId: null, voting: voting.NEW_VOTING, participant: null }));

const isVoting = (row: unknown): row is voting.Voting =>
  typeof row === 'object' && row !== null && typeof (row as voting.Voting).dots === 'number' && Array.isArray((row as voting.Voting).votes);

/** Read the plan's voting (once per plan); a change logged but not yet written wins. */
export async function loadVoting(planId: string): Promise<void> {
  if (useVoting.getState().planId === planId) return;
  const logged = readSide('voting', planId);
  const notes: string[] = [];
  const row = restoreVotes(isVoting(logged) ? logged : await repo.loadVoting(planId).catch(() => null), notes);
  useVoting.setState({ planId, voting: row ?? voting.NEW_VOTING, participant: null });
  if (notes.length > 0) notify('error', notes.join(' '));
  if (isVoting(logged)) write(planId, { dots: logged.dots, votes: logged.votes });
}

/** Store the voting: logged at once (a reload loses nothing), then written to IndexedDB. */
function write(planId: string, next: voting.Voting): void {
  writeSide('voting', planId, next, (row) => repo.saveVoting({ planId, ...row }), () => notify('error', 'Rösterna kunde inte sparas i webbläsaren.'));
}

/** Show and store a voting of this plan (no step: undo and redo use it). */
function set(planId: string, next: voting.Voting): void {
  if (useVoting.getState().planId !== planId) return;
  useVoting.setState({ voting: next });
  write(planId, next);
}

/** Apply a change as one undoable step; a broken rule is shown in Swedish and changes nothing. */
function change(label: string, recipe: (current: voting.Voting) => voting.Voting): Step | null {
  const { planId, voting: current } = useVoting.getState();
  if (!planId) return null;
  const next = obeyingRules(() => recipe(current));
  if (!next || next === current) return null;
  set(planId, next);
  return pushSideStep(label, { undo: () => set(planId, current), redo: () => set(planId, next) });
}

export const setDots = (dots: number) => change('Antal prickar', (v) => voting.setDots(v, dots)) !== null;

export function startTurn(name: string): boolean {
  const participant = obeyingRules(() => voting.participantName(name));
  if (participant === undefined) return false;
  useVoting.setState({ participant });
  return true;
}

export const endTurn = () => useVoting.setState({ participant: null });

export function giveDot(itemId: string): boolean {
  const { participant } = useVoting.getState();
  return participant !== null && change('Prick', (v) => voting.placeDot(v, participant, itemId)) !== null;
}

export function takeBackDot(itemId: string): boolean {
  const { participant } = useVoting.getState();
  return participant !== null && change('Ta tillbaka prick', (v) => voting.takeDot(v, participant, itemId)) !== null;
}

/** Start over: every dot removed; "Ångra" (or Ctrl+Z) brings them back. */
export function clearVotes(): void {
  if (useVoting.getState().voting.votes.length === 0) return;
  const step = change('Rensa prickar', (v) => ({ ...v, votes: [] }));
  useVoting.setState({ participant: null });
  if (step) notify('info', 'Alla prickar togs bort.', { label: 'Ångra', run: () => void undoIfLast(step) });
}

/** "Sortera efter röster": the list's items in the order of their dots, as one undoable step. */
export function sortByVotes(cell: CellRef | null, name: string): boolean {
  const doc = useEditor.getState().doc;
  if (!doc) return false;
  const ranked = voting.ranking(useVoting.getState().voting, itemsIn(doc, cell));
  const sorted = commit('Sortera efter röster', (d) => ranked.forEach(({ item }, i) => ops.moveItem(d, item.id, cell, i)));
  notify('info', sorted ? `${name} sorterades efter röster.` : `${name} står redan i röstordning.`);
  return sorted;
}
