import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { releaseSteps } from './undo';

const LOCAL = 'local';
const KEEP = 200;

/** A document whose one item's text is edited `edits` times, one undo step each, the history held to KEEP steps. */
function edited(edits: number, release: boolean) {
  const ydoc = new Y.Doc();
  const item = new Y.Map<unknown>();
  ydoc.getMap('items').set('a', item);
  const undo = new Y.UndoManager([ydoc.getMap('items')], { trackedOrigins: new Set([LOCAL]), captureTimeout: Number.POSITIVE_INFINITY });
  for (let i = 0; i < edits; i++) {
    undo.stopCapturing();
    ydoc.transact(() => item.set('text', `Aktivitet med en lagom lång text, version ${i}`), LOCAL);
    if (undo.undoStack.length > KEEP) {
      const dropped = undo.undoStack.splice(0, undo.undoStack.length - KEEP);
      if (release) releaseSteps(ydoc, dropped);
    }
  }
  return { ydoc, item, undo };
}

describe('releaseSteps (undo steps dropped from the history)', () => {
  it('lets go of what they deleted: a long session\'s document stays the size of its history', () => {
    const size = (edits: number, release: boolean) => Y.encodeStateAsUpdate(edited(edits, release).ydoc).length;
    // Without letting go, every old text stays: 3,000 edits weigh ten times 300.
    expect(size(3000, false)).toBeGreaterThan(5 * size(300, false));
    // Let go of, only the texts the last KEEP steps may bring back remain.
    expect(size(3000, true)).toBeLessThan(1.5 * size(300, true));
    expect(size(3000, true) * 5).toBeLessThan(size(3000, false));
  });

  it('the steps still held undo and redo as before, back to the oldest held', () => {
    const { ydoc, item, undo } = edited(1000, true);
    for (let k = 0; k < KEEP; k++) undo.undo();
    expect(item.get('text')).toBe(`Aktivitet med en lagom lång text, version ${1000 - KEEP - 1}`);
    expect(undo.canUndo()).toBe(false);
    for (let k = 0; k < KEEP; k++) undo.redo();
    expect(item.get('text')).toBe('Aktivitet med en lagom lång text, version 999');
    // Another replica given this document reads the same.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    expect((copy.getMap('items').get('a') as Y.Map<unknown>).get('text')).toBe('Aktivitet med en lagom lång text, version 999');
  });

  it('nothing is stored or sent for letting go (no update of the document)', () => {
    const { ydoc, undo } = edited(KEEP, true);
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    releaseSteps(ydoc, undo.undoStack.splice(0, 50));
    expect(updates).toEqual([]);
  });
});
