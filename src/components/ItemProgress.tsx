// Uppföljning in the item's dialog: its progress in the period followed up (the one chosen in
// Uppföljning, else the latest), saved at once as one undoable step, with its comment. Shown
// once the plan has a period, for items placed in the fan.
import { shortDate } from './dates';
import { useId, useState } from 'react';
import { overdue, periodLabel, periodsInOrder, PROGRESS_STATES, PROGRESS_WORD, progressOf, type ProgressState } from '../domain/followup';
import type { Item, PlanDoc } from '../domain/types';
import { useEditor } from '../store/editor';
import { setItemProgress, setProgressComment } from '../store/followUpActions';
import { useFollowedPeriod } from '../store/followedPeriod';
import { PeriodChoice } from './PeriodChoice';

export function ItemProgress({ doc, item }: { doc: PlanDoc; item: Item }) {
  const followUp = useEditor((s) => s.followUp);
  const period = useFollowedPeriod();
  const id = useId();
  const said = period ? progressOf(followUp, period.id, item.id) : null;
  const [comment, setComment] = useState(said?.comment ?? '');
  const [was, setWas] = useState(said?.comment ?? '');
  const [error, setError] = useState('');
  if ((said?.comment ?? '') !== was) {
    setWas(said?.comment ?? '');
    setComment(said?.comment ?? '');
  }
  if (!period || !item.cell) return null;
  const closed = !!period.closedAt;
  const report = (ok: boolean) => setError(ok ? '' : (useEditor.getState().notice?.text ?? ''));
  return (
    <fieldset className="item-progress" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        Uppföljning {periodLabel(period)}
        {closed ? ' (stängd)' : ''}
      </legend>
      {periodsInOrder(followUp).length > 1 && (
        <p className="progress-period">
          <PeriodChoice id={`${id}-period`} periods={periodsInOrder(followUp)} period={period} />
        </p>
      )}
      {overdue(doc.plan, followUp, period, item) && <p className="followup-late">Ringens år har passerat – inte klar</p>}
      <div className="progress-choices">
        {[null, ...PROGRESS_STATES].map((state: ProgressState | null) => (
          <label key={state ?? 'none'}>
            <input
              type="radio"
              name={`${id}-state`}
              checked={(said?.state ?? null) === state}
              disabled={closed}
              onChange={() => report(setItemProgress(period.id, item.id, state))}
            />
            {state ? PROGRESS_WORD[state] : 'Inte angivet'}
          </label>
        ))}
      </div>
      {said && (
        <div>
          <label htmlFor={`${id}-comment`}>Kommentar till läget</label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            value={comment}
            disabled={closed}
            onChange={(e) => setComment(e.target.value)}
            onBlur={() => comment.trim() !== said.comment && report(setProgressComment(period.id, item.id, comment))}
          />
          <p className="followup-who">
            Sagt av {said.source ? said.source.kalla : said.by}
            {shortDate(said.at) ? `, ${shortDate(said.at)}` : ''}
          </p>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
