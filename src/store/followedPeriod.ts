// The period followed up: the one chosen in Uppföljning, else the latest; null while the plan
// has none. What the fan, Tabell, print and the item's dialog show progress for.
import { useMemo } from 'react';
import { type FollowUp, type Period, periodsInOrder } from '../domain/followup';
import { useEditor } from './editor';
import { useUi } from './ui';

export const followedPeriod = (followUp: FollowUp, chosen: string | null): Period | null =>
  (chosen ? followUp.periods[chosen] : undefined) ?? periodsInOrder(followUp).at(-1) ?? null;

export function useFollowedPeriod(): Period | null {
  const followUp = useEditor((s) => s.followUp);
  const chosen = useUi((s) => s.followUpPeriod);
  return useMemo(() => followedPeriod(followUp, chosen), [followUp, chosen]);
}
