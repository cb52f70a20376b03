// Named user actions on an open plan; each is one undoable commit. `editorActions` gives them for
// one editor (tests drive several, as several windows); the exports are the app's (./editor.ts).
import * as ops from '../domain/operations';
import type { CellRef, ItemId, PlanDoc } from '../domain/types';
import { newId } from '../domain/ids';
import { commit } from './editor';

/** What the actions need of an editor: its commit (`PlanEditor.commit`). */
export interface Committing {
  commit(label: string, recipe: (draft: PlanDoc) => void, mergeKey?: string): boolean;
}

export function editorActions(editor: Committing) {
  const c = (label: string, recipe: (draft: PlanDoc) => void, mergeKey?: string) => editor.commit(label, recipe, mergeKey);
  return {
    addItem(text: string, cell: CellRef | null = null, index?: number): ItemId | null {
      const id = newId();
      return c(cell ? 'Ny aktivitet' : 'Nytt inspel', (d) => void ops.addItem(d, { text, cell, index }, id)) ? id : null;
    },

    /** Several new Inspel items at the end of Inspel, in order, as one undoable step. */
    addItems(texts: string[]): ItemId[] | null {
      const ids = texts.map(() => newId());
      return c(`${texts.length} nya inspel`, (d) => texts.forEach((text, i) => void ops.addItem(d, { text }, ids[i]))) ? ids : null;
    },

    moveItem: (id: ItemId, to: CellRef | null, index: number) => c('Flytta', (d) => ops.moveItem(d, id, to, index)),

    updateItem: (id: ItemId, patch: ops.ItemPatch) => c('Ändra aktivitet', (d) => ops.updateItem(d, id, patch)),

    addComment(itemId: ItemId, author: string, text: string, at = new Date()): string | null {
      const id = newId();
      return c('Kommentar', (d) => ops.addComment(d, itemId, { id, author, at: at.toISOString(), text })) ? id : null;
    },

    removeComment: (itemId: ItemId, commentId: string) => c('Ta bort kommentar', (d) => ops.removeComment(d, itemId, commentId)),

    deleteItem: (id: ItemId) => c('Ta bort aktivitet', (d) => ops.deleteItem(d, id)),

    renamePlan: (name: string) => c('Byt namn på planen', (d) => ops.renamePlan(d, name)),

    setVision: (vision: string) => c('Ändra vision', (d) => ops.setVision(d, vision)),

    addBlade(name: string): string | null {
      const id = newId();
      return c('Lägg till fokusområde', (d) => void ops.addBlade(d, name, id)) ? id : null;
    },

    renameBlade: (id: string, name: string) => c('Byt namn på fokusområde', (d) => ops.renameBlade(d, id, name)),

    recolourBlade: (id: string, color: string) => c('Byt färg på fokusområde', (d) => ops.recolourBlade(d, id, color), `colour:${id}`),

    moveBlade: (id: string, index: number) => c('Flytta fokusområde', (d) => ops.moveBlade(d, id, index)),

    removeBlade: (id: string) => c('Ta bort fokusområde', (d) => ops.removeBlade(d, id)),

    addRing(): string | null {
      const id = newId();
      return c('Lägg till ring', (d) => void ops.addRing(d, id)) ? id : null;
    },

    updateRing: (id: string, patch: { label?: string; year?: number | null }) => c('Ändra ring', (d) => ops.updateRing(d, id, patch)),

    removeRing: (id: string) => c('Ta bort ring', (d) => ops.removeRing(d, id)),

    shiftRingYears: (delta: number) => c(delta > 0 ? 'Alla år ett år framåt' : 'Alla år ett år bakåt', (d) => ops.shiftRingYears(d, delta)),

    setDelomradeLimit: (delomradeId: string, limit: number) => c('Ändra gräns', (d) => ops.setDelomradeLimit(d, delomradeId, limit), `limit:${delomradeId}`),
  };
}

export const { addItem, addItems, moveItem, updateItem, addComment, removeComment, deleteItem, renamePlan, setVision, addBlade, renameBlade, recolourBlade, moveBlade, removeBlade, addRing, updateRing, removeRing, shiftRingYears, setDelomradeLimit } = editorActions({ commit });
