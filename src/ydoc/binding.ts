// The plan as the app reads it: a typed, immutable view of one Yjs document, kept up to date
// from the document's own transactions, record by record. An item whose fields, place or
// comments a transaction touched is read again (through the same per-record restore as every
// reading); the items of the containers it left and entered get their ranks again; every other
// record keeps its object, so React redraws only what changed. Nothing is ever written into this
// view: every change goes into the document, and comes back here as the document's change. This
// window's own changes are read as they are made; changes from elsewhere right after their task,
// when they come faster than one every 16 ms (a peer's flood) together, and a large one in a task
// of its own after the page has drawn — anyone reading the view first reads what is waiting.
// The items a change touched are read in ./bindingItems.ts.
// (Models: tldraw's Store of records, BlockSuite's per-block Y.Map binding.)
//
// What the quick path cannot read as it is — a record that is not sound, a blade or ring added
// or removed (items may move to Inspel), the plan's id or catalogue changed — is read whole
// through `readDoc`, which repairs and names what it must.
import * as Y from 'yjs';
import { containerKey } from '../domain/containers';
import { isReservedId } from '../domain/ids';
import type { Plan, PlanDoc } from '../domain/types';
import { pickPlan, planWithDefaults, soundPlan } from '../schema/records';
import { BindingIndex, HOMELESS } from './bindingIndex';
import { readTouchedItems } from './bindingItems';
import { entries, type Expected, planRecord, readComment, readDoc, type ReadDoc, readVoting } from './read';
import { bladeMap, commentMap, dotMap, itemMap, planMap, ringMap, votingMap } from './shape';
import { shareUnchanged } from './view';
import { FOLLOW_UP_KINDS, followUpMap, type FollowUpKind, readFollowUp, readFollowUpChanges } from './followUp';
import { emptyFollowUp, type FollowUp } from '../domain/followup';
import type { Voting } from '../domain/voting';

/** What one transaction (or the first reading) did to the view. */
export interface BindingChange {
  /** The view before and after (the same object when nothing the app shows changed). */
  prev: PlanDoc | null;
  doc: PlanDoc | null;
  origin: unknown;
  /** Ids of the items the change touched (added, changed, moved, removed or re-ranked); null: read whole. */
  items: ReadonlySet<string> | null;
  /** Prioritera's dots or their number changed. */
  voting: boolean;
  /** Uppföljning's records changed (`PlanBinding.followUp` is a new object). */
  followUp: boolean;
  /** From a reading of the whole plan: what was repaired or left out, items moved to Inspel, a partial reading. */
  read: Pick<ReadDoc, 'notes' | 'rehomed' | 'partial'> | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types a document's shared types by their events
type Shared = Y.AbstractType<any>;

/** The shared types a change touched and their keys (a transaction's `changed`, or several together). */
export type ChangedTypes = ReadonlyMap<Shared, ReadonlySet<string | null>>;

/** Told of every change of the view, with what it touched in the document (null: a reading again). */
export type BindingListener = (change: BindingChange, changed: ChangedTypes | null) => void;

/**
 * Changes from elsewhere (a room, another tab, storage) are read at once when they come alone,
 * and together when they come faster than this: a peer's flood of thousands of tiny updates is
 * read a few times a second, not once per update (each reading makes a new plan object for React).
 */
const REMOTE_GAP_MS = 16;

/**
 * A change from elsewhere that touched this many keys (a peer adding a thousand blades, or
 * deleting every item) is read in a task of its own, after the page has drawn: taking it in
 * and reading it in one task held the page's frames for ~120 ms.
 */
export const LARGE_REMOTE_KEYS = 100;

export interface BindingOptions {
  /** Run a large change's reading in a later task, the page's frame drawn first (a zero timer by default). */
  later?: (task: () => void) => void;
}

export class PlanBinding {
  private view: PlanDoc | null = null;
  /** Uppföljning, record by record like the items (./followUp.ts). */
  private follow: FollowUp = emptyFollowUp();
  /** Prioritera's dots, read when first asked for and again after a change of them. */
  private votes: Voting | null = null;
  /** Places, containers' lists, the limits' groups and comment owners (./bindingIndex.ts). */
  private readonly at = new BindingIndex();
  /** Whether the last whole reading had to repair or leave something out (then every change reads whole). */
  private unsound = false;
  private listeners = new Set<BindingListener>();
  private readonly onTransaction = (tr: Y.Transaction) => this.apply(tr);
  /** The last whole reading's notes (the first reading's, for whoever opens the plan). */
  firstRead: Pick<ReadDoc, 'notes' | 'rehomed' | 'partial'> | null = null;
  /** Changes from elsewhere not read yet (read before anyone reads the view). */
  private waiting: { changed: Map<Shared, Set<string | null>>; origin: unknown; keys: number } | null = null;
  private waitingTimer: ReturnType<typeof setTimeout> | null = null;
  private waitingSoon = false;
  private readAt = -Infinity;
  private readonly later: (task: () => void) => void;

