// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from './MenuButton';

afterEach(cleanup);

describe('MenuButton', () => {
  it('Enter chooses the focused entry on the key itself, even when clicks are being swallowed (as dnd-kit does right after a drop)', () => {
    const run = vi.fn();
    render(<MenuButton id="panels" label="Paneler" entries={[{ label: 'Måluppfyllnad', run, checked: false }]} />);
    fireEvent.keyDown(screen.getByRole('button', { name: /Paneler/ }), { key: 'ArrowDown' });
    const entry = screen.getByRole('menuitemcheckbox', { name: 'Måluppfyllnad' });
    expect(document.activeElement).toBe(entry);
    const swallow = (event: Event) => {
      event.stopPropagation();
      event.preventDefault();
    };
    document.addEventListener('click', swallow, true);
    try {
      fireEvent.keyDown(entry, { key: 'Enter' });
    } finally {
      document.removeEventListener('click', swallow, true);
    }
    expect(run).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
