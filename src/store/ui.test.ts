// The start view: what a page shows of a plan as the next start opens it (the kept screen is only
// taken of such a page, src/screen/keptScreen.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { NO_FILTER } from '../domain/filter';
import { INSPEL_START_WIDTH, isStartView, settleViewAtStart, TABLE_START_WIDTH, useUi, type UiState } from './ui';

const initial = useUi.getState();
afterEach(() => useUi.setState(initial, true));

const at = (width: number, inspelCount = 3, change: Partial<UiState> = {}) => {
  useUi.setState(initial, true);
  settleViewAtStart(inspelCount, width);
  useUi.setState(change);
  return isStartView(useUi.getState(), inspelCount, width);
};

describe('isStartView', () => {
  it('holds for what a start settles at each width, Inspel empty or not', () => {
    expect(at(1920)).toBe(true);
    expect(at(1366, 0)).toBe(true);
    expect(useUi.getState().inspelHidden).toBe(true);
    expect(at(INSPEL_START_WIDTH, 0)).toBe(true);
  });

  it('does not hold on a phone (a start opens Tabell there)', () => {
    expect(at(TABLE_START_WIDTH - 1)).toBe(false);
  });

  it('does not hold with anything a start would not show', () => {
    const changes: Partial<UiState>[] = [
      { view: 'table' },
      { view: 'followup' },
      { sidePanel: 'coverage' },
      { inspelHidden: true },
      { dialog: { kind: 'plans' } },
      { unfoldedBladeId: 'b1' },
      { presenting: true },
      { printing: true },
      { exampleIntro: true },
      { showFilters: true },
      { filter: { ...NO_FILTER, status: 'godkand' } },
      { highlight: { key: 'e1', ids: new Set(['i1']) } },
      { diff: { name: 'v1', marks: new Map(), counts: { added: 0, removed: 0, moved: 0, edited: 0 } } },
      { viewingVersion: { name: 'v1', savedAt: '2026-01-01', doc: null as never } },
    ];
    for (const change of changes) expect(at(1920, 3, change), JSON.stringify(Object.keys(change))).toBe(false);
  });
});
