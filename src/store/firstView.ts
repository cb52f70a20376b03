// The first paint: the plan used last, from the view of it kept when it was last stored
// (src/db/views.ts), shown as soon as the early read has it (src/db/earlyRead.ts) — before the
// part of the app that holds the plan's document has loaded (./engine.ts). That part then opens
// the plan from the same rows, as the same plan object, and decodes its document.
import { isRecord } from '../schema/records';
import { peekEarlyRead } from '../db/earlyRead';
import { viewOf } from '../db/views';
import { seedGeometries } from '../fan/keptGeometry';
import { useEditor } from './editorState';

/**
 * Show the kept view of the plan read early when it was read from exactly the pieces stored
 * now. Whatever the engine opened first stays. What is not asked here, to keep the first paint
 * short, the engine asks when it opens the plan a moment later and then shows what it finds: a
 * damaged piece (its checksum: ~15 ms at 1,000 items) and a change logged but not stored before
 * the last tab closed (the first look at localStorage loads all of it, the log's base too).
 */
export async function showKeptView(): Promise<void> {
  const rows = await peekEarlyRead();
  if (!rows || !isRecord(rows.planRow) || typeof rows.planRow.id !== 'string') return;
  // The fan's kept geometry first: the first layout only checks it still fits.
  seedGeometries(rows.planRow.id, rows.geometries);
  const doc = viewOf(rows.view, rows.planRow.id, rows.lastSeq);
  if (doc && useEditor.getState().doc === null) useEditor.setState({ doc });
}
