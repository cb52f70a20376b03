// Start reading the plan from IndexedDB before anything else. src/main.tsx imports this
// first, and the build also loads it as a page entry of its own, ahead of the app
// (vite.config.ts), so the read runs while the app's code downloads and compiles; the app's
// start takes its result (src/db/startup.ts).
//
// The plan used last then shows at once as its screen was kept (src/screen/keptScreen.ts): a
// picture of the page, replaced by the live page once the app has drawn the fan.
import { beginEarlyRead, peekEarlyRead } from './db/earlyRead';
import { showKeptScreen } from './screen/showScreen';

performance.mark('solfjadern:read-start');
beginEarlyRead();
void peekEarlyRead().then((rows) => {
  if (document.readyState !== 'loading') showKeptScreen(rows);
  else document.addEventListener('DOMContentLoaded', () => showKeptScreen(rows), { once: true });
});
