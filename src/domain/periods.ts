// Follow-up periods by name: a year ("2025") or a tertial ("T2 2026"), as people write them,
// as ids, and in time order.
import { RuleError } from './rules';
import type { FollowUp, Period } from './followup';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const PERIOD_ID = /^(\d{4})(?:-T([123]))?$/;
const ASKED = 'Skriv perioden som ett år (2025) eller ett tertial (T2 2026).';

/** The period a text names: "2025", "T2 2026", "2026 T2", "t2 2026", "2026-T2". */
export function parsePeriod(text: string): Pick<Period, 'id' | 'year' | 'tertial'> {
  const clean = text.trim().replace(/\s+/g, ' ');
  const match = /^(?:[Tt]([123])[ -]?(\d{4})|(\d{4})(?:[ -][Tt]([123]))?)$/.exec(clean);
  if (!match) throw new RuleError(ASKED);
  const year = Number(match[2] ?? match[3]);
  const tertial = match[1] ?? match[4];
  if (year < MIN_YEAR || year > MAX_YEAR) throw new RuleError(`Året ska vara mellan ${MIN_YEAR} och ${MAX_YEAR}.`);
  const t = tertial ? (Number(tertial) as 1 | 2 | 3) : null;
  return { id: t ? `${year}-T${t}` : String(year), year, tertial: t };
}

/** The period an id names (as `parsePeriod` makes it), or null. */
export function periodOfId(id: string): Pick<Period, 'id' | 'year' | 'tertial'> | null {
  const match = PERIOD_ID.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return { id, year, tertial: match[2] ? (Number(match[2]) as 1 | 2 | 3) : null };
}

/** "2025", "T2 2026". */
export const periodLabel = (period: Pick<Period, 'year' | 'tertial'>) => (period.tertial ? `T${period.tertial} ${period.year}` : String(period.year));

/** Where a period ends, as a month count: a year ends with its third tertial. */
const endOf = (p: Pick<Period, 'year' | 'tertial'>) => p.year * 12 + (p.tertial ?? 3) * 4;

/** Periods in time order: by where they end, a year after its third tertial (it sums up the whole year). */
export function periodOrder(a: Pick<Period, 'year' | 'tertial'>, b: Pick<Period, 'year' | 'tertial'>): number {
  return endOf(a) - endOf(b) || (a.tertial === null ? 1 : 0) - (b.tertial === null ? 1 : 0);
}

export const periodsInOrder = (followUp: FollowUp): Period[] => Object.values(followUp.periods).sort(periodOrder);
