// A large document update cut into smaller ones that, applied in order, do the same. A browser
// applies an update in one piece: a participant's flood that reaches the room in one sync (its
// provider, cut off, connects again and sends all the room lacks — 100,000 overwrites are ~1 MB)
// would hold every other page for a tenth of a second or more. Sent as pieces, each is a message
// of its own, and the page takes them in slices with frames between (src/room/paced.ts).
//
// A piece ends only where every record made in the update so far is whole: never between a new
// map (an item) and a field it is given later in the update, so a page reading the plan between
// two pieces sees records as their author made them, not half of one. The pieces are written the way Yjs writes an update (its
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
 * Where a piece may end, for each struct of `structs`: true when no shared type (a map, a list)
 * made by a struct before it is given anything by a struct at it or after it. The app writes a
 * new item's fields with the item, but its place only once every new item is written: cut
 * between the two, a page would read items without a place (and move them to Inspel).
 */
function cutsAllowed(structs: readonly Struct[]): boolean[] {
  /** The last struct that gives a shared type made in this update something, by the type's id. */
  const lastFill = new Map<string, number>();
  structs.forEach((struct, at) => {
    if (struct instanceof Y.Item && struct.parent instanceof Y.ID) lastFill.set(idKey(struct.parent), at);
  });
  const allowed: boolean[] = [];
  /** The last struct still to come that fills a type made so far. */
  let open = -1;
  structs.forEach((struct, at) => {
    allowed.push(open < at);
    if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) open = Math.max(open, lastFill.get(idKey(struct.id)) ?? -1);
  });
  return allowed;
}

/**
 * `update` (V1) as updates of about `maxStructs` structs each (more where a record made in the
 * update would otherwise be cut), then its delete set — or as it is when it holds no more than
 * that. Applied in order they give the document `update` gives.
 */
export function splitUpdate(update: Uint8Array, maxStructs: number): Uint8Array[] {
  const { structs, ds } = Y.decodeUpdate(update);
  if (structs.length <= maxStructs) return [update];
  const allowed = cutsAllowed(structs);
  const pieces: Uint8Array[] = [];
  let piece: Struct[] = [];
  structs.forEach((struct, at) => {
    if (piece.length >= maxStructs && allowed[at]) {
      pieces.push(writePiece(piece));
      piece = [];
    }
    piece.push(struct);
  });
  pieces.push(writePiece(piece));
  // The delete set alone: the update less every struct it holds.
  if (ds.clients.size > 0) pieces.push(Y.diffUpdate(update, Y.encodeStateVector(Y.parseUpdateMeta(update).to)));
  return pieces;
}
