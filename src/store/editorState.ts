// The editor's state: the open plan as shown, its undo history and the last user-facing message.
import { create } from 'zustand';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { emptyFollowUp, type FollowUp } from '../domain/followup';
import { NEW_VOTING, type Voting } from '../domain/voting';
import { emptyHistory, pushed, type History, type Step } from './history';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  id: number;
  action?: { label: string; run: () => void };
}

export interface EditorState {
  doc: PlanDoc | null;
  /** The open plan's follow-up (Uppföljning), as its document holds it. */
  followUp: FollowUp;
  /** The open plan's dots in Prioritera, as its document holds them. */
  voting: Voting;
  history: History;
  notice: Notice | null;
  /** Why the open plan can only be read (a newer version of the app wrote it), or null. */
  readOnly: string | null;
}

/** An editor's state (the app has one, `useEditor`; tests may make more). */
export const createEditorStore = () =>
  create<EditorState>(() => ({
    doc: null,
    followUp: emptyFollowUp(),
    voting: NEW_VOTING,
    history: emptyHistory(),
    notice: null,
    readOnly: null,
  }));

export type EditorStore = ReturnType<typeof createEditorStore>;

export const useEditor = createEditorStore();

/** Whether the open plan can only be read here (then every control that changes it is disabled). */
export const useReadOnly = (): boolean => useEditor((s) => s.readOnly !== null);

let noticeSeq = 0;
/** Show a message in an editor's notice bar. */
export function notifyIn(store: EditorStore, kind: Notice['kind'], text: string, action?: Notice['action']): void {
  store.setState({ notice: { kind, text, id: ++noticeSeq, ...(action ? { action } : {}) } });
}

export function notify(kind: Notice['kind'], text: string, action?: Notice['action']): void {
  notifyIn(useEditor, kind, text, action);
}

/** Run a step that may break a rule of the plan: the rule's Swedish message is shown and `undefined` returned. */
export function obeyingRules<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof RuleError) {
      notify('error', error.message);
      return undefined;
    }
    throw error;
  }
}

export function clearNotice(): void {
  useEditor.setState({ notice: null });
}

/**
 * Record a change of a store beside the plan as one undoable step of an editor (it is already
 * made). Returns the step, so a notice's "Ångra" can take back exactly it while it is still the last.
 */
export function pushSideStepIn(store: EditorStore, label: string, side: NonNullable<Step['side']>): Step {
  const step: Step = { label, side };
  store.setState(({ history }) => ({ history: pushed(history, step) }));
  return step;
}
