// Named user actions on the open plan; each is one undoable commit.
import * as ops from '../domain/operations';
import type { CellRef, ItemId } from '../domain/types';
import { newId } from '../domain/ids';
import { commit } from './editor';

export function addItem(text: string, cell: CellRef | null = null, index?: number): ItemId | null {
  const id = newId();
  return commit(cell ? 'Ny aktivitet' : 'Nytt inspel', (d) => void ops.addItem(d, { text, cell, index }, id)) ? id : null;
}

/** Several new Inspel items at the end of Inspel, in order, as one undoable step. */
export function addItems(texts: string[]): ItemId[] | null {
  const ids = texts.map(() => newId());
  return commit(`${texts.length} nya inspel`, (d) => texts.forEach((text, i) => void ops.addItem(d, { text }, ids[i]))) ? ids : null;
}

export const moveItem = (id: ItemId, to: CellRef | null, index: number) =>
  commit('Flytta', (d) => ops.moveItem(d, id, to, index));

export const updateItem = (id: ItemId, patch: ops.ItemPatch) =>
  commit('Ändra aktivitet', (d) => ops.updateItem(d, id, patch));

export function addComment(itemId: ItemId, author: string, text: string, at = new Date()): string | null {
  const id = newId();
  return commit('Kommentar', (d) => ops.addComment(d, itemId, { id, author, at: at.toISOString(), text })) ? id : null;
}

export const removeComment = (itemId: ItemId, commentId: string) =>
  commit('Ta bort kommentar', (d) => ops.removeComment(d, itemId, commentId));

export const deleteItem = (id: ItemId) => commit('Ta bort aktivitet', (d) => ops.deleteItem(d, id));

export const renamePlan = (name: string) => commit('Byt namn på planen', (d) => ops.renamePlan(d, name));

export const setVision = (vision: string) => commit('Ändra vision', (d) => ops.setVision(d, vision));

export function addBlade(name: string): string | null {
  const id = newId();
  return commit('Lägg till fokusområde', (d) => void ops.addBlade(d, name, id)) ? id : null;
}

export const renameBlade = (id: string, name: string) =>
  commit('Byt namn på fokusområde', (d) => ops.renameBlade(d, id, name));

export const recolourBlade = (id: string, color: string) =>
  commit('Byt färg på fokusområde', (d) => ops.recolourBlade(d, id, color), `colour:${id}`);

export const moveBlade = (id: string, index: number) =>
  commit('Flytta fokusområde', (d) => ops.moveBlade(d, id, index));

export const removeBlade = (id: string) => commit('Ta bort fokusområde', (d) => ops.removeBlade(d, id));

export function addRing(): string | null {
  const id = newId();
  return commit('Lägg till ring', (d) => void ops.addRing(d, id)) ? id : null;
}

export const updateRing = (id: string, patch: { label?: string; year?: number | null }) =>
  commit('Ändra ring', (d) => ops.updateRing(d, id, patch));

export const removeRing = (id: string) => commit('Ta bort ring', (d) => ops.removeRing(d, id));

export const shiftRingYears = (delta: number) =>
  commit(delta > 0 ? 'Alla år ett år framåt' : 'Alla år ett år bakåt', (d) => ops.shiftRingYears(d, delta));

export const setDelomradeLimit = (delomradeId: string, limit: number) =>
  commit('Ändra gräns', (d) => ops.setDelomradeLimit(d, delomradeId, limit), `limit:${delomradeId}`);
