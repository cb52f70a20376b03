// Versions of the open plan: save a named snapshot, list, open read-only, restore as a new
// plan, compare with the current plan or another version.
import { LIMITS } from '../domain/limits';
import { comparePlans, type PlanComparison } from '../domain/compare';
import { newId } from '../domain/ids';
import { duplicateDoc } from '../domain/plan';
import type { PlanDoc } from '../domain/types';
import * as repo from '../db/repository';
import { bringBack, describeLosses, lossesBetween } from '../domain/losses';
import { commit, notify, useEditor } from './editor';
import { flush, openNewDoc } from './session';
import { refusedAsNewer } from './openDoc';
import { useUi } from './ui';

export type { VersionSummary } from '../db/repository';

/** "Current" stands for the open plan as it is now. */
export const CURRENT = 'current';

const nameFormat = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

export const suggestedVersionName = (now = new Date()) => `Version ${nameFormat.format(now)}`;

export async function saveVersion(name: string, now = new Date()): Promise<boolean> {
  const doc = useEditor.getState().doc;
  const clean = name.replace(/\s+/g, ' ').trim();
  // A plan this build only reads (a newer version wrote it) is not kept as this build's reading of it.
  if (!doc || refusedAsNewer()) return false;
  if (!clean) {
    notify('error', 'Ge versionen ett namn.');
    return false;
  }
  if (clean.length > LIMITS.versionName) {
    notify('error', `Versionens namn får vara högst ${LIMITS.versionName} tecken.`);
    return false;
  }
  await flush();
  // A deep copy: the snapshot must not share objects with the plan being edited.
  const snapshot = JSON.parse(JSON.stringify(doc)) as PlanDoc;
  await repo.saveVersion({ id: newId(), planId: doc.plan.id, name: clean, savedAt: now.toISOString(), doc: snapshot });
  notify('info', `Versionen ”${clean}” sparades.`);
  return true;
}

export function listVersions(): Promise<repo.VersionSummary[]> {
  const doc = useEditor.getState().doc;
  return doc ? repo.listVersions(doc.plan.id) : Promise.resolve([]);
}

async function versionDoc(id: string): Promise<{ name: string; savedAt: string; doc: PlanDoc } | null> {
  if (id === CURRENT) {
    const doc = useEditor.getState().doc;
    return doc ? { name: 'Nuvarande plan', savedAt: '', doc } : null;
  }
  const row = await repo.loadVersion(id);
  return row ? { name: row.name, savedAt: row.savedAt, doc: row.doc } : null;
}

/** Show a version's fan, read-only, in place of the editor. */
export async function openVersion(id: string): Promise<void> {
  const version = await versionDoc(id);
  if (!version) return notify('error', 'Versionen finns inte längre.');
  useUi.setState({ dialog: null, viewingVersion: version, unfoldedBladeId: null });
}

export function closeVersion(): void {
  useUi.setState({ viewingVersion: null, unfoldedBladeId: null });
}

/** A version back as a plan of its own; the open plan is left as it is. */
export async function restoreVersion(id: string): Promise<void> {
  const version = await versionDoc(id);
  if (!version) return notify('error', 'Versionen finns inte längre.');
  const doc = duplicateDoc(version.doc, `${version.doc.plan.name} (${version.name})`);
  await openNewDoc(doc);
  useUi.setState({ dialog: null, viewingVersion: null });
  notify('info', `Versionen ”${version.name}” öppnades som en ny plan: ”${doc.plan.name}”.`);
}

/**
 * In a room: what the plan lost since a version (items, blades, rings removed) back in the
 * plan everyone shares, as one undoable step; everything done since is kept.
 */
export async function restoreVersionInRoom(id: string): Promise<boolean> {
  if (refusedAsNewer()) return false;
  const version = await versionDoc(id);
  if (!version) {
    notify('error', 'Versionen finns inte längre.');
    return false;
  }
  const doc = useEditor.getState().doc;
  if (!doc) return false;
  const losses = { ...lossesBetween(version.doc, doc), addedBlades: [], addedRings: [] };
  const what = describeLosses({ ...losses, moved: [] }).replace(/^tog bort /, '');
  if (!what || !commit(`Återställ ”${version.name}”`, (d) => bringBack(d, losses))) {
    notify('info', `Inget av det som fanns i versionen ”${version.name}” saknas i planen.`);
    return false;
  }
  useUi.setState({ dialog: null, viewingVersion: null });
  notify('info', `Det som tagits bort sedan versionen ”${version.name}” är tillbaka för alla i rummet: ${what}. Det som ändrats sedan dess finns kvar.`);
  return true;
}

export interface Comparison {
  from: { id: string; name: string; doc: PlanDoc };
  to: { id: string; name: string; doc: PlanDoc };
  result: PlanComparison;
}

export async function compareVersions(fromId: string, toId: string): Promise<Comparison | null> {
  const [from, to] = await Promise.all([versionDoc(fromId), versionDoc(toId)]);
  if (!from || !to) {
    notify('error', 'Versionen finns inte längre.');
    return null;
  }
  return { from: { id: fromId, ...from }, to: { id: toId, ...to }, result: comparePlans(from.doc, to.doc) };
}

/** Mark what changed since a version on the fan of the open plan. */
export function showComparisonOnFan(comparison: Comparison): void {
  const marks = new Map<string, 'added' | 'moved' | 'edited'>();
  for (const { item } of comparison.result.edited) marks.set(item.id, 'edited');
  for (const { item } of comparison.result.moved) marks.set(item.id, 'moved');
  for (const item of comparison.result.added) marks.set(item.id, 'added');
  useUi.setState({
    dialog: null,
    sidePanel: 'inspel',
    highlight: null,
    diff: {
      name: comparison.from.name,
      marks,
      counts: {
        added: comparison.result.added.length,
        removed: comparison.result.removed.length,
        moved: comparison.result.moved.length,
        edited: comparison.result.edited.length,
      },
    },
  });
}

