// Where an item stands in review, as a small mark drawn after its text (fan, Tabell, print,
// Word) with a legend, and as words for screen readers. Marks are shapes, not colours, so
// they read in greyscale.
import { containersOf, INSPEL } from './containers';
import type { PlanDoc, Status } from './types';
import { PROGRESS_MARK, PROGRESS_WORD, type ProgressState } from './followup';

/** The mark of each status; a förslag has none. */
export const STATUS_MARK: Record<Status, string> = { forslag: '', godkand: '✓', andras: 'Δ', stryks: '✕' };
/** Before the number of comments. */
export const COMMENT_MARK = '❝';

const STATUS_WORD: Record<Status, string> = { forslag: 'förslag', godkand: 'godkänd', andras: 'ändras', stryks: 'stryks' };

export interface Reviewed {
  status?: Status | string;
  comments?: readonly unknown[];
  /** Its progress in the period followed up (Uppföljning), when the fan shows it. */
  progress?: ProgressState;
  /** Its ring's year has passed and it is not Klar (domain/followup.ts `overdue`): it stands out. */
  late?: boolean;
}

/** After the progress mark of an item whose ring's year has passed and that is not Klar. */
export const LATE_MARK = '!';
export const LATE_WORDS = 'Ringens år har passerat – inte klar';

const statusOf = (item: Reviewed): Status => (item.status && item.status in STATUS_MARK ? (item.status as Status) : 'forslag');

/**
 * The marks drawn after an item in the fan, e.g. "✓ ❝2"; empty for a förslag without
 * comments. A struck item says "(stryks)" in words instead (cells.ts), struck through.
 */
export function reviewMarks(item: Reviewed): string {
  const status = statusOf(item) === 'stryks' ? '' : STATUS_MARK[statusOf(item)];
  const comments = item.comments?.length ?? 0;
  const progress = `${item.progress ? PROGRESS_MARK[item.progress] : ''}${item.late ? LATE_MARK : ''}`;
  return [progress, status, comments > 0 ? `${COMMENT_MARK}${comments}` : ''].filter(Boolean).join('\u00a0');
}

/** The same in words, for screen readers: "Status: godkänd. 2 kommentarer" (empty when there is nothing to say; stryks is in the item's name). */
export function reviewWords(item: Reviewed): string {
  const status = statusOf(item);
  const comments = item.comments?.length ?? 0;
  const parts = [
    item.progress ? `Läge: ${PROGRESS_WORD[item.progress]}` : '',
    item.late ? LATE_WORDS : '',
    status === 'forslag' || status === 'stryks' ? '' : `Status: ${STATUS_WORD[status]}`,
    comments === 0 ? '' : comments === 1 ? '1 kommentar' : `${comments} kommentarer`,
  ];
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

/** Which review marks a list of items carries: its statuses, and whether any has comments. */
interface MarksSeen {
  statuses: ReadonlySet<Status>;
  comments: boolean;
}

function marksSeen(items: Iterable<Reviewed>): MarksSeen {
  const statuses = new Set<Status>();
  let comments = false;
  for (const item of items) {
    statuses.add(statusOf(item));
    if ((item.comments?.length ?? 0) > 0) comments = true;
  }
  return { statuses, comments };
}

function legendOf(seen: readonly MarksSeen[]): string | null {
  const has = (s: Status) => seen.some((m) => m.statuses.has(s));
  const parts = (['godkand', 'andras'] as const).filter(has).map((s) => `${STATUS_MARK[s]} ${STATUS_WORD[s]}`);
  if (seen.some((m) => m.comments)) parts.push(`${COMMENT_MARK} antal kommentarer`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The legend for the marks the fan's items carry ("✓ godkänd · ❝ antal kommentarer"), or null when none does. */
export function marksLegend(items: Iterable<Reviewed>): string | null {
  return legendOf([marksSeen(items)]);
}

/** What each cell's list carries, per list: a change makes new lists only for the cells it touched. */
const seenByList = new WeakMap<readonly Reviewed[], MarksSeen>();

/**
 * The legend of the marks a plan's placed items carry (Inspel's are not in the fan), as lines
 * for the fan's legend. Read per cell list, so a change looks again only at the cells it touched.
 */
export function fanNotes(doc: PlanDoc): string[] {
  return notesOfLists(containersOf(doc));
}

/** The same, given the containers' lists. */
export function notesOfLists(containers: ReadonlyMap<string, readonly Reviewed[]>): string[] {
  const seen: MarksSeen[] = [];
  for (const [key, list] of containers) {
    if (key === INSPEL) continue;
    let marks = seenByList.get(list);
    if (!marks) seenByList.set(list, (marks = marksSeen(list)));
    seen.push(marks);
  }
  const legend = legendOf(seen);
  return legend ? [legend] : [];
}

/** Split a drawn line into its text and the marks at its end (drawn apart, hidden from screen readers). */
export function splitMarks(line: string): { text: string; marks: string } {
  const match = /(?:\u00a0(?:[○◐●▲⊘]?!|[✓Δ○◐●▲⊘]|❝\d+))+$/u.exec(line);
  return match ? { text: line.slice(0, match.index), marks: match[0] } : { text: line, marks: '' };
}
