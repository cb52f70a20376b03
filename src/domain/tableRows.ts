// The table view's rows, shaped from the plan: per fokusområde (its cells are the fan's) or per
// delområde (counted against its limit), and what a filter leaves in each cell.
import { itemsIn } from './containers';
import { placedItems } from './coverage';
import { isFiltering, matchesFilter, type ItemFilter } from './filter';
import { priorityCounts, type PriorityCount } from './priorities';
import type { CellRef, Item, PlanDoc } from './types';

export interface TableCell {
  name: string;
  items: Item[];
  cell: CellRef | null;
  count?: PriorityCount;
}

export interface Row<C = TableCell> {
  key: string;
  name: string;
  cells: C[];
}

/** A cell as shown: the items the filter lets through, with their numbers in the whole list. */
export interface ShownCell extends TableCell {
  numbers: number[];
  hidden: number;
}

/** Rows of the table: per fokusområde (cells are the fan's cells) or per delområde. */
export function tableRows(doc: PlanDoc, grouping: 'fokusomrade' | 'delomrade'): Row[] {
  const { blades, rings, catalogue } = doc.plan;
  if (grouping === 'fokusomrade') {
    return blades.map((blade) => ({
      key: blade.id,
      name: blade.name,
      cells: rings.map((ring) => {
        const cell = { bladeId: blade.id, ringId: ring.id };
        return { name: `${blade.name}, ${ring.label}`, items: itemsIn(doc, cell), cell };
      }),
    }));
  }
  // Per delområde: in priority order (rank, then fokusområde), each cell counted against the limit.
  const placed = placedItems(doc);
  const known = new Set(catalogue.delomraden.map((d) => d.id));
  const without = placed.filter((i) => !i.delomraden.some((d) => known.has(d)));
  return [
    ...priorityCounts(doc).map(({ delomrade, rings: counts }) => ({
      key: delomrade.id,
      name: delomrade.name,
      cells: counts.map((count) => ({ name: `${delomrade.name}, ${count.ring.label}`, items: count.items, cell: null, count })),
    })),
    {
      key: 'utan',
      name: 'Utan delområde',
      cells: rings.map((ring) => ({ name: `Utan delområde, ${ring.label}`, items: without.filter((i) => i.cell!.ringId === ring.id), cell: null })),
    },
  ];
}

/** With a filter on, each cell lists only matching items, under their numbers in the whole list. */
export function applyFilter(rows: Row[], filter: ItemFilter): Array<Row<ShownCell>> {
  const on = isFiltering(filter);
  return rows.map((row) => ({
    ...row,
    cells: row.cells.map((cell) => {
      const kept = cell.items.map((item, i) => ({ item, number: i + 1 })).filter(({ item }) => !on || matchesFilter(item, filter));
      return { ...cell, items: kept.map((k) => k.item), numbers: kept.map((k) => k.number), hidden: cell.items.length - kept.length };
    }),
  }));
}
