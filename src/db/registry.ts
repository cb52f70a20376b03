// A small list in localStorage of the plans this browser holds (name and item count), kept
// beside IndexedDB. If the browser ever deletes the database (it may, when the disk fills
// up), the next start can say exactly which plans went and how much the write-ahead log
// could bring back — instead of starting quietly from the example plan.
const KEY = 'solfjadern:plans';

export interface KnownPlan {
  name: string;
  items: number;
}

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

export function knownPlans(): Record<string, KnownPlan> {
  let read: unknown = null;
  try {
    read = JSON.parse(storage()?.getItem(KEY) ?? 'null');
  } catch {
    read = null;
  }
  const out: Record<string, KnownPlan> = Object.create(null);
  if (read && typeof read === 'object')
    for (const [id, p] of Object.entries(read as Record<string, unknown>))
      if (p && typeof p === 'object' && typeof (p as KnownPlan).name === 'string' && Number.isSafeInteger((p as KnownPlan).items)) out[id] = { name: (p as KnownPlan).name, items: (p as KnownPlan).items };
  return out;
}

function store(next: Record<string, KnownPlan>): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(next));
  } catch {
    // A full localStorage: the list is a courtesy; IndexedDB is the record.
  }
}

/** The plan is in storage with this name and number of items (written only when that changed). */
export function rememberPlan(id: string, name: string, items: number): void {
  const known = knownPlans();
  const now = known[id];
  if (now && now.name === name && now.items === items) return;
  store({ ...known, [id]: { name, items } });
}

/** The plan was deleted on purpose. */
export function forgetPlan(id: string): void {
  const known = knownPlans();
  if (!(id in known)) return;
  const { [id]: _gone, ...rest } = known;
  store(rest);
}

/** The list is what storage holds now (after the start has compared the two). */
export function setKnownPlans(plans: ReadonlyArray<{ id: string; name: string; itemCount: number }>): void {
  store(Object.fromEntries(plans.map((p) => [p.id, { name: p.name, items: p.itemCount }])));
}
