// Texts a peer wrote longer than the file format allows are read cut (src/schema/repair.ts); the
// honest copies also write the cut text back, so the excess leaves the document — and, once
// stored pieces are re-encoded, every IndexedDB and the relay's file (nothing keeps 30 MB that
// only 10,000 characters of can ever show).
import type * as Y from 'yjs';
import { LIMITS } from '../domain/limits';
import { MAX_COMMENT_LENGTH, type PlanDoc } from '../domain/types';
import { isRecord } from '../schema/records';
import { commentMap, isYMap, itemMap } from './shape';

const ITEM_TEXTS = { text: LIMITS.itemText, description: LIMITS.description } as const;

/** Write back, as read, every text of the document longer than its limit. Returns how many. */
export function healOversized(ydoc: Y.Doc, doc: PlanDoc): number {
  let healed = 0;
  itemMap(ydoc).forEach((entry, id) => {
    const item = doc.items[id];
    if (!isYMap(entry) || !item) return;
    for (const [field, max] of Object.entries(ITEM_TEXTS) as Array<[keyof typeof ITEM_TEXTS, number]>) {
      const raw = entry.get(field);
      if (typeof raw === 'string' && raw.length > max) {
        entry.set(field, item[field].slice(0, max));
        healed++;
      }
    }
  });
  const comments = commentMap(ydoc);
  comments.forEach((raw, id) => {
    if (isRecord(raw) && typeof raw.text === 'string' && raw.text.length > MAX_COMMENT_LENGTH) {
      comments.set(id, { ...raw, text: raw.text.slice(0, MAX_COMMENT_LENGTH) });
      healed++;
    }
  });
  return healed;
}
