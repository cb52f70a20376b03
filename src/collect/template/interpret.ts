// Finding the proposals in a filled-in template by meaning, not by one exact layout: the table
// by its column headers (matched leniently), the delområde from a title row across the table or
// from a column of its own, the year from a sub-heading in the cell ("2025", "2025:", "Viktiga
// milstolpar 2025"), a column of years (a sub-row per year) or one column per year; one
// proposal per written line, list markers dropped, italic lines extra.
import { type Cell, cellText, type Line, normalized, type Row, type Table } from './model';

export interface TemplateProposal {
  /** The delområde as the file names it ('' when the file does not say). */
  delomrade: string;
  /** The sub-heading or column the year came from ('' when none). */
  ringLabel: string;
  year: number | null;
  text: string;
  /** Place among the proposals of its delområde and year, 0 = first written. */
  rank: number;
  extra: boolean;
}

const YEAR = /\b((?:19|20)\d\d)\b/;

/** The year a line stands for when it is a sub-heading ("2025", "2025:", "Viktiga milstolpar 2025"), else null. */
export function headingYear(line: Line): number | null {
  const text = line.text.trim().replace(/[:.]+$/, '');
  const found = YEAR.exec(text);
  if (!found || text.length > 40) return null;
  const rest = normalized(text.replace(found[1]!, ' '));
  const words = rest ? rest.split(' ').length : 0;
  if (words === 0 || /(?<!\p{L})(milstolpar?|målbild|år|mål)(?!\p{L})/u.test(rest) || (line.bold && words <= 4)) return Number(found[1]);
  return null;
}

/** List markers a writer may type: "- ", "• ", "1. ", "2) ", "a) ". */
const unmarked = (text: string) => text.replace(/^(?:[-–—•*▪◦·]|\d+[.)]|[a-zåäö][)])\s+/i, '').trim();

type Role = { kind: 'proposals'; year: number | null } | { kind: 'delomrade' } | { kind: 'year' } | { kind: 'other' };

function roleOf(header: string): Role {
  const n = normalized(header);
  const year = YEAR.exec(header);
  if (/\bprioriterade omr/.test(n)) return { kind: 'proposals', year: year ? Number(year[1]) : null };
  if (/\bdelomr/.test(n)) return { kind: 'delomrade' };
  if (/^(år|ar|tidpunkt|period|milstolpe|milstolpar)$/.test(n)) return { kind: 'year' };
  if (year && !/nuvarande|effektmål|effektmal|indikator/.test(n) && n.split(' ').length <= 4) return { kind: 'proposals', year: Number(year[1]) };
  return { kind: 'other' };
}

/** Each cell of a row with the grid column it starts at. */
const placed = (row: Row) => {
  let at = 0;
  return row.map((cell) => {
    const column = at;
    at += cell.span;
    return { cell, column };
  });
};

/** A row that names a delområde across the table: one written cell spanning it. */
function titleOf(row: Row, columns: number): string | null {
  const written = row.filter((c) => cellText(c) !== '');
  if (written.length !== 1) return null;
  const cell = written[0]!;
  return row.length === 1 || cell.span >= Math.max(2, columns - 1) ? cellText(cell) : null;
}

/**
 * The header row of a table: the first with a proposals column (by meaning) — or, for a layout
 * the user has pointed out (`column`: where its proposals are), its first row.
 */
function headerOf(table: Table, layout?: PointedLayout): { index: number; roles: Map<number, Role> } | null {
  for (const [index, row] of table.rows.entries()) {
    const roles = new Map(placed(row).map(({ cell, column }) => [column, roleOf(cellText(cell))]));
    if ([...roles.values()].some((r) => r.kind === 'proposals')) return { index, roles };
  }
  const first = table.rows[0];
  if (!layout || !first || keyOf(table) !== layout.key) return null;
  const roles = new Map(placed(first).map(({ cell, column }) => [column, roleOf(cellText(cell))]));
  roles.set(layout.column, { kind: 'proposals', year: null });
  return { index: 0, roles };
}

/** A layout the user pointed out: its key (see TablePreview) and the grid column of its proposals. */
export interface PointedLayout {
  key: string;
  column: number;
}

