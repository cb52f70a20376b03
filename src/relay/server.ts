// The room relay: one Node process that serves the built app and its rooms on one origin (so
// the page's `connect-src 'self'` holds and a room needs one address), on Hocuspocus. Rooms
// are kept in SQLite; several relays behind one address share rooms through Redis.
import { Database } from '@hocuspocus/extension-database';
import { type Extension, Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WebSocket } from 'ws';
import type { Duplex } from 'node:stream';
import { networkInterfaces } from 'node:os';
import { opens } from '../room/access';
import { coalesceUpdates, updatePieces } from './coalesce';
import { AUTH_WITHIN_MS, guardWaiting, MAX_MESSAGE_BYTES, refuse, soundUpgrade } from './gate';
import { healthAnswer } from './health';
import { addressOf, Buckets, DEFAULT_LIMITS, guardMessages, type PeerLimits, roomOfMessage } from './peerLimits';
import { CLOSE_FLOOD, CLOSE_MALFORMED, RELAY_FULL, ROOM_FULL, TOO_MANY_CONNECTIONS, TOO_MANY_ROOMS } from '../room/relayWords';
import { listener, type Tls } from './listener';
import { consoleLog, type RelayLog, roomTag } from './log';
import { refusalLog } from './refusals';
import { sturdyStore } from './store';
import { serveApp } from './static';
import { SECURITY_HEADERS } from '../security';

export interface RelayOptions {
  port: number;
  /** The address to listen on; all interfaces by default. */
  host: string;
  /** The SQLite file the rooms are kept in. */
  dataFile: string;
  /** The built app (`dist`). */
  appDir: string;
  redis?: { host: string; port: number };
  /** A certificate and key: serve https and wss (for a relay with no reverse proxy in front). */
  tls?: Tls | null;
  /** Where events go, one line each (./log.ts); the console, as `LOG` says, by default. */
  log?: RelayLog;
  /** The window refusals are counted in (./refusals.ts; tests shorten it). */
  refusalWindowMs?: number;
  /** How long a connection may wait before showing a room's key (tests shorten it). */
  authWithinMs?: number;
  /** What one participant may do (./peerLimits.ts); the defaults when left out. */
  limits?: Partial<PeerLimits>;
  /** Take the address a connection comes from from X-Forwarded-For (behind a trusted proxy). */
  trustProxy?: boolean;
  /** The largest message taken (32 MB). */
  maxMessageBytes?: number;
  /** New rooms an hour (60); a room larger than `maxRoomBytes` (16 MB) is not kept on disk. */
  newRoomsPerHour?: number;
  maxRoomBytes?: number;
}

export interface Relay {
  port: number;
  /** Addresses to share, one per network interface. */
  urls: string[];
  close(): Promise<void>;
}

/** The path rooms are reached on (a WebSocket upgrade anywhere else is refused). */
export const ROOM_PATH = '/rum';
/** What a load balancer or monitor asks (./health.ts). */
export const HEALTH_PATH = '/health';
/** Presences one connection may bring (its own, and the one it had before a reconnect). */
const MAX_PRESENCES_PER_CONNECTION = 4;
/** New rooms one relay makes an hour; a workshop makes one or two. */
const NEW_ROOMS_PER_HOUR = 60;
/** A room's document kept on disk at most (a plan of 5,000 items is a few MB). */
const MAX_ROOM_BYTES = 16 * 1024 * 1024;

/** At most `perHour` takes in any hour. */
function hourlyShare(perHour: number) {
  const taken: number[] = [];
  return {
    take(now = Date.now()): boolean {
      while (taken.length > 0 && now - taken[0]! > 3_600_000) taken.shift();
      if (taken.length >= perHour) return false;
      taken.push(now);
      return true;
    },
  };
}

