// Version 1 → 2: items gain a review status. Every item of an older file is a proposal.
import type { Migration } from './index';

export const itemStatus: Migration = {
  from: 1,
  name: '0001-item-status',
  up: (file) => ({
    ...file,
    items: Array.isArray(file.items)
      ? file.items.map((item: unknown) =>
          typeof item === 'object' && item !== null && !Array.isArray(item) ? { status: 'forslag', ...item } : item,
        )
      : file.items,
  }),
};
