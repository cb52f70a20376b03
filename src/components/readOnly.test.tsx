// @vitest-environment jsdom
// A plan that can only be read here (a newer version of Solfjädern wrote it): every control
// that changes it is disabled, what it shows stays readable, and nothing is written.
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { itemsIn } from '../domain/containers';
import { DndProvider } from '../dnd/DndProvider';
import { useDrag } from '../dnd/dragStore';
import { useEditor } from '../store/editor';
import { appPlan } from '../store/openDoc';
import { FORMAT, NEWER_MESSAGE } from '../ydoc/format';
import { resetStore, setup } from '../../tests/ui';
import { Header } from './Header';
import { InspelPanel } from './InspelPanel';
import { CollectEntry } from './CollectEntry';
import { indexPlan } from '../domain/collection';
import { ItemEditor } from './ItemEditor';
import { PlanSettings } from './PlanSettings';
import { ExampleIntro } from './ExampleIntro';
import { useUi } from '../store/ui';
import { restoreVersionInRoom, saveVersion } from '../store/versions';

beforeEach(() => {
  resetStore();
  // The header asks how wide the screen is (jsdom has no media queries): a laptop's.
  window.matchMedia = ((query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
});
afterEach(cleanup);

/** Disabled as the browser has it (by its own attribute or a disabled fieldset around it). */
const disabled = (element: Element) => element.matches(':disabled');

/** The plan turns read-only the way it does in the app: a peer says it runs a newer format. */
const newerPeer = () => act(() => appPlan.peerIsNewer(FORMAT + 1));

describe('a plan that can only be read', () => {
  it('Inspel: "Nytt inspel" is disabled, a form open when it turned read-only closes, and its cards cannot be dragged', async () => {
    const { addItem } = await import('../store/actions');
    addItem('Ett inspel att läsa', null);
    const { user } = setup(
      <DndProvider>
        <InspelPanel />
      </DndProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Nytt inspel' }));
    expect(screen.getByLabelText('Text för nytt inspel')).toBeTruthy();
    const card = screen.getByRole('button', { name: /Ett inspel att läsa/ });
    expect(card.getAttribute('aria-roledescription')).toBe('flyttbar aktivitet');
    newerPeer();
    expect(screen.queryByLabelText('Text för nytt inspel')).toBeNull();
    expect(disabled(screen.getByRole('button', { name: 'Nytt inspel' }))).toBe(true);
    expect(useDrag.getState().locked).toBe(true);
    expect(card.getAttribute('aria-roledescription')).toBe('aktivitet');
    expect(card.getAttribute('aria-describedby')).toBeNull();
  });

  it('an empty Inspel and a proposal in Samla in no longer say how to add to the plan', () => {
    const doc = useEditor.getState().doc!;
    expect(itemsIn(doc, null)).toHaveLength(0);
    const entry = { key: 'g:a', text: 'Ett förslag från en förvaltning', merged: false, offices: ['NU-sjukvården'], meanPlace: 0, inputs: [{ id: 'a', text: 'Ett förslag från en förvaltning', kalla: 'NU-sjukvården', delomradeId: null, year: null, rank: 0, extra: false, fileId: 'f', delomradeName: '' }] };
    setup(
      <DndProvider>
        <InspelPanel />
        <ul>
          <CollectEntry entry={entry} doc={doc} selected={false} onSelect={() => {}} index={indexPlan(doc)} threshold={0.9} />
        </ul>
      </DndProvider>,
    );
    const card = () => screen.getByText('Ett förslag från en förvaltning').closest('.collect-card')!;
    expect(screen.getByText(/^Inga inspel\./).textContent).toContain('Lägg till med ”Nytt inspel”');
    expect(card().getAttribute('title')).toBe('Dra in i solfjädern');
    newerPeer();
    expect(screen.getByText(/^Inga inspel\./).textContent).toBe('Inga inspel.');
    expect(card().getAttribute('title')).toBeNull();
  });

  it('an item opens to be read: why it cannot be changed, every field disabled, no Spara or Ta bort, "Stäng" closes', async () => {
    const doc = useEditor.getState().doc!;
    const item = itemsIn(doc, { bladeId: 'nara-invanaren', ringId: 'r2026' })[0]!;
    let closed = 0;
    newerPeer();
    const { user } = setup(<ItemEditor doc={doc} item={item} onClose={() => closed++} />);
    const dialog = screen.getByRole('dialog', { name: 'Aktivitet' });
    expect(within(dialog).getByText(`${NEWER_MESSAGE}. Här kan planen bara läsas.`)).toBeTruthy();
    const text = within(dialog).getByLabelText<HTMLTextAreaElement>('Text');
    expect(text.value).toBe(item.text);
    expect(disabled(text)).toBe(true);
    expect(disabled(within(dialog).getByLabelText('Status'))).toBe(true);
    for (const checkbox of within(dialog).getAllByRole('checkbox')) expect(disabled(checkbox)).toBe(true);
    expect(disabled(within(dialog).getByRole('button', { name: 'Spara' }))).toBe(true);
    expect(disabled(within(dialog).getByRole('button', { name: 'Ta bort aktiviteten' }))).toBe(true);
    // Its own close button at the foot, beside the dialog's ×.
    await user.click(within(dialog).getAllByRole('button', { name: 'Stäng' }).at(-1)!);
    expect(closed).toBe(1);
    expect(useEditor.getState().doc).toBe(doc);
  });

  it('Fokusområden och ringar: every field and button that changes the plan is disabled; "Klar" still closes', async () => {
    const doc = useEditor.getState().doc!;
    let closed = 0;
    newerPeer();
    const { user } = setup(<PlanSettings doc={doc} onClose={() => closed++} />);
    const dialog = screen.getByRole('dialog', { name: 'Fokusområden och ringar' });
    expect(disabled(within(dialog).getByLabelText('Vision i navet'))).toBe(true);
    expect(disabled(within(dialog).getByRole('button', { name: 'Lägg till ring' }))).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Klar' }));
    expect(closed).toBe(1);
  });

  it('Ångra and Gör om are disabled', async () => {
    const { addItem } = await import('../store/actions');
    addItem('Ett steg att ångra', null);
    setup(<Header />);
    const undoButton = screen.getByRole('button', { name: 'Ångra' });
    expect(disabled(undoButton)).toBe(false);
    newerPeer();
    expect(disabled(undoButton)).toBe(true);
    expect(disabled(screen.getByRole('button', { name: 'Gör om' }))).toBe(true);
  });

  it('the example\'s note does not ask to change what cannot be changed', () => {
    useUi.setState({ exampleIntro: true });
    setup(<ExampleIntro />);
    const note = screen.getByRole('complementary', { name: 'Om exemplet' });
    expect(note.textContent).toContain('ändra fritt');
    newerPeer();
    expect(note.textContent).toBe('Det här är ett exempel – börja en egen plan.×');
  });

  it('no version is saved of it, nor brought back into it: said with the message, nothing written', async () => {
    newerPeer();
    const before = useEditor.getState().doc;
    expect(await saveVersion('Inför internatet')).toBe(false);
    expect(useEditor.getState().notice?.text).toBe(`${NEWER_MESSAGE}.`);
    useEditor.setState({ notice: null });
    expect(await restoreVersionInRoom('en-version')).toBe(false);
    expect(useEditor.getState().notice?.text).toBe(`${NEWER_MESSAGE}.`);
    expect(useEditor.getState().doc).toBe(before);
  });
});
