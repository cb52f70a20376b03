// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Failsafe } from './Failsafe';

afterEach(cleanup);

function Boom({ when }: { when: boolean }) {
  if (when) throw new Error('Set maximum size exceeded');
  return <p>Ritad</p>;
}

describe('a part of the screen that fails to draw', () => {
  it('shows its fallback with the error instead of a blank page, and draws again on retry or a new key', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let broken = true;
    const ui = (key: number) => (
      <div>
        <p>Resten av sidan</p>
        <Failsafe
          resetKey={key}
          fallback={(error, retry) => (
            <div role="alert">
              Kunde inte visas: {error.message}
              <button type="button" onClick={retry}>
                Försök igen
              </button>
            </div>
          )}
        >
          <Boom when={broken} />
        </Failsafe>
      </div>
    );
    const { rerender } = render(ui(1));
    expect(screen.getByRole('alert').textContent).toContain('Kunde inte visas: Set maximum size exceeded');
    expect(screen.getByText('Resten av sidan')).toBeTruthy();
    // Still broken: retry shows the fallback again.
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(screen.getByRole('alert')).toBeTruthy();
    broken = false;
    rerender(ui(2));
    expect(screen.getByText('Ritad')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
