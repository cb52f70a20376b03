// Which effektmål the plan's placed items serve, and which none does yet.
import { itemsIn } from './containers';
import type { Delomrade, Effektmal, Item, PlanDoc } from './types';

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
