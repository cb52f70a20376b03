// A plan held in a Yjs document that is not the open one (a new plan, a stored plan renamed from
// the list, a test's replica), changed the way the editor changes the open one: read the plan,
// run a pure operation on it (on a draft, src/domain/draft.ts), write what it changed as one transaction.
import { applied, draftPlan } from '../domain/draft';
import * as Y from 'yjs';
import type { PlanDoc } from '../domain/types';
import { emptyFollowUp, type FollowUp } from '../domain/followup';
import { writeFollowUp } from './followUp';
import { readDoc } from './read';
import { writeChange, writeChanges } from './write';

/** A new document holding `doc` (and its follow-up, when it has one). */
export function docFromPlan(doc: PlanDoc, origin: unknown = null, followUp: FollowUp | null = null): Y.Doc {
  const ydoc = new Y.Doc();
  ydoc.transact(() => {
    writeChanges(ydoc, null, doc);
    if (followUp) writeFollowUp(ydoc, emptyFollowUp(), followUp);
  }, origin);
  return ydoc;
}

/**
 * Apply `recipe` to the plan the document holds and write what changed, as one transaction
 * with `origin`. Returns the plan as written, or null when the document holds none. Throws
 * what the recipe throws (then nothing is written).
 */
export function changeDoc(ydoc: Y.Doc, recipe: (draft: PlanDoc) => void, origin: unknown = null, random?: () => number): PlanDoc | null {
  const before = readDoc(ydoc)?.doc;
  if (!before) return null;
  const draft = draftPlan(before);
  recipe(draft.doc);
  const change = draft.finish();
  if (change) ydoc.transact(() => writeChange(ydoc, before, change, random), origin);
  return applied(before, change);
}
