// Blade angles by content: a blade gets a share of the half disc in proportion to the text
// it holds (dampened by `power`), never below a floor, so an empty blade is still a target.
// An unfolded blade takes what its folded neighbours (name bands) leave.

export type Span = [number, number];

/** Spans over [0, PI] from shares that sum to 1, left to right. */
export function spansOf(shares: number[]): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const share of shares) {
    const end = start + Math.PI * share;
    spans.push([start, end]);
    start = end;
  }
  // Exact ends, so a point on the baseline is never lost to rounding.
  spans[0]![0] = 0;
  spans[spans.length - 1]![1] = Math.PI;
  return spans;
}

/**
 * Shares proportional to `needs ** power`, each at least `floor` of an even share
 * ("water filling": blades below the floor are raised, the rest shrink in proportion).
 */
export function contentShares(needs: number[], power: number, floor = 0.55): number[] {
  const n = needs.length;
  const raw = needs.map((v) => Math.max(v, 1e-9) ** power);
  const min = floor / n;
  const fixed = new Set<number>();
  for (let round = 0; round < n; round++) {
    const free = raw.reduce((sum, v, i) => (fixed.has(i) ? sum : sum + v), 0);
    const room = 1 - fixed.size * min;
    let changed = false;
    raw.forEach((v, i) => {
      if (!fixed.has(i) && (v / free) * room < min) {
        fixed.add(i);
        changed = true;
      }
    });
    if (!changed) return raw.map((v, i) => (fixed.has(i) ? min : (v / free) * room));
  }
  return raw.map(() => 1 / n);
}

/** The unfolded blade gets everything the others' bands (`folded[i]`, radians) leave. */
export function unfoldedSpans(folded: number[], unfolded: number): Span[] {
  const rest = Math.PI - folded.reduce((sum, w, i) => (i === unfolded ? sum : sum + w), 0);
  return spansOf(folded.map((w, i) => (i === unfolded ? rest : w) / Math.PI));
}

/**
 * Shares that make the fan smallest for its fullest cells: a ring is as large as its
 * fullest cell needs (need ÷ angle), and the sum over rings is minimised. At the optimum
 * each angle goes with the square root of the needs it binds (Lagrange), so iterate:
 * weigh each cell by how close it is to binding its ring (a soft maximum), set angles to
 * the square roots, damped. The floor comes last.
 */
export function balancedShares(needs: number[][], floor = 0.55, rounds = 24): number[] {
  const blades = needs.length;
  const rings = needs[0]?.length ?? 0;
  if (blades === 0 || rings === 0) return needs.map(() => 1 / Math.max(blades, 1));
  const SHARPNESS = 12;
  let angles = needs.map(() => 1 / blades);
  for (let k = 0; k < rounds; k++) {
    const bound = needs.map(() => 0);
    for (let j = 0; j < rings; j++) {
      const ratios = needs.map((row, b) => row[j]! / angles[b]!);
      const top = Math.max(...ratios);
      if (top <= 0) continue;
      const weights = ratios.map((r) => (r / top) ** SHARPNESS);
      const sum = weights.reduce((a, w) => a + w, 0);
      needs.forEach((row, b) => (bound[b]! += (weights[b]! / sum) * row[j]!));
    }
    const next = bound.map((c) => Math.sqrt(Math.max(c, 1e-9)));
    const total = next.reduce((a, v) => a + v, 0);
    angles = angles.map((a, b) => Math.sqrt(a * (next[b]! / total)));
    const norm = angles.reduce((x, v) => x + v, 0);
    angles = angles.map((a) => a / norm);
  }
  return contentShares(angles, 1, floor);
}
