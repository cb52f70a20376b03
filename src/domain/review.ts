// Where an item stands in review, as a small mark drawn after its text (fan, Tabell, print,
// Word) with a legend, and as words for screen readers. Marks are shapes, not colours, so
// they read in greyscale.
import type { Status } from './types';

/** The mark of each status; a förslag has none. */
export const STATUS_MARK: Record<Status, string> = { forslag: '', godkand: '✓', andras: 'Δ', stryks: '✕' };
/** Before the number of comments. */
export const COMMENT_MARK = '❝';

const STATUS_WORD: Record<Status, string> = { forslag: 'förslag', godkand: 'godkänd', andras: 'ändras', stryks: 'stryks' };

export interface Reviewed {
  status?: Status | string;
  comments?: readonly unknown[];
}

const statusOf = (item: Reviewed): Status => (item.status && item.status in STATUS_MARK ? (item.status as Status) : 'forslag');

/**
 * The marks drawn after an item in the fan, e.g. "✓ ❝2"; empty for a förslag without
 * comments. A struck item says "(stryks)" in words instead (cells.ts), struck through.
 */
export function reviewMarks(item: Reviewed): string {
  const status = statusOf(item) === 'stryks' ? '' : STATUS_MARK[statusOf(item)];
  const comments = item.comments?.length ?? 0;
  return [status, comments > 0 ? `${COMMENT_MARK}${comments}` : ''].filter(Boolean).join('\u00a0');
}

/** The same in words, for screen readers: "Status: godkänd. 2 kommentarer" (empty when there is nothing to say; stryks is in the item's name). */
export function reviewWords(item: Reviewed): string {
  const status = statusOf(item);
  const comments = item.comments?.length ?? 0;
  const parts = [status === 'forslag' || status === 'stryks' ? '' : `Status: ${STATUS_WORD[status]}`, comments === 0 ? '' : comments === 1 ? '1 kommentar' : `${comments} kommentarer`];
  return parts.filter(Boolean).join('. ');
}

/** Marks with their words, for lists on paper: "✓ godkänd · ❝ 2 kommentarer" (empty when there is nothing to say). */
export function reviewLabel(item: Reviewed): string {
  const status = statusOf(item);
  const comments = item.comments?.length ?? 0;
  return [
    status === 'forslag' ? '' : `${STATUS_MARK[status]} ${STATUS_WORD[status]}`,
    comments === 0 ? '' : `${COMMENT_MARK} ${comments} ${comments === 1 ? 'kommentar' : 'kommentarer'}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The legend for the marks the fan's items carry ("✓ godkänd · ❝ antal kommentarer"), or null when none does. */
export function marksLegend(items: Iterable<Reviewed>): string | null {
  const statuses = new Set<Status>();
  let comments = false;
  for (const item of items) {
    statuses.add(statusOf(item));
    if ((item.comments?.length ?? 0) > 0) comments = true;
  }
  const parts = (['godkand', 'andras'] as const).filter((s) => statuses.has(s)).map((s) => `${STATUS_MARK[s]} ${STATUS_WORD[s]}`);
  if (comments) parts.push(`${COMMENT_MARK} antal kommentarer`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Split a drawn line into its text and the marks at its end (drawn apart, hidden from screen readers). */
export function splitMarks(line: string): { text: string; marks: string } {
  const match = /(?:\u00a0(?:[✓Δ]|❝\d+))+$/u.exec(line);
  return match ? { text: line.slice(0, match.index), marks: match[0] } : { text: line, marks: '' };
}
