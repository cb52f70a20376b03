// Limits the app holds to, and their messages, defined once: the editor, the file format
// (src/schema/planFile.ts), Importera and Samla in all read them from here. Text is held to
// them where it enters — form fields (maxLength), operations that check, names the app makes
// shortened with "…" — so whatever the app holds, it can export and import back.
import { RuleError } from './rules';
import { MAX_AUTHOR_LENGTH, MAX_COMMENT_LENGTH } from './types';

/** Text as it is kept: runs of white space one space, none at the ends. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The longest item text (an activity is a line, not a document). */
export const MAX_TEXT_LENGTH = 300;

/** The largest file Importera and Samla in read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const mb = (bytes: number) => (bytes / (1024 * 1024)).toLocaleString('sv-SE', { maximumFractionDigits: 1 });

/** Why a file is refused for its size: "Filen är för stor (21,3 MB). En fil får vara högst 20 MB." */
export const fileTooLarge = (bytes: number) => `Filen är för stor (${mb(bytes)} MB). En fil får vara högst ${MAX_FILE_BYTES / (1024 * 1024)} MB.`;

/** The plan file's limits (src/schema/planFile.ts checks them; stored rows are held to them too). */
export const LIMITS = {
  id: 100,
  name: 200,
  itemText: MAX_TEXT_LENGTH,
  description: 10_000,
  short: 500,
  items: 20_000,
  /** Uppföljning records of one kind in a file (progress: items × periods). */
  followUpRecords: 200_000,
  catalogue: 500,
  comments: 1000,
  sources: 1000,
  sourceText: 2000,
  bladeName: 80,
  ringLabel: 60,
  unit: 60,
  author: MAX_AUTHOR_LENGTH,
  comment: MAX_COMMENT_LENGTH,
  versionName: 120,
} as const;

/** A text made to fit: cut at `max` characters, the cut marked with "…". */
export function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** A text typed by the user, refused when longer than `max`: "Beskrivningen får vara högst 10 000 tecken (nu 10 050)." */
export function withinLimit(text: string, max: number, what: string): string {
  if (text.length > max) throw new RuleError(`${what} får vara högst ${max.toLocaleString('sv-SE')} tecken (nu ${text.length.toLocaleString('sv-SE')}).`);
  return text;
}

/** A plan name the app makes from another ("X (kopia)"): the original shortened so the whole fits. */
export function namedAfter(name: string, suffix: string, max: number = LIMITS.name): string {
  return `${shortened(name, max - suffix.length)}${suffix}`;
}
