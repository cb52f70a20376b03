// What the relay says when it refuses or limits someone, without flooding the log a person reads:
// each refusal is a line — up to REFUSALS_A_WINDOW of one reason in a window (ten seconds); past
// that they are counted and said in one line when the window is up. A limit hit (a flood of
// messages, too many connections) is said at most once every ten seconds per what hit it.
import type { RelayLog } from './log';

/** Refusals of one reason logged one by one in a window; the rest are counted in one line. */
const REFUSALS_A_WINDOW = 20;
/** A limit hit by the same key is said again only after this long. */
const LIMIT_SAID_EVERY_MS = 10_000;

type Fields = Record<string, string | number>;

export function refusalLog(log: RelayLog, windowMs = 10_000) {
  const windows = new Map<string, { lines: number; more: number; timer: ReturnType<typeof setTimeout> }>();
  /** When a limit was last logged, per what hit it. */
  const lastSaid = new Map<string, number>();
  return {
    /** A connection or message refused, for `reason`. */
    refused(reason: string, fields: Fields = {}): void {
      let window = windows.get(reason);
      if (!window) {
        const opened = {
          lines: 0,
          more: 0,
          timer: setTimeout(() => {
            windows.delete(reason);
            if (opened.more > 0) log.warn('refused', { reason, more: opened.more, within: `${Math.round(windowMs / 1000)}s` });
          }, windowMs),
        };
        opened.timer.unref();
        windows.set(reason, (window = opened));
      }
      if (window.lines >= REFUSALS_A_WINDOW) return void window.more++;
      window.lines++;
      log.warn('refused', { reason, ...fields });
    },
    /** A limit hit by `key` (an address and room, a room, the relay): `event` said once in a while. */
    limitHit(key: string, event: string, fields: Fields): void {
      const now = Date.now();
      if (now - (lastSaid.get(key) ?? 0) < LIMIT_SAID_EVERY_MS) return;
      lastSaid.set(key, now);
      log.warn(event, fields);
    },
    /** Stop the windows' timers (the relay closes; what they counted is not said). */
    close(): void {
      for (const window of windows.values()) clearTimeout(window.timer);
    },
  };
}
