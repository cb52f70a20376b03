// A plan's document is stored as pieces (its updates). Each piece carries a checksum of its
// bytes, so a piece damaged on disk is known before it is applied: a damaged Yjs update may
// throw, may apply silently as something else, or may leave the document waiting for what it
// refers to. Damaged pieces are left out and counted; what the sound ones make is the plan.
import * as Y from 'yjs';
import { LOAD } from '../ydoc/origins';

/** A stored piece as it is read back: its bytes and, when stored since checksums, their sum. */
export interface Piece {
  update: unknown;
  sum?: unknown;
}

/** FNV-1a over the bytes (32 bits): cheap, and a flipped byte changes it. */
export function checksum(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i]!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A row to store for a piece of `planId`'s document. */
export const pieceRow = (planId: string, update: Uint8Array) => ({ planId, update, sum: checksum(update) });

/** A Uint8Array, from any realm (storage may hand back another realm's, as fake-indexeddb does in tests). */
export const isBytes = (value: unknown): value is Uint8Array => Object.prototype.toString.call(value) === '[object Uint8Array]';

/** A piece given as bytes alone (a log, a test) or as a stored row. */
const asPiece = (piece: unknown): Piece => (isBytes(piece) ? { update: piece } : typeof piece === 'object' && piece !== null ? (piece as Piece) : { update: piece });

/** Whether a piece is sound as far as can be told: bytes, matching their sum when there is one. */
export function soundPiece(piece: unknown): boolean {
  const { update, sum } = asPiece(piece);
  if (!isBytes(update) || update.length === 0) return false;
  return typeof sum !== 'number' || checksum(update) === sum;
}

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
