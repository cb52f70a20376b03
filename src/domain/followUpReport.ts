// The yearly follow-up report's content, in the structure of the region's own report
// ("Uppföljning Genomförandeplan …"): per delområde its activities with their progress, what
// the offices did, and the indicators with their values and the joint judgement; then every
// item's progress in one table. Pure: the Word builder (export/docx/followUpReport.ts) only
// sets it on paper.
import { itemsIn } from './containers';
import { comparePeriods, type PeriodComparison } from './periodComparison';
import {
  type FollowUp,
  type Judgement,
  judgementKey,
  type Measurement,
  measurementsOf,
  overdue,
  type Period,
  periodOrder,
  periodsInOrder,
  type Performed,
  type Progress,
  progressOf,
  PROGRESS_STATES,
  type ProgressState,
} from './followup';
import type { Blade, Delomrade, Item, PlanDoc, Ring } from './types';

export interface ReportItem {
  item: Item;
  blade: Blade;
  ring: Ring;
  progress: Progress | null;
  /** Its ring's year has passed and it is not Klar. */
  overdue: boolean;
}

export interface ReportIndicator {
  item: Item;
  /** Values measured up to the period's end, oldest first. */
  values: Measurement[];
}

export interface ReportSection {
  /** null: activities and entries under no delområde ("Övriga aktiviteter"). */
  delomrade: Delomrade | null;
  items: ReportItem[];
  performed: Performed[];
  indicators: ReportIndicator[];
  judgement: Judgement | null;
}

export interface FollowUpReport {
  period: Period;
  /** The period before it, compared with; null for the first. */
  previous: Period | null;
  comparison: PeriodComparison | null;
  sections: ReportSection[];
  /** Every placed item (not struck) in the fan's order: fokusområde by fokusområde, ring by ring. */
  summary: ReportItem[];
  /** How many items are in each state; `none` for those with no progress said. */
  counts: Record<ProgressState | 'none', number>;
  overdueCount: number;
}

const END_OF_TERTIAL = ['04-30', '08-31', '12-31'] as const;

/** The last day of a period (YYYY-MM-DD): a year ends 31 December, a tertial at its fourth month's end. */
export function periodEnd(period: Pick<Period, 'year' | 'tertial'>): string {
  return `${period.year}-${END_OF_TERTIAL[(period.tertial ?? 3) - 1]}`;
}

/** The report for one period of the plan. Throws when the period is not there. */
export function followUpReport(doc: PlanDoc, followUp: FollowUp, periodId: string): FollowUpReport {
  const period = followUp.periods[periodId];
  if (!period) throw new Error(`No period ${periodId}`);
  const summary: ReportItem[] = [];
  for (const blade of doc.plan.blades) {
    for (const ring of doc.plan.rings) {
      for (const item of itemsIn(doc, { bladeId: blade.id, ringId: ring.id })) {
        if (item.status === 'stryks') continue;
        summary.push({ item, blade, ring, progress: progressOf(followUp, periodId, item.id), overdue: overdue(doc.plan, followUp, period, item) });
      }
    }
  }
  const end = periodEnd(period);
  const performed = Object.values(followUp.performed)
    .filter((p) => p.periodId === periodId)
    .sort((a, b) => a.kalla.localeCompare(b.kalla, 'sv') || a.id.localeCompare(b.id));
  const known = new Set(doc.plan.catalogue.delomraden.map((d) => d.id));
  const section = (delomrade: Delomrade | null): ReportSection => {
    const belongs = (item: Item) => (delomrade ? item.delomraden.includes(delomrade.id) : !item.delomraden.some((id) => known.has(id)));
    const items = summary.filter((r) => belongs(r.item));
    return {
      delomrade,
      items,
      performed: performed.filter((p) => (delomrade ? p.delomradeId === delomrade.id : p.delomradeId === null || !known.has(p.delomradeId))),
      indicators: items
        .filter((r) => r.item.indikator.text || r.item.indikator.target !== null)
        .map((r) => ({ item: r.item, values: measurementsOf(followUp, r.item.id).filter((m) => m.date <= end) })),
      judgement: delomrade ? (followUp.judgements[judgementKey(periodId, delomrade.id)] ?? null) : null,
    };
  };
  const rest = section(null);
  const sections = [...doc.plan.catalogue.delomraden.map(section), ...(rest.items.length > 0 || rest.performed.length > 0 ? [rest] : [])];
  const counts = Object.fromEntries([...PROGRESS_STATES, 'none'].map((s) => [s, 0])) as FollowUpReport['counts'];
  for (const r of summary) counts[r.progress?.state ?? 'none'] += 1;
  const previous = periodsInOrder(followUp).filter((p) => periodOrder(p, period) < 0).at(-1) ?? null;
  return {
    period,
    previous,
    comparison: previous
      ? comparePeriods(
          followUp,
          previous.id,
          period.id,
          summary.map((r) => r.item.id),
        )
      : null,
    sections,
    summary,
    counts,
    overdueCount: summary.filter((r) => r.overdue).length,
  };
}
