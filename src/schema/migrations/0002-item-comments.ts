// Version 2 → 3: items gain review comments. An older file's items have none.
import { isRecord, withItemDefaults } from '../records';
import type { Migration } from './index';

export const itemComments: Migration = {
  from: 2,
  name: '0002-item-comments',
  up: (file) => ({
    ...file,
    items: Array.isArray(file.items) ? file.items.map((item: unknown) => (isRecord(item) ? withItemDefaults(item, ['comments']) : item)) : file.items,
  }),
};
