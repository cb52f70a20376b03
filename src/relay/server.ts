// The room relay: one Node process that serves the built app and its rooms on one origin (so
// the page's `connect-src 'self'` holds and a room needs one address), on Hocuspocus. Rooms
// are kept in SQLite; several relays behind one address share rooms through Redis.
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import BetterSqlite3 from 'better-sqlite3';
import type { WebSocket } from 'ws';
import { existsSync, renameSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { networkInterfaces } from 'node:os';
import { opens } from '../room/access';
import { SECURITY_HEADERS } from '../security';
import { SturdyRedis } from './redis';
import { serveApp } from './static';

export interface RelayOptions {
  port: number;
  /** The address to listen on; all interfaces by default. */
  host: string;
  /** The SQLite file the rooms are kept in. */
  dataFile: string;
  /** The built app (`dist`). */
  appDir: string;
  redis?: { host: string; port: number };
  quiet?: boolean;
  /** How long a connection may wait before showing a room's key (tests shorten it). */
  authWithinMs?: number;
  /** What the relay would print as a warning, when `quiet` (tests). */
  onWarning?: (text: string) => void;
}

export interface Relay {
  port: number;
  /** Addresses to share, one per network interface. */
  urls: string[];
  close(): Promise<void>;
}

/** The path rooms are reached on (a WebSocket upgrade anywhere else is refused). */
export const ROOM_PATH = '/rum';
/** A room message larger than this is refused (a whole plan of 1,000 items is ~1 MB). */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/**
 * Before a connection has shown the room's key, it has no business sending more than its
 * hello (the key, a state vector, a presence): more in all than this and it is closed — a
 * frame larger is refused from its header, before it is read into memory.
 */
const BEFORE_AUTH_BYTES = 64 * 1024;
/** Presences one connection may bring (its own, and the one it had before a reconnect). */
const MAX_PRESENCES_PER_CONNECTION = 4;
/** Connections that have not shown a key yet, at most (more are closed at once) … */
const MAX_WAITING = 64;
/** … and how long one may wait before showing it. */
const AUTH_WITHIN_MS = 10_000;

/** ws' own frame limit of one connection (its receiver's; ws 8), so it can be raised once the key is shown. */
const setFrameLimit = (ws: unknown, bytes: number) => {
  const receiver = (ws as { _receiver?: { _maxPayload?: number } })._receiver;
  if (receiver && typeof receiver._maxPayload === 'number') receiver._maxPayload = bytes;
};

interface Store {
  fetch(name: string): Uint8Array | null;
  store(name: string, state: Uint8Array): void;
  close(): void;
}

/** The rooms' SQLite file, opened and checked; throws when it cannot be read as one. */
function openStore(file: string): Store {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    db.exec('CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at TEXT NOT NULL)');
  } catch (error) {
    db.close();
    throw error;
  }
  const read = db.prepare<[string], { data: Buffer }>('SELECT data FROM rooms WHERE name = ?');
  const write = db.prepare('INSERT INTO rooms (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at');
  return {
    fetch: (name) => {
      const row = read.get(name);
      return row ? new Uint8Array(row.data) : null;
    },
    store: (name, state) => void write.run(name, Buffer.from(state), new Date().toISOString()),
    close: () => db.close(),
  };
}

/** Whether an error says the SQLite file is not a sound database (damaged, truncated, something else). */
const damaged = (error: unknown): boolean => /^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: unknown })?.code ?? '')) || /malformed|not a database/i.test(String(error));

/** Move a damaged rooms file (and its journal) aside, keeping it for a closer look; returns where it went. */
function moveAside(file: string): string {
  const aside = `${file}.skadad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/**
 * The rooms' store, sound whatever is on disk: a file that is damaged (at start, or found so
 * later) is moved aside and the relay carries on with an empty one — every participant keeps
 * the plan, and their apps fill each room in again as they connect.
 */
function sturdyStore(file: string, say: (text: string) => void): Store {
  const fresh = (error: unknown): Store => {
    if (!damaged(error)) throw error;
    const aside = moveAside(file);
    say(`Rumsfilen ${file} var skadad och flyttades till ${aside}. Reläet fortsätter med en tom fil; deltagarnas appar fyller i rummen igen när de ansluter.`);
    return openStore(file);
  };
  let current: Store;
  try {
    current = openStore(file);
  } catch (error) {
    current = fresh(error);
  }
  const guarded =
    <A extends unknown[], R>(run: (store: Store, ...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(current, ...args);
      } catch (error) {
        try {
          current.close();
        } catch {
          // Already unusable.
        }
        current = fresh(error);
        return run(current, ...args);
      }
    };
  return {
    fetch: guarded((s, name: string) => s.fetch(name)),
    store: guarded((s, name: string, state: Uint8Array) => s.store(name, state)),
    close: () => current.close(),
  };
}

/** A WebSocket upgrade ws will take (as ws checks it): otherwise it is refused here, with the headers. */
function soundUpgrade(request: IncomingMessage): boolean {
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
function refuse(socket: Duplex, status: number, text: string): void {
  const headers = { ...SECURITY_HEADERS, Connection: 'close', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) };
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${text}`);
}

