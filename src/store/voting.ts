// "Prioritera": the open plan's dot voting. Kept beside the plan (not in its history or its
// file): each change is written to IndexedDB at once, so a reload mid-workshop loses nothing.
import { create } from 'zustand';
import { itemsIn } from '../domain/containers';
import * as ops from '../domain/operations';
import type { CellRef } from '../domain/types';
import * as voting from '../domain/voting';
import * as repo from '../db/repository';
import { commit, notify, obeyingRules, useEditor } from './editor';

interface VotingState {
  planId: string | null;
  voting: voting.Voting;
  /** Whose turn it is, or null between turns. */
  participant: string | null;
}

export const useVoting = create<VotingState>(() => ({ planId: null, voting: voting.NEW_VOTING, participant: null }));

/** Read the plan's voting (once per plan). */
export async function loadVoting(planId: string): Promise<void> {
  if (useVoting.getState().planId === planId) return;
  const row = await repo.loadVoting(planId).catch(() => null);
  useVoting.setState({ planId, voting: row ? { dots: row.dots, votes: row.votes } : voting.NEW_VOTING, participant: null });
}

/** Apply a change; a broken rule is shown in Swedish and changes nothing. */
function change(recipe: (current: voting.Voting) => voting.Voting): boolean {
  const { planId, voting: current } = useVoting.getState();
  if (!planId) return false;
  const next = obeyingRules(() => recipe(current));
  if (!next || next === current) return false;
  useVoting.setState({ voting: next });
  repo.saveVoting({ planId, ...next }).catch(() => notify('error', 'Rösterna kunde inte sparas i webbläsaren.'));
  return true;
}

export const setDots = (dots: number) => change((v) => voting.setDots(v, dots));

export function startTurn(name: string): boolean {
  const participant = obeyingRules(() => voting.participantName(name));
  if (participant === undefined) return false;
  useVoting.setState({ participant });
  return true;
}

export const endTurn = () => useVoting.setState({ participant: null });

export function giveDot(itemId: string): boolean {
  const { participant } = useVoting.getState();
  return participant !== null && change((v) => voting.placeDot(v, participant, itemId));
}

export function takeBackDot(itemId: string): boolean {
  const { participant } = useVoting.getState();
  return participant !== null && change((v) => voting.takeDot(v, participant, itemId));
}

/** Start over: every dot removed; "Ångra" brings them back. */
export function clearVotes(): void {
  const before = useVoting.getState().voting;
  if (before.votes.length === 0) return;
  change((v) => ({ ...v, votes: [] }));
  useVoting.setState({ participant: null });
  notify('info', 'Alla prickar togs bort.', { label: 'Ångra', run: () => void change(() => before) });
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
