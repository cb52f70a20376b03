// Version 2 → 3: items gain review comments. An older file's items have none.
import type { Migration } from './index';

export const itemComments: Migration = {
  from: 2,
  name: '0002-item-comments',
  up: (file) => ({
    ...file,
    items: Array.isArray(file.items)
      ? file.items.map((item: unknown) =>
          typeof item === 'object' && item !== null && !Array.isArray(item) ? { comments: [], ...item } : item,
        )
      : file.items,
  }),
};
