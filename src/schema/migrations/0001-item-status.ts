// Version 1 → 2: items gain a review status. Every item of an older file is a proposal.
import { isRecord, withItemDefaults } from '../records';
import type { Migration } from './index';

export const itemStatus: Migration = {
  from: 1,
  name: '0001-item-status',
  up: (file) => ({
    ...file,
    items: Array.isArray(file.items) ? file.items.map((item: unknown) => (isRecord(item) ? withItemDefaults(item, ['status']) : item)) : file.items,
  }),
};
