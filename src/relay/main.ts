// `npm start`: the room relay and the built app (`npm run build` once before), with its settings
// from the environment (docs/relay.md):
//   PORT        port (1234)
//   HOST        address to listen on (all interfaces)
//   RELAY_DATA  the SQLite file rooms are kept in (solfjadern-rum.sqlite in the working folder)
//   REDIS_URL   redis://host:port — share rooms with other relays through Redis (off)
//   LOG         quiet: only what needs someone's attention (every event, one line each)
//   TLS_CERT, TLS_KEY  PEM files: serve https and wss itself (no reverse proxy in front)
//   TRUST_PROXY 1: a connection's address is X-Forwarded-For's first (behind the region's proxy)
//   LIMIT_*     what one participant may do (./peerLimits.ts, docs/relay.md)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleLog } from './log';
import { limitsFrom } from './peerLimits';
import { startRelay } from './server';

function redisFrom(url: string | undefined): { host: string; port: number } | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}

const log = consoleLog(process.env.LOG);
const fail = (reason: string): never => {
  log.warn('start.failed', { reason });
  process.exit(1);
};
const here = dirname(fileURLToPath(import.meta.url));
const appDir = resolve(here, '../dist');
if (!existsSync(join(appDir, 'index.html'))) fail(`the app is not built in ${appDir}: run npm run build once, then npm start`);
const port = Number(process.env.PORT ?? 1234);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT=${process.env.PORT} is not a port number`);

/** The certificate and key when both are given; a start with only one of them is refused. */
function tlsFrom(cert: string | undefined, key: string | undefined) {
  if (!cert && !key) return null;
  if (!cert || !key) return fail('TLS_CERT and TLS_KEY go together: give both PEM files, or neither for plain http');
  try {
    return { cert: readFileSync(cert), key: readFileSync(key) };
  } catch (error) {
    return fail(`cannot read the certificate or its key: ${(error as Error).message}`);
  }
}
const tls = tlsFrom(process.env.TLS_CERT, process.env.TLS_KEY);

const relay = await startRelay({
  port,
  host: process.env.HOST ?? '0.0.0.0',
  dataFile: resolve(process.env.RELAY_DATA ?? 'solfjadern-rum.sqlite'),
  appDir,
  redis: redisFrom(process.env.REDIS_URL),
  tls,
  limits: limitsFrom(process.env),
  ...(Number(process.env.LIMIT_NEW_ROOMS_PER_HOUR) > 0 ? { newRoomsPerHour: Number(process.env.LIMIT_NEW_ROOMS_PER_HOUR) } : {}),
  trustProxy: process.env.TRUST_PROXY === '1',
  log,
}).catch((error: NodeJS.ErrnoException) => fail(error.code === 'EADDRINUSE' ? `port ${port} is in use (another relay?)` : error.message));

async function stop(): Promise<void> {
  await relay.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
