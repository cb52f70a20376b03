// The fan with Uppföljning: each placed item carries its progress in the period followed up,
// drawn as a mark after its text (src/domain/review.ts) and said to screen readers; an item of
// a ring whose year has passed and that is not Klar gets "!" after it. A cell's list is made
// anew only when its items or their progress changed, so the layout keeps every other cell as
// it was.
import type { ContainerKey } from '../domain/containers';
import { INSPEL, parseContainerKey } from '../domain/containers';
import { type FollowUp, type Period, type Progress, progressKey, progressLegend, type ProgressState, ringDue } from '../domain/followup';
import type { Ring } from '../domain/types';
import type { CellText } from './cells';

interface Made {
  records: ReadonlyArray<Progress | undefined>;
  due: boolean;
  list: CellText[];
}

const made = new WeakMap<CellText[], Map<string, Made>>();

const isLate = (t: CellText, record: Progress | undefined) => t.status !== 'stryks' && record?.state !== 'klar' && record?.state !== 'avbruten';

/**
 * A cell's items with their progress in `periodId` (and, when its ring is `due`, whether each
 * is late): the same list when there is nothing to mark, the one made last time when nothing
 * changed.
 */
function listWithProgress(list: CellText[], followUp: FollowUp, periodId: string, due: boolean): CellText[] {
  const records = list.map((t) => followUp.progress[progressKey(periodId, t.id)]);
  if (!due && records.every((r) => r === undefined)) return list;
  let byPeriod = made.get(list);
  if (!byPeriod) made.set(list, (byPeriod = new Map()));
  const last = byPeriod.get(periodId);
  if (last && last.due === due && last.records.every((r, i) => r === records[i])) return last.list;
  const out = list.map((t, i) => {
    const record = records[i];
    const late = due && isLate(t, record);
    return record || late ? { ...t, ...(record ? { progress: record.state } : {}), ...(late ? { late } : {}) } : t;
  });
  byPeriod.set(periodId, { records, due, list: out });
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
  rings: readonly Ring[] = [],
): { containers: Map<ContainerKey, CellText[]>; legend: string | null } {
  if (!period) return { containers, legend: null };
  const years = new Map(rings.map((r) => [r.id, r.year]));
  const out = new Map<ContainerKey, CellText[]>();
  const seen = new Set<ProgressState>();
  let changed = false;
  let late = false;
  for (const [key, list] of containers) {
    const cell = key === INSPEL ? null : parseContainerKey(key);
    const next = cell ? listWithProgress(list, followUp, period.id, ringDue(years.get(cell.ringId) ?? null, period)) : list;
    if (next !== list) {
      changed = true;
      for (const t of next) {
        if (t.progress) seen.add(t.progress);
        if (t.late) late = true;
      }
    }
    out.set(key, next);
  }
  return { containers: changed ? out : containers, legend: progressLegend(period, seen, late) };
}
