// Two tabs on the same plan: each change of a plan's document is sent to the other tabs
// (BroadcastChannel), which apply it to theirs. A tab that opens a plan asks the others for what
// they have, so a change still on its way to storage is not missed. Every message carries the
// format of the document its tab writes: a tab of an older format reads, never writes, a plan a
// newer tab has open (src/ydoc/format.ts).
import { FORMAT } from '../ydoc/format';

export const TAB_ID = crypto.randomUUID();

export type TabMessage =
  | { from: string; format: number; kind: 'update'; planId: string; update: Uint8Array }
  | { from: string; format: number; kind: 'hello'; planId: string };

const channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('solfjadern-plan');

export function sendUpdate(planId: string, update: Uint8Array): void {
  channel?.postMessage({ from: TAB_ID, format: FORMAT, kind: 'update', planId, update } satisfies TabMessage);
}

export function sayHello(planId: string): void {
  channel?.postMessage({ from: TAB_ID, format: FORMAT, kind: 'hello', planId } satisfies TabMessage);
}

export function onTabMessage(handler: (message: TabMessage) => void): () => void {
  if (!channel) return () => {};
  const listener = (event: MessageEvent<TabMessage>) => {
    const message = event.data;
    if (message && typeof message === 'object' && message.from !== TAB_ID && typeof message.planId === 'string') handler(message);
  };
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}
