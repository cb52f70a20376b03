// Filtering items for review ("Granska"): by status, comments, fokusområde, delområde, källa
// and ansvarsnivå, over the fan and Inspel alike. A filter narrows what is shown; it never
// changes the plan.
import type { Ansvarsniva, Item, PlanDoc, Status } from './types';

/** "Not set" for delområde, källa and ansvarsnivå. */
export const NONE = '__none__';

/** Items with comments, or without any. */
export const COMMENT_CHOICES = ['with', 'without'] as const;
export type CommentChoice = (typeof COMMENT_CHOICES)[number];
export const COMMENT_LABEL: Record<CommentChoice, string> = { with: 'Med kommentarer', without: 'Utan kommentarer' };

export interface ItemFilter {
  status: Status | null;
  comments: CommentChoice | null;
  bladeId: string | null;
  /** A delområde id, or NONE for items without one. */
  delomradeId: string | null;
  /** A källa as written, or NONE for items without one. */
  kalla: string | null;
  ansvarsniva: Ansvarsniva | typeof NONE | null;
}

export const NO_FILTER: ItemFilter = { status: null, comments: null, bladeId: null, delomradeId: null, kalla: null, ansvarsniva: null };

export const isFiltering = (filter: ItemFilter) => Object.values(filter).some((v) => v !== null);

/** Whether an item passes every set criterion (all of them: the criteria narrow together). */
export function matchesFilter(item: Item, filter: ItemFilter): boolean {
  if (filter.status !== null && item.status !== filter.status) return false;
  if (filter.comments !== null && (item.comments.length > 0) !== (filter.comments === 'with')) return false;
  if (filter.bladeId !== null && item.cell?.bladeId !== filter.bladeId) return false;
  if (filter.delomradeId !== null) {
    const ok = filter.delomradeId === NONE ? item.delomraden.length === 0 : item.delomraden.includes(filter.delomradeId);
    if (!ok) return false;
  }
  if (filter.kalla !== null) {
    const kalla = item.kalla.trim();
    if (filter.kalla === NONE ? kalla !== '' : kalla.toLocaleLowerCase('sv') !== filter.kalla.toLocaleLowerCase('sv')) return false;
  }
  if (filter.ansvarsniva !== null && (item.ansvarsniva ?? NONE) !== filter.ansvarsniva) return false;
  return true;
}

/** Ids of the items, in the fan and in Inspel, that pass the filter. */
export function matchingIds(doc: PlanDoc, filter: ItemFilter): Set<string> {
  return new Set(Object.values(doc.items).filter((item) => matchesFilter(item, filter)).map((item) => item.id));
}

/** The källor the plan's items name (case-insensitively distinct, first spelling kept), sorted. */
export function kallorInPlan(doc: PlanDoc): string[] {
  const seen = new Map<string, string>();
  for (const item of Object.values(doc.items)) {
    const kalla = item.kalla.trim();
    if (kalla && !seen.has(kalla.toLocaleLowerCase('sv'))) seen.set(kalla.toLocaleLowerCase('sv'), kalla);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'sv'));
}
