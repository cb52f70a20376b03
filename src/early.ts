// Loaded before the app (see index.html): start reading the plan from IndexedDB now.
import { startupRead } from './db/startup';

performance.mark('solfjadern:read-start');
startupRead().catch(() => {
  // The app's own start reports storage problems.
});
