// A plan held in a Yjs document, changed the way the editor changes it: read the plan, run a
// pure operation on it (immer), write the difference back as one transaction. Used by the
// editor, the room client and the tests alike.
import { produce } from 'immer';
import * as Y from 'yjs';
import type { PlanDoc } from '../domain/types';
import { readDoc } from './read';
import { writeChanges } from './write';

/** A new document holding `doc`. */
export function docFromPlan(doc: PlanDoc, origin: unknown = null): Y.Doc {
  const ydoc = new Y.Doc();
  ydoc.transact(() => writeChanges(ydoc, null, doc), origin);
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
  const after = produce(before, recipe);
  if (after !== before) ydoc.transact(() => writeChanges(ydoc, before, after, random), origin);
  return after;
}
