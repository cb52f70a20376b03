// Version 4 → 5: items gain the proposals they were made from ("Samla in"). An older file's
// items were all typed in, with no sources.
import { isRecord, withItemDefaults } from '../records';
import type { Migration } from './index';

export const itemSources: Migration = {
  from: 4,
  name: '0004-item-sources',
  up: (file) => ({
    ...file,
    items: Array.isArray(file.items) ? file.items.map((item: unknown) => (isRecord(item) ? withItemDefaults(item, ['sources']) : item)) : file.items,
  }),
};
