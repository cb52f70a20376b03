// The format of a plan's document, and how a document of an older format becomes this one.
// The document carries its format (`plan.format`); so do tab messages and a room peer's
// awareness. A client never writes into a document of a newer format than its own — it would
// rewrite records it does not fully know and drop what it does not know — so it opens such a
// document read-only and asks to be reloaded (a newer build is then served). A client opening a
// document of an older format migrates it once, in one transaction, before anything else is
// written. (Models: tldraw's numbered record migrations and TLSyncRoom, which migrates or
// refuses each session.)
import type * as Y from 'yjs';
import { planMap } from './shape';

/** The layout of the document this build reads and writes. */
export const FORMAT = 1;

/** What a client says when it finds a document of a newer format than its own. */
export const NEWER_MESSAGE = 'Planen är sparad av en nyare version av Solfjädern – ladda om sidan';

/** One step from the format before `to` to `to`: a small change of the document, run inside the migration's transaction. */
export interface Migration {
  to: number;
  name: string;
  up: (ydoc: Y.Doc) => void;
}

/** Every step, in order. A document of format n runs those with `to` > n. */
export const MIGRATIONS: readonly Migration[] = [
  {
    // A plan whose document lacks its format (a peer removed it, or wrote a plan without one).
    to: 1,
    name: 'format-stamp',
    up: (ydoc) => planMap(ydoc).set('format', 1),
  },
];

/** The document's format: null while it holds no plan (a room's document before it has synced); 0 for a plan without one. */
export function formatOf(ydoc: Y.Doc): number | null {
  const plan = planMap(ydoc);
  const format = plan.get('format');
  if (typeof format === 'number' && Number.isInteger(format) && format >= 0) return format;
  return plan.has('id') ? 0 : null;
}

/** Whether a document, a tab or a peer of `format` is newer than this build (then this client only reads). */
export const isNewer = (format: unknown): boolean => typeof format === 'number' && format > FORMAT;

/** The steps a document of `format` takes to become this build's format. */
export const stepsFrom = (format: number): Migration[] => MIGRATIONS.filter((m) => m.to > format && m.to <= FORMAT);

/**
 * Bring a document of an older format to this build's, all steps in one transaction with
 * `origin` (stored and sent like any change, never undone). Returns the steps taken; none when
 * the document holds no plan yet or is this format or newer.
 */
export function migrate(ydoc: Y.Doc, origin: unknown): Migration[] {
  const format = formatOf(ydoc);
  if (format === null || format >= FORMAT) return [];
  const steps = stepsFrom(format);
  ydoc.transact(() => {
    for (const step of steps) step.up(ydoc);
    planMap(ydoc).set('format', FORMAT);
  }, origin);
  return steps;
}
