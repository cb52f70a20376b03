// "Samla in": many files at once — filled-in templates (.docx) and plan files (.json) — each
// read into proposals ("inputs") with where they came from. A file that cannot be read is
// kept with the reason; the others still come in.
import { newId } from '../domain/ids';
import type { Catalogue, PlanDoc } from '../domain/types';
import type { CollectedFile, CollectedInput } from '../domain/collection';
import { type PointedLayouts, readFilledMall } from './template/readMall';
import type { TablePreview } from './template/interpret';
import { readPlanPart } from '../files/planPart';
import { LIMITS, MAX_FILE_BYTES, fileTooLarge, shortened } from '../domain/limits';
import { readPlanFile } from '../schema/restore';
import { isZip, unreadableKind } from '../files/kinds';
import { normalized } from './template/model';
import { ZIP_TOO_LARGE } from '../files/safeZip';
import { answerOfPlan, type FormAnswer } from './followUpForm';

/** What Samla in reads, for messages about what it does not. */
export const COLLECT_KINDS = 'Samla in läser ifyllda mallar i Word (.docx) eller OpenDocument (.odt) och planfiler från Solfjädern (.json).';

/** A file as the browser gives it (File satisfies this). */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

const baseName = (name: string) => name.replace(/\.[^.]+$/, '').trim() || name;

/**
 * The catalogue's delområde for a name as written, by meaning: case and punctuation aside
 * ("nära vård"), one of several names ("Ledarskap/Kompetensförsörjning" → Kompetensförsörjning),
 * or a form of the name ("Prioritering" → Prioriteringar). Null unless exactly one fits.
 */
export function delomradeByName(catalogue: Catalogue, name: string): string | null {
  const areas = catalogue.delomraden.map((d) => ({ id: d.id, name: normalized(d.name) }));
  const written = normalized(name);
  if (!written) return null;
  const parts = [written, ...name.split(/[/,;&+]|\boch\b/).map(normalized).filter(Boolean)];
  const only = (found: Array<{ id: string }>) => (new Set(found.map((a) => a.id)).size === 1 ? found[0]!.id : null);
  for (const fits of [
    (a: string, p: string) => a === p || a.replaceAll(' ', '') === p.replaceAll(' ', ''),
    // A form of the same word: one begins with the other, and they differ in an ending only.
    (a: string, p: string) => Math.min(a.length, p.length) >= 6 && (a.startsWith(p) || p.startsWith(a)) && Math.abs(a.length - p.length) <= 3,
  ]) {
    const found = areas.filter((a) => parts.some((p) => fits(a.name, p)));
    if (found.length > 0) return only(found);
  }
  return null;
}

/**
 * A plan file's items as inputs: those in the fan under their ring's year, those left in
 * Inspel without a year (struck ones are left out), each under its first delområde — found
 * by name in this plan's catalogue, as the file may come from another plan.
 */
function inputsOfPlan(doc: PlanDoc, catalogue: Catalogue, fileId: string, kalla: string): CollectedInput[] {
  const names = new Map(doc.plan.catalogue.delomraden.map((d) => [d.id, d.name]));
  const years = new Map(doc.plan.rings.map((r) => [r.id, r.year]));
  return Object.values(doc.items)
    .filter((item) => item.status !== 'stryks')
    .sort((a, b) => Number(!a.cell) - Number(!b.cell) || a.rank - b.rank)
    .map((item) => ({
      id: newId(),
      fileId,
      text: item.text,
      kalla: item.kalla.trim() || kalla,
      delomradeId: delomradeByName(catalogue, names.get(item.delomraden[0] ?? '') ?? ''),
      delomradeName: names.get(item.delomraden[0] ?? '') ?? '',
      year: item.cell ? (years.get(item.cell.ringId) ?? null) : null,
      rank: item.rank,
      extra: item.extra,
    }));
}

/** Who a proposal came from, as long as a källa may be (a crafted file may say more). */
const fitted = (kalla: string) => shortened(kalla, LIMITS.name);

/** A file read: into the collection — or, when `ask` is there, waiting for the user to point out its proposals. */
export type TakenFile = CollectedFile & { ask?: TablePreview; answer?: FormAnswer };

async function readOne(file: FileLike, catalogue: Catalogue, now: Date, layouts: PointedLayouts): Promise<TakenFile> {
  const id = newId();
  const taken = { id, name: file.name, importedAt: now.toISOString(), kalla: fitted(baseName(file.name)), inputs: [] as CollectedInput[] };
  const fail = (error: string): CollectedFile => ({ ...taken, error });
  if (file.size > MAX_FILE_BYTES) return fail(fileTooLarge(file.size));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = unreadableKind(file.name, bytes.length, bytes.subarray(0, 512), COLLECT_KINDS);
  if (kind) return fail(kind);
  if (isZip(bytes)) {
    const mall = await readFilledMall(bytes, layouts);
    if (mall.ok && mall.answer) return { ...taken, kalla: fitted(mall.recipient.trim()) || taken.kalla, answer: mall.answer, error: null };
    if (mall.ok) {
      const kalla = fitted(mall.recipient.trim()) || taken.kalla;
      const inputs = mall.proposals.map((p) => ({
        id: newId(),
        fileId: id,
        text: p.text,
        kalla,
        delomradeId: delomradeByName(catalogue, p.delomrade),
        delomradeName: p.delomrade,
        year: p.year,
        rank: p.rank,
        extra: p.extra,
      }));
      return { ...taken, kalla, inputs, error: null };
    }
    if (mall.error === ZIP_TOO_LARGE) return fail(mall.error);
    // A Word file made here without the template's table still carries its plan.
    const part = await readPlanPart(bytes).catch(() => null);
    const plan = part && readPlanFile(part.planJson);
    if (plan?.ok) {
      const kalla = fitted(part!.recipient.trim()) || taken.kalla;
      return { ...taken, kalla, inputs: inputsOfPlan(plan.doc, catalogue, id, kalla), error: null };
    }
    // Its plan, there but not readable, says more than the missing table does.
    if (plan) return fail(plan.error);
    return mall.ask ? { ...fail(mall.error), ask: mall.ask } : fail(mall.error);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const plan = readPlanFile(text);
  if (!plan.ok) return fail(plan.error);
  const kalla = fitted(plan.recipient) || taken.kalla;
  // A plan file sent out for follow-up (it names its recipient), followed up in Solfjädern by that office: its answer.
  const answer = plan.recipient ? answerOfPlan(plan.doc, plan.followUp) : null;
  if (answer) return { ...taken, kalla, answer, error: null };
  return { ...taken, kalla, inputs: inputsOfPlan(plan.doc, catalogue, id, kalla), error: null };
}

/**
 * Read every file; one that fails is returned with its reason, never stopping the rest.
 * `layouts`: where the proposals are in layouts the user pointed out before.
 */
export async function takeIn(files: readonly FileLike[], catalogue: Catalogue, now = new Date(), layouts: PointedLayouts = {}): Promise<TakenFile[]> {
  return Promise.all(
    files.map((file) =>
      readOne(file, catalogue, now, layouts).catch(
        (): CollectedFile => ({ id: newId(), name: file.name, importedAt: now.toISOString(), kalla: baseName(file.name), inputs: [], error: 'Filen gick inte att läsa.' }),
      ),
    ),
  );
}
