// `npm run relay:backup -- <file>`: copy the rooms' file (RELAY_DATA, as the relay reads it) to
// <file> while the relay runs. Prints one line; exits 1 with the reason when it cannot.
import { resolve } from 'node:path';
import { backupRooms } from './backup';
import { logLine } from './log';

const target = process.argv[2];
const source = resolve(process.env.RELAY_DATA ?? 'solfjadern-rum.sqlite');
if (!target) {
  console.error('Ange filen att kopiera till: npm run relay:backup -- /säkerhetskopior/rum-2026-12-06.sqlite');
  process.exit(1);
}
try {
  const { rooms, bytes } = await backupRooms(source, resolve(target));
  console.log(logLine('backup', { store: source, to: resolve(target), rooms, bytes }));
} catch (error) {
  console.error(logLine('backup.failed', { store: source, to: resolve(target), reason: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
}
