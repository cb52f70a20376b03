// What screen readers hear while dragging, in Swedish.
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { containerName, containersOf } from '../domain/containers';
import type { PlanDoc } from '../domain/types';
import type { Slot } from './dragStore';

export const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    'Tryck på mellanslag för att lyfta aktiviteten. Flytta mellan fokusområden med vänster- och högerpil ' +
    '(Inspel ligger efter det sista), mellan ringar med Page Up och Page Down eller Skift och uppåt- eller nedåtpil, ' +
    'och uppåt eller nedåt i listan med uppåt- och nedåtpil. Släpp med mellanslag eller Enter, avbryt med Escape. ' +
    'Tryck Enter utan att lyfta för att öppna aktiviteten.',
};

/** "Nära invånaren, Viktiga milstolpar 2026, plats 2 av 3". */
export function describeSlot(doc: PlanDoc, slot: Slot, originKey: string | null): string {
  const count = containersOf(doc).get(slot.key)?.length ?? 0;
  const size = slot.key === originKey ? count : count + 1;
  return `${containerName(doc, slot.key)}, plats ${slot.index + 1} av ${size}`;
}

export interface AnnouncementSource {
  doc: () => PlanDoc | null;
  origin: () => Slot | null;
  target: () => Slot | null;
  /** The name of what is dragged when it is not an item of the plan (a group from Samla in). */
  name?: () => string | undefined;
}

export function createAnnouncements(src: AnnouncementSource): Announcements {
  const text = (id: string | number) => src.doc()?.items[String(id)]?.text ?? src.name?.() ?? 'Aktiviteten';
  const where = (slot: Slot | null) => {
    const doc = src.doc();
    return doc && slot ? describeSlot(doc, slot, src.origin()?.key ?? null) : 'utanför solfjädern';
  };
  // Only a group from Samla in starts outside the plan.
  const home = () => (src.origin() ? where(src.origin()) : 'Samla in');
  let last = '';
  const moved = (id: string | number) => {
    const now = where(src.target());
    if (now === last) return undefined;
    last = now;
    return `${text(id)} flyttas till ${now}.`;
  };
  return {
    onDragStart: ({ active }) => {
      last = home();
      return `Lyfte ${text(active.id)}. Den ligger i ${last}.`;
    },
    onDragMove: ({ active }) => moved(active.id),
    onDragOver: ({ active }) => moved(active.id),
    onDragEnd: ({ active }) => {
      const target = src.target();
      return target
        ? `${text(active.id)} släpptes i ${where(target)}.`
        : `${text(active.id)} släpptes utanför solfjädern och ligger kvar i ${home()}.`;
    },
    onDragCancel: ({ active }) => `Flytten avbröts. ${text(active.id)} ligger kvar i ${home()}.`,
  };
}
