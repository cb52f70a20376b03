// The relay as an IT department runs it: `npm start` in a process of its own (the built app and
// relay), on a free port with its own rooms file; killed outright (SIGKILL, as a crash or an
// out-of-memory kill would) and started again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../room';

export interface Service {
  port: number;
  origin: string;
  dataFile: string;
  /** What it printed, line by line. */
  lines: string[];
  /** `npm start` again on the same port and file (after `kill`). */
  start(): ChildProcess;
  /** SIGKILL to npm and the relay under it: no chance to store anything. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function npmStart(env: Record<string, string> = {}): Promise<Service> {
  const port = await freePort();
  const dataFile = env.RELAY_DATA ?? join(mkdtempSync(join(tmpdir(), 'solfjadern-tjanst-')), 'rum.sqlite');
  const lines: string[] = [];
  let child: ChildProcess | null = null;
  const start = () => {
    // Its own process group, so the relay under npm goes with it.
    child = spawn('npm', ['start'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RELAY_DATA: dataFile, ...env } });
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    return child;
  };
  const signal = async (name: NodeJS.Signals) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((r) => running.once('exit', r));
    process.kill(-running.pid!, name);
    await gone;
    child = null;
  };
  return { port, origin: `http://127.0.0.1:${port}`, dataFile, lines, start, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}

/** `/health`'s status, or 0 while nothing answers. */
export async function healthStatus(origin: string): Promise<number> {
  try {
    return (await fetch(`${origin}/health`)).status;
  } catch {
    return 0;
  }
}
