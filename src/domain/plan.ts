// Building whole plans: the built-in example, an empty template, a duplicate.
import {
  DEFAULT_BLADES,
  DEFAULT_CATALOGUE,
  DEFAULT_RINGS,
  EXAMPLE_ITEMS,
  EXAMPLE_PLAN_NAME,
  EXAMPLE_VISION,
} from './example';
import { newId } from './ids';
import { settleExtras } from './priorities';
import type { Item, PlanDoc } from './types';

const clone = <T>(value: T): T => structuredClone(value);

function basePlan(name: string, now: Date): PlanDoc {
  return {
    plan: {
      id: newId(),
      name,
      vision: EXAMPLE_VISION,
      blades: clone(DEFAULT_BLADES),
      rings: clone(DEFAULT_RINGS),
      catalogue: clone(DEFAULT_CATALOGUE),
      createdAt: now.toISOString(),
    },
    items: {},
  };
}

export function createExampleDoc(now = new Date(), name = EXAMPLE_PLAN_NAME): PlanDoc {
  const doc = basePlan(name, now);
  for (const [bladeId, rings] of Object.entries(EXAMPLE_ITEMS)) {
    for (const [ringId, entries] of Object.entries(rings)) {
      entries.forEach((entry, rank) => {
        const id = newId();
        doc.items[id] = {
          id,
          planId: doc.plan.id,
          text: entry.text,
          description: '',
          delomraden: entry.delomraden ?? [],
          effektmal: entry.effektmal ?? [],
          indikator: {
            text: entry.indikator?.text ?? '',
            target: entry.indikator?.target ?? null,
            unit: entry.indikator?.unit ?? '',
          },
          ansvarsniva: 'KL HoS',
          kalla: 'KL HoS',
          extraChoice: 'auto',
          extra: false,
          status: 'forslag',
          comments: [],
          sources: [],
          cell: { bladeId, ringId },
          rank,
        };
      });
    }
  }
  settleExtras(doc);
  return doc;
}

export function createEmptyDoc(name: string, now = new Date()): PlanDoc {
  return basePlan(name, now);
}

/** A deep copy with a new plan id and new item ids. */
export function duplicateDoc(doc: PlanDoc, name: string, now = new Date()): PlanDoc {
  const planId = newId();
  const items: Record<string, Item> = {};
  for (const item of Object.values(doc.items)) {
    const id = newId();
    items[id] = { ...clone(item), id, planId };
  }
  return { plan: { ...clone(doc.plan), id: planId, name, createdAt: now.toISOString() }, items };
}
