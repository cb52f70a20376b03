// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HiddenItem } from './cells';
import { FoldedItems } from './FoldedItems';

afterEach(cleanup);

const folded = (ids: string[], from = 5): HiddenItem[] =>
  ids.map((id, k) => ({ id, text: `Aktivitet ${id}`, index: from + k, extra: false, struck: false, review: '' }));

/** The list as a cell draws it (inside the fan's SVG). */
const view = (items: HiddenItem[]) => (
  <svg>
    <FoldedItems items={items} />
  </svg>
);

const listed = (container: HTMLElement) => [...container.querySelectorAll('.folded-item')].map((node) => node.textContent);

/** The DOM changes a re-render makes: nodes put in or taken out, and texts changed. */
function changesOf(container: HTMLElement, rerender: () => void) {
  const observer = new MutationObserver(() => {});
  observer.observe(container, { subtree: true, childList: true, characterData: true });
  rerender();
  const records = observer.takeRecords();
  observer.disconnect();
  return {
    added: records.reduce((n, r) => n + r.addedNodes.length, 0),
    removed: records.reduce((n, r) => n + r.removedNodes.length, 0),
    texts: records.filter((r) => r.type === 'characterData').map((r) => r.target.textContent),
  };
}

describe('FoldedItems (a cell\'s items behind "+N till", for screen readers)', () => {
  it('lists each item as a list item that says its number and its words', () => {
    const { container } = render(view([...folded(['a', 'b']), { id: 'c', text: 'Strukken', index: 7, extra: true, struck: true, review: 'Stryks' }]));
    expect([...container.querySelectorAll('[role="listitem"]')]).toHaveLength(3);
    expect(listed(container)).toEqual(['6.\u00a0Aktivitet a', '7.\u00a0Aktivitet b', '8.\u00a0Strukken (extra). Stryks']);
  });

  it('an item leaving the front takes only its own node away: the others are neither moved nor given new words', () => {
    const { container, rerender } = render(view(folded(['a', 'b', 'c', 'd'])));
    const nodes = [...container.querySelectorAll('.folded-item')];
    // A move out of the cell: the rest move up one place.
    const changes = changesOf(container, () => rerender(view(folded(['b', 'c', 'd']))));
    expect(changes).toEqual({ added: 0, removed: 1, texts: ['6.\u00a0', '7.\u00a0', '8.\u00a0'] });
    expect([...container.querySelectorAll('.folded-item')]).toEqual(nodes.slice(1));
    expect(listed(container)).toEqual(['6.\u00a0Aktivitet b', '7.\u00a0Aktivitet c', '8.\u00a0Aktivitet d']);
  });

  it('an item coming in is one new node in its place; a reorder moves, an edit rewrites only that item', () => {
    const { container, rerender } = render(view(folded(['a', 'b', 'c'])));
    expect(changesOf(container, () => rerender(view(folded(['x', 'a', 'b', 'c']))))).toEqual({ added: 1, removed: 0, texts: ['7.\u00a0', '8.\u00a0', '9.\u00a0'] });
    expect(listed(container)).toEqual(['6.\u00a0Aktivitet x', '7.\u00a0Aktivitet a', '8.\u00a0Aktivitet b', '9.\u00a0Aktivitet c']);
    rerender(view(folded(['x', 'b', 'a', 'c'])));
    expect(listed(container)).toEqual(['6.\u00a0Aktivitet x', '7.\u00a0Aktivitet b', '8.\u00a0Aktivitet a', '9.\u00a0Aktivitet c']);
    const edited = folded(['x', 'b', 'a', 'c']).map((item) => (item.id === 'a' ? { ...item, text: 'Ny text' } : item));
    expect(changesOf(container, () => rerender(view(edited))).texts).toEqual(['Ny text']);
  });
});
