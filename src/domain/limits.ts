// Limits the app holds to, and their messages, defined once: the editor, the file format
// (src/schema/planFile.ts), Importera and Samla in all read them from here.

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
  catalogue: 500,
  comments: 1000,
  sources: 1000,
  sourceText: 2000,
} as const;
