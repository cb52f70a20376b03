// The part of the app that holds the plan's document: Yjs, the open plan and its editor, storage,
// the session. It is not in the first download: the page shows the plan from its kept view
// first (./firstView.ts) while this loads, and ./editor.ts hands the components' calls to it
// once it has opened the plan (calls made before then run, in order, as soon as it has).
import { createExampleDoc } from '../domain/plan';
import { useDrag } from '../dnd/dragStore';
import { exportAction } from './exporter';
import { appEditor } from './planEditor';
import { appPlan, loadDoc } from './openDoc';
import { stopPersistence } from './persistence';
import { bootstrap, startPersistence } from './session';
import { notify } from './editorState';
import { useUi } from './ui';

export { appEditor, appPlan };
export { chooseImportFile, importAsNewPlan } from './importer';
export { flush } from './persistence';
export { openNewDoc } from './session';

/**
 * Start the app's storage and open the plan used last (or the example on a first visit). Never
 * rejects: without storage the example opens in memory, and the page says how to keep the work.
 */
export async function start(): Promise<void> {
  // Storage's long writes wait while an item is dragged.
  startPersistence(() => useDrag.getState().activeId !== null);
  try {
    await bootstrap();
  } catch (error) {
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
  }
}
