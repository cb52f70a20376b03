// The plan as a Yjs document: what lives where. One document is one plan, alone or in a room.
//
//   plan    Y.Map   id, name, vision, createdAt, recipient, catalogue (plain values; format)
//   blades  Y.Map   blade id → { name, color, pos }      order by (pos, id)
//   rings   Y.Map   ring id  → { label, year, pos }      order by (pos, id)
//   items   Y.Map   item id  → Y.Map of its fields; `place` = { cell, pos } is one value, so a
//                   move is one write and an item moved by two people at once ends up in one
//                   place; `comments` is a Y.Map (comment id → { author, at, text }), so two
//                   people commenting at once both keep theirs
//   dots    Y.Map   dot id   → { participant, itemId, at }   (Prioritera)
//   voting  Y.Map   dots (per participant)
//
// Derived values (an item's rank and `extra`) are never stored: they follow from the rest.
import * as Y from 'yjs';

/** The layout of the document; a later change of layout migrates from this number. */
export const FORMAT = 1;

export const planMap = (doc: Y.Doc) => doc.getMap<unknown>('plan');
export const bladeMap = (doc: Y.Doc) => doc.getMap<unknown>('blades');
export const ringMap = (doc: Y.Doc) => doc.getMap<unknown>('rings');
export const itemMap = (doc: Y.Doc) => doc.getMap<unknown>('items');
export const dotMap = (doc: Y.Doc) => doc.getMap<unknown>('dots');
export const votingMap = (doc: Y.Doc) => doc.getMap<unknown>('voting');

/** An item's own fields held as plain values (each written whole; the last writer wins per field). */
export const ITEM_VALUES = ['text', 'description', 'delomraden', 'effektmal', 'indikator', 'ansvarsniva', 'kalla', 'extraChoice', 'status', 'sources'] as const;
export type ItemValue = (typeof ITEM_VALUES)[number];

export interface Place {
  cell: { bladeId: string; ringId: string } | null;
  pos: string;
}

export const isYMap = (value: unknown): value is Y.Map<unknown> => value instanceof Y.Map;
