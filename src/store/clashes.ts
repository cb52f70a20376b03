// Changes from elsewhere (another tab, a room) to items this window changed a moment ago: the
// document keeps the later write, and the editor says so ("… ändrades samtidigt …").
import type { PlanDoc } from '../domain/types';

/** When this window last changed each item (a change from elsewhere soon after is worth a word). */
const recentEdits = new Map<string, number>();
const CLASH_WINDOW_MS = 60_000;

export function noteEdits(before: PlanDoc, after: PlanDoc): void {
  if (before.items === after.items) return;
  const now = Date.now();
  for (const [id, item] of Object.entries(after.items)) if (before.items[id] !== item && before.items[id]?.text !== undefined) recentEdits.set(id, now);
}

/** Items changed from elsewhere that this window changed a moment ago: their texts. */
export function clashing(prev: PlanDoc, next: PlanDoc): string[] {
  const now = Date.now();
  const out: string[] = [];
  for (const [id, item] of Object.entries(next.items)) {
    const at = recentEdits.get(id);
    if (at !== undefined && now - at < CLASH_WINDOW_MS && prev.items[id] && prev.items[id] !== item && prev.items[id]!.rank === item.rank) out.push(item.text);
  }
  return out;
}
