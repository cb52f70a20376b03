// Two tabs on the same plan: after each write a tab tells the others which rows changed
// (BroadcastChannel); they read those rows back from IndexedDB and show them.
import type { Item, Plan } from '../domain/types';

export const TAB_ID = crypto.randomUUID();

export interface SavedMessage {
  from: string;
  planId: string;
  plan: boolean;
  items: string[];
}

const channel: BroadcastChannel | null = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('solfjadern');

export function announceSaved(planId: string, touched: { plan: boolean; items: Set<string> }): void {
  const message: SavedMessage = { from: TAB_ID, planId, plan: touched.plan, items: [...touched.items] };
  channel?.postMessage(message);
}

export function onOtherTabSaved(handler: (message: SavedMessage) => void): () => void {
  if (!channel) return () => {};
  const listener = (event: MessageEvent<SavedMessage>) => {
    if (event.data?.from !== TAB_ID) handler(event.data);
  };
  channel.addEventListener('message', listener);
  return () => channel.removeEventListener('message', listener);
}

export interface RemoteRows {
  plan: Plan | null;
  items: Record<string, Item | null>;
}
