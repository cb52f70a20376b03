// A generated plan of n items over the cells and Inspel, opened in the running app.
// Runs in the page (page.evaluate(seedPlan, n)); needs the app loaded with ?automation.
// Used by the benchmark and by the browser test at N = 5,000.
/** Replace the open plan by a generated one with n items over the cells and Inspel. */
export function seedPlan(n) {
  const hook = window.__solfjadern;
  const base = hook.editor.getState().doc.plan;
  const planId = crypto.randomUUID();
  const areas = base.catalogue.delomraden.map((d) => d.id);
  const words = 'vård nära invånare samverkan kompetens digital ledarskap plan uppföljning region förvaltning hälsa barn kvalitet'.split(' ');
  const items = {};
  const ranks = new Map();
  for (let i = 0; i < n; i++) {
    const inspel = i % 7 === 0;
    const blade = base.blades[i % base.blades.length].id;
    const ring = base.rings[Math.floor(i / base.blades.length) % base.rings.length].id;
    const cell = inspel ? null : { bladeId: blade, ringId: ring };
    const key = inspel ? 'inspel' : `${blade}|${ring}`;
    const rank = ranks.get(key) ?? 0;
    ranks.set(key, rank + 1);
    const id = crypto.randomUUID();
    const text = `Aktivitet ${i + 1}: ${Array.from({ length: 4 + (i % 7) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ')}`;
    items[id] = {
      id,
      planId,
      text,
      description: '',
      // Every other item in a delområde, so the limits' rule has work to do.
      delomraden: i % 2 === 0 ? [areas[(i / 2) % areas.length]] : [],
      effektmal: [],
      // Every tenth with an indicator (the follow-up report's tables and values).
      indikator: i % 10 === 0 ? { text: `Indikator ${i + 1}`, target: 50, unit: '%' } : { text: '', target: null, unit: '' },
      ansvarsniva: null,
      kalla: '',
      extraChoice: 'auto',
      extra: false,
      status: 'forslag',
      comments: [],
      sources: [],
      cell,
      rank,
    };
  }
  return hook.openNewDoc({ plan: { ...base, id: planId, name: `Benchmark ${n}` }, items }).then(() => planId);
}

