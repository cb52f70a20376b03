// First: start reading the plan (see ./early.ts).
import './early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { AppFailed, Failsafe } from './components/Failsafe';
import { createExampleDoc } from './domain/plan';
import * as actions from './store/actions';
import { loadDoc, notify, useEditor } from './store/editor';
import { exportAction, stopPersistence } from './store/persistence';
import { bootstrap, flush, openNewDoc, startPersistence } from './store/session';
import { planToJson } from './export/json';
import { chooseImportFile, importAsNewPlan } from './store/importer';
import { openDialog, useUi } from './store/ui';
import { takeInviteFromAddress, useRoom, watchRooms } from './store/roomState';
import './styles.css';

performance.mark('solfjadern:boot');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Failsafe fallback={(error) => <AppFailed error={error} />}>
      <App />
    </Failsafe>
  </StrictMode>,
);

// Browser tests and the benchmark drive the store directly when asked to (?automation).
if (new URLSearchParams(location.search).has('automation')) {
  Object.assign(window, {
    __solfjadern: { actions, flush, editor: useEditor, openNewDoc, files: { planToJson, chooseImportFile, importAsNewPlan }, ui: useUi, automation: import('./store/automation') },
  });
}

startPersistence();
// A plan kept in a room reconnects when it opens (nothing connects for any other plan).
watchRooms();
bootstrap()
  .then(() => {
    // An invite link: ask for a name and "Gå med" before anything connects.
    takeInviteFromAddress();
    const { pending, status } = useRoom.getState();
    if (pending || status === 'refused') openDialog({ kind: 'room' });
  })
  .catch((error: unknown) => {
  console.error(error);
  // No storage (private mode, blocked IndexedDB): keep working in memory and say so.
  stopPersistence();
  useUi.setState({ save: { state: 'unavailable' } });
  loadDoc(createExampleDoc());
  notify(
    'error',
    'Webbläsaren låter inte Solfjädern spara på den här datorn (till exempel i privat läge). Du kan arbeta vidare, men spara planen med Exportera – JSON innan du stänger fliken.',
    exportAction,
  );
  });
