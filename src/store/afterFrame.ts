// The page's turn to draw. Work that arrives in bursts (a room's messages, a large change from
// elsewhere read into the view) is done in tasks with the page's frames between them: a task
// boundary alone does not let Chromium draw (see `frameLater`).

let sharedLater: ((task: () => void) => void) | null = null;

/** How long a task waiting for the next frame waits at most (a tab hidden meanwhile draws none). */
export const FRAME_WAIT_MS = 100;

/** What a page's later task is made of (the browser's, or a test's). */
export interface FrameHost {
  /** Run `task` in a task of its own, soon (a MessageChannel: not throttled in a hidden tab). */
  post(task: () => void): void;
  /** Call `callback` before the next frame is drawn; a handle for `cancelFrame`. */
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  hidden(): boolean;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/**
 * A later task that lets the page draw between tasks (a room's slices, a large reading): the next
 * task, but, in a tab on screen, no more than one such task between two frames. A task boundary
 * alone does not let the page draw: Chromium runs queued tasks back to back and draws only once
 * it has waited 100 ms for a frame, so a task after a task waits for the next frame first, then
 * runs just after it is drawn. A hidden tab draws nothing and is not held back (a hidden tab
 * still has to take in and store the room's changes); a tab hidden while a task waits lets it go
 * after `FRAME_WAIT_MS`.
 */
export function frameLater(host: FrameHost): (task: () => void) => void {
  /** Tasks held until the next frame has been drawn. */
  const held: Array<() => void> = [];
  let sliceSinceFrame = false;
  let frame: number | null = null;
  let fallback: unknown = null;
  const release = () => {
    if (frame !== null) host.cancelFrame(frame);
    if (fallback !== null) host.clearTimer(fallback);
    frame = fallback = null;
    sliceSinceFrame = false;
    for (const task of held.splice(0)) run(task);
  };
  const run = (task: () => void) =>
    host.post(() => {
      sliceSinceFrame = true;
      // Told when the page has drawn again: the next slice is then free to run at once.
      if (!host.hidden()) frame ??= host.requestFrame(release);
      task();
    });
  return (task) => {
    if (!sliceSinceFrame || host.hidden()) return run(task);
    held.push(task);
    frame ??= host.requestFrame(release);
    fallback ??= host.setTimer(release, FRAME_WAIT_MS);
  };
}

/** The page's later task, one for the whole page (a zero timer outside a browser). */
export function afterFrameTask(): (task: () => void) => void {
  if (sharedLater) return sharedLater;
  if (typeof window === 'undefined' || typeof MessageChannel === 'undefined' || typeof requestAnimationFrame === 'undefined') return (task) => void setTimeout(task, 0);
  const channel = new MessageChannel();
  const waiting: Array<() => void> = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  sharedLater = frameLater({
    post: (task) => {
      waiting.push(task);
      channel.port2.postMessage(null);
    },
    requestFrame: (callback) => requestAnimationFrame(callback),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
    hidden: () => document.visibilityState === 'hidden',
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  return sharedLater;
}

/** Run `then` once the page has painted what is rendered now (or after a second at most: a hidden tab paints nothing). */
export function afterPaint(then: () => void): void {
  let done = false;
  const once = () => {
    if (!done) then();
    done = true;
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(once, 0)));
  setTimeout(once, 1000);
}
