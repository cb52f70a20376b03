// Issue 26: the room's messages are taken in slices — each slice one batch, the page's turn in
// between — in the order they came, and nothing a listener no longer wants.
import { describe, expect, it, vi } from 'vitest';
import { pacedSocket } from './paced';

/** A socket whose events the test fires (synchronously, as a browser fires several in one task). */
class FakeSocket extends EventTarget {
  constructor(readonly url: string) {
    super();
  }
  fire(type: string, data?: unknown) {
    const event = new Event(type) as Event & { data?: unknown };
    event.data = data;
    this.dispatchEvent(event);
  }
}

/** A paced socket with a clock that moves `cost` ms per message handled, and its later tasks in hand. */
function paced(cost = 0, sliceMs = 8) {
  let clock = 0;
  const tasks: Array<() => void> = [];
  const batches: number[][] = [];
  let current: number[] | null = null;
  const Socket = pacedSocket(
    FakeSocket,
    (apply) => {
      current = [];
      apply();
      batches.push(current);
      current = null;
    },
    { sliceMs, now: () => clock, later: (task) => void tasks.push(task) },
  );
  const socket = new Socket('ws://rum');
  const heard: unknown[] = [];
  const onMessage = (event: Event) => {
    const data = (event as Event & { data: number }).data;
    heard.push(data);
    current?.push(data);
    clock += cost;
  };
  socket.addEventListener('message', onMessage);
  /** Run the waiting tasks, one turn at a time, until none is left; returns how many turns. */
  const run = () => {
    let turns = 0;
    while (tasks.length > 0) {
      tasks.shift()!();
      turns++;
    }
    return turns;
  };
  return { socket, heard, batches, run, onMessage, tasks };
}

describe('a paced socket', () => {
  it('only queues a burst as it arrives, then hands it on in order, each slice in one batch', () => {
    const { socket, heard, batches, run } = paced(1, 8);
    for (let i = 0; i < 50; i++) socket.fire('message', i);
    expect(heard).toEqual([]);
    const turns = run();
    expect(heard).toEqual([...Array(50).keys()]);
    // 1 ms a message and 8 ms a slice: eight messages a slice, a turn of the page between slices.
    expect(batches.map((b) => b.length)).toEqual([8, 8, 8, 8, 8, 8, 2]);
    expect(turns).toBe(7);
  });

  it('hands on a close after the messages ahead of it, and at once when none waits', () => {
    const { socket, heard, run } = paced();
    socket.addEventListener('close', () => heard.push('close'));
    socket.fire('message', 1);
    socket.fire('close');
    socket.fire('message', 2);
    expect(heard).toEqual([]);
    run();
    expect(heard).toEqual([1, 'close', 2]);
    socket.fire('close');
    expect(heard).toEqual([1, 'close', 2, 'close']);
  });

  it('passes other events straight on', () => {
    const { socket, heard } = paced();
    socket.addEventListener('open', () => heard.push('open'));
    socket.fire('open');
    expect(heard).toEqual(['open']);
  });

  it('hands nothing more to a listener removed meanwhile (as a socket would not)', () => {
    const { socket, heard, run, onMessage } = paced();
    socket.fire('message', 1);
    socket.removeEventListener('message', onMessage);
    socket.fire('message', 2);
    run();
    expect(heard).toEqual([]);
  });

  it('goes on past a listener that throws, and reports the error', () => {
    const { socket, heard, run } = paced();
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const saved = globalThis.reportError;
    // Node has no reportError: the error goes to the console.
    (globalThis as { reportError?: unknown }).reportError = undefined;
    socket.addEventListener('message', (event) => {
      if ((event as Event & { data: number }).data === 1) throw new Error('trasig');
    });
    socket.fire('message', 1);
    socket.fire('message', 2);
    run();
    globalThis.reportError = saved;
    expect(heard).toEqual([1, 2]);
    expect(reported).toHaveBeenCalledWith(new Error('trasig'));
    reported.mockRestore();
  });

  it('goes on with what is queued when a batch itself fails (a reader of the transaction threw)', () => {
    const tasks: Array<() => void> = [];
    let calls = 0;
    const Socket = pacedSocket(
      FakeSocket,
      (apply) => {
        apply();
        if (++calls === 1) throw new Error('läsaren föll');
      },
      { sliceMs: 1, now: (() => { let t = 0; return () => (t += 1); })(), later: (task) => void tasks.push(task) },
    );
    const socket = new Socket('ws://rum');
    const heard: unknown[] = [];
    socket.addEventListener('message', (event) => void heard.push((event as Event & { data: number }).data));
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const saved = globalThis.reportError;
    (globalThis as { reportError?: unknown }).reportError = undefined;
    for (let i = 0; i < 3; i++) socket.fire('message', i);
    while (tasks.length > 0) tasks.shift()!();
    globalThis.reportError = saved;
    expect(heard).toEqual([0, 1, 2]);
    expect(reported).toHaveBeenCalledWith(new Error('läsaren föll'));
    reported.mockRestore();
  });
});
