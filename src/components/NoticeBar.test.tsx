// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notify, useEditor } from '../store/editor';
import { resetStore } from '../../tests/ui';
import { NOTICE_MS, NoticeBar } from './NoticeBar';

beforeEach(() => {
  resetStore();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const wait = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
const shown = () => useEditor.getState().notice?.text ?? null;

describe('notices', () => {
  it('news leaves by itself after a few seconds; with an action it stays longer; errors stay until closed', () => {
    render(<NoticeBar />);
    act(() => notify('info', '2 inspel lades till.'));
    wait(NOTICE_MS.plain - 100);
    expect(screen.getByRole('status').textContent).toContain('2 inspel lades till.');
    wait(200);
    expect(shown()).toBeNull();

    act(() => notify('info', 'Aktiviteten togs bort.', { label: 'Ångra', run: () => undefined }));
    wait(NOTICE_MS.plain + 100);
    expect(shown()).toBe('Aktiviteten togs bort.');
    wait(NOTICE_MS.action - NOTICE_MS.plain);
    expect(shown()).toBeNull();

    act(() => notify('error', 'Det gick inte att spara.'));
    wait(10 * NOTICE_MS.action);
    expect(screen.getByRole('alert').textContent).toContain('Det gick inte att spara.');
    fireEvent.click(screen.getByRole('button', { name: 'Stäng meddelandet' }));
    expect(shown()).toBeNull();
  });

  it('never leaves while the pointer is on it or focus is in it', () => {
    render(<NoticeBar />);
    act(() => notify('info', 'Aktiviteten flyttades.', { label: 'Ångra', run: () => undefined }));
    const notice = screen.getByText('Aktiviteten flyttades.').parentElement!;
    fireEvent.pointerEnter(notice);
    wait(3 * NOTICE_MS.action);
    expect(shown()).toBe('Aktiviteten flyttades.');
    fireEvent.pointerLeave(notice);
    act(() => screen.getByRole('button', { name: 'Ångra' }).focus());
    wait(3 * NOTICE_MS.action);
    expect(shown()).toBe('Aktiviteten flyttades.');
    act(() => screen.getByRole('button', { name: 'Ångra' }).blur());
    wait(NOTICE_MS.action + 10);
    expect(shown()).toBeNull();
  });

  it('a newer notice gets its own time', () => {
    render(<NoticeBar />);
    act(() => notify('info', 'Första.'));
    wait(NOTICE_MS.plain - 1000);
    act(() => notify('info', 'Andra.'));
    wait(2000);
    expect(shown()).toBe('Andra.');
    wait(NOTICE_MS.plain);
    expect(shown()).toBeNull();
  });
});
