// The relay's log: one line per event, for a person reading it or a log collector keeping it.
// `<time> <event> key=value …` — never a plan's content, a room's key or a room's own name
// (rooms are named by a short hash of it), never an address a person connected from.
//   LOG=quiet   only what needs someone's attention (a damaged rooms file, Redis gone, …)
import { createHash } from 'node:crypto';

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface RelayLog {
  /** Something that happened as it should (started, a room opened or closed). */
  info(event: string, fields?: LogFields): void;
  /** Something someone may need to act on, or a participant refused or limited. */
  warn(event: string, fields?: LogFields): void;
}

/** A value as written in a line: bare when it has no space, quote or equals sign, else as JSON. */
function valueText(value: Exclude<LogValue, undefined>): string {
  const text = String(value);
  return text !== '' && /^[^\s"=]+$/u.test(text) ? text : JSON.stringify(text);
}

/** One event as one line. */
export function logLine(event: string, fields: LogFields = {}, at: Date = new Date()): string {
  const parts = [at.toISOString(), event];
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) parts.push(`${key}=${valueText(value)}`);
  return parts.join(' ').replace(/[\r\n]+/g, ' ');
}

/** A room as the log names it: 12 hex digits of a hash of its name, the same on every relay. */
export const roomTag = (name: string): string => createHash('sha256').update(name).digest('hex').slice(0, 12);

/** The log as `LOG` asks for: every event (the default) or, with `quiet`, warnings only. */
export function consoleLog(mode: string | undefined, out: (line: string) => void = (line) => console.log(line), err: (line: string) => void = (line) => console.error(line)): RelayLog {
  const quiet = mode === 'quiet';
  return {
    info: (event, fields) => {
      if (!quiet) out(logLine(event, fields));
    },
    warn: (event, fields) => err(logLine(event, fields)),
  };
}

/** A log that keeps its lines (tests read them). */
export function memoryLog(): RelayLog & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (event, fields) => void lines.push(logLine(event, fields)),
    warn: (event, fields) => void lines.push(logLine(event, fields)),
  };
}
