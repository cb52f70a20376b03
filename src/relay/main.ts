// `npm run relay`: the room relay with its settings from the environment.
//   PORT        port (1234)
//   HOST        address to listen on (all interfaces)
//   RELAY_DATA  the SQLite file rooms are kept in (solfjadern-rum.sqlite in the working folder)
//   REDIS_URL   redis://host:port — share rooms with other relays through Redis (off)
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRelay } from './server';

function redisFrom(url: string | undefined): { host: string; port: number } | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}

const here = dirname(fileURLToPath(import.meta.url));
const relay = await startRelay({
  port: Number(process.env.PORT ?? 1234),
  host: process.env.HOST ?? '0.0.0.0',
  dataFile: resolve(process.env.RELAY_DATA ?? 'solfjadern-rum.sqlite'),
  appDir: resolve(here, '../dist'),
  redis: redisFrom(process.env.REDIS_URL),
});

async function stop(): Promise<void> {
  await relay.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
