// Which effektmål the plan's placed items serve, and which none does yet.
import { itemsIn } from './containers';
import type { Delomrade, Effektmal, Item, PlanDoc, Ring } from './types';

/** Items placed in the fan (Inspel excluded), fokusområde by fokusområde, ring by ring, by rank. */
export function placedItems(doc: PlanDoc): Item[] {
  const { blades, rings } = doc.plan;
  return blades.flatMap((b) => rings.flatMap((r) => itemsIn(doc, { bladeId: b.id, ringId: r.id })));
}

export interface UncoveredGoal {
  delomrade: Delomrade;
  effektmal: Effektmal;
}

/** Effektmål of the catalogue that no item in the fan links to, in catalogue order. */
export function uncoveredEffektmal(doc: PlanDoc): UncoveredGoal[] {
  const served = new Set(placedItems(doc).flatMap((item) => item.effektmal));
  return doc.plan.catalogue.delomraden.flatMap((delomrade) =>
    delomrade.effektmal.filter((goal) => !served.has(goal.id)).map((effektmal) => ({ delomrade, effektmal })),
  );
}

export interface GoalCoverage {
  effektmal: Effektmal;
  /** Items serving it, ring by ring (rings without any left out), each list by fokusområde and rank. */
  byRing: Array<{ ring: Ring; items: Item[] }>;
  count: number;
}

export interface DelomradeCoverage {
  delomrade: Delomrade;
  goals: GoalCoverage[];
}

/** Every effektmål of the catalogue with the placed items that serve it, by ring. */
export function goalCoverage(doc: PlanDoc): DelomradeCoverage[] {
  const placed = placedItems(doc);
  return doc.plan.catalogue.delomraden.map((delomrade) => ({
    delomrade,
    goals: delomrade.effektmal.map((effektmal) => {
      const serving = placed.filter((item) => item.effektmal.includes(effektmal.id));
      const byRing = doc.plan.rings
        .map((ring) => ({ ring, items: serving.filter((item) => item.cell!.ringId === ring.id) }))
        .filter((group) => group.items.length > 0);
      return { effektmal, byRing, count: serving.length };
    }),
  }));
}

/** Placed items with nothing said about how they are followed up. */
export function itemsWithoutIndikator(doc: PlanDoc): Item[] {
  return placedItems(doc).filter((item) => !item.indikator.text.trim() && item.indikator.target === null);
}
