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
import { type FollowUp, remapFollowUp } from './followup';

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
  return duplicateWithIds(doc, name, now).doc;
}

/** The same, with each old item id's new one (for what refers to items: the follow-up). */
export function duplicateWithIds(doc: PlanDoc, name: string, now = new Date()): { doc: PlanDoc; ids: Map<string, string> } {
  const planId = newId();
  const items: Record<string, Item> = {};
  const ids = new Map<string, string>();
  for (const item of Object.values(doc.items)) {
    const id = newId();
    ids.set(item.id, id);
    items[id] = { ...clone(item), id, planId };
  }
  return { doc: { plan: { ...clone(doc.plan), id: planId, name, createdAt: now.toISOString() }, items }, ids };
}

/** A copy of a plan with its follow-up, whose records now refer to the copy's items. */
export function duplicateWithFollowUp(doc: PlanDoc, followUp: FollowUp, name: string, now = new Date()): { doc: PlanDoc; followUp: FollowUp } {
  const copy = duplicateWithIds(doc, name, now);
  return { doc: copy.doc, followUp: remapFollowUp(followUp, copy.ids) };
}
