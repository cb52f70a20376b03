// Issue 26: the room's messages are taken in slices — each slice one batch, the page's turn in
// between — in the order they came, and nothing a listener no longer wants.
import { describe, expect, it, vi } from 'vitest';
import { FRAME_WAIT_MS, frameLater } from '../store/afterFrame';
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

/** A page in hand: posted tasks, frames and timers run when the test says. */
function page({ hidden = false } = {}) {
  const posted: Array<() => void> = [];
  const frames = new Map<number, () => void>();
  const timers = new Map<number, () => void>();
  let next = 1;
  const host = {
    hidden,
    post: (task: () => void) => void posted.push(task),
    requestFrame: (callback: () => void) => (frames.set(next, callback), next++),
    cancelFrame: (handle: number) => void frames.delete(handle),
    setTimer: (callback: () => void, ms: number) => (expect(ms).toBe(FRAME_WAIT_MS), timers.set(next, callback), next++),
    clearTimer: (handle: unknown) => void timers.delete(handle as number),
  };
  const later = frameLater({ ...host, hidden: () => host.hidden });
  const runPosted = () => {
    const tasks = posted.splice(0);
    for (const task of tasks) task();
    return tasks.length;
  };
  const drawFrame = () => {
    const callbacks = [...frames.values()];
    frames.clear();
    for (const callback of callbacks) callback();
  };
  const fireTimers = () => {
    const callbacks = [...timers.values()];
    timers.clear();
    for (const callback of callbacks) callback();
  };
  return { later, host, posted, frames, timers, runPosted, drawFrame, fireTimers };
}

describe('the page between slices (frameLater)', () => {
  it('runs the first slice at once, and a slice after a slice only once the next frame is drawn', () => {
    const p = page();
    const ran: string[] = [];
    p.later(() => {
      ran.push('first');
      // The slice had more to do.
      p.later(() => ran.push('second'));
    });
    expect(p.runPosted()).toBe(1);
    expect(ran).toEqual(['first']);
    // Nothing is posted until the page has drawn.
    expect(p.runPosted()).toBe(0);
    expect(ran).toEqual(['first']);
    p.drawFrame();
    expect(p.runPosted()).toBe(1);
    expect(ran).toEqual(['first', 'second']);
    // The fallback timer was dropped with the frame.
    expect(p.timers.size).toBe(0);
  });

  it('after a drawn frame, the next slice runs at once again', () => {
    const p = page();
    const ran: number[] = [];
    p.later(() => ran.push(1));
    p.runPosted();
    p.drawFrame();
    p.later(() => ran.push(2));
    expect(p.runPosted()).toBe(1);
    expect(ran).toEqual([1, 2]);
  });

  it('a hidden tab is not held back: slices follow each other', () => {
    const p = page({ hidden: true });
    const ran: number[] = [];
    p.later(() => {
      ran.push(1);
      p.later(() => ran.push(2));
    });
    p.runPosted();
    p.runPosted();
    expect(ran).toEqual([1, 2]);
    expect(p.timers.size).toBe(0);
  });

  it('a tab hidden while a slice waits for a frame lets it go after FRAME_WAIT_MS', () => {
    const p = page();
    const ran: number[] = [];
    p.later(() => {
      ran.push(1);
      p.later(() => ran.push(2));
    });
    p.runPosted();
    p.host.hidden = true;
    // No frame comes; the timer releases it.
    p.fireTimers();
    expect(p.runPosted()).toBe(1);
    expect(ran).toEqual([1, 2]);
    expect(p.frames.size).toBe(0);
  });

  it('several connections share the frame: their slices wait for it together, in order', () => {
    const p = page();
    const ran: string[] = [];
    p.later(() => ran.push('a1'));
    p.later(() => ran.push('b1'));
    p.runPosted();
    p.later(() => ran.push('a2'));
    p.later(() => ran.push('b2'));
    expect(p.runPosted()).toBe(0);
    p.drawFrame();
    p.runPosted();
    expect(ran).toEqual(['a1', 'b1', 'a2', 'b2']);
  });
});
