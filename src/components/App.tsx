import { DndProvider } from '../dnd/DndProvider';
import { FanView } from '../fan/FanView';
import { useEditor } from '../store/editor';
import { closeDialog, showSidePanel, useUi } from '../store/ui';
import { exportAction } from '../store/exporter';
import { Header } from './Header';
import { PHONE, useMediaQuery } from './useMediaQuery';
import { InspelPanel, InspelShowButton } from './InspelPanel';
import { lazy, Suspense, useLayoutEffect } from 'react';
import { dropKeptScreen } from '../screen/showScreen';
import { Failsafe } from './Failsafe';
import { NoticeBar } from './NoticeBar';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { PrintView } from './PrintView';
import { ExampleIntro } from './ExampleIntro';
import { DiffBanner } from './DiffBanner';

// Dialogs are loaded when first opened: the first paint needs only the fan and Inspel.
const ItemEditor = lazy(() => import('./ItemEditor').then((m) => ({ default: m.ItemEditor })));
const PlanList = lazy(() => import('./PlanList').then((m) => ({ default: m.PlanList })));
const PlanSettings = lazy(() => import('./PlanSettings').then((m) => ({ default: m.PlanSettings })));
// So are the views and panels beside the fan: the first paint needs none of them.
const TableView = lazy(() => import('./TableView').then((m) => ({ default: m.TableView })));
const FollowUpView = lazy(() => import('./FollowUpView').then((m) => ({ default: m.FollowUpView })));
const FilterBar = lazy(() => import('./FilterBar').then((m) => ({ default: m.FilterBar })));
const CoveragePanel = lazy(() => import('./CoveragePanel').then((m) => ({ default: m.CoveragePanel })));
const PrioritiesPanel = lazy(() => import('./PrioritiesPanel').then((m) => ({ default: m.PrioritiesPanel })));
const CollectPanel = lazy(() => import('./CollectPanel').then((m) => ({ default: m.CollectPanel })));
const VotingPanel = lazy(() => import('./VotingPanel').then((m) => ({ default: m.VotingPanel })));
const VersionView = lazy(() => import('./VersionView').then((m) => ({ default: m.VersionView })));
const Presentation = lazy(() => import('./Presentation').then((m) => ({ default: m.Presentation })));
const VersionsDialog = lazy(() => import('./VersionsDialog').then((m) => ({ default: m.VersionsDialog })));
const RoomDialog = lazy(() => import('./RoomDialog').then((m) => ({ default: m.RoomDialog })));
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
import { useShortcuts } from './useShortcuts';
import { FileDrop } from './FileDrop';

function Dialogs() {
  return (
    <Suspense fallback={null}>
      <OpenDialog />
    </Suspense>
  );
}

function OpenDialog() {
  const dialog = useUi((s) => s.dialog);
  // The plan only while a dialog is open: no edit re-renders this otherwise.
  const doc = useEditor((s) => (dialog ? s.doc : null));
  if (!dialog || !doc) return null;
  switch (dialog.kind) {
    case 'item': {
      const item = doc.items[dialog.itemId];
      return item ? <ItemEditor key={item.id} doc={doc} item={item} onClose={closeDialog} /> : null;
    }
    case 'plans':
      return <PlanList onClose={closeDialog} />;
    case 'settings':
      return <PlanSettings doc={doc} onClose={closeDialog} />;
    case 'import':
      return <ImportDialog pending={dialog.pending} onClose={closeDialog} />;
    case 'versions':
      return <VersionsDialog onClose={closeDialog} />;
    case 'room':
      return <RoomDialog onClose={closeDialog} />;
  }
}

/** A phone's fan is laid out as on a small tablet and shown smaller. */
const PHONE_FAN_WIDTH = 800;

/** The fan (or the table) follows the open plan; kept apart so the rest of the page does not re-render with it. */
function Fan() {
  const doc = useEditor((s) => s.doc);
  const view = useUi((s) => s.view);
  // On a phone the fan is to read: the whole fan as a picture, pinch or + to zoom in; items are
  // edited in Tabell.
  const phone = useMediaQuery(PHONE);
  // A kept screen shows the fan (src/screen/keptScreen.ts); FanView drops it once it draws. Any
  // other view drops it as it opens.
  useLayoutEffect(() => {
    if (doc && view !== 'fan') dropKeptScreen();
  }, [doc, view]);
  if (!doc) return null;
  if (view === 'followup')
    return (
      <Suspense fallback={<p className="help">Öppnar uppföljningen…</p>}>
        <FollowUpView doc={doc} />
      </Suspense>
    );
  return view === 'table' ? (
    <Suspense fallback={<p className="help">Öppnar tabellen…</p>}>
      <TableView doc={doc} />
    </Suspense>
  ) : (
    <FanView doc={doc} readOnly={phone} minWidth={phone ? PHONE_FAN_WIDTH : 0} />
  );
}