  /** `shown`: a plan on screen now, whose records are kept where the document agrees with them. */
  constructor(
    readonly ydoc: Y.Doc,
    private expected?: Expected,
    shown: PlanDoc | null = null,
    options: BindingOptions = {},
  ) {
    this.later = options.later ?? ((task) => void setTimeout(task, 0));
    this.firstRead = this.readWhole(shown);
    // A reading that fails keeps nothing of what was on screen: there is no plan yet.
    if (!this.firstRead) this.view = null;
    ydoc.on('afterTransaction', this.onTransaction);
  }

  /** The plan as its document holds it; null when the document holds none that can be read. */
  get doc(): PlanDoc | null {
    this.readWaiting();
    return this.view;
  }

  /** The plan's follow-up as its document holds it. */
  get followUp(): FollowUp {
    this.readWaiting();
    return this.follow;
  }

  /** Prioritera's dots and their number, as the document holds them. */
  get voting(): Voting {
    this.readWaiting();
    return (this.votes ??= readVoting(this.ydoc));
  }

  /** Read the changes from elsewhere that are waiting, now (every reader of the view does). */
  readWaiting(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    if (this.waitingTimer !== null) clearTimeout(this.waitingTimer);
    this.waitingTimer = null;
    this.waitingSoon = false;
    this.readAt = performance.now();
    this.applyChanged(waiting.changed, waiting.origin);
  }

  /**
   * Gather a change from elsewhere: read at once (after this task) when alone, else with those
   * that follow within the gap; a large one in a later task, after the page has drawn.
   */
  private gather(tr: Y.Transaction): void {
    const waiting = (this.waiting ??= { changed: new Map(), origin: tr.origin, keys: 0 });
    for (const [type, keys] of tr.changed as Map<Shared, Set<string | null>>) {
      let all = waiting.changed.get(type);
      if (!all) waiting.changed.set(type, (all = new Set()));
      for (const key of keys) all.add(key);
      waiting.keys += keys.size;
    }
    if (this.waitingSoon || this.waitingTimer !== null) return;
    const wait = this.readAt + REMOTE_GAP_MS - performance.now();
    if (waiting.keys >= LARGE_REMOTE_KEYS) {
      this.waitingSoon = true;
      this.later(() => this.readWaiting());
    } else if (wait <= 0) {
      this.waitingSoon = true;
      queueMicrotask(() => this.readWaiting());
    } else this.waitingTimer = setTimeout(() => this.readWaiting(), wait);
  }

  subscribe(listener: BindingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.ydoc.off('afterTransaction', this.onTransaction);
    if (this.waitingTimer !== null) clearTimeout(this.waitingTimer);
    this.waiting = null;
    this.listeners.clear();
  }

  /** Read the whole plan again (after the careful restore step has loaded, or to start). */
  reread(origin: unknown = null): void {
    this.readWaiting();
    const prev = this.view;
    const read = this.readWhole(prev);
    this.emit({ prev, doc: this.view, origin, items: null, voting: true, followUp: true, read }, null);
  }

  private emit(change: BindingChange, changed: ChangedTypes | null): void {
    if (change.voting) this.votes = null;
    for (const listener of this.listeners) listener(change, changed);
  }

  private readWhole(prev: PlanDoc | null): BindingChange['read'] {
    const read = readDoc(this.ydoc, this.expected);
    this.view = read ? shareUnchanged(prev, read.doc) : prev;
    // A document's plan keeps the id it was first read as, whatever a peer writes later.
    if (read && !this.expected) this.expected = { id: read.doc.plan.id };
    this.unsound = !read || read.partial === true || read.notes.length > 0;
    this.index();
    const notes: string[] = [];
    this.follow = readFollowUp(this.ydoc, notes);
    return read ? { notes: [...read.notes, ...notes], rehomed: read.rehomed, ...(read.partial ? { partial: true } : {}) } : null;
  }

