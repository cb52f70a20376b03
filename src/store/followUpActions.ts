// Uppföljning's user actions: each one undoable step of the editor (`commitFollowUp`), said by
// the name remembered on this device ("Ditt namn"), stamped with the time it was made.
import { addPeriod, clearProgress, closePeriod, progressOf, PROGRESS_WORD, reopenPeriod, setProgress, type ProgressState } from '../domain/followup';
import { RuleError } from '../domain/rules';
import type { ItemId } from '../domain/types';
import { rememberedAuthor } from './author';
import { commitFollowUp } from './editor';
import { useUi } from './ui';

const now = () => new Date().toISOString();

/** Add a period ("2025", "T2 2026") and follow it up; false with a Swedish message when it cannot be read. */
export function addFollowUpPeriod(text: string): boolean {
  let id = '';
  commitFollowUp('Ny uppföljningsperiod', (f) => void (id = addPeriod(f, text).id));
  // A period already there (nothing to write) is chosen all the same.
  if (id) useUi.setState({ followUpPeriod: id });
  return !!id;
}

export const closeFollowUpPeriod = (periodId: string) => commitFollowUp('Stäng perioden', (f) => closePeriod(f, periodId, now()));
export const reopenFollowUpPeriod = (periodId: string) => commitFollowUp('Öppna perioden igen', (f) => reopenPeriod(f, periodId));

/** Say an item's progress in a period (null: take back what was said). */
export function setItemProgress(periodId: string, itemId: ItemId, state: ProgressState | null): boolean {
  return commitFollowUp(state ? `Läge: ${PROGRESS_WORD[state]}` : 'Läge borttaget', (f, doc) => {
    if (!state) return clearProgress(f, periodId, itemId);
    const said = progressOf(f, periodId, itemId);
    setProgress(f, doc.items, { periodId, itemId, state, comment: said?.comment ?? '', by: rememberedAuthor(), at: now() });
  });
}

/** Write the comment on an item's progress (typing it is one step). */
export function setProgressComment(periodId: string, itemId: ItemId, comment: string): boolean {
  return commitFollowUp(
    'Kommentar till läget',
    (f, doc) => {
      const said = progressOf(f, periodId, itemId);
      if (!said) throw new RuleError('Välj först aktivitetens läge.');
      if (said.comment === comment.trim()) return;
      setProgress(f, doc.items, { ...said, comment, by: rememberedAuthor(), at: now() });
    },
    `progress-comment:${periodId}|${itemId}`,
  );
}
