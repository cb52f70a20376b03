// Merging a plan's stored pieces into one, re-encoded from the document they make: what was
// overwritten or deleted long ago is not kept, as the relay does not keep it either. The work is
// the whole document's (applying and encoding it: ~100 ms a megabyte, 600 ms for a plan a peer
// flooded), so the page has it done in a worker (./compactOffThread.ts); the same function runs
// here where no worker can be made (tests in Node, a browser without module workers).
import * as Y from 'yjs';
import type { SolfjadernDb, UpdateRow } from './db';
import { pieceRow, soundPiece } from './pieces';

/** What compacting `rows` does: the rows to drop and the one piece in their place; null: nothing to gain. */
export function compactRows(rows: readonly UpdateRow[]): { drop: number[]; piece: Uint8Array } | null {
  // Damaged pieces stay as they are (the next read names them); the sound ones become one.
  const sound = rows.filter(soundPiece);
  if (sound.length === 0) return null;
  const ydoc = new Y.Doc();
  const applied = sound.filter((row) => {
    try {
      Y.applyUpdate(ydoc, row.update);
      return true;
    } catch {
      return false;
    }
  });
  const piece = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  if (applied.length === 0 || (applied.length === 1 && piece.length >= applied[0]!.update.length)) return null;
  return { drop: applied.map((r) => r.seq!), piece };
}

/** Make a plan's pieces one, in one transaction of `d` (a tab adding meanwhile waits). */
export async function compactIn(d: SolfjadernDb, planId: string): Promise<void> {
  await d.transaction('rw', d.planUpdates, async () => {
    const compacted = compactRows(await d.planUpdates.where('planId').equals(planId).toArray());
    if (!compacted) return;
    await d.planUpdates.bulkDelete(compacted.drop);
    await d.planUpdates.add(pieceRow(planId, compacted.piece));
  });
}
