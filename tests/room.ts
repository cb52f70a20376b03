// Room helpers for tests in Node: a relay on a free port with its own files, clients through
// the real provider, and waiting for a condition.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Invite } from '../src/room/access';
import { openLink, type RoomLink } from '../src/room/link';
import { memoryLog } from '../src/relay/log';
import { startRelay, type Relay, type RelayOptions } from '../src/relay/server';

export interface TestRelay {
  relay: Relay;
  /** The room address, ws://127.0.0.1:<port>/rum. */
  url: string;
  dataFile: string;
  appDir: string;
  /** The relay's log lines. */
  lines: string[];
}

export async function startTestRelay(options: Partial<RelayOptions> = {}): Promise<TestRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'solfjadern-relay-'));
  const appDir = options.appDir ?? dir;
  if (!options.appDir) writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Solfjädern</title>');
  const dataFile = options.dataFile ?? join(dir, 'rum.sqlite');
  const log = memoryLog();
  const relay = await startRelay({ port: 0, host: '127.0.0.1', log, ...options, dataFile, appDir });
  return { relay, url: `ws://127.0.0.1:${relay.port}/rum`, dataFile, appDir, lines: log.lines };
}

export interface TestClient {
  ydoc: Y.Doc;
  link: RoomLink;
  synced: Promise<void>;
  refused: Promise<void>;
  /** What the relay said when it refused. */
  reasons: string[];
  statuses: string[];
  /** Close codes of the connection, as they came. */
  closes: number[];
}

export function nodeClient(url: string, invite: Invite, ydoc: Y.Doc = new Y.Doc(), Socket: typeof WebSocket = WebSocket): TestClient {
  let synced!: () => void;
  let refused!: () => void;
  const statuses: string[] = [];
  const reasons: string[] = [];
  const closes: number[] = [];
  const syncedP = new Promise<void>((r) => (synced = r));
  const refusedP = new Promise<void>((r) => (refused = r));
  const link = openLink({ url, invite, ydoc, WebSocketPolyfill: Socket, onSynced: () => synced(), onRefused: (reason) => {
      reasons.push(reason);
      refused();
    }, onStatus: (s) => statuses.push(s), onClosed: (code) => closes.push(code) });
  return { ydoc, link, synced: syncedP, refused: refusedP, reasons, statuses, closes };
}

export async function until(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What the relay's `/health` answers: its status and body. */
export async function healthOf(port: number): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A self-signed certificate for 127.0.0.1 (openssl), for the relay's own TLS; `ca` to trust it. */
export function testCertificate(): { cert: Buffer; key: Buffer; certFile: string; keyFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'solfjadern-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
}

/** A WebSocket (ws) that trusts `ca`, for the provider. */
export function trustingWebSocket(ca: Buffer): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { ca });
    }
  } as typeof WebSocket;
}

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
