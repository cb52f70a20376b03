// Messages from the room, taken in slices. A burst from the relay (a participant flooding the
// room, or a reconnect catching up) arrives as thousands of messages, several per browser task;
// handled as they come, each is a transaction of its own with its own reading, storing and
// drawing, and the page draws no frame until the burst is through (two seconds for 5,000 tiny
// updates here). Taken through this socket instead, a message is only queued when it arrives;
// the queue is then handled in slices of a few milliseconds, each slice one transaction of the
// plan's document (`batch`), with the page's turn to draw between slices (see ../store/afterFrame.ts).
// Order is kept: messages, and a close after them, reach the provider in the order they came.

import { afterFrameTask } from '../store/afterFrame';

/** A socket class as the room's provider makes it: `new Socket(url)`, listeners by type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base takes any arguments (TS2545)
type SocketClass = new (...args: any[]) => {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
};

export interface Pacing {
  /**
   * The longest a slice goes on taking messages (the last one taken may end later): 8 ms, half a
   * frame — a large change from the room arrives as pieces of a few milliseconds each
   * (src/relay/splitUpdate.ts), and an edit queued behind them waits until they are through
   * (at 4 ms, one piece a frame, a flood's ~100 pieces held a colleague's edit up to a second).
   */
  sliceMs: number;
  now: () => number;
  /** Run `task` in a later task, after the page has had its turn to draw. */
  later: (task: () => void) => void;
}

const report = (error: unknown) => {
  if (typeof reportError === 'function') reportError(error);
  else console.error(error);
};

/** The kinds of event that wait their turn behind queued messages. */
const QUEUED = new Set(['message', 'close']);

/**
 * `Base` with its messages (and a close behind them) queued and handed on in slices, each
 * slice inside `batch` (for the room: one transaction of the document, by the provider).
 */
export function pacedSocket<T extends SocketClass>(Base: T, batch: (apply: () => void) => void, pacing: Partial<Pacing> = {}): T {
  const { sliceMs = 8, now = () => performance.now(), later = afterFrameTask() } = pacing;
  return class PacedSocket extends Base {
    private readonly queue: Array<() => void> = [];
    private head = 0;
    private scheduled = false;
    /** The listener handed to the socket for each one given, by event type (so it can be removed). */
    private readonly wrapped = new Map<string, Map<(event: Event) => void, (event: Event) => void>>();

    override addEventListener(type: string, listener: (event: Event) => void): void {
      if (!QUEUED.has(type)) return super.addEventListener(type, listener);
      const ofType = this.wrapped.get(type) ?? new Map<(event: Event) => void, (event: Event) => void>();
      this.wrapped.set(type, ofType);
      if (ofType.has(listener)) return;
      const wrapper = (event: Event) => {
        // A close with nothing queued ahead of it is handed on at once.
        if (type === 'close' && this.head === this.queue.length) return listener.call(this, event);
        // Handed on only while it is still listening (a removed listener hears nothing more).
        this.enqueue(() => ofType.get(listener) === wrapper && listener.call(this, event));
      };
      ofType.set(listener, wrapper);
      super.addEventListener(type, wrapper);
    }

    override removeEventListener(type: string, listener: (event: Event) => void): void {
      const wrapper = this.wrapped.get(type)?.get(listener);
      if (!wrapper) return super.removeEventListener(type, listener);
      this.wrapped.get(type)!.delete(listener);
      super.removeEventListener(type, wrapper);
    }

    private enqueue(deliver: () => void): void {
      this.queue.push(deliver);
      if (this.scheduled) return;
      this.scheduled = true;
      later(this.drain);
    }

    private readonly drain = (): void => {
      this.scheduled = false;
      const end = now() + sliceMs;
      try {
        batch(() => {
          while (this.head < this.queue.length) {
            const deliver = this.queue[this.head]!;
            this.head++;
            try {
              deliver();
            } catch (error) {
              report(error);
            }
            if (now() >= end) break;
          }
        });
      } catch (error) {
        // The batch itself failed (a reader of the transaction threw): what is queued still goes on.
        report(error);
      } finally {
        if (this.head === this.queue.length) {
          this.queue.length = 0;
          this.head = 0;
        } else if (!this.scheduled) {
          this.scheduled = true;
          later(this.drain);
        }
      }
    };
  };
}
