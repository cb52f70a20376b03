// The fan with Uppföljning: each placed item carries its progress in the period followed up,
// drawn as a mark after its text (src/domain/review.ts) and said to screen readers. A cell's
// list is made anew only when its items or their progress changed, so the layout keeps every
// other cell as it was.
import type { ContainerKey } from '../domain/containers';
import { INSPEL } from '../domain/containers';
import { type FollowUp, type Period, type Progress, progressKey, progressLegend, type ProgressState } from '../domain/followup';
import type { CellText } from './cells';

interface Made {
  records: ReadonlyArray<Progress | undefined>;
  list: CellText[];
}

const made = new WeakMap<CellText[], Map<string, Made>>();

/** A cell's items with their progress in `periodId`: the same list when none has any, the one made last time when nothing changed. */
function listWithProgress(list: CellText[], followUp: FollowUp, periodId: string): CellText[] {
  const records = list.map((t) => followUp.progress[progressKey(periodId, t.id)]);
  if (records.every((r) => r === undefined)) return list;
  let byPeriod = made.get(list);
  if (!byPeriod) made.set(list, (byPeriod = new Map()));
  const last = byPeriod.get(periodId);
  if (last && last.records.every((r, i) => r === records[i])) return last.list;
  const out = list.map((t, i) => (records[i] ? { ...t, progress: records[i]!.state } : t));
  byPeriod.set(periodId, { records, list: out });
  return out;
}

/**
 * The fan's cells with the progress of `period` (Inspel is not followed up), and the legend
 * line of the marks drawn; the containers as they are when there is no period.
 */
export function withProgress(
  containers: Map<ContainerKey, CellText[]>,
  followUp: FollowUp,
  period: Period | null,
): { containers: Map<ContainerKey, CellText[]>; legend: string | null } {
  if (!period) return { containers, legend: null };
  const out = new Map<ContainerKey, CellText[]>();
  const seen = new Set<ProgressState>();
  let changed = false;
  for (const [key, list] of containers) {
    const next = key === INSPEL ? list : listWithProgress(list, followUp, period.id);
    if (next !== list) {
      changed = true;
      for (const t of next) if (t.progress) seen.add(t.progress);
    }
    out.set(key, next);
  }
  return { containers: changed ? out : containers, legend: progressLegend(period, seen) };
}
