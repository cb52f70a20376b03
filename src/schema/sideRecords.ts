// The restore step for the rows beside a plan — Samla in's collection and Prioritera's
// votes — as they come from storage: what cannot be read is set aside or reset, and named
// in Swedish, so a damaged row never stops a panel from drawing.
import type { CollectedFile, CollectedInput, Collection, Merge } from '../domain/collection';
import { NEW_COLLECTION } from '../domain/collection';
import { isRecord } from './records';

const isString = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isString) : []);

function input(raw: unknown, fileId: string): CollectedInput | null {
  if (!isRecord(raw) || !isString(raw.id) || !isString(raw.text)) return null;
  return {
    id: raw.id,
    text: raw.text,
    kalla: isString(raw.kalla) ? raw.kalla : '',
    delomradeId: isString(raw.delomradeId) ? raw.delomradeId : null,
    delomradeName: isString(raw.delomradeName) ? raw.delomradeName : '',
    year: Number.isInteger(raw.year) ? (raw.year as number) : null,
    rank: Number.isSafeInteger(raw.rank) && (raw.rank as number) >= 0 ? (raw.rank as number) : 0,
    extra: raw.extra === true,
    fileId,
  };
}

/** A stored collection, repaired where it cannot be read as it is; `notes` names each repair. */
export function restoreCollection(raw: unknown, notes: string[] = []): Collection {
  if (!isRecord(raw)) {
    if (raw !== null && raw !== undefined) notes.push('Insamlingen kunde inte läsas och börjar om tom.');
    return NEW_COLLECTION;
  }
  const files: CollectedFile[] = [];
  for (const f of Array.isArray(raw.files) ? raw.files : []) {
    if (!isRecord(f) || !isString(f.id)) {
      notes.push('En fil i insamlingen kunde inte läsas och togs bort.');
      continue;
    }
    const name = isString(f.name) ? f.name : 'Namnlös fil';
    const inputs = Array.isArray(f.inputs) ? f.inputs.map((i) => input(i, f.id as string)) : null;
    const read = (inputs ?? []).filter((i): i is CollectedInput => i !== null);
    const broken = inputs === null || read.length < inputs.length;
    if (broken) notes.push(`Filen ”${name}” i insamlingen kunde inte läsas helt${read.length ? '; det som gick att läsa finns kvar' : ''}.`);
    files.push({
      id: f.id,
      name,
      importedAt: isString(f.importedAt) ? f.importedAt : new Date(0).toISOString(),
      kalla: isString(f.kalla) ? f.kalla : name,
      inputs: read,
      error: isString(f.error) ? f.error : broken && read.length === 0 ? 'Förslagen kunde inte läsas ur webbläsarens lagring.' : null,
    });
  }
  const threshold = typeof raw.threshold === 'number' && raw.threshold >= 0 && raw.threshold <= 1 ? raw.threshold : NEW_COLLECTION.threshold;
  const merges: Merge[] = (Array.isArray(raw.merges) ? raw.merges : []).flatMap((m) =>
    isRecord(m) && isString(m.id) && isString(m.text) && Array.isArray(m.inputIds) ? [{ id: m.id, text: m.text, inputIds: strings(m.inputIds) }] : [],
  );
  const layouts = Object.fromEntries(
    Object.entries(isRecord(raw.layouts) ? raw.layouts : {}).filter((e): e is [string, number] => Number.isSafeInteger(e[1]) && (e[1] as number) >= 0 && (e[1] as number) < 100),
  );
  return { files, threshold, dismissed: strings(raw.dismissed), alone: strings(raw.alone), merges, layouts };
}

/** Stored dot votes, each vote that cannot be read left out. */
export function restoreVotes(raw: unknown, notes: string[] = []): { dots: number; votes: Array<{ participant: string; itemId: string }> } | null {
  if (!isRecord(raw)) return null;
  const all = Array.isArray(raw.votes) ? raw.votes : [];
  const votes = all.flatMap((v) => (isRecord(v) && isString(v.participant) && isString(v.itemId) ? [{ participant: v.participant, itemId: v.itemId }] : []));
  if (votes.length < all.length || !Array.isArray(raw.votes)) notes.push('Några prioriteringsprickar kunde inte läsas och togs bort.');
  const dots = Number.isSafeInteger(raw.dots) && (raw.dots as number) >= 1 && (raw.dots as number) <= 99 ? (raw.dots as number) : 5;
  return { dots, votes };
}
