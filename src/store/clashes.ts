// Changes from elsewhere (another tab, a room) that replace a field this window changed a moment
// ago. Two writes of one field made apart cannot both stand, and which stands is the document's
// choice (not always the later one): so the editor says plainly whose now stands and what this
// window had written, with "Använd min" to write it again.
import { FIELD_WORDS } from '../domain/fieldWords';
import { changedItemIds } from '../domain/itemChanges';
import type { Item, PlanDoc } from '../domain/types';

const CLASH_WINDOW_MS = 60_000;

/** Fields a person writes; the place (cell, rank) and derived `extra` are not compared. */
const FIELDS = ['text', 'description', 'delomraden', 'effektmal', 'indikator', 'ansvarsniva', 'kalla', 'extraChoice', 'status', 'sources'] as const;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export interface Clash {
  id: string;
  field: (typeof FIELDS)[number];
  /** What this window had written. */
  mine: unknown;
  /** What stands now. */
  now: unknown;
  /** The item's text now. */
  text: string;
}

/** What this window last wrote into each item's fields, and when (a change from elsewhere soon after is worth a word). */
export class RecentEdits {
  private readonly edits = new Map<string, { at: number; fields: Map<string, unknown> }>();

  /** This window's change from `before` to `after`: the fields it wrote. */
  note(before: PlanDoc, after: PlanDoc): void {
    if (before.items === after.items) return;
    const now = Date.now();
    for (const id of changedItemIds(before.items, after.items)) {
      const item = after.items[id];
      const was = before.items[id];
      if (!was || !item) continue;
      const changed = FIELDS.filter((f) => !same(was[f], item[f]));
      if (changed.length === 0) continue;
      const entry = this.edits.get(id);
      const fields = entry && now - entry.at < CLASH_WINDOW_MS ? entry.fields : new Map<string, unknown>();
      for (const f of changed) fields.set(f, item[f]);
      this.edits.set(id, { at: now, fields });
    }
  }

  /** Fields this window wrote a moment ago that a change from elsewhere (`prev` → `next`) replaced. */
  clashing(prev: PlanDoc, next: PlanDoc): Clash[] {
    const now = Date.now();
    const out: Clash[] = [];
    for (const [id, entry] of this.edits) {
      if (now - entry.at >= CLASH_WINDOW_MS) {
        this.edits.delete(id);
        continue;
      }
      const before = prev.items[id];
      const after = next.items[id];
      if (!before || !after || before === after) continue;
      for (const [field, mine] of entry.fields) {
        const f = field as Clash['field'];
        if (same(before[f], mine) && !same(after[f], mine)) {
          out.push({ id, field: f, mine, now: after[f], text: after.text });
          entry.fields.delete(field);
        }
      }
    }
    return out;
  }
}

const short = (value: unknown) => {
  const text = String(value);
  return `”${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
};

/** The words for a clash: whose write stands now and what this window had written. */
export function clashMessage(clash: Clash, from: 'tab' | 'room'): string {
  const where = from === 'tab' ? 'en ändring i en annan flik' : 'någon annans ändring i rummet';
  const word = FIELD_WORDS[clash.field] ?? clash.field;
  if (typeof clash.mine === 'string' && typeof clash.now === 'string')
    return `Din ändring av ${word} (${short(clash.mine)}) ersattes av ${where}: ${short(clash.now)} gäller nu.`;
  return `Din ändring av ${word} i ${short(clash.text)} ersattes av ${where}, som gäller nu.`;
}

/** The field as this window wrote it, to write again ("Använd min"). */
export const mineOf = (clash: Clash): Partial<Item> => ({ [clash.field]: clash.mine }) as Partial<Item>;
