// The items of a cell folded away behind "+N till", listed for screen readers only.
import { memo, useLayoutEffect, useRef } from 'react';
import { type HiddenItem, itemNumber, itemWords } from './cells';

/**
 * Where the list stands: far outside the fan, so the browser skips its layout and paint
 * (`content-visibility: auto` in styles.css) while it stays in the accessibility tree. A move
 * renumbers a cell's folded items; as SVG texts in place, ~120 of them took ~5 ms of the next
 * frame's layout at 1,000 items.
 */
const FAR = -100_000;

interface FoldedEntry {
  node: HTMLDivElement;
  /** Its texts' nodes, changed in place (a new node would be a new layout object). */
  number: Text;
  words: Text;
  /** What they say now. */
  shown: HiddenItem | null;
}

function foldedEntry(): FoldedEntry {
  const node = document.createElement('div');
  node.setAttribute('role', 'listitem');
  node.className = 'folded-item';
  const number = document.createTextNode('');
  const words = document.createTextNode('');
  node.append(number, words);
  return { node, number, words, shown: null };
}

/** The same words said of an item (its number apart). */
const sameWords = (a: HiddenItem, b: HiddenItem) => a.text === b.text && a.extra === b.extra && a.struck === b.struck && a.review === b.review;

/**
 * Items folded behind "+N till", listed for screen readers. A big plan folds thousands: as
 * React's elements, each drag's start walked them all (dnd-kit's context changes), so a cell's
 * list is one element here, kept up to date item by item (a move renumbers a cell: only the
 * texts that changed are written, nothing is made again).
 */
export const FoldedItems = memo(function FoldedItems({ items }: { items: readonly HiddenItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  /** Each listed item's element and its two texts: its number, and its words. */
  const drawn = useRef(new Map<string, FoldedEntry>());
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const before = drawn.current;
    const after = new Map<string, FoldedEntry>();
    // Those gone leave first: left in place, each node after them would be moved (taken out of
    // the layout and put back) to keep the order.
    const kept = new Set(items.map(({ id }) => id));
    for (const [id, { node }] of before) {
      if (kept.has(id)) continue;
      node.remove();
      before.delete(id);
    }
    let at: Element | null = list.firstElementChild;
    for (const item of items) {
      let entry = before.get(item.id);
      if (entry) before.delete(item.id);
      else entry = foldedEntry();
      // A move renumbers the items after it: only their short numbers are written again.
      if (entry.shown?.index !== item.index) entry.number.data = itemNumber(item.index);
      if (!entry.shown || !sameWords(entry.shown, item)) entry.words.data = [itemWords(item), item.review].filter(Boolean).join('. ');
      entry.shown = item;
      if (entry.node !== at) list.insertBefore(entry.node, at);
      else at = at.nextElementSibling;
      after.set(item.id, entry);
    }
    drawn.current = after;
  }, [items]);
  // No role of its own: its items are the list's (in the accessibility tree as in the list's count).
  return (
    <foreignObject className="folded-items" x={FAR} y={0} width={1} height={1}>
      <div ref={ref} className="folded-list" />
    </foreignObject>
  );
});
