// UI state that never enters the undo history: unfolded blade, open dialogs, save status.
import { isFiltering, NO_FILTER, type ItemFilter } from '../domain/filter';
import { create } from 'zustand';
import type { ItemId, PlanDoc } from '../domain/types';
import type { PendingImport } from './importer';

export type Dialog =
  | { kind: 'item'; itemId: ItemId }
  | { kind: 'plans' }
  | { kind: 'settings' }
  | { kind: 'import'; pending: PendingImport }
  | { kind: 'versions' }
  | { kind: 'room' }
  | null;

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'error'; message: string }
  | { state: 'unavailable' };

export interface UiState {
  unfoldedBladeId: string | null;
  dialog: Dialog;
  save: SaveStatus;
  /** What an export in progress makes ("Word-filen"), for the menu's busy state. */
  exporting: string | null;
  /** The print view (tables below the fan) is drawn: from "Skriv ut" or the browser's print. */
  printing: boolean;
  /** Presentera: the fan alone, full screen, large type. */
  presenting: boolean;
  /** Inspel is folded away ("Dölj inspel"): the fan takes the width. */
  inspelHidden: boolean;
  /** The built-in example was just made for a first visit: one quiet line says so. */
  exampleIntro: boolean;
  /** What the panel beside the fan shows. */
  sidePanel: 'inspel' | 'coverage' | 'priorities' | 'voting' | 'collect';
  /** The editor's view of the plan. */
  view: 'fan' | 'table' | 'followup';
  /** Uppföljning: the period followed up (null: the latest). */
  followUpPeriod: string | null;
  /** Uppföljning shows each activity's progress, or per delområde its judgement, indicators and what the offices did. */
  followUpPart: 'items' | 'delomraden';
  /** Rows of the table view. */
  tableGrouping: 'fokusomrade' | 'delomrade';
  /** The item last focused in either view: a view switch keeps it. */
  selectedItemId: string | null;
  /** A saved version shown read-only in place of the editor. */
  viewingVersion: { name: string; savedAt: string; doc: PlanDoc } | null;
  /** What changed since a version, marked on the fan of the open plan. */
  diff: {
    name: string;
    marks: ReadonlyMap<string, 'added' | 'moved' | 'edited'>;
    counts: { added: number; removed: number; moved: number; edited: number };
  } | null;
  /** Items marked in the fan (e.g. those serving the effektmål chosen in Måluppfyllnad). */
  highlight: { key: string; ids: ReadonlySet<string> } | null;
  /** Granska: what the fan and the table show (the fan dims the rest, the table leaves it out). */
  filter: ItemFilter;
  /** The filter bar is open. */
  showFilters: boolean;
}

export const useUi = create<UiState>(() => ({
  unfoldedBladeId: null,
  dialog: null,
  save: { state: 'idle' },
  exporting: null,
  printing: false,
  presenting: false,
  inspelHidden: false,
  exampleIntro: false,
  sidePanel: 'inspel',
  view: 'fan',
  followUpPeriod: null,
  followUpPart: 'items',
  tableGrouping: 'fokusomrade',
  selectedItemId: null,
  viewingVersion: null,
  diff: null,
  highlight: null,
  filter: NO_FILTER,
  showFilters: false,
}));

export function setFilter(patch: Partial<ItemFilter>): void {
  useUi.setState((s) => ({ filter: { ...s.filter, ...patch } }));
}

/** Open or close the filter bar; closing it shows everything again. */
export function toggleFilters(): void {
  useUi.setState((s) => (s.showFilters ? { showFilters: false, filter: NO_FILTER } : { showFilters: true }));
}

let focusOnShow = false;

/** Switch between the fan and the table; the selected item gets focus in the new view. */
export function showView(view: UiState['view']): void {
  if (useUi.getState().view === view) return;
  focusOnShow = useUi.getState().selectedItemId !== null;
  useUi.setState({ view });
}

/** The item a view should focus as it appears (once, after a switch), or null. */
export function takeFocusOnShow(): string | null {
  const id = focusOnShow ? useUi.getState().selectedItemId : null;
  focusOnShow = false;
  return id;
}

export const selectItem = (id: string) => {
  if (useUi.getState().selectedItemId !== id) useUi.setState({ selectedItemId: id });
};

/** "Dölj inspel" / "Visa inspel". */
export function setInspelHidden(hidden: boolean): void {
  useUi.setState({ inspelHidden: hidden });
}

/** Narrower than this, an empty Inspel starts hidden so the fan gets the width. */
export const INSPEL_START_WIDTH = 1600;

/** Narrower than this (a phone, a small tablet) the plan opens as Tabell; the fan is a tap away. */
export const TABLE_START_WIDTH = 800;

/** At start: hide an empty Inspel on screens narrower than INSPEL_START_WIDTH; open Tabell on a phone. */
export function settleViewAtStart(inspelCount: number, screenWidth: number): void {
  useUi.setState({
    inspelHidden: inspelCount === 0 && screenWidth < INSPEL_START_WIDTH,
    ...(screenWidth < TABLE_START_WIDTH ? { view: 'table' as const } : {}),
  });
}

/**
 * The page shows the plan as a start would open it at this width: the fan with Inspel beside it
 * (hidden as a start hides it), nothing unfolded, filtered, marked, compared or open over it. Only
 * such a screen is kept for the next start to show first (src/screen/keptScreen.ts).
 */
export function isStartView(s: UiState, inspelCount: number, screenWidth: number): boolean {
  return (
    screenWidth >= TABLE_START_WIDTH &&
    s.view === 'fan' &&
    s.sidePanel === 'inspel' &&
    s.inspelHidden === (inspelCount === 0 && screenWidth < INSPEL_START_WIDTH) &&
    s.dialog === null &&
    s.unfoldedBladeId === null &&
    !s.presenting &&
    !s.printing &&
    !s.exampleIntro &&
    s.viewingVersion === null &&
    s.diff === null &&
    s.highlight === null &&
    !s.showFilters &&
    !isFiltering(s.filter)
  );
}

export function showSidePanel(panel: UiState['sidePanel']): void {
  useUi.setState({ sidePanel: panel, highlight: null });
}

/** Mark these items in the fan; the same key again clears the marking. */
export function toggleHighlight(key: string, ids: Iterable<string>): void {
  useUi.setState((s) => ({ highlight: s.highlight?.key === key ? null : { key, ids: new Set(ids) } }));
}

/** Presentera: full screen where the browser allows it; the fan starts folded. */
export function startPresenting(): void {
  useUi.setState({ presenting: true, unfoldedBladeId: null, dialog: null });
  document.documentElement.requestFullscreen?.().catch(() => undefined);
}

let backFromPresenting = false;

export function stopPresenting(): void {
  if (!useUi.getState().presenting) return;
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  backFromPresenting = true;
  useUi.setState({ presenting: false, unfoldedBladeId: null });
}

/** True once after a presentation ended: focus goes back to "Presentera". */
export function takeBackFromPresenting(): boolean {
  const back = backFromPresenting;
  backFromPresenting = false;
  return back;
}

export function toggleUnfold(bladeId: string): void {
  useUi.setState((s) => ({ unfoldedBladeId: s.unfoldedBladeId === bladeId ? null : bladeId }));
}

export function openDialog(dialog: Dialog): void {
  useUi.setState({ dialog });
}

export function closeDialog(): void {
  useUi.setState({ dialog: null });
}
