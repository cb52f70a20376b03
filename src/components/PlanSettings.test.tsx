// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetStore, setup } from '../../tests/ui';
import { PlanSettings } from './PlanSettings';

afterEach(cleanup);

// jsdom's name computation drops the space before the hidden part; a browser keeps it.
const named = (verb: string, name: string) => screen.queryByRole('button', { name: new RegExp(`^${verb}\\s*${name}$`) });

describe('PlanSettings', () => {
  it('names a row\'s buttons after the name as typed, before and after it is saved (screen readers hear which blade "Ta bort" removes)', async () => {
    const doc = resetStore();
    const { user, ui } = setup(<PlanSettings doc={doc} onClose={() => {}} />);
    const first = doc.plan.blades[0]!.name;
    expect(named('Ta bort', first)).toBeTruthy();
    const field = screen.getByLabelText('Fokusområde 1');
    await user.clear(field);
    await user.type(field, 'Vård nära invånaren');
    // Not saved yet: the buttons already say the new name.
    expect(ui.doc().plan.blades[0]!.name).toBe(first);
    expect(named('Ta bort', 'Vård nära invånaren')).toBeTruthy();
    expect(named('Flytta höger', 'Vård nära invånaren')).toBeTruthy();
    expect(named('Ta bort', first)).toBeNull();
    await user.tab();
    expect(ui.doc().plan.blades[0]!.name).toBe('Vård nära invånaren');
    expect(named('Ta bort', 'Vård nära invånaren')).toBeTruthy();
    // A ring too.
    const ring = screen.getByLabelText('Ring 1 (milstolpe)');
    await user.clear(ring);
    await user.type(ring, 'Milstolpar 2025');
    expect(named('Ta bort', 'Milstolpar 2025')).toBeTruthy();
  });
});
