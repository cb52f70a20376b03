// Each stored piece of a plan's document carries a checksum of its bytes (./pieces.ts): whether
// a piece is sound can be told without Yjs — before the first paint, too.

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
export const asPiece = (piece: unknown): Piece => (isBytes(piece) ? { update: piece } : typeof piece === 'object' && piece !== null ? (piece as Piece) : { update: piece });

/** Whether a piece is sound as far as can be told: bytes, matching their sum when there is one. */
export function soundPiece(piece: unknown): boolean {
  const { update, sum } = asPiece(piece);
  if (!isBytes(update) || update.length === 0) return false;
  return typeof sum !== 'number' || checksum(update) === sum;
}

