// `GET /health`: what a load balancer or a monitor asks. 200 while the relay can reach its rooms'
// store (and Redis, when it shares rooms through it), else 503 — with how many rooms are open
// and how many connections it holds, never a room's name or anything of a plan.

export interface HealthState {
  rooms: number;
  connections: number;
  /** The rooms' SQLite file answers. */
  store: boolean;
  /** Redis answers; null when the relay shares no rooms through Redis. */
  redis: boolean | null;
}

export interface HealthAnswer {
  status: 200 | 503;
  body: { ok: boolean; rooms: number; connections: number; failing?: Array<'store' | 'redis'> };
}

export function healthAnswer({ rooms, connections, store, redis }: HealthState): HealthAnswer {
  const failing = [...(store ? [] : ['store' as const]), ...(redis === false ? ['redis' as const] : [])];
  if (failing.length === 0) return { status: 200, body: { ok: true, rooms, connections } };
  return { status: 503, body: { ok: false, rooms, connections, failing } };
}
