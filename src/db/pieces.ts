// A plan's document is stored as pieces (its updates). Each piece carries a checksum of its
// bytes, so a piece damaged on disk is known before it is applied: a damaged Yjs update may
// throw, may apply silently as something else, or may leave the document waiting for what it
// refers to. Damaged pieces are left out and counted; what the sound ones make is the plan.
import * as Y from 'yjs';
import { LOAD } from '../ydoc/origins';

export { checksum, isBytes, pieceRow, soundPiece, type Piece } from './checksum';
import { asPiece, soundPiece } from './checksum';

export interface Decoded {
  ydoc: Y.Doc;
  /** Pieces left out: damaged (sum), not readable (threw), or waiting for something that never came. */
  broken: number;
  /** Whether the document's own record (the plan map's id) came through. */
  hasPlan: boolean;
}

/** A document made of a plan's pieces in their stored order; damaged pieces are left out (counted). */
export function decodePieces(pieces: readonly unknown[]): Decoded {
  const ydoc = new Y.Doc();
  let broken = 0;
  for (const raw of pieces) {
    const piece = asPiece(raw);
    if (!soundPiece(piece)) {
      broken++;
      continue;
    }
    try {
      Y.applyUpdate(ydoc, piece.update as Uint8Array, LOAD);
    } catch {
      broken++;
    }
  }
  // Changes waiting for parts that never came: a piece is missing though none was seen damaged.
  if (broken === 0 && (ydoc.store.pendingStructs || ydoc.store.pendingDs)) broken = 1;
  const id = ydoc.getMap('plan').get('id');
  return { ydoc, broken, hasPlan: typeof id === 'string' && id !== '' };
}

/** The words for pieces left out as damaged (the start of a sentence). */
export const damagedNote = (broken: number) => `${broken === 1 ? 'En sparad del' : `${broken} sparade delar`} av planen var skadad${broken === 1 ? '' : 'e'} och lämnades utanför`;
