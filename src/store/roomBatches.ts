// A room's changes to the open plan, gathered for a moment and handed on as one update (merged
// — proportional to their size), so a burst of thousands of tiny updates is logged, stored and
// passed to the other tabs a few times rather than once per update. The room holds them meanwhile.
import * as Y from 'yjs';

/** Gathered for at most this long … */
export const REMOTE_BATCH_MS = 200;
/**
 * … or until this many have gathered: merging updates costs by how many there are, and a flood
 * of tiny ones from a peer (thousands a second) merged at once held the page for 60 ms; 500 take
 * a few.
 */
export const REMOTE_BATCH_UPDATES = 500;
/**
 * … or until this many bytes have: a large change from the room arrives in pieces of about
 * 15 KB (src/relay/splitUpdate.ts), several a frame; a megabyte of them merged at once held
 * the page for 60 ms.
 */
export const REMOTE_BATCH_BYTES = 256 * 1024;

export class RoomBatches {
  private gathered: { planId: string; updates: Uint8Array[]; bytes: number; timer: ReturnType<typeof setTimeout> } | null = null;

  /** `take` gets each batch: its plan and its updates merged into one. */
  constructor(private readonly take: (planId: string, update: Uint8Array) => void) {}

  /** Gather one update of a plan (a batch of another plan is handed on first). */
  add(planId: string, update: Uint8Array): void {
    if (this.gathered && this.gathered.planId !== planId) this.flush();
    if (this.gathered) this.gathered.updates.push(update);
    else this.gathered = { planId, updates: [update], bytes: 0, timer: setTimeout(() => this.flush(), REMOTE_BATCH_MS) };
    this.gathered.bytes += update.length;
    if (this.gathered.updates.length >= REMOTE_BATCH_UPDATES || this.gathered.bytes >= REMOTE_BATCH_BYTES) this.flush();
  }

  /** Hand on what is gathered, now. */
  flush(): void {
    const gathered = this.gathered;
    this.gathered = null;
    if (!gathered) return;
    clearTimeout(gathered.timer);
    this.take(gathered.planId, gathered.updates.length === 1 ? gathered.updates[0]! : Y.mergeUpdates(gathered.updates));
  }

  /** Forget what is gathered (storage stops: the room still holds it). */
  drop(): void {
    if (this.gathered) clearTimeout(this.gathered.timer);
    this.gathered = null;
  }
}
