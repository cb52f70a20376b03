// The worker that merges a plan's stored pieces (./compaction.ts), off the page's thread. It
// opens the page's database by name (the same build, so the same schema) and answers each
// request by its number.
import { compactIn } from './compaction';
import { openDb, type SolfjadernDb } from './db';

export interface CompactRequest {
  id: number;
  dbName: string;
  planId: string;
}

export interface CompactAnswer {
  id: number;
  ok: boolean;
}

const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<CompactRequest>) => void) | null; postMessage(answer: CompactAnswer): void };
const databases = new Map<string, SolfjadernDb>();

scope.onmessage = ({ data: { id, dbName, planId } }) => {
  const d = databases.get(dbName) ?? openDb(dbName);
  databases.set(dbName, d);
  compactIn(d, planId).then(
    () => scope.postMessage({ id, ok: true }),
    () => scope.postMessage({ id, ok: false }),
  );
};
