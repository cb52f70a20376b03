// Start reading the plan from IndexedDB before anything else. src/main.tsx imports this
// first, and the build also loads it as a page entry of its own, ahead of the app
// (vite.config.ts), so the read runs while the app's code downloads and compiles; the app's
// start takes its result (src/db/startup.ts).
import { beginEarlyRead } from './db/earlyRead';

performance.mark('solfjadern:read-start');
beginEarlyRead();
