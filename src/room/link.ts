// The connection of one plan's document to its room on the relay (Hocuspocus provider).
// Runs in the browser and in Node (tests, the bench), where a WebSocket class is passed in.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Invite } from './access';
import { pacedSocket } from './paced';

export type LinkStatus = 'connecting' | 'connected' | 'disconnected';

export interface LinkOptions {
  /** The relay's room address, `ws://host:port/rum`. */
  url: string;
  invite: Invite;
  ydoc: Y.Doc;
  awareness?: Awareness;
  WebSocketPolyfill?: unknown;
  onStatus?: (status: LinkStatus) => void;
  onSynced?: () => void;
  /** The relay refused the connection; `reason` is its word for why. */
  onRefused?: (reason: string) => void;
  /** The connection closed with `code` (the relay's codes: src/room/relayWords.ts); it reconnects by itself. */
  onClosed?: (code: number) => void;
}

export interface RoomLink {
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Whether every local change has reached the relay. */
  readonly settled: boolean;
  destroy(): void;
}

/** The room address for the app at `appUrl` (same origin; ws: or wss: as the page). */
export function roomUrl(appUrl: string): string {
  const url = new URL('/rum', appUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function openLink(options: LinkOptions): RoomLink {
  // The room's messages are taken in slices, each one transaction of the document by the
  // provider (as it writes each message's changes itself), so a burst neither stops the page
  // drawing nor costs a reading and a write per message (./paced.ts).
  let provider: HocuspocusProvider | null = null;
  const Base = (options.WebSocketPolyfill ?? globalThis.WebSocket) as typeof WebSocket;
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    // Back within a second or two when the network returns; never give up.
    delay: 250,
    minDelay: 100,
    factor: 1.5,
    maxDelay: 2000,
    maxAttempts: 0,
    WebSocketPolyfill: pacedSocket(Base, (apply) => options.ydoc.transact(apply, provider)),
  });
  provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.invite.room,
    token: options.invite.secret,
    document: options.ydoc,
    // Presence; the provider's own when none is given (its keep-alive needs one).
    ...(options.awareness ? { awareness: options.awareness } : {}),
    onStatus: ({ status }) => options.onStatus?.(status as LinkStatus),
    onSynced: () => options.onSynced?.(),
    onAuthenticationFailed: ({ reason }) => options.onRefused?.(String(reason ?? '')),
    onClose: ({ event }) => options.onClosed?.(event.code),
  });
  provider.attach();
  const attached = provider;
  return {
    provider: attached,
    socket,
    get settled() {
      return attached.isSynced && !attached.hasUnsyncedChanges;
    },
    destroy: () => {
      attached.destroy();
      socket.destroy();
    },
  };
}
