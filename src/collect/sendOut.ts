// "Skicka ut": for each recipient one file to fill in — the Word template and/or a JSON input
// file, or the follow-up form of a period (Word and/or a JSON plan file of the items that
// concern them) — with the recipient's name in it, so whatever comes back says where it came from.
// All files go out as one zip: a browser lets a page start one download, not a dozen.
import JSZip from 'jszip';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { safeFileName } from '../export/download';
import { planToJson } from '../export/json';
import { type FollowUp, type Period, periodLabel } from '../domain/followup';
import { followUpFormPlan, itemsConcerning } from './followUpForm';

export type SendKind = 'mall' | 'json';
export interface OutFile {
  recipient: string;
  name: string;
  bytes: Uint8Array;
}

const MAX_RECIPIENTS = 100;
const MAX_NAME = 200;

/** Recipients as typed and ticked: trimmed, each once (case ignored), in order; a rule broken is said in Swedish. */
export function recipientList(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').trim();
    const key = name.toLocaleLowerCase('sv');
    if (!name || seen.has(key)) continue;
    if (name.length > MAX_NAME) throw new RuleError(`Mottagarnamnet är för långt: högst ${MAX_NAME} tecken (”${name.slice(0, 40)}…”).`);
    seen.add(key);
    list.push(name);
  }
  if (list.length === 0) throw new RuleError('Välj eller skriv minst en mottagare.');
  if (list.length > MAX_RECIPIENTS) throw new RuleError(`Högst ${MAX_RECIPIENTS} mottagare åt gången (nu ${list.length}).`);
  return list;
}

/** The plan without its items: what an office fills in with its own proposals. */
const blank = (doc: PlanDoc): PlanDoc => ({ plan: doc.plan, items: {} });

/** A follow-up form instead of the template: the period asked about, and the follow-up so far. */
export interface FollowUpAsk {
  followUp: FollowUp;
  period: Period;
}

export async function sendOutFiles(doc: PlanDoc, recipients: readonly string[], kinds: readonly SendKind[], now = new Date(), ask?: FollowUpAsk): Promise<OutFile[]> {
  if (kinds.length === 0) throw new RuleError('Välj minst en sorts fil: Word eller JSON.');
  const { buildMall, buildFollowUpForm } = await import('../export/docx');
  const files: OutFile[] = [];
  for (const recipient of recipients) {
    if (ask) {
      // Each office is asked about the items that concern it, with what is said of them so far.
      const label = periodLabel(ask.period);
      const items = itemsConcerning(doc, recipient);
      if (kinds.includes('mall'))
        files.push({ recipient, name: safeFileName(`${doc.plan.name} – uppföljning ${label} – ${recipient}`, 'docx'), bytes: await buildFollowUpForm(doc, ask.followUp, ask.period, recipient, items, now) });
      if (kinds.includes('json')) {
        const part = followUpFormPlan(doc, ask.followUp, ask.period.id, items);
        files.push({ recipient, name: safeFileName(`${doc.plan.name} – uppföljning ${label} – ${recipient}`, 'json'), bytes: new TextEncoder().encode(planToJson(part.doc, now, recipient, part.followUp)) });
      }
      continue;
    }
    if (kinds.includes('mall'))
      files.push({ recipient, name: safeFileName(`${doc.plan.name} – mall – ${recipient}`, 'docx'), bytes: await buildMall(doc, { recipient, now }) });
    if (kinds.includes('json'))
      files.push({ recipient, name: safeFileName(`${doc.plan.name} – inspel – ${recipient}`, 'json'), bytes: new TextEncoder().encode(planToJson(blank(doc), now, recipient)) });
  }
  return files;
}

export async function zipFiles(files: readonly OutFile[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.bytes, { date: new Date() });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
