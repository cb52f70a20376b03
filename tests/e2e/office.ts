// LibreOffice as the second reader of our Word and PowerPoint files: convert, then read what came out.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** PDF with the headings as its outline (bookmarks), as "Export as PDF" makes it. */
const PDF_WITH_OUTLINE = 'pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"true"}}';

/**
 * Convert a .docx (or a .pptx, to PDF) with LibreOffice (its own profile, so runs never share
 * one) and return the output file's path. Throws when soffice fails or writes nothing.
 */
export function convert(file: string, to: 'pdf' | 'txt'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sf-office-'));
  const slides = file.endsWith('.pptx');
  const input = join(dir, slides ? 'in.pptx' : 'in.docx');
  copyFileSync(file, input);
  const filter = to === 'txt' ? 'txt:Text (encoded):UTF8' : slides ? 'pdf:impress_pdf_Export' : PDF_WITH_OUTLINE;
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, input], { timeout: 180_000, stdio: 'pipe' });
  const out = join(dir, basename(input).replace(/\.\w+$/, '') + '.' + to);
  if (!existsSync(out)) throw new Error(`soffice wrote no ${to} for ${file}`);
  return out;
}

export const convertToText = (docx: string) => readFileSync(convert(docx, 'txt'), 'utf8');

/** Each text must appear after the one before it. Returns the texts not found in order. */
export function missingInOrder(haystack: string, texts: string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (const text of texts) {
    const found = haystack.indexOf(text, at);
    if (found < 0) missing.push(text);
    else at = found + text.length;
  }
  return missing;
}

/** A PDF text string: UTF-16BE in hex (<FEFF…>) as LibreOffice writes non-ASCII, or a literal. */
function pdfText(raw: string): string {
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s/g, '');
    const bytes = Buffer.from(hex.startsWith('FEFF') ? hex.slice(4) : hex, 'hex');
    return hex.startsWith('FEFF') ? bytes.swap16().toString('utf16le') : bytes.toString('latin1');
  }
  return raw.slice(1, -1).replace(/\\([()\\])/g, '$1');
}

/**
 * A PDF's outline (its bookmarks) as lines, two spaces of indent per level: what a reader's
 * navigation pane shows. Reads LibreOffice's uncompressed outline objects.
 */
export function pdfOutline(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<([\s\S]*?)>>\s*endobj/g)) objects.set(m[1]!, m[2]!);
  const ref = (body: string, key: string) => new RegExp(`/${key} (\\d+) 0 R`).exec(body)?.[1];
  const root = /\/Outlines (\d+) 0 R/.exec(text)?.[1];
  const lines: string[] = [];
  const walk = (id: string | undefined, depth: number) => {
    for (let at = id; at; at = ref(objects.get(at) ?? '', 'Next')) {
      const body = objects.get(at) ?? '';
      const title = /\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))/.exec(body)?.[1];
      lines.push(`${'  '.repeat(depth)}${title ? pdfText(title) : ''}`);
      walk(ref(body, 'First'), depth + 1);
    }
  };
  if (root) walk(ref(objects.get(root) ?? '', 'First'), 0);
  return lines;
}
