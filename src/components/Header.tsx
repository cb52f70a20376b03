// The toolbar: plan name, save status, plans, plan settings, undo and redo.
import { engineReady, redo, undo, useEditor, useReadOnly } from '../store/editor';
import { useEffect, useRef } from 'react';
import { useMediaQuery } from './useMediaQuery';
import { MenuButton } from './MenuButton';
import { awayText, seenAt, STATUS_TEXT, useRoom } from '../store/roomState';
import { ExportMenu } from './ExportMenu';
import { swedishTime } from '../domain/swedishTime';
import { openDialog, showSidePanel, showView, startPresenting, takeBackFromPresenting, toggleFilters, useUi, type SaveStatus, type UiState } from '../store/ui';

const clock = () => swedishTime({ hour: '2-digit', minute: '2-digit', second: '2-digit' });

function saveText(save: SaveStatus): string {
  switch (save.state) {
    case 'saving':
      return 'Sparar…';
    case 'saved':
      return `Sparad ${clock().format(save.at)}`;
    case 'error':
      return 'Kunde inte spara';
    case 'unavailable':
      return 'Sparas inte – exportera JSON';
    default:
      return 'Sparas i webbläsaren';
  }
}

type Panel = Exclude<UiState['sidePanel'], 'inspel'>;
const PANELS: Array<[Panel, string]> = [
  ['coverage', 'Måluppfyllnad'],
  ['priorities', 'Delområden'],
  ['voting', 'Prioritera'],
  ['collect', 'Samla in'],
];

/** Wide enough for every tool as its own button on one row; narrower, panels and plan tools are menus. */
export const WIDE_TOOLBAR = '(min-width: 1800px)';

/** A side panel's button: pressed while the panel shows; pressing it again brings back Inspel. */
function PanelToggle({ panel, label }: { panel: Panel; label: string }) {
  const open = useUi((s) => s.sidePanel === panel);
  return (
    <button type="button" aria-pressed={open} onClick={() => showSidePanel(open ? 'inspel' : panel)}>
      {label}
    </button>
  );
}

/** Whether and when the plan was saved (its own component: each change sets it twice). */
function SaveStatusText() {
  const save = useUi((s) => s.save);
  return <p className={`save-status save-${save.state}`}>{saveText(save)}</p>;
}

/** Undo and redo, named by the step they take (their own component: each change moves them). */
function UndoRedo() {
  // A plan that can only be read is not undone here either.
  const readOnly = useReadOnly();
  const canUndo = useEditor((s) => s.history.past.length > 0) && !readOnly;
  const canRedo = useEditor((s) => s.history.future.length > 0) && !readOnly;
  const undoLabel = useEditor((s) => s.history.past.at(-1)?.label);
  const redoLabel = useEditor((s) => s.history.future[0]?.label);
  return (
    <div className="toolbar" role="group" aria-label="Ändringar">
      <button
        type="button"
        onClick={() => undo()}
        disabled={!canUndo}
        title={undoLabel ? `Ångra: ${undoLabel} (Ctrl+Z)` : 'Ångra (Ctrl+Z)'}
        aria-keyshortcuts="Control+Z"
      >
        Ångra
      </button>
      <button
        type="button"
        onClick={() => redo()}
        disabled={!canRedo}
        title={redoLabel ? `Gör om: ${redoLabel} (Ctrl+Skift+Z)` : 'Gör om (Ctrl+Skift+Z)'}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
      >
        Gör om
      </button>
    </div>
  );
}

