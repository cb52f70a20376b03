// File migrations: each takes a file of version N (already checked to be ours) to N + 1 as
// a small pure function on a copy, and is named NNNN-what.ts. The restore tests fail if a
// migration is never exercised by a fixture in tests/fixtures/files/.
import { FILE_VERSION } from '../version';
import { itemStatus } from './0001-item-status';
import { itemComments } from './0002-item-comments';
import { priorityLimits } from './0003-priority-limits';
import { itemSources } from './0004-item-sources';
import { followUp } from './0005-follow-up';

export interface Migration {
  from: number;
  name: string;
  up: (file: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: Migration[] = [itemStatus, itemComments, priorityLimits, itemSources, followUp];

export function migrateFile(file: Record<string, unknown>): { file: Record<string, unknown>; warnings: string[] } {
  const warnings: string[] = [];
  // A current file needs no copy: the migrations below are the only writers.
  if ((file.version as number) >= FILE_VERSION) return { file, warnings };
  let current = structuredClone(file);
  for (let version = current.version as number; version < FILE_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) throw new Error(`No migration from file version ${version}`);
    current = { ...step.up(current), version: version + 1 };
    warnings.push(`Filen uppdaterades från format ${version} till ${version + 1}.`);
  }
  return { file: current, warnings };
}
