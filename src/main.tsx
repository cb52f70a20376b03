// First: start reading the plan (see ./early.ts).
import './early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { AppFailed, Failsafe } from './components/Failsafe';
import * as actions from './store/actions';
import { engineLoaded, engineReady, engineStarted, useEditor } from './store/editor';
import { showKeptView } from './store/firstView';
import { warmSwedishTime } from './domain/swedishTime';
import { planToJson } from './export/json';
import { openDialog, settleViewAtStart, useUi } from './store/ui';
import { itemsIn } from './domain/containers';
import { takeInviteFromAddress, useRoom, watchRooms } from './store/roomState';
import type { PlanDoc } from './domain/types';
import type { PendingImport } from './store/importer';
import './styles.css';

performance.mark('solfjadern:boot');

// As the first plan arrives, before it is drawn: an empty Inspel starts hidden on narrower
// screens, a phone starts in Tabell (settled later, the fan would be drawn twice and jump).
const settled = useEditor.subscribe(({ doc }) => {
  if (!doc) return;
  settled();
  settleViewAtStart(itemsIn(doc, null).length, window.innerWidth);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Failsafe fallback={(error) => <AppFailed error={error} />}>
      <App />
    </Failsafe>
  </StrictMode>,
);

// The plan used last shows from its kept view while the part that holds its document loads.
void showKeptView();

// Browser tests and the benchmark drive the store directly when asked to (?automation).
if (new URLSearchParams(location.search).has('automation')) {
  Object.assign(window, {
    __solfjadern: {
      actions,
      editor: useEditor,
      ui: useUi,
      flush: async () => (await engineReady).flush(),
      openNewDoc: async (doc: PlanDoc) => (await engineReady).openNewDoc(doc),
      files: {
        planToJson,
        chooseImportFile: async (file: File) => (await engineReady).chooseImportFile(file),
        importAsNewPlan: async (pending: PendingImport) => (await engineReady).importAsNewPlan(pending),
      },
      automation: engineReady.then(() => import('./store/automation')),
    },
  });
}

// A plan kept in a room reconnects when it opens (nothing connects for any other plan).
watchRooms();
void import('./store/engine').then(async (engine) => {
  engineLoaded(engine);
  await engine.start();
  engineStarted(engine);
  warmSwedishTime();
  // An invite link: ask for a name and "Gå med" before anything connects.
  takeInviteFromAddress();
  const { pending, status } = useRoom.getState();
  if (pending || status === 'refused') openDialog({ kind: 'room' });
});
