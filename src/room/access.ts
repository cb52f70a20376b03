// A room and its secret. The secret travels only in the invite link's fragment
// (`…/#rum=<room id>&nyckel=<secret>`, never sent in a request line); the room id is derived
// from it (SHA-256), so a relay checks a secret without keeping any — and several relays
// sharing rooms through Redis agree without sharing a key store.
// Runs in the browser and in Node (Web Crypto in both).

export const ROOM_PARAM = 'rum';
export const SECRET_PARAM = 'nyckel';

const SECRET = /^[A-Za-z0-9_-]{22,128}$/;
const ROOM = /^[A-Za-z0-9_-]{22}$/;

export interface Invite {
  room: string;
  secret: string;
}

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new secret: 256 random bits. */
export function newSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The room a secret opens: the first 132 bits of its SHA-256, base64url. */
export async function roomIdOf(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return base64url(new Uint8Array(digest)).slice(0, 22);
}

/** Whether `secret` opens `room` (false for anything malformed). */
export async function opens(room: string, secret: string): Promise<boolean> {
  return ROOM.test(room) && SECRET.test(secret) && (await roomIdOf(secret)) === room;
}

export async function newInvite(): Promise<Invite> {
  const secret = newSecret();
  return { room: await roomIdOf(secret), secret };
}

/** The invite link for `invite` on the app at `appUrl` (its fragment replaced). */
export function inviteLink(appUrl: string, invite: Invite): string {
  const url = new URL(appUrl);
  url.hash = `${ROOM_PARAM}=${invite.room}&${SECRET_PARAM}=${invite.secret}`;
  url.search = '';
  return url.toString();
}

/**
 * The invite in a location's fragment ("#rum=…&nyckel=…"): null when there is none; a room
 * with a missing or malformed secret gives `secret: ''` (the relay will refuse it, and the app
 * says so).
 */
export function readInvite(hash: string): Invite | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = params.get(ROOM_PARAM);
  if (!room) return null;
  const secret = params.get(SECRET_PARAM) ?? '';
  return { room, secret: SECRET.test(secret) ? secret : '' };
}
