// "Tabell": the plan as the template's table — fokusområden (or delområden) × rings, each
// cell's items by priority. Arrow keys move between items and cells, Enter edits, Alt+↑/↓
// reorders, "Lägg till" adds to a cell. It edits the same store as the fan.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { countText } from '../domain/priorities';
import { isFiltering } from '../domain/filter';
import { applyFilter, tableRows } from '../domain/tableRows';
import type { CellRef, Item, PlanDoc } from '../domain/types';
import { addItem, moveItem } from '../store/actions';
import { openDialog, selectItem, takeFocusOnShow, useUi } from '../store/ui';
import { useReadOnly } from '../store/editor';
import { ReviewTags } from './ReviewTags';
import { ProgressTag } from './ProgressTag';
import { WeightTag } from './WeightTag';
import { moveInTable, type TablePos } from './tableNav';
import { MAX_TEXT_LENGTH } from '../domain/limits';

function AddForm({ name, onAdd, onClose }: { name: string; onAdd: (text: string) => boolean; onClose: () => void }) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="table-add">
      <label className="sr-only" htmlFor={`add-${name}`}>
        Ny aktivitet i {name}
      </label>
      <textarea
        id={`add-${name}`}
        ref={ref}
        rows={2}
        maxLength={MAX_TEXT_LENGTH}
        value={text}
        placeholder="Ny aktivitet – Enter lägger till, Escape stänger"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            if (text.trim() && onAdd(text)) setText('');
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      />
    </div>
  );
}

