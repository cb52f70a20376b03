// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyDoc } from '../domain/plan';
import { resetStore, setup } from '../../tests/ui';
import { InspelPanel } from './InspelPanel';

beforeEach(() => resetStore(createEmptyDoc('Tom')));
afterEach(cleanup);

describe('InspelPanel', () => {
  it('adds items with "Nytt inspel"; Enter saves and keeps the form open for the next', async () => {
    const { user } = setup(<InspelPanel />);
    await user.click(screen.getByRole('button', { name: 'Nytt inspel' }));
    const field = screen.getByLabelText('Text för nytt inspel');
    expect(document.activeElement).toBe(field);
    await user.type(field, 'Första idén{Enter}');
    await user.type(field, 'Andra idén{Enter}');
    const list = screen.getByRole('list', { name: 'Inspel' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['1. Första idén', '2. Andra idén']);
    expect(screen.getByRole('heading', { name: 'Inspel (2)' })).toBeTruthy();
  });

  it('refuses an empty text with a message and adds nothing', async () => {
    const { user, ui } = setup(<InspelPanel />);
    await user.click(screen.getByRole('button', { name: 'Nytt inspel' }));
    await user.type(screen.getByLabelText('Text för nytt inspel'), '   {Enter}');
    expect(screen.getByText('Skriv en text för inspelet.')).toBeTruthy();
    expect(Object.keys(ui.doc().items)).toHaveLength(0);
    expect(ui.doc().items).toEqual({});
  });

  it('shows extras in italics and labels them', async () => {
    const { ui } = setup(<InspelPanel />);
    const { addItem, updateItem } = await import('../store/actions');
    const id = addItem('Extra förslag')!;
    updateItem(id, { extra: true });
    const card = await screen.findByRole('button', { name: /Extra förslag/ });
    expect(card.className).toContain('is-extra');
    expect(within(card).getByText('extra')).toBeTruthy();
    expect(ui.doc().items[id]!.extra).toBe(true);
  });
});