function Filters() {
  const open = useUi((s) => s.showFilters);
  const doc = useEditor((s) => (open ? s.doc : null));
  return open && doc ? (
    <Suspense fallback={null}>
      <FilterBar doc={doc} />
    </Suspense>
  ) : null;
}

function PlanView() {
  const view = useUi((s) => s.view);
  const dialogOpen = useUi((s) => s.dialog !== null);
  const showInspel = useUi((s) => s.inspelHidden && s.sidePanel === 'inspel');
  return (
    <section className="fan-panel" aria-label={view === 'table' ? 'Tabell' : view === 'followup' ? 'Uppföljning' : 'Solfjädern'}>
      {view === 'fan' && <DiffBanner />}
      <Filters />
      {view === 'fan' ? (
        // The fan and what sits over its empty top corners, below the filter bar and banners.
        <div className="fan-stage">
          <Fan />
          {showInspel && <InspelShowButton />}
          {/* The fan's empty top-left corner: the example's note, then messages (never over the ring legend under the fan). */}
          <div className="stage-notes">
            <ExampleIntro />
            {!dialogOpen && <NoticeBar />}
          </div>
        </div>
      ) : (
        <>
          {/* Above the table, never over it. */}
          <div className="panel-bar">
            <ExampleIntro />
            {showInspel && <InspelShowButton />}
          </div>
          <Fan />
        </>
      )}
    </section>
  );
}

/** Beside the fan: Inspel, Måluppfyllnad, Delområden (counts against limits), Prioritera (dot voting) or Samla in. */
function SidePanel() {
  const panel = useUi((s) => s.sidePanel);
  const hidden = useUi((s) => s.inspelHidden);
  return (
    <Failsafe resetKey={panel} fallback={(error, retry) => <PanelFailed error={error} retry={retry} />}>
      {panel === 'inspel' ? (
        hidden ? null : <InspelPanel />
      ) : (
        <Suspense fallback={<aside className="side-panel" aria-busy="true" />}>
          {panel === 'coverage' ? <CoveragePanel /> : panel === 'priorities' ? <PrioritiesPanel /> : panel === 'collect' ? <CollectPanel /> : <VotingPanel />}
        </Suspense>
      )}
    </Failsafe>
  );
}

/** A side panel that failed to draw: what happened, and the ways on; the fan and the plan are untouched. */
function PanelFailed({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <aside className="side-panel" aria-labelledby="panel-failed-heading">
      <h2 id="panel-failed-heading">Panelen kunde inte visas</h2>
      <p role="alert">Något gick fel när panelen ritades ({error.message}). Planen är orörd och sparas som vanligt.</p>
      <p className="row">
        <button type="button" onClick={retry}>
          Försök igen
        </button>
        <button type="button" onClick={() => showSidePanel('inspel')}>
          Visa Inspel
        </button>
        <button type="button" onClick={exportAction.run}>
          {exportAction.label}
        </button>
      </p>
    </aside>
  );
}

/** Presentera replaces the editor while it runs; the plan under it is the same. */
function Present() {
  const doc = useEditor((s) => s.doc);
  return doc ? (
    <Suspense fallback={null}>
      <Presentation doc={doc} />
    </Suspense>
  ) : null;
}

export function App() {
  const hasDoc = useEditor((s) => s.doc !== null);
  const dialogOpen = useUi((s) => s.dialog !== null);
  const presenting = useUi((s) => s.presenting);
  const version = useUi((s) => s.viewingVersion);
  const sideless = useUi((s) => s.inspelHidden && s.sidePanel === 'inspel');
  // Over the fan, messages sit in its empty corner (PlanView); over the table, at the bottom.
  const fanView = useUi((s) => s.view === 'fan');
  useShortcuts();
  if (!hasDoc) {
    return (
      <main className="loading" aria-busy="true">
        <p>Öppnar planen…</p>
      </main>
    );
  }
  if (version) {
    return (
      <Suspense fallback={null}>
        <VersionView version={version} />
      </Suspense>
    );
  }
  if (presenting) {
    return (
      <DndProvider>
        <Present />
      </DndProvider>
    );
  }
  return (
    <div className="app">
      <Header />
      <ReadOnlyBanner />
      {!dialogOpen && !fanView && <NoticeBar />}
      <DndProvider>
        <main className={`workspace${sideless ? ' is-sideless' : ''}`}>
          <PlanView />
          <SidePanel />
        </main>
      </DndProvider>
      <PrintView />
      <Dialogs />
      <FileDrop />
    </div>
  );
}
