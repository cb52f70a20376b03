// Between two follow-up periods: what moved, item by item (Uppföljning's comparison and the
// follow-up report say it in words).
import { progressOf, type FollowUp, type ProgressState } from './followup';
import type { ItemId } from './types';

/** How far along a state is: setbacks (Försenad, Avbruten) apart. */
const STEP: Record<ProgressState, number> = { 'ej-paborjad': 0, pagar: 1, klar: 2, forsenad: -1, avbruten: -2 };

export interface ProgressChange {
  itemId: ItemId;
  from: ProgressState | null;
  to: ProgressState | null;
}

export interface PeriodComparison {
  /** Became Klar. */
  finished: ProgressChange[];
  /** Moved on, not yet Klar (Ej påbörjad → Pågår, Försenad → Pågår). */
  advanced: ProgressChange[];
  /** Slipped: became Försenad or Avbruten, or is no longer Klar. */
  slipped: ProgressChange[];
  /** Said of in one period only. */
  added: ProgressChange[];
  removed: ProgressChange[];
  unchanged: ItemId[];
}

/** What moved between two periods, item by item, for the items given (in their order). */
export function comparePeriods(followUp: FollowUp, fromId: string, toId: string, itemIds: readonly ItemId[]): PeriodComparison {
  const out: PeriodComparison = { finished: [], advanced: [], slipped: [], added: [], removed: [], unchanged: [] };
  for (const itemId of itemIds) {
    const from = progressOf(followUp, fromId, itemId)?.state ?? null;
    const to = progressOf(followUp, toId, itemId)?.state ?? null;
    const change = { itemId, from, to };
    if (from === to) out.unchanged.push(itemId);
    else if (to === null) out.removed.push(change);
    else if (from === null) (to === 'klar' ? out.finished : to === 'forsenad' || to === 'avbruten' ? out.slipped : out.added).push(change);
    else if (to === 'klar') out.finished.push(change);
    else if (to === 'forsenad' || to === 'avbruten' || from === 'klar' || STEP[to] < STEP[from]) out.slipped.push(change);
    else out.advanced.push(change);
  }
  return out;
}
