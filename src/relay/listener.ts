// The relay's own HTTP(S) and WebSocket layer, in front of Hocuspocus: plain HTTP by default,
// HTTPS and WSS when it is given a certificate (TLS_CERT / TLS_KEY, for a relay with no reverse
// proxy in front). Requests go to `onRequest`; WebSocket upgrades that `onUpgrade` lets through
// become connections. A socket's error is the relay's to say, in one line (the library printed a
// stack trace per error).
import { createServer as createHttp, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { refuse } from './gate';

export interface Tls {
  cert: string | Buffer;
  key: string | Buffer;
}

export interface ListenerOptions {
  tls?: Tls | null;
  maxPayload: number;
  onRequest(request: IncomingMessage, response: ServerResponse): Promise<void>;
  /** False: the upgrade was answered (refused) and goes no further. */
  onUpgrade(request: IncomingMessage, socket: Duplex): boolean;
  onConnection(ws: WebSocket, request: IncomingMessage): void;
  onSocketError(error: Error): void;
}

export interface Listener {
  http: HttpServer;
  wss: WebSocketServer;
  listen(port: number, host: string): Promise<number>;
  /** No new connections; every open one ended. */
  close(): Promise<void>;
}

export function listener(options: ListenerOptions): Listener {
  const handle = (request: IncomingMessage, response: ServerResponse) =>
    void options.onRequest(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  const http: HttpServer = options.tls ? createHttps({ cert: options.tls.cert, key: options.tls.key }, handle) : createHttp(handle);
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!options.onUpgrade(request, socket)) return;
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', (error) => options.onSocketError(error));
      // For whoever watches connections on the server (./gate.ts), then the rooms.
      wss.emit('connection', ws, request);
      options.onConnection(ws, request);
    });
  });
  // Node answers requests it cannot parse (headers too large: 431, garbage: 400) itself, without the headers.
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const big = error.code === 'HPE_HEADER_OVERFLOW';
    refuse(socket, big ? 431 : 400, big ? 'Request Header Fields Too Large' : 'Bad Request');
  });
  return {
    http,
    wss,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen({ port, host }, () => {
          http.off('error', reject);
          resolve((http.address() as { port: number }).port);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      http.closeAllConnections();
      await closed;
    },
  };
}