export function Header() {
  const fileRef = useRef<HTMLInputElement>(null);
  const presentRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeBackFromPresenting()) presentRef.current?.focus();
  }, []);
  const name = useEditor((s) => s.doc?.plan.name ?? '');
  const noStorage = useUi((s) => s.save.state === 'unavailable');
  const showFilters = useUi((s) => s.showFilters);
  const view = useUi((s) => s.view);
  const grouping = useUi((s) => s.tableGrouping);
  const sidePanel = useUi((s) => s.sidePanel);
  const wide = useMediaQuery(WIDE_TOOLBAR);
  const chooseFile = () => fileRef.current?.click();
  return (
    <header className="app-header">
      <div className="brand" aria-hidden="true">
        Solfjädern
      </div>
      <h1 className="plan-name" title={name}>
        {name}
      </h1>
      <SaveStatusText />
      <RoomPresence />
      {/* Undo and redo beside the save status: the toolbar below keeps to one row on a projector. */}
      <UndoRedo />
      <div className="view-switch" role="group" aria-label="Vy">
        <button type="button" aria-pressed={view === 'fan'} onClick={() => showView('fan')}>
          Solfjäder
        </button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => showView('table')}>
          Tabell
        </button>
        <button type="button" aria-pressed={view === 'followup'} onClick={() => showView('followup')}>
          Uppföljning
        </button>
        {view === 'table' && (
          <select
            aria-label="Gruppera tabellen"
            value={grouping}
            onChange={(e) => useUi.setState({ tableGrouping: e.target.value as 'fokusomrade' | 'delomrade' })}
          >
            <option value="fokusomrade">Per fokusområde</option>
            <option value="delomrade">Per delområde</option>
          </select>
        )}
      </div>
      <nav className="toolbar" aria-label="Verktyg">
        {wide ? (
          <>
            <button type="button" onClick={() => openDialog({ kind: 'plans' })} disabled={noStorage}>
              Planer
            </button>
            <button type="button" onClick={() => openDialog({ kind: 'versions' })} disabled={noStorage}>
              Versioner
            </button>
            {PANELS.map(([panel, label]) => (
              <PanelToggle key={panel} panel={panel} label={label} />
            ))}
          </>
        ) : (
          <MenuButton
            id="panels"
            label="Paneler"
            entries={PANELS.map(([panel, label]) => ({ label, checked: sidePanel === panel, run: () => showSidePanel(sidePanel === panel ? 'inspel' : panel) }))}
          />
        )}
        <button type="button" aria-pressed={showFilters} onClick={toggleFilters}>
          Filter
        </button>
        <button type="button" className="present-button" ref={presentRef} onClick={startPresenting}>
          Presentera
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'room' })} disabled={noStorage}>
          Samarbeta
        </button>
        <ExportMenu />
        <MenuButton
          id="plan"
          label="Plan"
          entries={[
            ...(wide
              ? []
              : [
                  { label: 'Planer', run: () => openDialog({ kind: 'plans' }), disabled: noStorage },
                  { label: 'Versioner', run: () => openDialog({ kind: 'versions' }), disabled: noStorage },
                ]),
            { label: 'Fokusområden och ringar', run: () => openDialog({ kind: 'settings' }) },
            { label: 'Importera', run: chooseFile, disabled: noStorage },
          ]}
        />
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json,.docx"
          hidden
          aria-label="Välj en planfil att importera"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void engineReady.then((engine) => engine.chooseImportFile(file));
          }}
        />
      </nav>
    </header>
  );
}

/** In a room: its status and who is in it, each in their colour; opens the room dialog. */
function RoomPresence() {
  const status = useRoom((s) => s.status);
  const peers = useRoom((s) => s.peers);
  const lastSeen = useRoom((s) => s.lastSeen);
  if (status === 'off' || status === 'refused') return null;
  // While the connection is away, those who were here show as last seen (dimmed), not as gone.
  const away = status !== 'connected' && status !== 'joining' ? lastSeen : [];
  // Said as it reads (WCAG 2.5.3, label in name): its status, then who is in the room.
  const label = `${STATUS_TEXT[status]}, I rummet (${peers.length}): ${peers.map((p) => p.name).join(', ')}.${status === 'local' || status === 'reconnecting' ? ` ${awayText(away)}` : ''}`;
  return (
    <button type="button" className={`room-presence room-${status}`} onClick={() => openDialog({ kind: 'room' })} aria-label={label}>
      <span className="room-state">{STATUS_TEXT[status]}</span>
      <span className="room-count" aria-hidden="true">
        I rummet ({peers.length})
      </span>
      {/* Up to six faces; on a narrow header three (everyone is in the label and the dialog). */}
      {peers.slice(0, 6).map((p, i) => (
        <span key={p.clientId} className={`person${i >= 3 ? ' more' : ''}`} style={{ background: p.color }} title={p.name} aria-hidden="true">
          {p.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
      {away.slice(0, Math.max(0, 6 - peers.length)).map((p, i) => (
        <span key={`away-${p.name}`} className={`person away${peers.length + i >= 3 ? ' more' : ''}`} style={{ background: p.color }} title={`${p.name} – ${seenAt(p.at)}`} aria-hidden="true">
          {p.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
    </button>
  );
}
