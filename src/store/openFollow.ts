// Following one open document (./openDoc.ts opens it and shows it): its binding and undo
// manager, its format watched, and a record of what changes from elsewhere did since they were
// last shown — what whole readings repaired or moved, where the changes came from and who made
// what they removed.
import * as Y from 'yjs';
import type { PlanDoc } from '../domain/types';
import { PlanBinding, type BindingChange, type ChangedTypes } from '../ydoc/binding';
import { followUpMaps } from '../ydoc/followUp';
import { isNewer } from '../ydoc/format';
import { LOCAL, REPAIR, TAB } from '../ydoc/origins';
import { authorMap, bladeMap, commentMap, dotMap, itemMap, planMap, ringMap, votingMap } from '../ydoc/shape';
import { afterFrameTask } from './afterFrame';
import type { EditorStore } from './editorState';
import { authorsOf } from './losses';

export interface Open {
  ydoc: Y.Doc;
  /** The plan the document was opened as: its id never changes, whatever a peer writes. */
  planId: string | null;
  /** The plan as its document holds it, record by record. */
  binding: PlanBinding;
  undo: Y.UndoManager;
  /** The binding changed from elsewhere and `doc` does not show it yet. */
  stale: boolean;
  /** What whole readings since the last publication repaired, left out or moved to Inspel. */
  read: { notes: string[]; rehomed: string[]; partial: boolean; unreadable: boolean };
  /** Notes and moved items already said, so a later reading does not say them again. */
  said: Set<string>;
  /** Where the changes not yet read came from: another tab, or a room. */
  from: 'tab' | 'room' | null;
  /** Who those changes say made what they removed (see ./losses.ts). */
  by: string[];
  /** The document, another tab or a peer is of a newer format: this window only reads. */
  newer: boolean;
  off: () => void;
}

/** What a followed document asks of the plan that opened it. */
export interface FollowHost {
  /** The editor's state it is shown in. */
  store: EditorStore;
  /** Whether `open` is still the open document (a closed one's changes are nobody's). */
  isOpen(open: Open): boolean;
  /** The document turned out to be of a newer format: the window only reads it from now on. */
  markNewer(open: Open): void;
  /** Changes from elsewhere came in: show them soon. */
  changedElsewhere(): void;
}

/** Follow `ydoc` as the open plan's document. `shown`: the plan on screen now (its records are kept where the document agrees). */
export function followDocument(host: FollowHost, ydoc: Y.Doc, planId: string | null, shown: PlanDoc | null = null): Open {
  const undo = new Y.UndoManager([planMap(ydoc), bladeMap(ydoc), ringMap(ydoc), itemMap(ydoc), commentMap(ydoc), dotMap(ydoc), votingMap(ydoc), ...followUpMaps(ydoc)], {
    trackedOrigins: new Set([LOCAL]),
    // One stack item per step: the editor says when a step ends (stopCapturing).
    captureTimeout: Number.POSITIVE_INFINITY,
  });
  // Defined before anything arrives, so a change from elsewhere finds it as this map (./losses.ts).
  authorMap(ydoc);
  const binding = new PlanBinding(ydoc, planId ? { id: planId } : undefined, shown, { later: afterFrameTask() });
  const first = binding.firstRead;
  const current: Open = {
    ydoc,
    planId: planId ?? binding.doc?.plan.id ?? null,
    binding,
    undo,
    // The first reading is said like any other (what it repaired, what it moved to Inspel).
    stale: true,
    read: { notes: first?.notes ?? [], rehomed: first?.rehomed ?? [], partial: !!first?.partial, unreadable: !first },
    said: new Set(),
    from: null,
    by: [],
    newer: false,
    off: () => {},
  };
  host.store.setState({ readOnly: null, followUp: binding.followUp, voting: binding.voting });
  // A document stamped newer (by a tab, a peer, or storage) makes this window read-only at once.
  const onFormat = () => {
    if (!current.newer && isNewer(planMap(ydoc).get('format'))) host.markNewer(current);
  };
  ydoc.on('afterTransaction', onFormat);
  const onChange = (change: BindingChange, changed: ChangedTypes | null) => {
    if (!host.isOpen(current)) return;
    if (change.read) {
      current.read.notes.push(...change.read.notes);
      current.read.rehomed.push(...change.read.rehomed);
      current.read.partial ||= !!change.read.partial;
    } else if (change.items === null) current.read.unreadable = true;
    // The follow-up is shown as the document holds it, whoever changed it.
    if (change.followUp) host.store.setState({ followUp: binding.followUp });
    if (change.voting) host.store.setState({ voting: binding.voting });
    // This window's own edits are shown by the editor as it makes them.
    if (change.origin === LOCAL) return;
    current.stale = true;
    if (changed && change.origin !== undo && change.origin !== REPAIR) {
      current.from ??= change.origin === TAB ? 'tab' : 'room';
      current.by.push(...authorsOf(changed, ydoc));
    }
    // Several updates arriving together are shown once, a burst at most every so often (./openDoc.ts).
    host.changedElsewhere();
  };
  const offBinding = binding.subscribe(onChange);
  current.off = () => {
    ydoc.off('afterTransaction', onFormat);
    offBinding();
    binding.destroy();
    undo.destroy();
  };
  return current;
}
