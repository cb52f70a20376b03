// Uppföljning's user actions: each one undoable step of the editor (`commitFollowUp`), said by
// the name remembered on this device ("Ditt namn"), stamped with the time it was made.
import {
  addMeasurement,
  addPerformed,
  addPeriod,
  clearJudgement,
  clearProgress,
  closePeriod,
  judge,
  JUDGEMENT_WORD,
  judgementKey,
  type JudgementValue,
  parseValue,
  progressOf,
  PROGRESS_WORD,
  removeMeasurement,
  removePerformed,
  reopenPeriod,
  setProgress,
  type ProgressState,
} from '../domain/followup';
import { newId } from '../domain/ids';
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

/** Judge a delområde's indicators in a period (null: take the judgement back). The text stays when the word changes. */
export function setJudgement(periodId: string, delomradeId: string, judgement: JudgementValue | null): boolean {
  return commitFollowUp(judgement ? `Bedömning: ${JUDGEMENT_WORD[judgement]}` : 'Bedömning borttagen', (f, doc) => {
    if (!judgement) return clearJudgement(f, periodId, delomradeId);
    const said = f.judgements[judgementKey(periodId, delomradeId)];
    judge(f, doc.plan, { periodId, delomradeId, judgement, text: said?.text ?? '', by: rememberedAuthor(), at: now() });
  });
}

/** Write the reasons for a judgement (typing it is one step). */
export function setJudgementText(periodId: string, delomradeId: string, text: string): boolean {
  return commitFollowUp(
    'Bedömningens motivering',
    (f, doc) => {
      const said = f.judgements[judgementKey(periodId, delomradeId)];
      if (!said) throw new RuleError('Välj först bedömningen.');
      if (said.text === text.trim()) return;
      judge(f, doc.plan, { ...said, text, by: rememberedAuthor(), at: now() });
    },
    `judgement-text:${periodId}|${delomradeId}`,
  );
}

/** A measured value of an item's indicator, as typed ("12,5"); false with a Swedish message when it cannot be read. */
export function addIndicatorValue(itemId: ItemId, date: string, value: string, source: string): boolean {
  return commitFollowUp('Nytt värde', (f, doc) => {
    addMeasurement(f, doc.items, { id: newId(), itemId, date, value: parseValue(value), source, by: rememberedAuthor(), at: now() });
  });
}

export const removeIndicatorValue = (id: string) => commitFollowUp('Värde borttaget', (f) => removeMeasurement(f, id));

/** What an office did in a period, under a delområde ("Genomfört av utförare"). */
export function addPerformedEntry(periodId: string, delomradeId: string | null, text: string, kalla: string): boolean {
  return commitFollowUp('Genomfört av utförare', (f, doc) => {
    addPerformed(f, doc.plan, { id: newId(), periodId, delomradeId, text, kalla, inputId: null });
  });
}

export const removePerformedEntry = (id: string) => commitFollowUp('Genomfört borttaget', (f) => removePerformed(f, id));
