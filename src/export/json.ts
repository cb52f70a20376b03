// The plan as a JSON file (docs/file-format.md), for keeping or sending.
import { itemsIn } from '../domain/containers';
import type { PlanDoc } from '../domain/types';
import type { PlanFile } from '../schema/planFile';
import { FILE_FORMAT, FILE_VERSION } from '../schema/version';
import { downloadBlob, safeFileName } from './download';

/** `recipient`: who the file is sent to ("Skicka ut"; by default the plan's own), written so what comes back says where it came from. */
export function planToFile(doc: PlanDoc, now = new Date(), recipient = ''): PlanFile {
  const items = [
    ...itemsIn(doc, null),
    ...doc.plan.blades.flatMap((b) => doc.plan.rings.flatMap((r) => itemsIn(doc, { bladeId: b.id, ringId: r.id }))),
  ];
  const { recipient: own, ...plan } = doc.plan;
  const to = (recipient || own || '').trim();
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: now.toISOString(), source: 'Solfjädern', ...(to ? { recipient: to } : {}), plan, items };
}

export function planToJson(doc: PlanDoc, now = new Date(), recipient = ''): string {
  return JSON.stringify(planToFile(doc, now, recipient), null, 2);
}

export function fileName(doc: PlanDoc, ext: string): string {
  return safeFileName(doc.plan.name, ext);
}

/** Save the plan as a .json download (works offline: a blob URL, no request). */
export function downloadPlanJson(doc: PlanDoc): void {
  downloadBlob(new Blob([planToJson(doc)], { type: 'application/json' }), fileName(doc, 'json'));
}
