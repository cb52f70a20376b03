// The early read in a worker of its own: IndexedDB's round trips (open, the last plan's id,
// its rows) then never wait for the main thread, which is busy compiling the app meanwhile.
import { readStoredRows } from './earlyRead';

readStoredRows().then(
  (rows) => postMessage(rows),
  () => postMessage(null),
);