/** A table's width in grid columns. */
const widthOf = (table: Table) => Math.max(0, ...table.rows.map((r) => r.reduce((n, c) => n + c.span, 0)));

/** A file's table the reader could not place, as the user sees it to point out the proposals. */
export interface TablePreview {
  /** The layout: its first row's texts by meaning (files of the same layout share it). */
  key: string;
  /** Its first rows, cell texts by grid column (a merged cell's text where it starts). */
  rows: string[][];
}

/** A table's rows as texts by grid column (a merged cell's text where it starts; its lines on lines of their own). */
function gridTexts(table: Table, rows: Row[]): string[][] {
  const width = widthOf(table);
  return rows.map((row) => {
    const texts = Array.from({ length: width }, () => '');
    for (const { cell, column } of placed(row)) if (column < width) texts[column] = cell.lines.map((l) => l.text).join('\n');
    return texts;
  });
}

/** A layout's key: the table's first row, by meaning. */
const keyOf = (table: Table) => gridTexts(table, table.rows.slice(0, 1))[0]?.map(normalized).join('|') ?? '';

/** The first table of two or more columns, to show when the reader cannot tell where the proposals are. */
export function previewOf(tables: readonly Table[]): TablePreview | null {
  const table = tables.find((t) => widthOf(t) >= 2 && t.rows.length > 0);
  if (!table) return null;
  return { key: keyOf(table), rows: gridTexts(table, table.rows.slice(0, 6)).map((r) => r.map((t) => t.slice(0, 160))) };
}

/**
 * The proposals of every table with a proposals column; null when no table has one. `layout`:
 * one the user pointed out (its tables have no such header; its proposals in `column`).
 */
export function proposalsOfTables(tables: readonly Table[], layout?: PointedLayout): TemplateProposal[] | null {
  let found = false;
  const out: TemplateProposal[] = [];
  const ranks = new Map<string, number>();
  const push = (p: Omit<TemplateProposal, 'rank'>) => {
    const key = `${p.delomrade}|${p.year}`;
    const rank = ranks.get(key) ?? 0;
    ranks.set(key, rank + 1);
    out.push({ ...p, rank });
  };
  let delomrade = '';
  for (const table of tables) {
    const header = headerOf(table, layout);
    if (!header) continue;
    found = true;
    const columns = widthOf(table);
    const headerLabels = new Map(placed(table.rows[header.index]!).map(({ cell, column }) => [column, cellText(cell)]));
    let rowYear = null as { year: number; label: string } | null;
    table.rows.forEach((row, i) => {
      if (i === header.index) return;
      const title = titleOf(row, columns);
      if (title !== null) {
        delomrade = title;
        rowYear = null;
        return;
      }
      if (i < header.index) return;
      const cells = placed(row);
      const cellIn = (kind: Role['kind']) => cells.find(({ column }) => header.roles.get(column)?.kind === kind)?.cell;
      const area = cellIn('delomrade');
      if (area && !area.continued && cellText(area)) delomrade = cellText(area);
      const yearCell = cellIn('year');
      if (yearCell && !yearCell.continued) {
        const label = cellText(yearCell);
        const year = YEAR.exec(label);
        rowYear = year ? { year: Number(year[1]), label } : null;
      }
      for (const { cell, column } of cells) {
        const role = header.roles.get(column);
        if (role?.kind !== 'proposals' || cell.continued) continue;
        const fixed = role.year !== null ? { year: role.year, label: headerLabels.get(column) ?? '' } : rowYear;
        linesOfCell(cell, fixed, (text, year, label, extra) => push({ delomrade, ringLabel: label, year, text, extra }));
      }
    });
  }
  return found ? out : null;
}

/** One proposal per written line of a cell; sub-headings set the year of the lines below them. */
function linesOfCell(cell: Cell, fixed: { year: number; label: string } | null, take: (text: string, year: number | null, label: string, extra: boolean) => void): void {
  let heading: { year: number; label: string } | null = null;
  for (const line of cell.lines) {
    const year = headingYear(line);
    if (year !== null) {
      heading = { year, label: line.text.replace(/[:.]+$/, '').trim() };
      continue;
    }
    const text = unmarked(line.text);
    if (!text) continue;
    const from = heading ?? fixed;
    take(text, from?.year ?? null, from?.label ?? '', line.italic);
  }
}
