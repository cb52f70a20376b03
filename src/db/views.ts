// The plan as its document read when it was last stored (`planViews`): the next start shows it
// at once and decodes the document just after the first paint (src/store/editor.ts), instead of
// decoding a thousand items' document before anything shows. It is a reading, never a second
// model: edits go to the document only, and a view is used only while the plan's pieces are
// exactly those it was read from (no piece added, merged or replaced since: the last piece's
// number is the same). Read through the same restore step as every stored row.
import type { PlanDoc } from '../domain/types';
import { isRecord, restoreSound } from '../schema/records';
import { opened } from './connection';
import { DB_NAME } from './earlyRead';
import { isKeptScreen, type KeptScreen } from '../screen/keptScreen';

/**
 * The last piece's number each plan's kept view was read from, as far as this tab knows (by
 * database and plan), and the window size its kept screen was laid out for, if it has one.
 */
const kept = new Map<string, { seq: number; screen: string | null }>();

const screenSize = (screen: unknown) => (isKeptScreen(screen) ? `${screen.width}x${screen.height}` : null);

/**
 * Keep `doc` as the reading of its plan's stored pieces, with the screen that shows it if there
 * is one (src/screen/keptScreen.ts). Call only when the plan shown is what storage holds (every
 * change written, none from elsewhere unread). Returns whether it wrote.
 */
export async function keepView(doc: PlanDoc, screen: KeptScreen | null = null): Promise<boolean> {
  const d = await opened();
  const planId = doc.plan.id;
  return d.transaction('rw', d.plans, d.planUpdates, d.planViews, async () => {
    const row = await d.plans.get(planId);
    if (!row || row.deletedAt) return false;
    const seqs = await d.planUpdates.where('planId').equals(planId).primaryKeys();
    if (seqs.length === 0) return false;
    const seq = Math.max(...(seqs as number[]));
    const key = `${d.name}/${planId}`;
    const known = kept.get(key);
    const size = screenSize(screen);
    if (known?.seq === seq) {
      // The same reading: only a screen for a window size it has none for is new.
      if (!screen || known.screen === size) return false;
      await d.planViews.update(planId, { screen });
    } else await d.planViews.put({ planId, seq, plan: doc.plan, items: Object.values(doc.items), ...(screen ? { screen } : {}) });
    kept.set(key, { seq, screen: size });
    return true;
  });
}

/**
 * A kept view of `planId`, restored, when it was read from exactly the pieces stored now (the
 * last one numbered `lastSeq`); otherwise null (the document is then read as it is).
 */
export function viewOf(view: unknown, planId: string, lastSeq: number, dbName = DB_NAME): PlanDoc | null {
  if (!isRecord(view) || view.planId !== planId || view.seq !== lastSeq || !Array.isArray(view.items)) return null;
  // Its limits' italics were settled when it was kept (a reading of the document); the document,
  // decoded just after the first paint, is read and settled again and shows what differs.
  const doc = restored.get(view) ?? restoreSound(view.plan, view.items, false, true);
  if (!doc || doc.plan.id !== planId) return null;
  // The same stored view read twice (shown before the app's storage code loaded, then opened by
  // it) is the same plan object: nothing is restored or drawn again.
  restored.set(view, doc);
  kept.set(`${dbName}/${planId}`, { seq: lastSeq, screen: screenSize(view.screen) });
  return doc;
}

const restored = new WeakMap<object, PlanDoc>();

/** A kept view of `planId`, restored, whatever pieces it was read from (a copy to fall back on when pieces are damaged). */
export function anyViewOf(view: unknown, planId: string): { doc: PlanDoc; exact: false } | null {
  if (!isRecord(view) || view.planId !== planId || !Array.isArray(view.items)) return null;
  const doc = restoreSound(view.plan, view.items);
  return doc && doc.plan.id === planId ? { doc, exact: false } : null;
}
