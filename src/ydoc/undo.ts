// Undo steps let go of. Yjs's UndoManager keeps what each step deleted (an item's old text, a
// removed comment) so that undo can bring it back; a step dropped from the end of the history
// would keep it for the rest of the session — every edit's old text in memory, in the
// document's state the log's base and a new tab are given (10,000 edits of a plan of 1,000
// items: 300 KB → 1.5 MB). Dropped, its deletions are collected like any other deleted content.
// (Yjs's own `UndoManager.clear` lets go the same way.)
import * as Y from 'yjs';

/** What an undo step deleted (Yjs does not export the type by its name). */
type DeleteSet = Parameters<typeof Y.iterateDeletedStructs>[1];

/** A document change that is no one's: it stores and sends nothing (it only lets go of kept content). */
const RELEASE = 'solfjadern:release';

/** Let go of what the undo steps `dropped` (taken off the UndoManager's stack) kept of their deletions. */
export function releaseSteps(ydoc: Y.Doc, dropped: ReadonlyArray<{ deletions: DeleteSet }>): void {
  if (dropped.length === 0) return;
  ydoc.transact((tr) => {
    for (const step of dropped)
      Y.iterateDeletedStructs(tr, step.deletions, (struct) => {
        if (struct instanceof Y.Item) struct.keep = false;
      });
    // Collected here: after the transaction, its end would merge each let-go piece back into the
    // kept content beside it (a merged item stays kept when either part was).
    if (ydoc.gc) for (const step of dropped) Y.tryGc(step.deletions, ydoc.store, ydoc.gcFilter);
  }, RELEASE);
}
