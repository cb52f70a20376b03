// A large document update cut into smaller ones that, applied in order, do the same. A browser
// applies an update in one piece: a participant's flood that reaches the room in one sync (its
// provider, cut off, connects again and sends all the room lacks — 100,000 overwrites are ~1 MB)
// would hold every other page for a tenth of a second or more. Sent as pieces, each is a message
// of its own, and the page takes them in slices with frames between (src/room/paced.ts).
//
// A piece ends only where a record is whole: never between a new map (an item, a blade) and the
// fields it is made with, so a page reading the plan between two pieces sees records as their
// author made them, not half of one. The pieces are written the way Yjs writes an update (its
// `diffUpdate`): per piece, each client's run of structs from its first clock; the delete set
// goes last, in a piece of its own.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** A struct as `Y.decodeUpdate` reads one: an item, a collected (GC) range, or a gap (Skip). */
type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** A gap between the structs a merged update holds of one client. */
const isSkip = (s: Struct) => s instanceof Y.Skip;

/** One piece: the runs of `structs` per client, written as V1 with an empty delete set. */
function writePiece(structs: Struct[]): Uint8Array {
  const runs: Struct[][] = [];
  for (const struct of structs) {
    const run = runs.at(-1);
    if (run && run[0]!.id.client === struct.id.client) run.push(struct);
    // A run does not start with a gap.
    else if (!isSkip(struct)) runs.push([struct]);
  }
  // … nor end with one.
  for (const run of runs) while (isSkip(run.at(-1)!)) run.pop();
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(run[0]!.id.client);
    encoding.writeVarUint(encoder.restEncoder, run[0]!.id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** The key of the struct with id `id` (client and clock). */
const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

/**
 * `update` (V1) as updates of about `maxStructs` structs each (more where a record made in the
 * update would otherwise be cut), then its delete set — or as it is when it holds no more than
 * that. Applied in order they give the document `update` gives.
 */
export function splitUpdate(update: Uint8Array, maxStructs: number): Uint8Array[] {
  const { structs, ds } = Y.decodeUpdate(update);
  if (structs.length <= maxStructs) return [update];
  const pieces: Uint8Array[] = [];
  let piece: Struct[] = [];
  /** The shared types (maps, lists, texts) made in this piece, by their struct's id. */
  let made = new Set<string>();
  for (const struct of structs) {
    // A field of a type made in this piece stays with it (an item is read whole or not at all).
    const fillsMade = struct instanceof Y.Item && struct.parent instanceof Y.ID && made.has(idKey(struct.parent));
    if (piece.length >= maxStructs && !fillsMade) {
      pieces.push(writePiece(piece));
      piece = [];
      made = new Set();
    }
    piece.push(struct);
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) made.add(idKey(struct.id));
  }
  pieces.push(writePiece(piece));
  // The delete set alone: the update less every struct it holds.
  if (ds.clients.size > 0) pieces.push(Y.diffUpdate(update, Y.encodeStateVector(Y.parseUpdateMeta(update).to)));
  return pieces;
}
