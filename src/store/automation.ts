// What the benchmark and browser tests ask of a page opened with ?automation, beyond the store's
// own actions (loaded only then).
import * as Y from 'yjs';
import { itemMap } from '../ydoc/shape';
import { currentYDoc, settleNow } from './openDoc';
import { addMeasurement, addPerformed, addPeriod, judge, setProgress } from '../domain/followup';
import { commitFollowUp } from './editor';

/** Open a stored plan (the benchmark opens two in turns). */
export { openPlan } from './session';

/**
 * A colleague's edit of one item's text, as it arrives from the room: made on a copy of the
 * document first (not timed), then applied to the open one and shown in the editor's plan.
 * Returns the time that took, in ms.
 */
export function colleagueEdit(itemId: string, text: string): number {
  const ydoc = currentYDoc();
  if (!ydoc) throw new Error('No plan open');
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
  let update: Uint8Array | null = null;
  peer.on('update', (u: Uint8Array) => (update = u));
  (itemMap(peer).get(itemId) as Y.Map<unknown>).set('text', text);
  peer.destroy();
  if (!update) throw new Error('No change made');
  const t0 = performance.now();
  Y.applyUpdate(ydoc, update, 'room');
  settleNow();
  return performance.now() - t0;
}

const STATES = ['ej-paborjad', 'pagar', 'klar', 'forsenad', 'avbruten'] as const;

/**
 * A plan followed up for the benchmark's report: each period with every placed item's progress
 * and a comment, three values of each indicator, each delområde judged with two entries of what
 * the offices did. One step.
 */
export function followUpEverything(periods: string[]): void {
  const at = new Date().toISOString();
  commitFollowUp('Benchmark', (f, doc) => {
    const placed = Object.values(doc.items).filter((i) => i.cell);
    periods.forEach((text, p) => {
      const period = addPeriod(f, text);
      placed.forEach((item, i) => {
        setProgress(f, doc.items, { periodId: period.id, itemId: item.id, state: STATES[(i + p) % STATES.length]!, comment: `Kommentar ${i + 1} om läget ${text}`, by: 'Benchmark', at });
      });
      for (const d of doc.plan.catalogue.delomraden) {
        judge(f, doc.plan, { periodId: period.id, delomradeId: d.id, judgement: 'ratt-riktning', text: `Bedömning av ${d.name} ${text}`, by: 'Benchmark', at });
        for (const k of [1, 2]) addPerformed(f, doc.plan, { id: `${period.id}-${d.id}-${k}`, periodId: period.id, delomradeId: d.id, text: `Genomfört ${k} inom ${d.name}`, kalla: `Förvaltning ${k}`, inputId: null });
      }
    });
    for (const item of placed.filter((i) => i.indikator.text)) {
      ['2024-12-31', '2025-12-31', '2026-06-30'].forEach((date, k) => addMeasurement(f, doc.items, { id: `${item.id}-${k}`, itemId: item.id, date, value: 20 + k * 3, source: 'Benchmark', by: 'Benchmark', at }));
    }
  });
}