  /** The places and comment owners of every item, from the document. */
  private index(): void {
    this.at.clear();
    const doc = this.view;
    if (!doc) return;
    const items = itemMap(this.ydoc);
    this.at.fill(Object.values(doc.items), (item) => {
      const place = (items.get(item.id) as Y.Map<unknown> | undefined)?.get('place') as { pos?: string; cell?: unknown } | undefined;
      // An item whose cell is gone shows in Inspel, after Inspel's own.
      return { container: !item.cell && place?.cell ? HOMELESS : containerKey(item.cell), key: typeof place?.pos === 'string' ? place.pos : '\uffff' };
    });
    for (const [id, raw] of entries(commentMap(this.ydoc))) {
      const read = readComment(id, raw);
      if (read) this.at.own(id, read.itemId);
    }
  }

  private apply(tr: Y.Transaction): void {
    if (tr.changed.size === 0) return;
    // From elsewhere (applied updates): gathered; this window's own: read now, after what waits.
    if (!tr.local) return this.gather(tr);
    this.readWaiting();
    this.applyChanged(tr.changed as Map<Shared, Set<string | null>>, tr.origin);
  }

  private applyChanged(changed: ChangedTypes, origin: unknown): void {
    const touched = new Set<string>();
    let whole = this.unsound || !this.view;
    let planFields = false;
    let voting = false;
    const items: Shared = itemMap(this.ydoc);
    const comments = commentMap(this.ydoc);
    const roots: Record<'plan' | 'blades' | 'rings' | 'dots' | 'voting' | 'comments', Shared> = {
      plan: planMap(this.ydoc),
      blades: bladeMap(this.ydoc),
      rings: ringMap(this.ydoc),
      dots: dotMap(this.ydoc),
      voting: votingMap(this.ydoc),
      comments,
    };
    const followUps = new Map<Shared, FollowUpKind>(FOLLOW_UP_KINDS.map((kind) => [followUpMap(this.ydoc, kind), kind]));
    const followed = new Map<FollowUpKind, Set<string>>();
    for (const [type, keys] of changed) {
      const kind = followUps.get(type);
      if (kind) followed.set(kind, new Set([...keys].filter((k): k is string => k !== null)));
      else if (type === items) {
        for (const key of keys) if (key !== null) touched.add(key);
      } else if (type === roots.comments) {
        for (const key of keys) {
          if (key === null || isReservedId(key)) continue;
          const was = this.at.ownerOf(key);
          if (was !== undefined) touched.add(was);
          const read = comments.has(key) ? readComment(key, comments.get(key)) : null;
          // A comment that cannot be read is named by a whole reading.
          if (comments.has(key) && !read) whole = true;
          this.at.own(key, read?.itemId ?? null);
          if (read) touched.add(read.itemId);
        }
      } else if (type.parent === items && type._item?.parentSub) touched.add(type._item.parentSub);
      else if (type === roots.plan) {
        if (keys.has('id') || keys.has('catalogue')) whole = true;
        planFields = true;
      } else if (type === roots.blades || type === roots.rings) whole = true;
      else if (type === roots.dots || type === roots.voting) voting = true;
    }
    const prev = this.view;
    const followedBefore = this.follow;
    if (followed.size > 0) this.follow = readFollowUpChanges(this.ydoc, this.follow, followed);
    if (!whole && planFields) whole = !this.readPlanFields();
    if (!whole && touched.size > 0) {
      const next = readTouchedItems(this.ydoc, this.view!, this.at, touched);
      if (next) this.view = next;
      else whole = true;
    }
    if (whole) {
      const read = this.readWhole(prev);
      this.emit({ prev, doc: this.view, origin, items: null, voting, followUp: true, read }, changed);
      return;
    }
    const followUp = this.follow !== followedBefore;
    if (this.view !== prev || voting || followUp) this.emit({ prev, doc: this.view, origin, items: touched, voting, followUp, read: null }, changed);
  }

  /** The plan's own fields read again; false when they are not sound as they are. */
  private readPlanFields(): boolean {
    const doc = this.view!;
    const raw = planRecord(this.ydoc, [], this.expected);
    if (!raw) return false;
    const record = planWithDefaults({ ...raw, blades: doc.plan.blades, rings: doc.plan.rings });
    if (!soundPlan(record, true)) return false;
    const plan: Plan = { ...pickPlan(record), blades: doc.plan.blades, rings: doc.plan.rings };
    const same = (Object.keys(plan) as Array<keyof Plan>).every((k) => plan[k] === doc.plan[k]) && Object.keys(plan).length === Object.keys(doc.plan).length;
    if (!same) this.view = { plan, items: doc.items };
    return true;
  }
}
