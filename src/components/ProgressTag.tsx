// An item's progress in the period followed up, as a small tag beside its text in Tabell and
// print: the fan's mark with the word and the period, so it reads in greyscale and aloud; an
// item of a ring whose year has passed and that is not Klar says so.
import { overdue, PROGRESS_MARK, PROGRESS_WORD, periodLabel, progressOf } from '../domain/followup';
import { LATE_MARK, LATE_WORDS } from '../domain/review';
import type { Item } from '../domain/types';
import { useEditor } from '../store/editor';
import { useFollowedPeriod } from '../store/followedPeriod';

export function ProgressTag({ item }: { item: Item }) {
  const followUp = useEditor((s) => s.followUp);
  const plan = useEditor((s) => s.doc?.plan);
  const period = useFollowedPeriod();
  if (!period || !item.cell) return null;
  const said = progressOf(followUp, period.id, item.id);
  const late = !!plan && overdue(plan, followUp, period, item);
  return (
    <>
      {said && (
        <span className={`tag tag-progress is-${said.state}`}>
          <span aria-hidden="true">{PROGRESS_MARK[said.state]} </span>
          {PROGRESS_WORD[said.state]} <span className="tag-period">{periodLabel(period)}</span>
        </span>
      )}
      {late && (
        <span className="tag tag-late">
          <span aria-hidden="true">{LATE_MARK} </span>
          {LATE_WORDS}
        </span>
      )}
    </>
  );
}
