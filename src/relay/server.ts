// The room relay: one Node process that serves the built app and its rooms on one origin (so
// the page's `connect-src 'self'` holds and a room needs one address), on Hocuspocus. Rooms
// are kept in SQLite; several relays behind one address share rooms through Redis.
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';
import BetterSqlite3 from 'better-sqlite3';
import { networkInterfaces } from 'node:os';
import { opens } from '../room/access';
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

function openStore(file: string) {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at TEXT NOT NULL)');
  const read = db.prepare<[string], { data: Buffer }>('SELECT data FROM rooms WHERE name = ?');
  const write = db.prepare('INSERT INTO rooms (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at');
  return {
    fetch: (name: string): Uint8Array | null => {
      const row = read.get(name);
      return row ? new Uint8Array(row.data) : null;
    },
    store: (name: string, state: Uint8Array) => void write.run(name, Buffer.from(state), new Date().toISOString()),
    close: () => db.close(),
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
  const store = openStore(options.dataFile);
  const extensions = [
    new Database({
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  if (options.redis)
    extensions.push(
      new Redis({
        host: options.redis.host,
        port: options.redis.port,
        prefix: 'solfjadern',
        // ioredis 5.8 sends CLIENT SETINFO after SUBSCRIBE on the subscriber connection, which
        // Redis refuses, and the room never subscribes (redis/ioredis#2037).
        options: { disableClientInfo: true },
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
      async onAuthenticate({ documentName, token }) {
        if (!(await opens(documentName, token))) throw new Error('Fel eller saknad nyckel till rummet');
      },
      async onUpgrade({ request, socket }) {
        if (new URL(request.url ?? '/', 'http://relay').pathname !== ROOM_PATH) {
          socket.destroy();
          // Stops the upgrade (Hocuspocus takes an empty rejection as "handled").
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
