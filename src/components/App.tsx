import { DndProvider } from '../dnd/DndProvider';
import { FanView } from '../fan/FanView';
import { useEditor } from '../store/editor';
import { closeDialog, useUi } from '../store/ui';
import { Header } from './Header';
import { InspelPanel } from './InspelPanel';
import { lazy, Suspense } from 'react';
import { NoticeBar } from './NoticeBar';
import { PrintView } from './PrintView';
import { CoveragePanel } from './CoveragePanel';
import { FilterBar } from './FilterBar';
import { PrioritiesPanel } from './PrioritiesPanel';
import { VotingPanel } from './VotingPanel';
import { TableView } from './TableView';
import { DiffBanner, VersionView } from './VersionView';
import { Presentation } from './Presentation';

// Dialogs are loaded when first opened: the first paint needs only the fan and Inspel.
const ItemEditor = lazy(() => import('./ItemEditor').then((m) => ({ default: m.ItemEditor })));
const PlanList = lazy(() => import('./PlanList').then((m) => ({ default: m.PlanList })));
const PlanSettings = lazy(() => import('./PlanSettings').then((m) => ({ default: m.PlanSettings })));
const VersionsDialog = lazy(() => import('./VersionsDialog').then((m) => ({ default: m.VersionsDialog })));
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
import { useShortcuts } from './useShortcuts';

function Dialogs() {
  return (
    <Suspense fallback={null}>
      <OpenDialog />
    </Suspense>
  );
}

function OpenDialog() {
  const dialog = useUi((s) => s.dialog);
  const doc = useEditor((s) => s.doc);
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
  }
}

/** The fan (or the table) follows the open plan; kept apart so the rest of the page does not re-render with it. */
function Fan() {
  const doc = useEditor((s) => s.doc);
  const view = useUi((s) => s.view);
  if (!doc) return null;
  return view === 'table' ? <TableView doc={doc} /> : <FanView doc={doc} />;
}

function Filters() {
  const doc = useEditor((s) => s.doc);
  const open = useUi((s) => s.showFilters);
  return open && doc ? <FilterBar doc={doc} /> : null;
}

function PlanView() {
  const view = useUi((s) => s.view);
  return (
    <section className="fan-panel" aria-label={view === 'table' ? 'Tabell' : 'Solfjädern'}>
      {view === 'fan' && <DiffBanner />}
      <Filters />
      <Fan />
    </section>
  );
}

/** Beside the fan: Inspel, Måluppfyllnad, Delområden (counts against limits) or Prioritera (dot voting). */
function SidePanel() {
  const panel = useUi((s) => s.sidePanel);
  if (panel === 'coverage') return <CoveragePanel />;
  if (panel === 'priorities') return <PrioritiesPanel />;
  if (panel === 'voting') return <VotingPanel />;
  return <InspelPanel />;
}

/** Presentera replaces the editor while it runs; the plan under it is the same. */
function Present() {
  const doc = useEditor((s) => s.doc);
  return doc ? <Presentation doc={doc} /> : null;
}

export function App() {
  const hasDoc = useEditor((s) => s.doc !== null);
  const dialogOpen = useUi((s) => s.dialog !== null);
  const presenting = useUi((s) => s.presenting);
  const version = useUi((s) => s.viewingVersion);
  useShortcuts();
  if (!hasDoc) {
    return (
      <main className="loading" aria-busy="true">
        <p>Öppnar planen…</p>
      </main>
    );
  }
  if (version) return <VersionView version={version} />;
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
      {!dialogOpen && <NoticeBar />}
      <DndProvider>
        <main className="workspace">
          <PlanView />
          <SidePanel />
        </main>
      </DndProvider>
      <PrintView />
      <Dialogs />
    </div>
  );
}
