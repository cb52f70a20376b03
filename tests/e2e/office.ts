// LibreOffice as the second reader of our Word files: convert, then read what came out.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/**
 * Convert a .docx with LibreOffice (its own profile, so runs never share one) and return the
 * output file's path. Throws when soffice fails or writes nothing.
 */
export function convert(docx: string, to: 'pdf' | 'txt'): string {
  const dir = mkdtempSync(join(tmpdir(), 'sf-office-'));
  const input = join(dir, 'in.docx');
  copyFileSync(docx, input);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', to === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf', '--outdir', dir, input],
    { timeout: 180_000, stdio: 'pipe' },
  );
  const out = join(dir, basename(input, '.docx') + '.' + to);
  if (!existsSync(out)) throw new Error(`soffice wrote no ${to} for ${docx}`);
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
