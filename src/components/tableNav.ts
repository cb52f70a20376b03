// Keyboard movement in the table view: rows (fokusområden or delområden) × columns (rings);
// each cell holds a list of targets (its items, then its "add" button when it has one).

export interface TablePos {
  row: number;
  col: number;
  /** Target within the cell. */
  index: number;
}

/** How many targets each cell has: counts[row][col]. */
export type TableShape = number[][];

function clampIn(shape: TableShape, row: number, col: number, index: number): TablePos | null {
  const size = shape[row]?.[col] ?? 0;
  if (size === 0) return null;
  return { row, col, index: Math.max(0, Math.min(size - 1, index)) };
}

/**
 * Where an arrow key goes from `pos`: ↑/↓ through the cell's targets and on into the cell
 * above or below; ←/→ to the neighbouring ring's cell at the same place (or the nearest
 * place it has). Cells without targets are passed over. Null: nowhere to go.
 */
export function moveInTable(shape: TableShape, pos: TablePos, key: string): TablePos | null {
  const { row, col, index } = pos;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const step = key === 'ArrowLeft' ? -1 : 1;
    for (let c = col + step; c >= 0 && c < (shape[row]?.length ?? 0); c += step) {
      const to = clampIn(shape, row, c, index);
      if (to) return to;
    }
    return null;
  }
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const step = key === 'ArrowUp' ? -1 : 1;
    const size = shape[row]?.[col] ?? 0;
    if (index + step >= 0 && index + step < size) return { row, col, index: index + step };
    for (let r = row + step; r >= 0 && r < shape.length; r += step) {
      const cellSize = shape[r]?.[col] ?? 0;
      if (cellSize > 0) return { row: r, col, index: step < 0 ? cellSize - 1 : 0 };
    }
    return null;
  }
  if (key === 'Home') return clampIn(shape, row, col, 0);
  if (key === 'End') return clampIn(shape, row, col, (shape[row]?.[col] ?? 1) - 1);
  return null;
}
