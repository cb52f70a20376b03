// Files that are not what Importera or Samla in read — told apart by their first bytes (and
// name), so each gets a message that says what to do rather than "inte giltig JSON".

const starts = (head: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => head[i] === byte);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46];
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const GIF = [0x47, 0x49, 0x46, 0x38];
export const ZIP = [0x50, 0x4b, 0x03, 0x04];

export const isZip = (head: Uint8Array) => starts(head, ZIP);

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Why a file is not one a reader takes, by its kind, with what to do; null when it may be
 * (a zip package, or text that may be JSON). `reads` says which kinds the reader takes.
 */
export function unreadableKind(name: string, size: number, head: Uint8Array, reads: string): string | null {
  const ext = extension(name);
  if (size === 0) return `Filen är tom. ${reads}`;
  if (starts(head, OLE) || ext === 'doc') return `Det är en äldre Word-fil (.doc). Spara filen som .docx i Word och läs in den igen. ${reads}`;
  if (starts(head, PDF) || ext === 'pdf')
    return `Det är en PDF, som inte går att läsa tillbaka. Öppna originaldokumentet i Word, spara det som .docx och läs in det igen. ${reads}`;
  if (starts(head, PNG) || starts(head, JPEG) || starts(head, GIF) || ['png', 'jpg', 'jpeg', 'gif', 'heic', 'webp'].includes(ext))
    return `Det är en bild. ${reads}`;
  // Word can save as RTF, which starts like JSON ("{\rtf") but is not.
  if (ext === 'rtf' || new TextDecoder().decode(head.subarray(0, 5)) === '{\\rtf') return `Det är en RTF-fil. Spara filen som .docx i Word och läs in den igen. ${reads}`;
  if (isZip(head)) return ['xlsx', 'pptx', 'ods', 'odp'].includes(ext) ? `Det är ett kalkylark eller en presentation, inte en mall eller en plan. ${reads}` : null;
  if (['txt', 'csv', 'htm', 'html', 'xml', 'xls', 'ppt'].includes(ext)) return `Filen är varken en mall eller en plan. ${reads}`;
  // JSON is text: a NUL or other control byte early on means it is something else.
  if ([...head].some((b) => b < 0x09 || (b > 0x0d && b < 0x20))) return `Filen är varken en plan eller en Word-fil. ${reads}`;
  return null;
}
