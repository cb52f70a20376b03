// The room relay: one Node process that serves the built app and its rooms on one origin (so
// the page's `connect-src 'self'` holds and a room needs one address), on Hocuspocus. Rooms
// are kept in SQLite; several relays behind one address share rooms through Redis.
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { opens } from '../room/access';
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
