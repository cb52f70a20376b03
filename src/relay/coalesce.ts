// The room's changes sent on to a person in as few messages as keep their order. Hocuspocus
// sends every change it takes in to every person in the room as a message of its own; a burst
// (a participant flooding the room, a peer catching up after being offline) then reaches each
// browser as thousands of messages, each handled on its own — the page draws no frame until
// they are through. Here the document updates sent to one connection within one turn of the
// relay's event loop go as one merged update; anything else sent (an answer to a sync step, an
// acknowledgement, presence) goes after the updates ahead of it, so the order holds. An update
// too large for a browser to take in one piece goes as several (./splitUpdate.ts).
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { splitUpdate } from './splitUpdate';

/** The protocol's words: a sync message (Hocuspocus' MessageType.Sync) carrying an update (y-protocols' messageYjsUpdate). */
const SYNC = 0;
const UPDATE = 2;

/** The room and the document update of a message that carries one update and nothing else; otherwise null. */
export function updateOf(data: Uint8Array): { room: string; update: Uint8Array } | null {
  try {
    const decoder = decoding.createDecoder(data);
    const room = decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) !== SYNC || decoding.readVarUint(decoder) !== UPDATE) return null;
    const update = decoding.readVarUint8Array(decoder);
    return decoding.hasContent(decoder) ? null : { room, update };
  } catch {
    return null;
  }
}

/** The message that carries `update` to `room` (as Hocuspocus writes one). */
export function updateMessage(room: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeVarUint(encoder, SYNC);
  encoding.writeVarUint(encoder, UPDATE);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

type Sent = (error?: Error) => void;

/**
 * At most this many updates go as one message: a browser takes a message in one piece, and
 * with smaller ones it can draw between them (src/room/paced.ts).
 */
export const UPDATES_A_MESSAGE = 100;

/** An update larger than this (bytes) is looked into, and cut when it holds more than … */
const CUT_ABOVE_BYTES = 32 * 1024;
/** … this many structs: a piece a browser applies in 1–3 ms (a few to each of its slices: src/room/paced.ts). */
export const STRUCTS_A_PIECE = 1000;

/**
 * The pieces an update goes to a person in: itself, or when large, pieces of about
 * `STRUCTS_A_PIECE` structs. The room sends the same update to every person in it, so the last
 * update cut is remembered (one per relay; make it with `updatePieces()`).
 */
export function updatePieces(maxStructs = STRUCTS_A_PIECE, aboveBytes = CUT_ABOVE_BYTES): (update: Uint8Array) => Uint8Array[] {
  let last: { update: Uint8Array; pieces: Uint8Array[] } | null = null;
  return (update) => {
    if (update.length <= aboveBytes) return [update];
    if (last && Buffer.compare(last.update, update) === 0) return last.pieces;
    last = { update, pieces: splitUpdate(update, maxStructs) };
    return last.pieces;
  };
}

/**
 * From now on, updates sent on `ws` within one turn (`later`: the next one) go as one (or, when
 * large, as the pieces `pieces` cuts it in). A send's callback is called when the message that
 * carried it (its last piece) has gone (or failed).
 */
export function coalesceUpdates(ws: WebSocket, later: (flush: () => void) => void = setImmediate, pieces: (update: Uint8Array) => Uint8Array[] = (u) => [u]): void {
  const send = ws.send.bind(ws) as (data: unknown, ...rest: unknown[]) => void;
  let room: string | null = null;
  let updates: Uint8Array[] = [];
  /** The first update's own message: sent as it is when no other joins it. */
  let single: Uint8Array | null = null;
  let callbacks: Sent[] = [];
  let scheduled = false;
  const flush = () => {
    if (room === null) return;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const cut = pieces(update);
    const messages = cut.length > 1 ? cut.map((piece) => updateMessage(room!, piece)) : [updates.length === 1 ? single! : updateMessage(room, update)];
    const waiting = callbacks;
    room = null;
    updates = [];
    single = null;
    callbacks = [];
    if (ws.readyState !== ws.OPEN) return;
    for (const message of messages.slice(0, -1)) send(message);
    send(messages.at(-1)!, (error?: Error) => {
      for (const sent of waiting) sent(error);
    });
  };
  const coalescing = (data: unknown, ...rest: unknown[]) => {
    const parsed = data instanceof Uint8Array && (rest.length === 0 || (rest.length === 1 && typeof rest[0] === 'function')) ? updateOf(data) : null;
    if (!parsed) {
      flush();
      return send(data, ...rest);
    }
    if (room !== null && (parsed.room !== room || updates.length >= UPDATES_A_MESSAGE)) flush();
    if (room === null) single = data as Uint8Array;
    room = parsed.room;
    updates.push(parsed.update);
    if (typeof rest[0] === 'function') callbacks.push(rest[0] as Sent);
    if (scheduled) return;
    scheduled = true;
    later(() => {
      scheduled = false;
      flush();
    });
  };
  Object.defineProperty(ws, 'send', { value: coalescing, configurable: true });
}
