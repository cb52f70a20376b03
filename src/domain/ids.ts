/** A new globally unique id (items are stored in one table across plans). */
export function newId(): string {
  return crypto.randomUUID();
}

/**
 * Ids are keys of plain objects (a plan's items): a name Object.prototype already has —
 * "__proto__", "constructor", "toString", "valueOf" … — would read through to it. Such ids
 * are refused wherever ids come from outside (files, storage, logs).
 */
const RESERVED_IDS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const isReservedId = (id: string): boolean => RESERVED_IDS.has(id);
