// "Samarbeta": the open plan shared in a room on the relay. Opt-in — nothing connects until
// someone presses "Starta rum" or "Gå med". The plan's document is the same one the editor and
// storage use; the room only adds a connection, presence and the invite.
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import * as repo from '../db/repository';
import { inviteLink, newInvite, type Invite } from '../room/access';
import { openLink, roomUrl, type LinkStatus, type RoomLink } from '../room/link';
import { readDoc } from '../ydoc/read';
import { rememberAuthor, rememberedAuthor } from './author';
import { FORMAT } from '../ydoc/format';
import { notify, useEditor } from './editorState';
import { currentYDoc, openYDoc, peerIsNewer } from './openDoc';
import { flush } from './persistence';
import { useUi } from './ui';
import { COLORS, lastSeenAfter, LOCAL_AFTER_MS, planInRoom, remember, rooms, useRoom, type Activity, type Peer } from './roomState';

// ---- The connection ----

let link: RoomLink | null = null;
let awareness: Awareness | null = null;
let localTimer: ReturnType<typeof setTimeout> | null = null;
let everConnected = false;

function setStatus(status: LinkStatus): void {
  if (useRoom.getState().status === 'refused') return;
  if (status === 'connected') {
    everConnected = true;
    if (localTimer) clearTimeout(localTimer);
    localTimer = null;
    // Connected again: who is here shows by itself; who is not has left.
    useRoom.setState({ status: 'connected', lastSeen: [] });
    return;
  }
  const current = useRoom.getState().status;
  if (current === 'local') return;
  useRoom.setState({ status: everConnected ? 'reconnecting' : 'joining' });
  localTimer ??= setTimeout(() => {
    localTimer = null;
    if (useRoom.getState().status !== 'connected' && link) useRoom.setState({ status: 'local' });
  }, LOCAL_AFTER_MS);
}

function peersOf(a: Awareness): Peer[] {
  const peers: Peer[] = [];
  a.getStates().forEach((state, clientId) => {
    const user = state.user as { name?: unknown; color?: unknown } | undefined;
    if (!user || typeof user.name !== 'string') return;
    const activity = state.activity as Activity | null | undefined;
    peers.push({
      clientId,
      name: user.name.slice(0, 80) || 'Gäst',
      color: typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : COLORS[0]!,
      activity: activity && typeof activity.itemId === 'string' && (activity.kind === 'edit' || activity.kind === 'drag') ? activity : null,
      self: clientId === a.clientID,
    });
  });
  return peers.sort((x, y) => Number(y.self) - Number(x.self) || x.name.localeCompare(y.name, 'sv'));
}

function disconnect(): void {
  link?.destroy();
  awareness?.destroy();
  link = null;
  awareness = null;
  if (localTimer) clearTimeout(localTimer);
  localTimer = null;
  everConnected = false;
}

/** A colour no one else in the room has yet, if one is left (else one by the client id). */
function colourFor(clientId: number, a: Awareness): string {
  const taken = new Set<string>();
  a.getStates().forEach((state, id) => id !== clientId && typeof state.user?.color === 'string' && taken.add(state.user.color));
  return COLORS.find((c) => !taken.has(c)) ?? COLORS[Math.imul(clientId, 2654435761) >>> 29]!;
}

