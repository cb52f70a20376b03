// "Samarbeta": the open plan shared in a room on the relay. Opt-in — nothing connects until
// someone presses "Starta rum" or "Gå med". The plan's document is the same one the editor and
// storage use; the room only adds a connection, presence and the invite.
//
// A `RoomConnection` is one open plan's room (its link, presence and the plan a join adopts);
// the app has one (`appRoom`, used through the functions below).
import { closeWord, RELAY_REFUSALS } from '../room/relayWords';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import * as repo from '../db/repository';
import { inviteLink, newInvite, type Invite } from '../room/access';
import { openLink, roomUrl, type LinkStatus, type RoomLink } from '../room/link';
import { readDoc } from '../ydoc/read';
import { rememberAuthor, rememberedAuthor } from './author';
import { FORMAT } from '../ydoc/format';
import { notifyIn } from './editorState';
import { appPlan, type OpenPlan } from './openDoc';
import { flush } from './persistence';
import { useUi } from './ui';
import { COLORS, lastSeenAfter, LOCAL_AFTER_MS, planInRoom, remember, rooms, useRoom, type Activity, type Peer } from './roomState';

/** Who is in the room, from its presence states: this person first, then by name. */
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

/** A colour no one else in the room has yet, if one is left (else one by the client id). */
function colourFor(clientId: number, a: Awareness): string {
  const taken = new Set<string>();
  a.getStates().forEach((state, id) => id !== clientId && typeof state.user?.color === 'string' && taken.add(state.user.color));
  return COLORS.find((c) => !taken.has(c)) ?? COLORS[Math.imul(clientId, 2654435761) >>> 29]!;
}

export class RoomConnection {
  private link: RoomLink | null = null;
  private awareness: Awareness | null = null;
  private localTimer: ReturnType<typeof setTimeout> | null = null;
  private everConnected = false;
  /** A joined room's document being kept and opened (once, however many updates arrive meanwhile). */
  private adopting: Y.Doc | null = null;

  constructor(
    /** The open plan this room shares. */
    private readonly plan: OpenPlan = appPlan,
  ) {}

  private setStatus(status: LinkStatus): void {
    if (useRoom.getState().status === 'refused') return;
    if (status === 'connected') {
      this.everConnected = true;
      if (this.localTimer) clearTimeout(this.localTimer);
      this.localTimer = null;
      // Connected again: who is here shows by itself; who is not has left.
      useRoom.setState({ status: 'connected', lastSeen: [] });
      return;
    }
    const current = useRoom.getState().status;
    if (current === 'local') return;
    useRoom.setState({ status: this.everConnected ? 'reconnecting' : 'joining' });
    this.localTimer ??= setTimeout(() => {
      this.localTimer = null;
      if (useRoom.getState().status !== 'connected' && this.link) useRoom.setState({ status: 'local' });
    }, LOCAL_AFTER_MS);
  }

  private disconnect(): void {
    this.link?.destroy();
    this.awareness?.destroy();
    this.link = null;
    this.awareness = null;
    if (this.localTimer) clearTimeout(this.localTimer);
    this.localTimer = null;
    this.everConnected = false;
  }

  private connect(ydoc: Y.Doc, invite: Invite, name: string, onSynced?: () => void): void {
    this.disconnect();
    const a = new Awareness(ydoc);
    this.awareness = a;
    a.setLocalStateField('user', { name: name || 'Gäst', color: colourFor(ydoc.clientID, a) });
    // The format this client writes: a peer of an older format only reads the plan (src/ydoc/format.ts).
    a.setLocalStateField('format', FORMAT);
    a.on('change', () => {
      a.getStates().forEach((state) => this.plan.peerIsNewer(state.format, ydoc));
      // Two people who joined at the same moment may have picked one colour: the later id changes its own.
      const mine = a.getLocalState()?.user as { name: string; color: string } | undefined;
      const clash = mine && [...a.getStates()].some(([id, state]) => id < a.clientID && state.user?.color === mine.color);
      if (mine && clash) a.setLocalStateField('user', { ...mine, color: colourFor(a.clientID, a) });
      const now = peersOf(a);
      const { peers: before, lastSeen } = useRoom.getState();
      useRoom.setState({ peers: now, lastSeen: lastSeenAfter(lastSeen, before, now) });
    });
    useRoom.setState({ status: 'joining', invite, link: inviteLink(location.href, invite), peers: peersOf(a), pending: null, refusal: null, lastSeen: [] });
    this.link = openLink({
      url: roomUrl(location.href),
      invite,
      ydoc,
      awareness: a,
      onStatus: (status) => this.setStatus(status),
      onSynced: () => onSynced?.(),
      onClosed: (code) => {
        const word = closeWord(code);
        if (word) notifyIn(this.plan.store, 'error', word);
      },
      onRefused: (reason) => {
        this.disconnect();
        // The relay's own word when it has one to say (the room is full, …), else the key's.
        const refusal = RELAY_REFUSALS.includes(reason) ? reason : null;
        useRoom.setState({ status: 'refused', peers: [], refusal });
        notifyIn(this.plan.store, 'error', refusal ?? 'Fel eller saknad nyckel till rummet');
      },
    });
  }

