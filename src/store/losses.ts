// Large changes from elsewhere — many items, a blade or a ring removed, a flood of new blades —
// are said with who made them and "Återställ", which brings back what went (one undoable step
// of this window, for everyone in the room) and keeps everything done since. Changes a few
// seconds apart add up, so one deletion at a time is seen too: each open plan keeps a
// `LossLedger` of what changes from elsewhere took lately.
import * as Y from 'yjs';
import { addLosses, bringBack, describeLosses, isLarge, lossesBetween, stillLost, type Losses } from '../domain/losses';
import type { PlanDoc } from '../domain/types';
import { isRecord } from '../schema/records';
import type { ChangedTypes } from '../ydoc/binding';
import { authorMap } from '../ydoc/shape';
import type { Notice } from './editorState';

/** Losses this far apart are told apart. */
const WINDOW_MS = 15_000;

const hasAny = (l: Losses) => l.items.length + l.blades.length + l.rings.length + l.addedBlades.length + l.addedRings.length + l.moved.length > 0;

/** The names a change from elsewhere (one or several transactions) carries for what it removed. */
export function authorsOf(changed: ChangedTypes, ydoc: Y.Doc): string[] {
  const map = authorMap(ydoc);
  let keys: ReadonlySet<string | null> | undefined;
  changed.forEach((touched, type) => {
    if ((type as unknown) === map) keys = touched;
  });
  if (!keys) return [];
  const names: string[] = [];
  for (const key of keys) {
    const value = key === null ? undefined : map.get(key);
    if (isRecord(value) && typeof value.name === 'string' && value.name.trim()) names.push(value.name.trim().slice(0, 80));
  }
  return names;
}

/** Stamp a change of this window that removes something with this person's name. */
export function stampAuthor(ydoc: Y.Doc, name: string): void {
  authorMap(ydoc).set(String(ydoc.clientID), { name: name.trim().slice(0, 80) || 'Okänd', at: new Date().toISOString() });
}

const listNames = (names: string[]) => (names.length <= 1 ? names[0]! : `${names.slice(0, -1).join(', ')} och ${names.at(-1)}`);

/** How a ledger says something: the open plan's notice bar. */
export type Say = (kind: Notice['kind'], text: string, action?: Notice['action']) => void;

/** What changes from elsewhere took from one open plan lately, and who made them. */
export class LossLedger {
  private ledger: { losses: Losses; who: Set<string>; from: 'tab' | 'room'; at: number } | null = null;

  constructor(private readonly say: Say) {}

  /** A fresh start (another plan opened). */
  forget(): void {
    this.ledger = null;
  }

  /**
   * Note a change from elsewhere (`prev` → `next`); when what it took away adds up to something
   * large, say it with "Återställ". Returns whether it said something.
   */
  note(prev: PlanDoc, next: PlanDoc, from: 'tab' | 'room', who: string[], restore: (losses: Losses) => boolean): boolean {
    const found = lossesBetween(prev, next);
    if (!hasAny(found)) return false;
    const now = Date.now();
    const last = this.ledger;
    const ledger =
      !last || last.from !== from || now - last.at > WINDOW_MS
        ? { losses: found, who: new Set(who), from, at: now }
        : { losses: addLosses(stillLost(last.losses, next), found), who: new Set([...last.who, ...who]), from, at: now };
    this.ledger = ledger;
    if (!isLarge(ledger.losses)) return false;
    const names = [...ledger.who];
    const subject = names.length > 0 ? `${listNames(names)}${from === 'tab' ? ' (i en annan flik)' : ''}` : from === 'tab' ? 'En annan flik' : 'En deltagare utan namn i rummet';
    const losses = ledger.losses;
    this.say('error', `${subject} ${describeLosses(losses)}.`, {
      label: 'Återställ',
      run: () => {
        if (!restore(losses)) return;
        this.ledger = null;
        this.say('info', from === 'room' ? 'Det som togs bort är tillbaka – för alla i rummet. Ångra tar bort det igen.' : 'Det som togs bort är tillbaka. Ångra tar bort det igen.');
      },
    });
    return true;
  }
}

export { bringBack };
