// One cell of the fan: its sector (a drop target), its list of items and "+N till".
import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { useDraggableItem } from '../dnd/useDraggableItem';
import { sourceWeight, weightText } from '../domain/weight';
import { useEditor } from '../store/editor';
import { selectItem, toggleUnfold } from '../store/ui';
import { itemLabel, type ItemShape } from './cells';
import type { CellShape } from './layout';

const domId = (key: string) => key.replace(/[^a-zA-Z0-9_-]/g, '-');

function CellDropZone({ cell, fill }: { cell: CellShape; fill: string }) {
  const { setNodeRef } = useDroppable({ id: cell.key });
  return (
    <path
      ref={(node) => setNodeRef(node as unknown as HTMLElement)}
      className="cell"
      d={cell.path}
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
  if (text.endsWith('-') && !last) {
    return (
      <>
        {text.slice(0, -1)}
        <tspan aria-hidden="true">-</tspan>
      </>
    );
  }
  return <>{last ? text : `${text} `}</>;
}

/** An item's drawn lines (straight and rotated, or along an arc). */
function ItemLines({ shape, fontSize }: { shape: ItemShape; fontSize: number }) {
  return (
    <>
      <defs>
          {shape.lines.map((line, i) => (line.at ? null : <path key={i} id={`il-${shape.id}-${i}`} d={line.d} />))}
        </defs>
        {shape.lines.map((line, i) => {
          const content = <LineText text={line.text} last={i === shape.lines.length - 1} />;
          const style = {
            fontSize,
            fontStyle: shape.extra ? 'italic' : undefined,
            textDecoration: shape.struck ? 'line-through' : undefined,
            fill: '#1a1a1a',
          } as const;
          return line.at ? (
            <text
              key={i}
              {...style}
              x={line.at.x}
              y={line.at.y}
              transform={`rotate(${line.at.angle} ${line.at.x} ${line.at.y})`}
              textAnchor="middle"
            >
              {content}
            </text>
          ) : (
            <text key={i} {...style}>
              <textPath href={`#il-${shape.id}-${i}`} startOffset="50%" textAnchor="middle">
                {content}
              </textPath>
            </text>
          );
        })}
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
          <text fontSize={fontSize} fontWeight={700} fill="#1a1a1a">
            <textPath href={`#more-${domId(cell.key)}`} startOffset="50%" textAnchor="middle">
              {flow.more.text}
            </textPath>
          </text>
        </g>
      )}
    </g>
  );
});