  /** "Starta rum": share the open plan in a new room. */
  async start(name: string): Promise<void> {
    const ydoc = this.plan.currentYDoc();
    const doc = this.plan.store.getState().doc;
    if (!ydoc || !doc) return;
    rememberAuthor(name);
    const invite = await newInvite();
    remember(doc.plan.id, invite);
    this.connect(ydoc, invite, name.trim());
  }

  /** "Lämna rummet": the plan stays on this device as an ordinary plan. */
  leave(): void {
    const doc = this.plan.store.getState().doc;
    if (doc) remember(doc.plan.id, null);
    this.disconnect();
    useRoom.setState({ status: 'off', invite: null, link: null, peers: [], lastSeen: [] });
  }

  /** What this person is doing with an item, for the others to see ("Anna redigerar"). */
  setActivity(activity: Activity | null): void {
    this.awareness?.setLocalStateField('activity', activity);
  }

  /** "Gå med": join the room of the pending invite; its plan is kept on this device too. */
  async join(name: string): Promise<void> {
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
    const tryAdopt = () => void this.adopt(ydoc, invite);
    ydoc.on('update', tryAdopt);
    this.connect(ydoc, invite, name.trim(), tryAdopt);
  }

  /** The room's plan arrived: keep it on this device and open it. */
  private async adopt(ydoc: Y.Doc, invite: Invite): Promise<void> {
    if (this.adopting === ydoc || this.plan.currentYDoc() === ydoc || !readDoc(ydoc)) return;
    this.adopting = ydoc;
    try {
      await flush();
      // Read after the wait: what arrived meanwhile is in.
      const read = readDoc(ydoc)!;
      await repo.savePlan(ydoc, read.doc, new Date(), true);
      remember(read.doc.plan.id, invite);
      // The connection carries on with the same document, now the open plan; anything that
      // arrives before it opens is read then.
      this.plan.openYDoc(ydoc);
      // The room's plan, not this device's first-visit example: its word about the example goes.
      // Joined: the plan is what the person came for (the dialog's invite is for those who start a room).
      useUi.setState({ unfoldedBladeId: null, exampleIntro: false, dialog: null });
    } finally {
      this.adopting = null;
    }
  }

  /** A plan opened (./roomState.ts watches): connect it if this device holds it in a room, else leave. */
  follow(ydoc: Y.Doc | null, planId: string | null): void {
    if (this.link && ydoc && this.link.provider.document === ydoc) return;
    const remembered = planId ? rooms()[planId] : undefined;
    if (ydoc && remembered) this.connect(ydoc, remembered, rememberedAuthor());
    else if (this.link) {
      this.disconnect();
      useRoom.setState({ status: 'off', invite: null, link: null, peers: [], lastSeen: [] });
    }
  }
}

/** The app's room: the one its open plan (`appPlan`) is shared in. */
export const appRoom = new RoomConnection(appPlan);

export const startRoom = (name: string) => appRoom.start(name);
export const leaveRoom = () => appRoom.leave();
export const setActivity = (activity: Activity | null) => appRoom.setActivity(activity);
export const joinRoom = (name: string) => appRoom.join(name);
export const follow = (ydoc: Y.Doc | null, planId: string | null) => appRoom.follow(ydoc, planId);
