// One cell of the fan: its sector (a drop target), its list of items and "+N till".
import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { useDraggableItem } from '../dnd/useDraggableItem';
import { sourceWeight, weightText } from '../domain/weight';
import { useEditor } from '../store/editor';
import { selectItem, toggleUnfold } from '../store/ui';
import { FoldedItems } from './FoldedItems';
import type { ItemShape } from './cells';
import { cellSector, itemText, moreText, presenceTag } from './draw';
import { usePeerOn } from '../store/roomState';
import { Drawn } from './Drawn';
import type { CellShape } from './layout';

/** A cell's sector; memoised by what it draws, so a change of the cell's items leaves it (and its drop target) alone. */
const CellDropZone = memo(function CellDropZone({ id, path, ringIndex, bladeId, color, rings }: { id: string; path: string; ringIndex: number; bladeId: string; color: string; rings: number }) {
  const { setNodeRef } = useDroppable({ id });
  return (
    <path
      // dnd-kit's own (stable) callback: a new one each render would take the sector out of its
      // size observer and put it back with every change of the cell.
      ref={setNodeRef as unknown as React.Ref<SVGPathElement>}
      {...cellSector({ path, ringIndex }, color, rings).attrs}
      // As a style too, so a new geometry moves the sector (CSS transitions `d`) rather than jumping.
      style={{ d: `path('${path}')` } as React.CSSProperties}
      onClick={() => toggleUnfold(bladeId)}
    />
  );
});

/**
 * Marked in the fan: true or false while a marking (Måluppfyllnad, Delområden) is on, false
 * for items a filter leaves out, else undefined.
 */
type Marked = boolean | undefined;

function markOf(id: string, marked: ReadonlySet<string> | null, shown: ReadonlySet<string> | null): Marked {
  if (shown && !shown.has(id)) return false;
  return marked ? marked.has(id) : undefined;
}

const FILTERED_OUT = 'Utanför filtret';

const markClass = (marked: Marked) => (marked === undefined ? '' : marked ? ' is-marked' : ' is-unmarked');

/** Changed since the version being compared with. */
export type Change = 'added' | 'moved' | 'edited';
const CHANGE_WORD: Record<Change, string> = { added: 'Tillagd', moved: 'Flyttad', edited: 'Ändrad' };

const FanItem = memo(function FanItem({
  shape,
  fontSize,
  marked,
  change,
  filteredOut = false,
}: {
  shape: ItemShape;
  fontSize: number;
  marked?: Marked;
  change?: Change;
  filteredOut?: boolean;
}) {
  const { props, isDragging, host } = useDraggableItem<SVGGElement>(shape.id, { onFocus: () => selectItem(shape.id) });
  const weight = sourceWeight(useEditor((s) => s.doc?.items[shape.id]?.sources) ?? []);
  const proposed = weight && `Föreslagen av ${weightText(weight)}`;
  const peer = usePeerOn(shape.id);
  return (
    <g role="listitem">
      <g
        {...props}
        data-item={shape.id}
        className={`fan-item${isDragging ? ' is-dragging' : ''}${shape.extra ? ' is-extra' : ''}${markClass(marked)}${change ? ` is-${change}` : ''}${peer ? ' is-busy' : ''}`}
        aria-description={[peer?.text, shape.review, change && `${CHANGE_WORD[change]} sedan versionen`, filteredOut && FILTERED_OUT, proposed].filter(Boolean).join('. ') || undefined}
      >
        <path className="item-hit" d={shape.hitPath} style={peer ? { stroke: peer.color } : undefined} />
        <Drawn of={itemText(shape, fontSize)} />
        {peer && <Drawn of={presenceTag(shape, fontSize, peer.text, peer.color)} />}
      </g>
      {host}
    </g>
  );
});

/** An item to look at, not to move or open (Presentera). */
function StaticItem({ shape, fontSize, marked, filteredOut = false }: { shape: ItemShape; fontSize: number; marked?: Marked; filteredOut?: boolean }) {
  return (
    <g role="listitem">
      <g data-item={shape.id} className={`fan-item${shape.extra ? ' is-extra' : ''}${markClass(marked)}`} aria-description={[shape.review, filteredOut && FILTERED_OUT].filter(Boolean).join('. ') || undefined}>
        <Drawn of={itemText(shape, fontSize)} />
      </g>
    </g>
  );
}

export const FanCell = memo(function FanCell({
  cell,
  color,
  rings,
  name,
  fontSize,
  listFolded,
  readOnly = false,
  marked,
  shown = null,
  changes = null,
}: {
  cell: CellShape;
  /** The blade's colour, and how many rings there are (the cell's tint goes by both). */
  color: string;
  rings: number;
  name: string;
  fontSize: number;
  listFolded: boolean;
  readOnly?: boolean;
  /** The items to mark, or null when nothing is marked. */
  marked: ReadonlySet<string> | null;
  /** The items a filter lets through, or null when no filter is on. */
  shown?: ReadonlySet<string> | null;
  /** What changed since a compared version, per item id. */
  changes?: ReadonlyMap<string, Change> | null;
}) {
  const Item = readOnly ? StaticItem : FanItem;
  const { flow } = cell;
  return (
    <g className="fan-cell" data-cell={cell.key}>
      <CellDropZone id={cell.key} path={cell.path} ringIndex={cell.ringIndex} bladeId={cell.bladeId} color={color} rings={rings} />
      <g role="list" aria-label={name}>
        {flow.items.map((shape) => (
          <Item
            key={shape.id}
            shape={shape}
            fontSize={fontSize}
            marked={markOf(shape.id, marked, shown)}
            filteredOut={shown ? !shown.has(shape.id) : false}
            change={changes?.get(shape.id)}
          />
        ))}
        {/* Items folded away behind "+N till" stay in the list for screen readers. */}
        {listFolded && flow.hiddenItems.length > 0 && <FoldedItems items={flow.hiddenItems} />}
      </g>
      {flow.more && (
        <g
          className="more"
          role="button"
          tabIndex={0}
          aria-label={`${flow.more.text} i ${name}: visa alla`}
          onClick={() => toggleUnfold(cell.bladeId)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              toggleUnfold(cell.bladeId);
            }
          }}
        >
          <Drawn of={moreText(cell)} />
        </g>
      )}
    </g>
  );
});
