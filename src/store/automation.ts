// What the benchmark and browser tests ask of a page opened with ?automation, beyond the store's
// own actions (loaded only then).
import * as Y from 'yjs';
import { itemMap } from '../ydoc/shape';
import { currentYDoc, settleNow } from './openDoc';

/**
 * A colleague's edit of one item's text, as it arrives from the room: made on a copy of the
 * document first (not timed), then applied to the open one and shown in the editor's plan.
 * Returns the time that took, in ms.
 */
export function colleagueEdit(itemId: string, text: string): number {
  const ydoc = currentYDoc();
  if (!ydoc) throw new Error('No plan open');
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
  let update: Uint8Array | null = null;
  peer.on('update', (u: Uint8Array) => (update = u));
  (itemMap(peer).get(itemId) as Y.Map<unknown>).set('text', text);
  peer.destroy();
  if (!update) throw new Error('No change made');
  const t0 = performance.now();
  Y.applyUpdate(ydoc, update, 'room');
  settleNow();
  return performance.now() - t0;
}
