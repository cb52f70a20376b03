// The plan as a Yjs document: what lives where. One document is one plan, alone or in a room.
//
//   plan    Y.Map   id, name, vision, createdAt, recipient, catalogue (plain values); format
//                   (the document's layout, ./format.ts)
//   blades  Y.Map   blade id → { name, color, pos }      order by (pos, id)
//   rings   Y.Map   ring id  → { label, year, pos }      order by (pos, id)
//   items   Y.Map   item id  → Y.Map of its fields, each written whole (two people changing
//                   different fields of one item both keep theirs); `place` = { cell, pos } is
//                   one value, so a move is one write and an item moved by two people at once
//                   ends up in one place. A field at its default is not written (smaller, and
//                   faster to load).
//   comments Y.Map  comment id → { itemId, author, at, text } — at the top, not inside the item,
//                   so two people writing an item's first comments at once both keep theirs
//   dots    Y.Map   dot id   → { participant, itemId, at }   (Prioritera)
//   voting  Y.Map   dots (per participant)
//   periods, progress, measurements, judgements, performed
//           Y.Map   Uppföljning's records, one entry each (./followUp.ts)
//
// Derived values (an item's rank and `extra`) are never stored: they follow from the rest.
import * as Y from 'yjs';
import { ITEM_BLANKS } from '../schema/records';

export const planMap = (doc: Y.Doc) => doc.getMap<unknown>('plan');
export const bladeMap = (doc: Y.Doc) => doc.getMap<unknown>('blades');
export const ringMap = (doc: Y.Doc) => doc.getMap<unknown>('rings');
export const itemMap = (doc: Y.Doc) => doc.getMap<unknown>('items');
export const dotMap = (doc: Y.Doc) => doc.getMap<unknown>('dots');
export const votingMap = (doc: Y.Doc) => doc.getMap<unknown>('voting');
export const commentMap = (doc: Y.Doc) => doc.getMap<unknown>('comments');

/** An item's own fields held as plain values (each written whole; the last writer wins per field). */
export const ITEM_VALUES = ['text', 'description', 'delomraden', 'effektmal', 'indikator', 'ansvarsniva', 'kalla', 'extraChoice', 'status', 'sources'] as const;
export type ItemValue = (typeof ITEM_VALUES)[number];

/** What an item field is when the document does not have it. */
export const ITEM_VALUE_DEFAULTS: { [F in ItemValue]?: () => unknown } = ITEM_BLANKS;

/** Whether `value` is the field's default (then a new item does not write it). */
export function isDefault(field: ItemValue, value: unknown): boolean {
  const make = ITEM_VALUE_DEFAULTS[field];
  return !!make && JSON.stringify(make()) === JSON.stringify(value);
}

export interface Place {
  cell: { bladeId: string; ringId: string } | null;
  pos: string;
}

export const isYMap = (value: unknown): value is Y.Map<unknown> => value instanceof Y.Map;

/**
 * Who made a change that removes (client id → { name, at }): written with such a change, in the
 * same transaction, so the others can say who it was. A peer that does not write it is "okänd".
 */
export const authorMap = (doc: Y.Doc) => doc.getMap<unknown>('authors');