/**
 * Connections that have not shown a room's key: small frames only, a few at a time, for a
 * short while (Hocuspocus queues what they send until they do, so the limits are kept here).
 */
function guardWaiting(wss: Server['webSocketServer'], within: number) {
  const waiting = new Map<IncomingMessage, () => void>();
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    if (waiting.size >= MAX_WAITING) {
      ws.terminate();
      return;
    }
    let bytes = 0;
    setFrameLimit(ws, BEFORE_AUTH_BYTES);
    const count = (data: Buffer | ArrayBuffer | Buffer[]) => {
      bytes += Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : data.byteLength;
      if (bytes > BEFORE_AUTH_BYTES) ws.terminate();
    };
    const timer = setTimeout(() => ws.terminate(), within);
    const done = () => {
      clearTimeout(timer);
      ws.off('message', count);
      ws.off('close', done);
      waiting.delete(request);
    };
    ws.on('message', count);
    ws.on('close', done);
    waiting.set(request, () => {
      done();
      setFrameLimit(ws, MAX_MESSAGE_BYTES);
    });
  });
  return {
    /** The connection of `request` showed a room's key. */
    admit: (request: IncomingMessage) => waiting.get(request)?.(),
  };
}

function addresses(host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const found = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => `http://${i!.address}:${port}/`);
  return [...found, `http://127.0.0.1:${port}/`];
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const store = sturdyStore(options.dataFile, (text) => (options.quiet ? options.onWarning?.(text) : console.warn(text)));
  const extensions = [
    new Database({
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  if (options.redis)
    extensions.push(
      new SturdyRedis({
        host: options.redis.host,
        port: options.redis.port,
        prefix: 'solfjadern',
        onStatus: (up) => {
          if (!options.quiet) console.log(up ? 'Redis är tillbaka: rummen delas med de andra reläerna igen.' : 'Redis svarar inte: rummen fortsätter på det här reläet och delas igen när Redis är tillbaka.');
        },
      }) as unknown as Database,
    );
  const server = new Server(
    {
      port: options.port,
      address: options.host,
      quiet: true,
      stopOnSignals: false,
      // Kept on disk within a second of the last change, and at least every five.
      debounce: 1000,
      maxDebounce: 5000,
      extensions,
      // A connection is one person: one presence (a reconnect may bring its last one along).
      // One that claims more — a raw client faking a crowd — is closed, its presences with it.
      async onAwarenessUpdate({ document }) {
        const connections = (document as unknown as { connections: Map<WebSocket, { clients: Set<number> }> }).connections;
        for (const [socket, { clients }] of connections) if (clients.size > MAX_PRESENCES_PER_CONNECTION) socket.close(4400, 'För många närvaron');
      },
      async onAuthenticate({ documentName, token, request }) {
        if (!(await opens(documentName, token))) throw new Error('Fel eller saknad nyckel till rummet');
        gate.admit(request);
      },
      async onUpgrade({ request, socket }) {
        if (new URL(request.url ?? '/', 'http://relay').pathname !== ROOM_PATH) {
          socket.destroy();
          // Stops the upgrade (Hocuspocus takes an empty rejection as "handled").
          throw null;
        }
        // ws would answer a malformed upgrade itself, without the security headers.
        if (!soundUpgrade(request)) {
          refuse(socket, 400, 'Bad Request');
          throw null;
        }
      },
      async onRequest({ request, response }) {
        await serveApp(options.appDir, request, response);
        throw null;
      },
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  // Node answers requests it cannot parse (headers too large: 431, garbage: 400) itself, without the headers.
  server.httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    refuse(socket, error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400, error.code === 'HPE_HEADER_OVERFLOW' ? 'Request Header Fields Too Large' : 'Bad Request');
  });
  const gate = guardWaiting(server.webSocketServer, options.authWithinMs ?? AUTH_WITHIN_MS);
  await server.listen();
  const port = server.address.port;
  const urls = addresses(options.host, port);
  if (!options.quiet) {
    console.log('Solfjädern – rummen är igång.');
    console.log(`Dela den här adressen med deltagarna:\n${urls.map((u) => `  ${u}`).join('\n')}`);
    console.log(`Rummen sparas i ${options.dataFile}${options.redis ? `, delas via Redis på ${options.redis.host}:${options.redis.port}` : ''}.`);
  }
  return {
    port,
    urls,
    close: async () => {
      // Every room is stored as its connections end; then nothing is left open (a closed relay
      // must look closed to the clients, so they reconnect to the next one).
      const done = server.destroy();
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await done;
      server.httpServer.closeAllConnections();
      store.close();
    },
  };
}
