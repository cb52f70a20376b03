// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemsIn } from '../domain/containers';
import { resetStore, setup } from '../../tests/ui';
import { ItemEditor } from './ItemEditor';
import { useEditor } from '../store/editor';

let closed = 0;
beforeEach(() => {
  resetStore();
  closed = 0;
});
afterEach(cleanup);

function open() {
  const { doc } = { doc: resetStore() };
  const item = itemsIn(doc, { bladeId: 'nara-invanaren', ringId: 'r2026' })[0]!;
  const r = setup(<ItemEditor doc={doc} item={item} onClose={() => closed++} />);
  return { ...r, item };
}

describe('ItemEditor', () => {
  it('"Spara" on an untouched dialog is no change: no undo step, no write, no message', async () => {
    const { user, ui } = open();
    const before = ui.doc();
    const steps = useEditor.getState().history.past.length;
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(closed).toBe(1);
    expect(ui.doc()).toBe(before);
    expect(useEditor.getState().history.past).toHaveLength(steps);
    expect(ui.notice()).toBeNull();
  });

  it('saves every field as one undoable change', async () => {
    const { user, ui, item } = open();
    const dialog = screen.getByRole('dialog', { name: 'Aktivitet' });
    expect(within(dialog).getByText('Ligger i: Nära invånaren, Viktiga milstolpar 2026')).toBeTruthy();
    await user.clear(screen.getByLabelText('Text'));
    await user.type(screen.getByLabelText('Text'), 'Fler patientgrupper i nära vård');
    await user.type(screen.getByLabelText('Beskrivning'), 'Gäller alla förvaltningar.');
    await user.click(screen.getByRole('checkbox', { name: 'Barnuppdraget' }));
    // It serves kort-1 already (the example's reading); add kort-3.
    expect(screen.getByRole('checkbox', { name: 'En ökad tillgänglighet till primärvård och nära vård' })).toHaveProperty('checked', true);
    await user.click(screen.getByRole('checkbox', { name: 'Steg tagna mot en ökad kontinuitet för patienter med långvariga behov' }));
    await user.type(screen.getByLabelText('Målvärde (valfritt)'), '2,5');
    await user.type(screen.getByLabelText('Enhet'), '%');
    await user.selectOptions(screen.getByLabelText('Ansvarsnivå'), 'Varje förvaltning');
    await user.clear(screen.getByLabelText('Källa (vem föreslog)'));
    await user.type(screen.getByLabelText('Källa (vem föreslog)'), 'NU-sjukvården');
    await user.selectOptions(screen.getByLabelText('Extra'), 'Extra – visas kursivt');
    await user.selectOptions(screen.getByLabelText('Status'), 'Godkänd');
    await user.click(ui.button('Spara'));

    const saved = ui.doc().items[item.id]!;
    expect(saved).toMatchObject({
      text: 'Fler patientgrupper i nära vård',
      description: 'Gäller alla förvaltningar.',
      delomraden: ['nara-vard', 'barnuppdraget'],
      effektmal: ['nara-vard-kort-1', 'nara-vard-kort-3'],
      ansvarsniva: 'Varje förvaltning',
      kalla: 'NU-sjukvården',
      status: 'godkand',
      extraChoice: 'extra',
      extra: true,
    });
    expect(saved.indikator.target).toBe(2.5);
    expect(saved.indikator.unit).toBe('%');
    expect(closed).toBe(1);
    expect(ui.doc().plan).toBeTruthy();
    ui.undo();
    expect(ui.doc().items[item.id]).toEqual(item);
  });

  it('refuses bad input with a Swedish message and changes nothing', async () => {
    const { user, ui, item } = open();
    const before = ui.doc();
    await user.clear(screen.getByLabelText('Text'));
    await user.type(screen.getByLabelText('Målvärde (valfritt)'), 'trettio');
    await user.click(ui.button('Spara'));
    expect(screen.getByText('Texten får inte vara tom.')).toBeTruthy();
    expect(screen.getByText(/Målvärdet måste vara ett tal/)).toBeTruthy();
    expect(screen.getByLabelText('Text').getAttribute('aria-invalid')).toBe('true');
    expect(ui.doc()).toBe(before);
    expect(closed).toBe(0);
    expect(ui.doc().items[item.id]).toEqual(item);
  });

  it('deletes the item, with undo offered', async () => {
    const { user, ui, item } = open();
    await user.click(ui.button('Ta bort aktiviteten'));
    expect(ui.doc().items[item.id]).toBeUndefined();
    expect(ui.notice()?.action?.label).toBe('Ångra');
    ui.notice()!.action!.run();
    expect(ui.doc().items[item.id]).toEqual(item);
  });
});
