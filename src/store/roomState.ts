// What the page shows of a room ("Samarbeta"), and which plan is in which room. Small and
// without the connection: the page loads the connection (./room.ts) only when a room is used.
import { create } from 'zustand';
import { swedishTime } from '../domain/swedishTime';
import { readInvite, type Invite } from '../room/access';
import { notify, onOpenDoc } from './editor';

/**
 * off: no room. joining: connecting the first time. connected: "Ansluten". reconnecting:
 * "Återansluter…". local: the relay has not answered for a while ("Arbetar lokalt"; still
 * trying). refused: the relay refused the secret.
 */
export type RoomStatus = 'off' | 'joining' | 'connected' | 'reconnecting' | 'local' | 'refused';

export const STATUS_TEXT: Record<RoomStatus, string> = {
  off: '',
  joining: 'Ansluter…',
  connected: 'Ansluten',
  reconnecting: 'Återansluter…',
  local: 'Arbetar lokalt',
  refused: 'Fel eller saknad nyckel till rummet',
};

export interface Activity {
  itemId: string;
  kind: 'edit' | 'drag';
}

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  activity: Activity | null;
  self: boolean;
}

interface RoomState {
  status: RoomStatus;
  invite: Invite | null;
  /** The invite link to share. */
  link: string | null;
  peers: Peer[];
  /** An invite from the address, waiting for "Gå med". */
  pending: Invite | null;
  /** Why the relay refused (its own word), when it said one; else the key was wrong or missing. */
  refusal?: string | null;
  /** People who were in the room when the connection went (shown as last seen while it is away). */
  lastSeen: LastSeen[];
}

export interface LastSeen {
  name: string;
  color: string;
  /** When they went from view (ms since the epoch). */
  at: number;
}

export const useRoom = create<RoomState>(() => ({ status: 'off', invite: null, link: null, peers: [], pending: null, refusal: null, lastSeen: [] }));

const names = (list: readonly { name: string }[]) => (list.length <= 1 ? (list[0]?.name ?? '') : `${list.slice(0, -1).map((p) => p.name).join(', ')} och ${list.at(-1)!.name}`);

/** While the connection is away: that nothing is lost, and with whom it will be shared. */
export function awayText(lastSeen: readonly LastSeen[]): string {
  return lastSeen.length > 0
    ? `Dina ändringar sparas på den här datorn och delas med ${names(lastSeen)} när anslutningen är tillbaka.`
    : 'Dina ändringar sparas på den här datorn och delas med rummet när anslutningen är tillbaka.';
}

const clock = () => swedishTime({ hour: '2-digit', minute: '2-digit' });
/** "senast sedd 14:02" */
export const seenAt = (at: number) => `senast sedd ${clock().format(new Date(at))}`;

/** Who is last seen after `before` became `now`: those who went from view added, those back left out. */
export function lastSeenAfter(lastSeen: readonly LastSeen[], before: readonly Peer[], now: readonly Peer[], at = Date.now()): LastSeen[] {
  const here = new Set(now.filter((p) => !p.self).map((p) => p.name));
  const gone = before.filter((p) => !p.self && !now.some((n) => n.clientId === p.clientId) && !here.has(p.name));
  const goneNames = new Set(gone.map((p) => p.name));
  return [...lastSeen.filter((l) => !here.has(l.name) && !goneNames.has(l.name)), ...gone.map((p) => ({ name: p.name, color: p.color, at }))];
}

/** Colours for people in a room: distinct, and dark enough for white text (WCAG AA). */
export const COLORS = ['#1f5fa8', '#a3339b', '#1d7a4d', '#b0481b', '#5b4bb7', '#8a5a00', '#0f6f7c', '#b02a4a'];

/** How long without the relay before the status says "Arbetar lokalt". */
export const LOCAL_AFTER_MS = 8000;

// ---- Which plan is in which room (this device remembers, so a reload rejoins) ----

const ROOMS_KEY = 'solfjadern:rooms';

interface Remembered {
  room: string;
  secret: string;
}

export function rooms(): Record<string, Remembered> {
  try {
    const read = JSON.parse(localStorage.getItem(ROOMS_KEY) ?? '{}') as unknown;
    const out: Record<string, Remembered> = Object.create(null);
    if (read && typeof read === 'object')
      for (const [planId, r] of Object.entries(read as Record<string, unknown>))
        if (r && typeof r === 'object' && typeof (r as Remembered).room === 'string' && typeof (r as Remembered).secret === 'string') out[planId] = r as Remembered;
    return out;
  } catch {
    return Object.create(null);
  }
}

export function remember(planId: string, invite: Invite | null): void {
  try {
    const all = rooms();
    if (invite) all[planId] = { room: invite.room, secret: invite.secret };
    else delete all[planId];
    localStorage.setItem(ROOMS_KEY, JSON.stringify(all));
  } catch {
    // Without localStorage a reload leaves the room; the plan stays.
  }
}

export const planInRoom = (room: string) => Object.entries(rooms()).find(([, r]) => r.room === room)?.[0] ?? null;


/** The connection, once loaded. */
let loaded: typeof import('./room') | null = null;

export async function roomModule(): Promise<typeof import('./room')> {
  loaded ??= await import('./room');
  return loaded;
}

/** What this person is doing with an item, for the others to see ("Anna redigerar"). */
export function setActivity(activity: Activity | null): void {
  loaded?.setActivity(activity);
}

/**
 * A plan opened that this device holds in a room: connect it (a reload rejoins); another plan
 * leaves the room. The connection's code loads only for a plan in a room.
 */
export function watchRooms(): () => void {
  return onOpenDoc((ydoc, planId) => {
    if (loaded || (planId && rooms()[planId])) void roomModule().then((m) => m.follow(ydoc, planId));
  });
}

/**
 * An invite in the page's address (`#rum=…&nyckel=…`): kept for "Gå med" (nothing connects
 * before). A room this device already holds reopens its plan and connects.
 */
export function takeInviteFromAddress(): void {
  const invite = readInvite(location.hash);
  if (!invite) return;
  history.replaceState(null, '', location.pathname + location.search);
  if (!invite.secret) {
    useRoom.setState({ status: 'refused' });
    notify('error', 'Fel eller saknad nyckel till rummet');
    return;
  }
  useRoom.setState({ pending: invite });
}


const ACTIVITY_WORD: Record<Activity['kind'], string> = { edit: 'redigerar', drag: 'flyttar' };

/** Someone else in the room working on the item, or null: their colour and what they do ("Anna redigerar"). */
export function usePeerOn(itemId: string): { color: string; text: string } | null {
  // A string, so the component redraws only when this item's tag changes.
  const tag = useRoom((state) => {
    const peer = state.peers.find((p) => !p.self && p.activity?.itemId === itemId);
    return peer ? `${peer.color}|${peer.name} ${ACTIVITY_WORD[peer.activity!.kind]}` : '';
  });
  if (!tag) return null;
  const bar = tag.indexOf('|');
  return { color: tag.slice(0, bar), text: tag.slice(bar + 1) };
}
