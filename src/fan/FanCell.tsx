// One cell of the fan: its sector (a drop target), its list of items and "+N till".
import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { useDraggableItem } from '../dnd/useDraggableItem';
import { sourceWeight, weightText } from '../domain/weight';
import { useEditor } from '../store/editor';
import { selectItem, toggleUnfold } from '../store/ui';
import { itemLabel, type ItemShape } from './cells';
import type { CellShape } from './layout';
import { SOFT_HYPHEN } from './text';

const domId = (key: string) => key.replace(/[^a-zA-Z0-9_-]/g, '-');

function CellDropZone({ cell, fill }: { cell: CellShape; fill: string }) {
  const { setNodeRef } = useDroppable({ id: cell.key });
  return (
    <path
      ref={(node) => setNodeRef(node as unknown as HTMLElement)}
      className="cell"
      d={cell.path}
      // As a style too, so a new geometry moves the sector (CSS transitions `d`) rather than jumping.
      style={{ d: `path('${cell.path}')` } as React.CSSProperties}
      fill={fill}
      onClick={() => toggleUnfold(cell.bladeId)}
    />
  );
}

/**
 * One drawn line. The item's accessible name comes from its lines, so a line break reads
 * as a space and a hyphen added at a break is hidden from screen readers.
 */
function LineText({ text, last }: { text: string; last: boolean }) {
  if (text.endsWith(SOFT_HYPHEN)) {
    return (
      <>
        {text.slice(0, -1)}
        <tspan aria-hidden="true">-</tspan>
      </>
    );
  }
  return <>{last ? text : `${text} `}</>;
}

/**
 * An item's drawn lines, all in one <text> so they read as one text (a word broken over two
 * lines is one word): straight lines as tspans in the frame of their common rotation, lines
 * on arcs as one textPath each.
 */
function ItemLines({ shape, fontSize }: { shape: ItemShape; fontSize: number }) {
  const style = {
    fontSize,
    fontStyle: shape.extra ? 'italic' : undefined,
    textDecoration: shape.struck ? 'line-through' : undefined,
    fill: '#1a1a1a',
  } as const;
  const last = shape.lines.length - 1;
  const first = shape.lines[0]?.at;
  if (first && shape.lines.every((line) => line.at && line.at.angle === first.angle)) {
    const rad = (first.angle * Math.PI) / 180;
    const [cos, sin] = [Math.cos(rad), Math.sin(rad)];
    return (
      <text {...style} transform={`rotate(${first.angle} ${first.x} ${first.y})`} textAnchor="middle">
        {shape.lines.map((line, i) => {
          const dx = line.at!.x - first.x;
          const dy = line.at!.y - first.y;
          const x = Math.round((first.x + dx * cos + dy * sin) * 100) / 100;
          const y = Math.round((first.y - dx * sin + dy * cos) * 100) / 100;
          return (
            <tspan key={i} x={x} y={y}>
              <LineText text={line.text} last={i === last} />
            </tspan>
          );
        })}
      </text>
    );
  }
  return (
    <>
      <defs>
        {shape.lines.map((line, i) => (
          <path key={i} id={`il-${shape.id}-${i}`} d={line.d} />
        ))}
      </defs>
      <text {...style}>
        {shape.lines.map((line, i) => (
          <textPath key={i} href={`#il-${shape.id}-${i}`} startOffset="50%" textAnchor="middle">
            <LineText text={line.text} last={i === last} />
          </textPath>
        ))}
      </text>
    </>
  );
}

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
  const { props, isDragging } = useDraggableItem<SVGGElement>(shape.id);
  const weight = sourceWeight(useEditor((s) => s.doc?.items[shape.id]?.sources) ?? []);
  const proposed = weight && `Föreslagen av ${weightText(weight)}`;
  return (
    <g role="listitem">
      <g
        {...props}
        className={`fan-item${isDragging ? ' is-dragging' : ''}${shape.extra ? ' is-extra' : ''}${markClass(marked)}${change ? ` is-${change}` : ''}`}
        aria-description={[change && `${CHANGE_WORD[change]} sedan versionen`, filteredOut && FILTERED_OUT, proposed].filter(Boolean).join('. ') || undefined}
        onFocus={() => selectItem(shape.id)}
      >
        <path className="item-hit" d={shape.hitPath} />
        <ItemLines shape={shape} fontSize={fontSize} />
      </g>
    </g>
  );
});

/** An item to look at, not to move or open (Presentera). */
function StaticItem({ shape, fontSize, marked, filteredOut = false }: { shape: ItemShape; fontSize: number; marked?: Marked; filteredOut?: boolean }) {
  return (
    <g role="listitem">
      <g className={`fan-item${shape.extra ? ' is-extra' : ''}${markClass(marked)}`} aria-description={filteredOut ? FILTERED_OUT : undefined}>
        <ItemLines shape={shape} fontSize={fontSize} />
      </g>
    </g>
  );
}

export const FanCell = memo(function FanCell({
  cell,
  fill,
  name,
  fontSize,
  listFolded,
  readOnly = false,
  marked,
  shown = null,
  changes = null,
}: {
  cell: CellShape;
  fill: string;
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
      <CellDropZone cell={cell} fill={fill} />
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
        {(listFolded ? flow.hiddenItems : []).map((item) => (
          <g key={item.id} role="listitem" className="folded-item">
            <text fontSize={1}>{itemLabel(item.index, item.text, item.extra, item.struck)}</text>
          </g>
        ))}
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
          <defs>
            <path id={`more-${domId(cell.key)}`} d={flow.more.d} />
          </defs>
          <text fontSize={flow.moreFontSize ?? fontSize} fontWeight={700} fill="#1a1a1a">
            <textPath href={`#more-${domId(cell.key)}`} startOffset="50%" textAnchor="middle">
              {flow.more.text}
            </textPath>
          </text>
        </g>
      )}
    </g>
  );
});
