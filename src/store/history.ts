// The undo history as the app shows it ("Ångra <what>"). A step of the plan is one stack item
// of the document's Y.UndoManager, which takes back this window's own change and never a
// colleague's; a step of a store beside the plan (Samla in's collection, Prioritera's votes)
// carries its own undo and redo. One list keeps them in the order they were made, so Ctrl+Z
// takes back the last change whichever part of the workshop made it.

export const HISTORY_LIMIT = 200;

export interface Step {
  label: string;
  /** Consecutive commits with the same key (e.g. typing in one field) form one step. */
  mergeKey?: string;
  /** The UndoManager's stack item of a plan step (its identity ties the two lists together). */
  item?: object;
  /** A step of a store beside the plan: undo and redo run these. */
  side?: { undo: () => void; redo: () => void };
}

export interface History {
  past: Step[];
  future: Step[];
}

export const emptyHistory = (): History => ({ past: [], future: [] });

/** `past` with `step` added (the oldest dropped beyond the limit); a new step clears the future. */
export function pushed(history: History, step: Step): History {
  const past = [...history.past, step];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [] };
}