export function TableView({ doc }: { doc: PlanDoc }) {
  const grouping = useUi((s) => s.tableGrouping);
  const filter = useUi((s) => s.filter);
  const filtering = isFiltering(filter);
  const rows = applyFilter(tableRows(doc, grouping), filter);
  // Items are added and reordered in the grouping by fokusområde, and never in a plan that can only be read.
  const readOnly = useReadOnly();
  const editable = grouping === 'fokusomrade' && !readOnly;
  const shape = rows.map((row) => row.cells.map((c) => c.items.length + (editable ? 1 : 0)));
  const [pos, setPos] = useState<TablePos>({ row: 0, col: 0, index: 0 });
  const [adding, setAdding] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const targets = useRef(new Map<string, HTMLElement>());
  /** Where focus goes after the next render. */
  const focusNext = useRef<TablePos | null>(null);
  const at = (p: TablePos) => `${p.row}:${p.col}:${p.index}`;

  const go = (to: TablePos | null) => {
    if (!to) return;
    focusNext.current = to;
    setPos(to);
  };

  // Coming from the fan: focus the item that was selected there (once, as the view appears,
  // with the rows of that first render).
  const firstRows = useRef(rows);
  const goFirst = useRef(go);
  useLayoutEffect(() => {
    const id = takeFocusOnShow();
    if (!id) return;
    const go = goFirst.current;
    for (const [r, row] of firstRows.current.entries()) {
      for (const [c, cell] of row.cells.entries()) {
        const index = cell.items.findIndex((i) => i.id === id);
        if (index >= 0) return go({ row: r, col: c, index });
      }
    }
  }, []);

  useEffect(() => {
    const to = focusNext.current;
    const target = to && targets.current.get(at(to));
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  const onKey = (e: React.KeyboardEvent, p: TablePos, item: Item | null, cell: CellRef | null, count: number) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && item) {
      e.preventDefault();
      if (!editable || !cell) {
        setSaid(readOnly ? 'Planen kan bara läsas här.' : 'Ordningen ändras i grupperingen per fokusområde.');
        return;
      }
      if (filtering) {
        setSaid('Ordningen ändras när inget filter är på.');
        return;
      }
      const to = p.index + (e.key === 'ArrowUp' ? -1 : 1);
      if (to < 0 || to >= count) return;
      if (moveItem(item.id, cell, to)) {
        setSaid(`${item.text}: plats ${to + 1} av ${count}.`);
        go({ ...p, index: to });
      }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const to = moveInTable(shape, p, e.key);
    if (to) {
      e.preventDefault();
      go(to);
    }
  };

  const tabbable = (p: TablePos) => {
    const size = shape[pos.row]?.[pos.col] ?? 0;
    const current = size > 0 ? pos : firstTarget(shape);
    return current !== null && current.row === p.row && current.col === p.col && current.index === p.index;
  };

  return (
    <div className="table-wrap">
      <table className="plan-table" aria-describedby="table-keys">
        <caption className="sr-only">
          {doc.plan.name}: {grouping === 'fokusomrade' ? 'fokusområden' : 'delområden'} och horisonter
        </caption>
        <thead>
          <tr>
            <th scope="col">{grouping === 'fokusomrade' ? 'Fokusområde' : 'Delområde'}</th>
            {doc.plan.rings.map((ring) => (
              <th key={ring.id} scope="col">
                {ring.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {row.cells.map((cell, c) => {
                const addPos = { row: r, col: c, index: cell.items.length };
                const addKey = `${row.key}|${c}`;
                return (
                  <td key={c} data-ring={doc.plan.rings[c]?.label}>
                    {cell.count && (
                      <p className={`cell-count${cell.count.over || cell.count.beyond.length ? ' is-warning' : ''}`}>{countText(cell.count)}</p>
                    )}
                    <ol className="table-items" aria-label={cell.name}>
                      {cell.items.map((item, i) => {
                        const p = { row: r, col: c, index: i };
                        return (
                          <li key={item.id}>
                            <button
                              type="button"
                              ref={(el) => void (el ? targets.current.set(at(p), el) : targets.current.delete(at(p)))}
                              className={`table-item${item.extra ? ' is-extra' : ''}${item.status === 'stryks' ? ' is-struck' : ''}`}
                              tabIndex={tabbable(p) ? 0 : -1}
                              data-item-id={item.id}
                              onFocus={() => {
                                selectItem(item.id);
                                if (at(pos) !== at(p)) setPos(p);
                              }}
                              onKeyDown={(e) => onKey(e, p, item, cell.cell, cell.items.length)}
                              onClick={() => openDialog({ kind: 'item', itemId: item.id })}
                            >
                              <span className="rank">{cell.numbers[i]}.</span> <span className="table-text">{item.text}</span>
                              {item.extra && <span className="tag">extra</span>}
                              <ReviewTags item={item} />
                              <ProgressTag item={item} />
                              <WeightTag sources={item.sources} />
                            </button>
                          </li>
                        );
                      })}
                    </ol>
                    {cell.hidden > 0 && <p className="cell-hidden">{cell.hidden} dolda av filtret</p>}
                    {editable && cell.cell && adding === addKey ? (
                      <AddForm
                        name={cell.name}
                        onAdd={(text) => addItem(text, cell.cell) !== null}
                        onClose={() => {
                          setAdding(null);
                          go(addPos);
                        }}
                      />
                    ) : (
                      editable && (
                        <button
                          type="button"
                          className="table-add-button"
                          ref={(el) => void (el ? targets.current.set(at(addPos), el) : targets.current.delete(at(addPos)))}
                          tabIndex={tabbable(addPos) ? 0 : -1}
                          aria-label={`Lägg till i ${cell.name}`}
                          onFocus={() => at(pos) !== at(addPos) && setPos(addPos)}
                          onKeyDown={(e) => onKey(e, addPos, null, cell.cell, cell.items.length)}
                          onClick={() => setAdding(addKey)}
                        >
                          + Lägg till
                        </button>
                      )
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p id="table-keys" className="help table-keys">
        Piltangenterna flyttar mellan aktiviteter och celler. Enter öppnar en aktivitet
        {editable ? ', Alt+↑/↓ ändrar ordningen' : ''}.
      </p>
      <p className="sr-only" role="status">
        {said}
      </p>
    </div>
  );
}

function firstTarget(shape: number[][]): TablePos | null {
  for (const [row, cols] of shape.entries()) for (const [col, size] of cols.entries()) if (size > 0) return { row, col, index: 0 };
  return null;
}
