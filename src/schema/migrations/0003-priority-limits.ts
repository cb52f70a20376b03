// Version 3 → 4: the instruction's limit per delområde becomes plan data, and an item's
// "extra" becomes the user's choice over that limit. An older file's delområden get the
// instruction's limits (five for Nära vård, else three); its items marked extra stay extra,
// the others follow the limits. The defaults themselves live in ../records.ts.
import { isRecord, withAreaLimit, withItemDefaults } from '../records';
import type { Migration } from './index';

export const priorityLimits: Migration = {
  from: 3,
  name: '0003-priority-limits',
  up: (file) => {
    const plan = file.plan;
    const catalogue = isRecord(plan) ? plan.catalogue : undefined;
    const areas = isRecord(catalogue) && Array.isArray(catalogue.delomraden) ? catalogue.delomraden : null;
    return {
      ...file,
      plan:
        isRecord(plan) && isRecord(catalogue) && areas
          ? { ...plan, catalogue: { ...catalogue, delomraden: areas.map((area: unknown) => (isRecord(area) ? withAreaLimit(area) : area)) } }
          : plan,
      items: Array.isArray(file.items) ? file.items.map((item: unknown) => (isRecord(item) ? withItemDefaults(item, ['extraChoice']) : item)) : file.items,
    };
  },
};
