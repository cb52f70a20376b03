// Version 3 → 4: the instruction's limit per delområde becomes plan data, and an item's
// "extra" becomes the user's choice over that limit. An older file's delområden get the
// instruction's limits (five for Nära vård, else three); its items marked extra stay extra,
// the others follow the limits.
import { instructionLimit } from '../../domain/priorities';
import type { Migration } from './index';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const priorityLimits: Migration = {
  from: 3,
  name: '0003-priority-limits',
  up: (file) => {
    const plan = file.plan;
    const catalogue = isObject(plan) ? plan.catalogue : undefined;
    const areas = isObject(catalogue) && Array.isArray(catalogue.delomraden) ? catalogue.delomraden : null;
    return {
      ...file,
      plan:
        isObject(plan) && isObject(catalogue) && areas
          ? {
              ...plan,
              catalogue: {
                ...catalogue,
                delomraden: areas.map((area: unknown) => (isObject(area) ? { limit: instructionLimit(area), ...area } : area)),
              },
            }
          : plan,
      items: Array.isArray(file.items)
        ? file.items.map((item: unknown) => (isObject(item) ? { extraChoice: item.extra === true ? 'extra' : 'auto', ...item } : item))
        : file.items,
    };
  },
};
