// Where a dragged item would land: the target cell outlined and a marker between items.
// Only this component listens to the drag target, so pointer moves re-render nothing else.
import { useDrag } from '../dnd/dragStore';
import { insertionCoord } from './cells';
import type { FanLayout } from './layout';

export function DropIndicator({ layout }: { layout: FanLayout }) {
  const target = useDrag((s) => s.target);
  const origin = useDrag((s) => s.origin);
  const active = useDrag((s) => s.activeId);
  if (!active || !target) return null;
  const cell = layout.cells.find((c) => c.key === target.key);
  if (!cell) return null;
  const drawn = origin && origin.key === target.key && target.index >= origin.index ? target.index + 1 : target.index;
  const marker = cell.flow.lines.markerPath(insertionCoord(cell.flow, drawn));
  return (
    <g className="drop-indicator" pointerEvents="none" aria-hidden="true">
      <path d={cell.path} fill="none" stroke="#0b0c0c" strokeWidth={3} strokeDasharray="8 5" />
      <path d={marker} fill="none" stroke="#d4351c" strokeWidth={4} strokeLinecap="round" />
    </g>
  );
}
