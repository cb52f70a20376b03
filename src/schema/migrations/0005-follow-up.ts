// Version 5 → 6: the plan file carries its follow-up (Uppföljning). An older file was never
// followed up: it gets an empty one.
import type { Migration } from './index';

export const followUp: Migration = {
  from: 5,
  name: '0005-follow-up',
  up: (file) => ({ ...file, followUp: { periods: [], progress: [], measurements: [], judgements: [], performed: [] } }),
};