function connect(ydoc: Y.Doc, invite: Invite, name: string, onSynced?: () => void): void {
  disconnect();
  awareness = new Awareness(ydoc);
  awareness.setLocalStateField('user', { name: name || 'Gäst', color: colourFor(ydoc.clientID, awareness) });
  // The format this client writes: a peer of an older format only reads the plan (src/ydoc/format.ts).
  awareness.setLocalStateField('format', FORMAT);
  const a = awareness;
  a.on('change', () => {
    a.getStates().forEach((state) => peerIsNewer(state.format, ydoc));
    // Two people who joined at the same moment may have picked one colour: the later id changes its own.
    const mine = a.getLocalState()?.user as { name: string; color: string } | undefined;
    const clash = mine && [...a.getStates()].some(([id, state]) => id < a.clientID && state.user?.color === mine.color);
    if (mine && clash) a.setLocalStateField('user', { ...mine, color: colourFor(a.clientID, a) });
    const now = peersOf(a);
    const { peers: before, lastSeen } = useRoom.getState();
    useRoom.setState({ peers: now, lastSeen: lastSeenAfter(lastSeen, before, now) });
  });
  useRoom.setState({ status: 'joining', invite, link: inviteLink(location.href, invite), peers: peersOf(a), pending: null, refusal: null, lastSeen: [] });
  link = openLink({
    url: roomUrl(location.href),
    invite,
    ydoc,
    awareness: a,
    onStatus: setStatus,
    onSynced: () => onSynced?.(),
    onRefused: (reason) => {
      disconnect();
      // The relay's own word when it has one to say (no more rooms this hour), else the key's.
      const refusal = reason.startsWith('Reläet ') ? reason.slice(0, 200) : null;
      useRoom.setState({ status: 'refused', peers: [], refusal });
      notify('error', refusal ?? 'Fel eller saknad nyckel till rummet');
    },
  });
}

/** "Starta rum": share the open plan in a new room. */
export async function startRoom(name: string): Promise<void> {
  const ydoc = currentYDoc();
  const doc = useEditor.getState().doc;
  if (!ydoc || !doc) return;
  rememberAuthor(name);
  const invite = await newInvite();
  remember(doc.plan.id, invite);
  connect(ydoc, invite, name.trim());
}

/** "Lämna rummet": the plan stays on this device as an ordinary plan. */
export function leaveRoom(): void {
  const doc = useEditor.getState().doc;
  if (doc) remember(doc.plan.id, null);
  disconnect();
  useRoom.setState({ status: 'off', invite: null, link: null, peers: [], lastSeen: [] });
}

/** What this person is doing with an item, for the others to see ("Anna redigerar"). */
export function setActivity(activity: Activity | null): void {
  awareness?.setLocalStateField('activity', activity);
}

/** "Gå med": join the room of the pending invite; its plan is kept on this device too. */
export async function joinRoom(name: string): Promise<void> {
  const invite = useRoom.getState().pending;
  if (!invite) return;
  rememberAuthor(name);
  const known = planInRoom(invite.room);
  if (known && (await repo.loadPlan(known))) {
    const { openPlan } = await import('./session');
    useRoom.setState({ pending: null });
    await openPlan(known);
    useUi.setState({ dialog: null });
    return;
  }
  // A plan this device does not have: an empty document until the room fills it — taken as
  // soon as it holds the plan (when synced, or with any change after).
  const ydoc = new Y.Doc();
  const tryAdopt = () => void adopt(ydoc, invite);
  ydoc.on('update', tryAdopt);
  connect(ydoc, invite, name.trim(), tryAdopt);
}

let adopting: Y.Doc | null = null;

/** The room's plan arrived: keep it on this device and open it. */
async function adopt(ydoc: Y.Doc, invite: Invite): Promise<void> {
  if (adopting === ydoc || currentYDoc() === ydoc || !readDoc(ydoc)) return;
  adopting = ydoc;
  try {
    await flush();
    // Read after the wait: what arrived meanwhile is in.
    const read = readDoc(ydoc)!;
    await repo.savePlan(ydoc, read.doc, new Date(), true);
    remember(read.doc.plan.id, invite);
    // The connection carries on with the same document, now the open plan; anything that
    // arrives before it opens is read then.
    openYDoc(ydoc);
    // The room's plan, not this device's first-visit example: its word about the example goes.
    // Joined: the plan is what the person came for (the dialog's invite is for those who start a room).
    useUi.setState({ unfoldedBladeId: null, exampleIntro: false, dialog: null });
  } finally {
    adopting = null;
  }
}

/** A plan opened (./roomState.ts watches): connect it if this device holds it in a room, else leave. */
export function follow(ydoc: Y.Doc | null, planId: string | null): void {
  if (link && ydoc && link.provider.document === ydoc) return;
  const remembered = planId ? rooms()[planId] : undefined;
  if (ydoc && remembered) connect(ydoc, remembered, rememberedAuthor());
  else if (link) {
    disconnect();
    useRoom.setState({ status: 'off', invite: null, link: null, peers: [], lastSeen: [] });
  }
}
