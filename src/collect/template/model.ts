// A filled-in template's tables as the reader sees them, whatever wrote the file (Word,
// LibreOffice, this app; .docx or .odt): rows of cells, each cell its written lines — one per
// paragraph, soft line break or list item — with whether the line is italic or bold.

export interface Line {
  text: string;
  italic: boolean;
  bold: boolean;
}

export interface Cell {
  lines: Line[];
  /** Grid columns it spans (merged across). */
  span: number;
  /** It continues the cell above (merged down): its text is the one above's. */
  continued: boolean;
}

export type Row = Cell[];

export interface Table {
  rows: Row[];
}

/** A cell's text on one line. */
export const cellText = (cell: Cell | undefined): string => (cell ? cell.lines.map((l) => l.text).join(' ').trim() : '');

/** Text compared by meaning: lower case, letters and digits only, å ä ö kept, single spaces. */
export function normalized(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lines of runs: split where a soft line break falls, whitespace folded, empty lines dropped. */
export function linesOf(runs: ReadonlyArray<{ text: string; italic: boolean; bold: boolean } | 'break'>): Line[] {
  const lines: Line[] = [];
  let current: Array<{ text: string; italic: boolean; bold: boolean }> = [];
  const end = () => {
    const text = current
      .map((r) => r.text)
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const inked = current.filter((r) => r.text.trim() !== '');
    if (text) lines.push({ text, italic: inked.every((r) => r.italic), bold: inked.every((r) => r.bold) });
    current = [];
  };
  for (const run of runs) {
    if (run === 'break') end();
    else current.push(run);
  }
  end();
  return lines;
}
