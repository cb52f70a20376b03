// An item's progress in the period followed up, as a small tag beside its text in Tabell and
// print: the fan's mark with the word and the period, so it reads in greyscale and aloud.
import { PROGRESS_MARK, PROGRESS_WORD, periodLabel, progressOf } from '../domain/followup';
import type { Item } from '../domain/types';
import { useEditor } from '../store/editor';
import { useFollowedPeriod } from '../store/followedPeriod';

export function ProgressTag({ item }: { item: Pick<Item, 'id' | 'cell'> }) {
  const followUp = useEditor((s) => s.followUp);
  const period = useFollowedPeriod();
  const said = period && item.cell ? progressOf(followUp, period.id, item.id) : null;
  if (!said || !period) return null;
  return (
    <span className={`tag tag-progress is-${said.state}`}>
      <span aria-hidden="true">{PROGRESS_MARK[said.state]} </span>
      {PROGRESS_WORD[said.state]} <span className="tag-period">{periodLabel(period)}</span>
    </span>
  );
}
