// The plan as a JSON file (docs/file-format.md), for keeping or sending.
import { itemsIn } from '../domain/containers';
import type { PlanDoc } from '../domain/types';
import { emptyFollowUp, type FollowUp } from '../domain/followup';
import { FOLLOW_UP_KINDS } from '../schema/followUpRecords';
import type { PlanFile } from '../schema/planFile';
import { FILE_FORMAT, FILE_VERSION } from '../schema/version';
import { downloadBlob, safeFileName } from './download';

/** The follow-up as the file holds it: every record whole, per kind (keys sorted: the same plan writes the same file). */
function followUpToFile(followUp: FollowUp): PlanFile['followUp'] {
  const out = {} as Record<string, unknown[]>;
  for (const kind of FOLLOW_UP_KINDS) {
    const records = followUp[kind] as Record<string, object>;
    out[kind] = Object.keys(records)
      .sort()
      .map((key) => ({ ...records[key] }));
  }
  return out as PlanFile['followUp'];
}

/**
 * `recipient`: who the file is sent to ("Skicka ut"; by default the plan's own), written so what
 * comes back says where it came from. `followUp`: the plan's follow-up (none for a file sent out).
 */
export function planToFile(doc: PlanDoc, now = new Date(), recipient = '', followUp: FollowUp = emptyFollowUp()): PlanFile {
  const items = [
    ...itemsIn(doc, null),
    ...doc.plan.blades.flatMap((b) => doc.plan.rings.flatMap((r) => itemsIn(doc, { bladeId: b.id, ringId: r.id }))),
  ];
  const { recipient: own, ...plan } = doc.plan;
  const to = (recipient || own || '').trim();
  return { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: now.toISOString(), source: 'Solfjädern', ...(to ? { recipient: to } : {}), plan, items, followUp: followUpToFile(followUp) };
}

export function planToJson(doc: PlanDoc, now = new Date(), recipient = '', followUp?: FollowUp): string {
  return JSON.stringify(planToFile(doc, now, recipient, followUp), null, 2);
}

export function fileName(doc: PlanDoc, ext: string): string {
  return safeFileName(doc.plan.name, ext);
}

/** Save the plan as a .json download (works offline: a blob URL, no request). */
export function downloadPlanJson(doc: PlanDoc, followUp?: FollowUp): void {
  downloadBlob(new Blob([planToJson(doc, new Date(), '', followUp)], { type: 'application/json' }), fileName(doc, 'json'));
}
