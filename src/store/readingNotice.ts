// What a reading of changes from elsewhere says, one thing at a time and the most important
// first: parts of the plan that could not be read, the plan past its limits, items moved to
// Inspel because their blade or ring went, then an edit of this window's that another replaced.
import type { PlanDoc } from '../domain/types';
import { type Clash, clashMessage } from './clashes';

export interface ReadingNotice {
  kind: 'error' | 'info';
  text: string;
  /** The plan's limits were what it said (said once per plan). */
  over?: true;
  /** The edit of this window's that was replaced ("Använd min" writes it again). */
  clash?: Clash;
}

/**
 * The notice for one reading: `fresh` notes not said before, `over` the limits' message when not
 * said yet, `moved` the ids newly moved to Inspel, `clash` an edit replaced and where from.
 */
export function readingNotice(
  doc: PlanDoc,
  fresh: readonly string[],
  over: string | null,
  moved: readonly string[],
  clash: { clash: Clash; from: 'tab' | 'room' } | null,
): ReadingNotice | null {
  if (fresh.length > 0) return { kind: 'error', text: `En del av planen kunde inte läsas som den var: ${fresh.slice(0, 3).join(' ')}${fresh.length > 3 ? ` (och ${fresh.length - 3} till)` : ''}` };
  if (over) return { kind: 'info', text: over, over: true };
  if (moved.length > 0) {
    const what = moved.length === 1 ? `”${doc.items[moved[0]!]?.text ?? ''}”` : `${moved.length} aktiviteter`;
    return { kind: 'info', text: `${what} låg där ett fokusområde eller en ring togs bort och ligger nu i Inspel.` };
  }
  if (clash) return { kind: 'info', text: clashMessage(clash.clash, clash.from), clash: clash.clash };
  return null;
}