function addresses(scheme: string, host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const found = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => `${scheme}://${i!.address}:${port}/`);
  return [...found, `${scheme}://127.0.0.1:${port}/`];
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? consoleLog(process.env.LOG);
  const store = sturdyStore(options.dataFile, (aside) => log.warn('store.damaged', { file: options.dataFile, 'moved-to': aside, note: 'started with an empty file; the participants fill their rooms in again' }));
  const maxRoomBytes = options.maxRoomBytes ?? MAX_ROOM_BYTES;
  const newRooms = hourlyShare(options.newRoomsPerHour ?? NEW_ROOMS_PER_HOUR);
  /** Rooms told about being too big to keep (said once each). */
  const tooBig = new Set<string>();
  /** Per open room: its connections now and the most it had. */
  const peers = new Map<string, { now: number; most: number }>();
  // Redis's packages are loaded only by a relay that shares rooms through it.
  const redis = options.redis
    ? new (await import('./redis')).SturdyRedis({
        host: options.redis.host,
        port: options.redis.port,
        prefix: 'solfjadern',
        onStatus: (up) => (up ? log.info('redis.up', { note: 'rooms are shared with the other relays again' }) : log.warn('redis.down', { note: 'rooms go on on this relay and are shared again when Redis is back' })),
      })
    : null;
  const extensions: Extension[] = [
    new Database({
      fetch: async ({ documentName }) => store.fetch(documentName),
      store: async ({ documentName, state, document }) => {
        // Another relay holds the room's lock and stores it now.
        if (redis?.storedElsewhere(document)) return;
        // A room larger than any plan is served but not kept (the participants keep their copies).
        if (state.length > maxRoomBytes) {
          if (!tooBig.has(documentName)) log.warn('limit.room-not-kept', { room: roomTag(documentName), bytes: state.length, limit: maxRoomBytes });
          tooBig.add(documentName);
          return;
        }
        store.store(documentName, state);
      },
    }),
  ];
  if (redis) extensions.push(redis);
  // Refusals and limits said without flooding the log (./refusals.ts).
  const { refused, limitHit, close: closeRefusals } = refusalLog(log, options.refusalWindowMs);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  /** Connections open now, per address. */
  const perAddress = new Map<string, number>();
  const buckets = new Buckets(limits.messagesPerSecond, limits.messageBurst);
  /** A large update the room sends everyone is cut once, for all of them. */
  const pieces = updatePieces();
  const pruning = setInterval(() => buckets.prune(), 60_000);
  pruning.unref();
  /** Each message checked before the rooms see it: one that is not a room message, or one too many, closes its connection. */
  const guard = (ws: WebSocket, request: IncomingMessage) => {
    const address = addressOf(request, !!options.trustProxy);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    ws.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
    // What the room sends this person in a burst goes as few messages, a large update as pieces (./coalesce.ts).
    coalesceUpdates(ws, setImmediate, pieces);
    guardMessages(ws, (data) => {
      if (ws.readyState !== ws.OPEN) return false;
      const room = roomOfMessage(data);
      if (room === null) {
        refused('malformed-message', { bytes: data.length });
        ws.close(CLOSE_MALFORMED, 'Felaktigt meddelande');
        return false;
      }
      const key = `${address}|${room}`;
      if (buckets.take(key)) return true;
      limitHit(key, 'limit.messages', { room: roomTag(room), rate: limits.messagesPerSecond, burst: limits.messageBurst });
      ws.close(CLOSE_FLOOD, 'För många ändringar på kort tid');
      return false;
    });
  };
  /** Told when the last room has been stored and unloaded (while closing). */
  let allUnloaded: (() => void) | null = null;
  const hocuspocus = new Hocuspocus({
    // Kept on disk within a second of the last change, and at least every five.
    debounce: 1000,
    maxDebounce: 5000,
    extensions,
    // A connection is one person: one presence (a reconnect may bring its last one along).
    // One that claims more — a raw client faking a crowd — is closed, its presences with it.
    async onAwarenessUpdate({ document, documentName }) {
      for (const [socket, { clients }] of document.connections)
        if (clients.size > MAX_PRESENCES_PER_CONNECTION) {
          refused('too-many-presences', { room: roomTag(documentName), presences: clients.size });
          socket.close(4400, 'För många närvaron');
        }
    },
    async onAuthenticate({ documentName, token, request, instance }) {
      if (!(await opens(documentName, token))) {
        refused('wrong-key', { room: roomTag(documentName) });
        throw new Error('Fel eller saknad nyckel till rummet');
      }
      const address = addressOf(request, !!options.trustProxy);
      if ((perAddress.get(address) ?? 0) > limits.connectionsPerAddress) {
        limitHit(`connections|${address}`, 'refused', { reason: 'too-many-connections', limit: limits.connectionsPerAddress });
        throw { reason: TOO_MANY_CONNECTIONS };
      }
      const open = instance.documents.get(documentName);
      if (open && open.getConnectionsCount() >= limits.peersPerRoom) {
        limitHit(`full|${documentName}`, 'refused', { reason: 'room-full', room: roomTag(documentName), limit: limits.peersPerRoom });
        throw { reason: ROOM_FULL };
      }
      if (!open && instance.getDocumentsCount() >= limits.openRooms) {
        limitHit('rooms', 'refused', { reason: 'relay-full', limit: limits.openRooms });
        throw { reason: RELAY_FULL };
      }
      // Anyone who reaches the relay can make a room: new ones are counted, and past the hour's
      // share refused with a word the app shows (rooms already here always open).
      if (!open && store.fetch(documentName) === null && !newRooms.take()) {
        refused('too-many-new-rooms', { room: roomTag(documentName) });
        throw { reason: TOO_MANY_ROOMS };
      }
      gate.admit(request);
    },
    async afterLoadDocument({ documentName }) {
      peers.set(documentName, { now: 0, most: 0 });
      log.info('room.opened', { room: roomTag(documentName) });
    },
    async connected({ documentName }) {
      const count = peers.get(documentName);
      if (count) count.most = Math.max(count.most, ++count.now);
    },
    async onDisconnect({ documentName }) {
      const count = peers.get(documentName);
      if (count) count.now = Math.max(0, count.now - 1);
    },
    async afterUnloadDocument({ documentName, instance }) {
      log.info('room.closed', { room: roomTag(documentName), peers: peers.get(documentName)?.most ?? 0 });
      peers.delete(documentName);
      tooBig.delete(documentName);
      if (instance.getDocumentsCount() === 0) allUnloaded?.();
    },
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex): boolean => {
    if (new URL(request.url ?? '/', 'http://relay').pathname !== ROOM_PATH) {
      refused('not-a-room-address');
      socket.destroy();
      return false;
    }
    // ws would answer a malformed upgrade itself, without the security headers.
    if (!soundUpgrade(request)) {
      refused('malformed-upgrade');
      refuse(socket, 400, 'Bad Request');
      return false;
    }
    return true;
  };
  const net = listener({
    tls: options.tls,
    maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES,
    onUpgrade,
    onRequest: async (request, response) => {
      if (new URL(request.url ?? '/', 'http://relay').pathname === HEALTH_PATH) answerHealth(response);
      else await serveApp(options.appDir, request, response);
    },
    onConnection: (ws, request) => {
      guard(ws, request);
      hocuspocus.handleConnection(ws, request);
    },
    onSocketError: (error: Error & { code?: string }) =>
      error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? log.warn('limit.message-size', { limit: options.maxMessageBytes ?? MAX_MESSAGE_BYTES }) : log.warn('peer.error', { reason: error.message }),
  });
  const answerHealth = (response: ServerResponse) => {
    const { status, body } = healthAnswer({
      rooms: hocuspocus.getDocumentsCount(),
      connections: hocuspocus.getConnectionsCount(),
      store: store.healthy(),
      redis: redis ? redis.up : null,
    });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
  };
  const gate = guardWaiting(net.wss, options.authWithinMs ?? AUTH_WITHIN_MS, refused, options.maxMessageBytes ?? MAX_MESSAGE_BYTES);
  const port = await net.listen(options.port, options.host);
  const scheme = options.tls ? 'https' : 'http';
  const urls = addresses(scheme, options.host, port);
  log.info('started', {
    address: `${scheme}://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    store: options.dataFile,
    redis: options.redis ? `${options.redis.host}:${options.redis.port}` : 'off',
    tls: options.tls ? 'on' : 'off',
  });
  // The addresses to give the participants (one per network interface).
  for (const url of urls) log.info('share', { url });
  return {
    port,
    urls,
    close: async () => {
      // Every room is stored as its connections end; then nothing is left open (a closed relay
      // must look closed to the clients, so they reconnect to the next one).
      const unloaded = new Promise<void>((resolve) => {
        allUnloaded = resolve;
        if (hocuspocus.getDocumentsCount() === 0) resolve();
      });
      hocuspocus.closeConnections();
      await net.close();
      await unloaded;
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      clearInterval(pruning);
      closeRefusals();
      store.close();
      log.info('stopped');
    },
  };
}
