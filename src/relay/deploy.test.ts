// Issue 26: the container image and the systemd unit, checked without Docker or systemd — what
// they copy exists (in the repository, or as what the build makes), they run the relay the way
// `npm start` does, as a user that is not root, with the rooms' file on a volume.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vite.config';

const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

interface Stage {
  from: string;
  name: string | null;
  lines: Array<{ op: string; args: string }>;
}

/** The Dockerfile's stages and their instructions (continuation lines joined, comments left out). */
function stages(text: string): Stage[] {
  const joined = text.replace(/\\\n\s*/g, ' ');
  const out: Stage[] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, op, args] = /^(\w+)\s+(.*)$/.exec(line)!;
    if (op!.toUpperCase() === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args!)!;
      out.push({ from: image!, name: name ?? null, lines: [] });
    } else out.at(-1)!.lines.push({ op: op!.toUpperCase(), args: args! });
  }
  return out;
}

/** What `vite build` and `vite build --mode relay` write, and the relay's entries. */
async function buildOutputs() {
  const resolveMode = config as unknown as (env: { mode: string; command: 'build' }) => { build?: { outDir?: string; rolldownOptions?: { input?: Record<string, string> } } };
  const app = resolveMode({ mode: 'production', command: 'build' });
  const relay = resolveMode({ mode: 'relay', command: 'build' });
  return { app: app.build?.outDir ?? 'dist', relay: relay.build!.outDir!, entries: Object.keys(relay.build!.rolldownOptions!.input!) };
}

describe('the Dockerfile', () => {
  const [build, run] = stages(read('Dockerfile'));

  it('builds in one stage and runs on Node 20 slim in another', () => {
    expect(build!.from).toMatch(/^node:20(-|$)/);
    expect(build!.name).toBe('build');
    expect(run!.from).toMatch(/^node:20-.*slim$/);
  });

  it('copies into the build only what the repository has', () => {
    const copied = build!.lines.filter((l) => l.op === 'COPY').flatMap((l) => l.args.split(/\s+/).slice(0, -1));
    expect(copied.length).toBeGreaterThan(0);
    for (const path of copied) expect(existsSync(resolve(root, path)), path).toBe(true);
    // Everything the build reads is among them: the config, the page, the sources, the icons, the lock file.
    for (const needed of ['package.json', 'package-lock.json', 'vite.config.ts', 'index.html', 'src', 'public']) expect(copied).toContain(needed);
  });

  it('takes from the build stage only what it made: the app, the relay, their packages', async () => {
    const outputs = await buildOutputs();
    const taken = run!.lines.filter((l) => l.op === 'COPY').map((l) => /^--from=build\s+\/app\/(\S+)\s+\S+$/.exec(l.args)?.[1]);
    expect(taken.every(Boolean)).toBe(true);
    expect(new Set(taken)).toEqual(new Set(['package.json', 'node_modules', outputs.app, outputs.relay]));
    const install = build!.lines.find((l) => l.op === 'RUN' && l.args.includes('vite build --mode relay'));
    expect(install?.args).toContain('npm prune --omit=dev');
  });

  it('runs as a user that is not root, the rooms on a volume it may write, a health check, the relay as npm start runs it', async () => {
    const { relay, entries } = await buildOutputs();
    const user = run!.lines.filter((l) => l.op === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0', '0:0']).not.toContain(user);
    const env = run!.lines.filter((l) => l.op === 'ENV').map((l) => l.args).join(' ');
    const data = /RELAY_DATA=(\S+)/.exec(env)![1]!;
    const volume = run!.lines.find((l) => l.op === 'VOLUME')!.args;
    expect(data.startsWith(`${volume}/`)).toBe(true);
    expect(run!.lines.some((l) => l.op === 'RUN' && l.args.includes(`chown ${user}:${user} ${volume}`))).toBe(true);
    // The user's own lines come after the folder is theirs.
    expect(run!.lines.findIndex((l) => l.op === 'USER')).toBeGreaterThan(run!.lines.findIndex((l) => l.op === 'RUN'));
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start!;
    const cmd = JSON.parse(run!.lines.find((l) => l.op === 'CMD')!.args) as string[];
    expect(cmd.join(' ')).toBe(start);
    expect(cmd[1]).toBe(`${relay}/relay.js`);
    expect(entries).toContain('relay');
    const health = run!.lines.find((l) => l.op === 'HEALTHCHECK')!.args;
    const script = /CMD \["node", "([^"]+)"\]/.exec(health)![1]!;
    expect(script).toBe(`${relay}/relay-healthcheck.js`);
    expect(entries).toContain('relay-healthcheck');
    expect(run!.lines.find((l) => l.op === 'EXPOSE')?.args).toBe(/PORT=(\d+)/.exec(env)![1]);
  });

  it('leaves what the image does not need out of its context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const path of ['node_modules', 'dist', 'dist-relay', '.git', '*.sqlite*']) expect(ignored).toContain(path);
  });
});

describe('the systemd unit (docs/solfjadern-relay.service)', () => {
  const unit = read('docs/solfjadern-relay.service');
  const value = (key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(unit)?.[1];

  it('runs the built relay as its own user, writing only the rooms’ folder, restarted on failure', () => {
    expect(value('User')).toBe('solfjadern');
    expect(value('ExecStart')).toBe('/usr/bin/node dist-relay/relay.js');
    expect(value('Restart')).toBe('on-failure');
    const data = /RELAY_DATA=(\S+)/.exec(unit)![1]!;
    expect(data.startsWith(`${value('ReadWritePaths')}/`)).toBe(true);
    expect(value('ProtectSystem')).toBe('strict');
  });
});
