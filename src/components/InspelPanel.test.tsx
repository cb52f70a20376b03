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
    updateItem(id, { extraChoice: 'extra' });
    const card = await screen.findByRole('button', { name: /Extra förslag/ });
    expect(card.className).toContain('is-extra');
    expect(within(card).getByText('extra')).toBeTruthy();
    expect(ui.doc().items[id]!.extra).toBe(true);
  });
});

describe('quick capture by pasting', () => {
  const paste = async (user: ReturnType<typeof setup>['user'], text: string) => {
    await user.click(screen.getByRole('button', { name: 'Nytt inspel' }));
    const field = screen.getByLabelText('Text för nytt inspel');
    field.focus();
    await user.paste(text);
    return field as HTMLTextAreaElement;
  };

  it('turns pasted lines into one inspel each, in order, as one undo step', async () => {
    const { user, ui } = setup(<InspelPanel />);
    const field = await paste(user, '- Fler hembesök\r\n\n• Digital triage  i primärvården\n3. Gemensam journal\n');
    const list = screen.getByRole('list', { name: 'Inspel' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '1. Fler hembesök',
      '2. Digital triage i primärvården',
      '3. Gemensam journal',
    ]);
    expect(field.value).toBe('');
    expect(ui.notice()?.text).toBe('3 inspel lades till.');
    ui.undo();
    expect(ui.doc().items).toEqual({});
  });

  it('pastes a single line into the field as usual', async () => {
    const { user, ui } = setup(<InspelPanel />);
    const field = await paste(user, 'Bara en rad\n');
    expect(field.value).toBe('Bara en rad\n');
    expect(ui.doc().items).toEqual({});
  });

  it('refuses a paste with a line that is too long, naming the line, and adds nothing', async () => {
    const { user, ui } = setup(<InspelPanel />);
    await paste(user, `Kort rad\n${'x'.repeat(301)}`);
    expect(screen.getByText('Rad 2 är för lång: högst 300 tecken (nu 301). Inget lades till.')).toBeTruthy();
    expect(ui.doc().items).toEqual({});
  });
});
