// Dot voting ("Prioritera"): the facilitator gives each participant a number of dots;
// participants, taking turns on one device, place them on items (several on one item if they
// like). The dots rank the items; "Sortera efter röster" applies the ranking to a list.
import { RuleError } from './rules';
import type { Item } from './types';

export const MAX_DOTS = 20;
export const MAX_PARTICIPANT_LENGTH = 80;

/** One dot: who placed it on which item. */
export interface Dot {
  participant: string;
  itemId: string;
}

export interface Voting {
  /** Dots per participant. */
  dots: number;
  /** Every dot placed, in the order placed. */
  votes: Dot[];
}

export const NEW_VOTING: Voting = { dots: 5, votes: [] };

/** A participant's name as entered: trimmed, spaces collapsed; refused when empty or too long. */
export function participantName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean) throw new RuleError('Skriv deltagarens namn.');
  if (clean.length > MAX_PARTICIPANT_LENGTH) throw new RuleError(`Namnet får vara högst ${MAX_PARTICIPANT_LENGTH} tecken.`);
  return clean;
}

const same = (a: string, b: string) => a.toLocaleLowerCase('sv') === b.toLocaleLowerCase('sv');

export const dotsUsed = (voting: Voting, participant: string) => voting.votes.filter((v) => same(v.participant, participant)).length;
export const dotsLeft = (voting: Voting, participant: string) => Math.max(0, voting.dots - dotsUsed(voting, participant));

/** Participants who placed dots, in the order they first did. */
export function participants(voting: Voting): string[] {
  const seen: string[] = [];
  for (const { participant } of voting.votes) if (!seen.some((p) => same(p, participant))) seen.push(participant);
  return seen;
}

export function placeDot(voting: Voting, participant: string, itemId: string): Voting {
  if (dotsLeft(voting, participant) === 0) throw new RuleError(`${participant} har inga prickar kvar.`);
  return { ...voting, votes: [...voting.votes, { participant, itemId }] };
}

/** Take back the participant's last dot on the item (nothing to take back: unchanged). */
export function takeDot(voting: Voting, participant: string, itemId: string): Voting {
  const index = voting.votes.findLastIndex((v) => v.itemId === itemId && same(v.participant, participant));
  if (index < 0) return voting;
  return { ...voting, votes: voting.votes.filter((_, i) => i !== index) };
}

/** Change the dots per participant; never below what someone has already placed. */
export function setDots(voting: Voting, dots: number): Voting {
  if (!Number.isInteger(dots) || dots < 1 || dots > MAX_DOTS) throw new RuleError(`Antalet prickar måste vara ett heltal från 1 till ${MAX_DOTS}.`);
  const most = Math.max(0, ...participants(voting).map((p) => dotsUsed(voting, p)));
  if (dots < most) throw new RuleError(`Någon har redan satt ${most} prickar: antalet kan inte bli lägre än så.`);
  return { ...voting, dots };
}

export const dotsOn = (voting: Voting, itemId: string, participant?: string) =>
  voting.votes.filter((v) => v.itemId === itemId && (participant === undefined || same(v.participant, participant))).length;

/** The items of a list ranked by dots, most first; ties keep the list's order. */
export function ranking(voting: Voting, items: Item[]): Array<{ item: Item; dots: number }> {
  return items
    .map((item, index) => ({ item, dots: dotsOn(voting, item.id), index }))
    .sort((a, b) => b.dots - a.dots || a.index - b.index)
    .map(({ item, dots }) => ({ item, dots }));
}
