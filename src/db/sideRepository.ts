// The rows beside a plan: saved versions, Prioritera's votes, Samla in's collection.
// Part of the storage module (./repository.ts re-exports it); nothing else touches Dexie.
import { isRecord, type RestoredDoc, restoreSound } from '../schema/records';
import type { CollectionRow, VersionRow, VotingRow } from './db';
import { opened } from './connection';

async function restored(planRow: unknown, itemRows: readonly unknown[]): Promise<RestoredDoc | null> {
  const sound = restoreSound(planRow, itemRows);
  if (sound) return { doc: sound, notes: [] };
  const { restoreDocRecords } = await import('../schema/repair');
  return restoreDocRecords(planRow, itemRows);
}

export interface VersionSummary {
  id: string;
  planId: string;
  name: string;
  savedAt: string;
  itemCount: number;
}

/** Keep a named snapshot of a plan; versions are never changed afterwards. */
export async function saveVersion(row: VersionRow): Promise<void> {
  await (await opened()).versions.add(row);
}

/** A plan's versions, newest first. */
export async function listVersions(planId: string): Promise<VersionSummary[]> {
  const rows: unknown[] = await (await opened()).versions.where('planId').equals(planId).toArray();
  // A row that cannot be read as a version is left out of the list (opening it could not work either).
  return rows
    .flatMap((row) =>
      isRecord(row) && typeof row.id === 'string' && typeof row.name === 'string' && typeof row.savedAt === 'string' && isRecord(row.doc) && isRecord(row.doc.items)
        ? [{ id: row.id, planId, name: row.name, savedAt: row.savedAt, itemCount: Object.keys(row.doc.items).length }]
        : [],
    )
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function loadVersion(id: string): Promise<VersionRow | null> {
  const row = await (await opened()).versions.get(id);
  if (!row) return null;
  // Versions saved before items had newer fields read like stored items do: one restore step.
  const result = isRecord(row.doc) && isRecord(row.doc.items) ? await restored(row.doc.plan, Object.values(row.doc.items)) : null;
  return result ? { ...row, doc: result.doc } : null;
}

export async function saveVoting(row: VotingRow): Promise<void> {
  await (await opened()).votings.put(row);
}

export async function loadVoting(planId: string): Promise<VotingRow | null> {
  return (await (await opened()).votings.get(planId)) ?? null;
}

export async function saveCollection(row: CollectionRow): Promise<void> {
  await (await opened()).collections.put(row);
}

export async function loadCollection(planId: string): Promise<CollectionRow | null> {
  return (await (await opened()).collections.get(planId)) ?? null;
}
