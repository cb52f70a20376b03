// What one participant may do, kept before any message reaches the rooms: connections per
// address, people per room, rooms open at once, and a rate of messages per person and room (a
// token bucket: a burst, then a steady rate). A message that is not a room message as the
// protocol writes it is not passed on either. Each refusal is said to the peer (a reason the
// app shows, or a close code it names) and logged once in a while, never per message.
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

export interface PeerLimits {
  /** Connections from one address at once (a workshop behind one NAT is one address). */
  connectionsPerAddress: number;
  /** People in one room at once. */
  peersPerRoom: number;
  /** Rooms open on this relay at once. */
  openRooms: number;
  /** Messages one person may send into one room: a steady rate a second … */
  messagesPerSecond: number;
  /** … after a burst of this many. */
  messageBurst: number;
}

export const DEFAULT_LIMITS: PeerLimits = { connectionsPerAddress: 200, peersPerRoom: 100, openRooms: 1000, messagesPerSecond: 250, messageBurst: 5000 };

/** The limits as the environment sets them (`LIMIT_*`), else the defaults. */
export function limitsFrom(env: Record<string, string | undefined>): PeerLimits {
  const read = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return env[name] !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
  };
  return {
    connectionsPerAddress: read('LIMIT_CONNECTIONS_PER_ADDRESS', DEFAULT_LIMITS.connectionsPerAddress),
    peersPerRoom: read('LIMIT_PEERS_PER_ROOM', DEFAULT_LIMITS.peersPerRoom),
    openRooms: read('LIMIT_OPEN_ROOMS', DEFAULT_LIMITS.openRooms),
    messagesPerSecond: read('LIMIT_MESSAGES_PER_SECOND', DEFAULT_LIMITS.messagesPerSecond),
    messageBurst: read('LIMIT_MESSAGE_BURST', DEFAULT_LIMITS.messageBurst),
  };
}

/** Where a connection comes from: the socket's address, or the proxy's word for it when trusted. */
export function addressOf(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(request.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  return forwarded || request.socket.remoteAddress || 'unknown';
}

/** Token buckets by key: `take` is false once a key has spent its burst faster than the rate refills it. */
export class Buckets {
  private readonly held = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(key: string): boolean {
    const t = this.now();
    const bucket = this.held.get(key) ?? { tokens: this.burst, at: t };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.rate);
    bucket.at = t;
    this.held.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Forget keys that are full again (nothing to remember about them). */
  prune(): void {
    const t = this.now();
    for (const [key, bucket] of this.held) if (bucket.tokens + ((t - bucket.at) / 1000) * this.rate >= this.burst) this.held.delete(key);
  }
}

/**
 * The room a message is for, when it is a room message as the protocol writes it — a sync step
 * or update whose Yjs update decodes, a presence update, a key, a question for presences — else
 * null (truncated, a kind no client sends, an update that cannot be read).
 */
export function roomOfMessage(data: Uint8Array): string | null {
  try {
    const decoder = decoding.createDecoder(data);
    const room = decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case 0: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === 0) Y.decodeStateVector(payload);
        else if (step === 1 || step === 2) Y.decodeUpdate(payload);
        else return null;
        break;
      }
      case 1:
        decoding.readVarUint8Array(decoder);
        break;
      case 2:
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
        break;
      case 3:
      case 5:
      case 7:
      case 8:
        break;
      default:
        return null;
    }
    return room;
  } catch {
    return null;
  }
}

/**
 * Messages are passed to the rooms only through `admit`: `ws.on('message')` listeners added after
 * this see only what it lets through (Hocuspocus adds its own after the connection is made).
 */
export function guardMessages(ws: WebSocket, admit: (data: Uint8Array) => boolean): void {
  const on = ws.on.bind(ws) as (event: string, listener: (...args: unknown[]) => void) => WebSocket;
  const guarded = (event: string, listener: (...args: unknown[]) => void) => {
    if (event !== 'message') return on(event, listener);
    return on('message', (data: unknown, ...rest: unknown[]) => {
      const bytes = data instanceof Uint8Array ? data : Array.isArray(data) ? Buffer.concat(data as Buffer[]) : new Uint8Array(data as ArrayBuffer);
      if (admit(bytes)) listener(data, ...rest);
    });
  };
  Object.defineProperty(ws, 'on', { value: guarded, configurable: true });
}
