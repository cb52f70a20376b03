// Connections before they show a room's key, and answers the relay gives on a raw socket:
// Hocuspocus queues what an unauthenticated connection sends and ws answers malformed requests
// itself, so the limits and the security headers are kept here.
import type { Server } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { SECURITY_HEADERS } from '../security';

/** A room message larger than this is refused (a whole plan of 1,000 items is ~1 MB). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/**
 * Before a connection has shown the room's key, it has no business sending more than its
 * hello (the key, a state vector, a presence): more in all than this and it is closed — a
 * frame larger is refused from its header, before it is read into memory.
 */
const BEFORE_AUTH_BYTES = 64 * 1024;
/** Connections that have not shown a key yet, at most (more are closed at once) … */
const MAX_WAITING = 64;
/** … and how long one may wait before showing it. */
export const AUTH_WITHIN_MS = 10_000;

/** ws' own frame limit of one connection (its receiver's; ws 8), so it can be raised once the key is shown. */
const setFrameLimit = (ws: unknown, bytes: number) => {
  const receiver = (ws as { _receiver?: { _maxPayload?: number } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
};

/** A WebSocket upgrade ws will take (as ws checks it): otherwise it is refused here, with the headers. */
export function soundUpgrade(request: IncomingMessage): boolean {
  const key = request.headers['sec-websocket-key'];
  const version = request.headers['sec-websocket-version'];
  return (
    request.method === 'GET' &&
    String(request.headers.upgrade ?? '').toLowerCase() === 'websocket' &&
    typeof key === 'string' &&
    /^[+/0-9A-Za-z]{22}==$/.test(key) &&
    (version === '8' || version === '13')
  );
}

/** Answer on a raw socket (no response object exists yet) with the security headers, and close it. */
export function refuse(socket: Duplex, status: number, text: string): void {
  const headers = { ...SECURITY_HEADERS, Connection: 'close', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) };
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${text}`);
}

/**
 * Connections that have not shown a room's key: small frames only, a few at a time, for a
 * short while (Hocuspocus queues what they send until they do, so the limits are kept here).
 */
export function guardWaiting(wss: Server['webSocketServer'], within: number, refused: (reason: string) => void = () => {}, maxBytes = MAX_MESSAGE_BYTES) {
  const waiting = new Map<IncomingMessage, () => void>();
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    if (waiting.size >= MAX_WAITING) {
      refused('too-many-waiting');
      ws.terminate();
      return;
    }
    let bytes = 0;
    setFrameLimit(ws, BEFORE_AUTH_BYTES);
    const count = (data: Buffer | ArrayBuffer | Buffer[]) => {
      bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
      if (bytes > BEFORE_AUTH_BYTES) {
        refused('too-much-before-key');
        ws.terminate();
      }
    };
    // A frame too large is refused by ws from its header (1009) before any of it is counted.
    const failed = () => refused('too-much-before-key');
    ws.on('error', failed);
    const timer = setTimeout(() => {
      refused('no-key-in-time');
      ws.terminate();
    }, within);
    const done = () => {
      clearTimeout(timer);
      ws.off('message', count);
      ws.off('error', failed);
      ws.off('close', done);
      waiting.delete(request);
    };
    ws.on('message', count);
    ws.on('close', done);
    waiting.set(request, () => {
      done();
      setFrameLimit(ws, maxBytes);
    });
  });
  return {
    /** The connection of `request` showed a room's key. */
    admit: (request: IncomingMessage) => waiting.get(request)?.(),
  };
}

