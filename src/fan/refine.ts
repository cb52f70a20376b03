// Space where the text is: once a geometry is chosen, each blade's ring borders move to where
// its text reads best — fewer, longer lines rather than narrow towers of one or two words
// (a blade near the baseline writes along its axis, so a line is as long as its ring is
// thick). Nothing shown may fold away for it. Pure; see docs/fan-layout.md.
import type { Span } from './angles';
import { flowCell } from './flow';
import { type BladeRadii, boxOf, type FitContext, minThicknessOf, textsOf } from './fit';

/** A hidden item weighs more than any line count a cell could have; a cell that shows none of its items, more than any number hidden. */
const HIDDEN = 1e6;
const NONE_SHOWN = 1e9;
/** Border steps tried, in px, largest first. */
const STEPS = [48, 24, 12, 6];
/** Rounds of border moves per step at most. */
const ROUNDS = 6;

/** How a cell reads: a cell showing nothing first, hidden items next, then the squares of each item's line count (towers cost most). */
function cellCost(ctx: FitContext, spans: Span[], b: number, j: number, r0: number, r1: number, fontSize: number): number {
  const texts = textsOf(ctx, b, j);
  if (texts.length === 0) return 0;
  const flow = flowCell(boxOf(ctx, spans, b, r0, r1), texts, fontSize, ctx.measure, ctx.hyphenate);
  return (flow.items.length === 0 ? NONE_SHOWN : 0) + flow.hidden * HIDDEN + flow.items.reduce((sum, item) => sum + item.lines.length * item.lines.length, 0);
}

/**
 * Each active blade's inner ring borders moved, a step at a time, wherever that lowers the
 * blade's cost (hub and rim stay; every ring keeps its minimum thickness).
 */
export function refineRadii(ctx: FitContext, spans: Span[], radii: BladeRadii, fontSize: number): BladeRadii {
  return radii.map((given, b) => {
    if (!ctx.active[b] || given.length < 3) return given;
    const minThick = minThicknessOf(ctx, spans, b, fontSize);
    const borders = [...given];
    const costs = ctx.rings.map((_, j) => cellCost(ctx, spans, b, j, borders[j]!, borders[j + 1]!, fontSize));
    for (const step of STEPS) {
      for (let round = 0; round < ROUNDS; round++) {
        let moved = false;
        for (let k = 1; k < borders.length - 1; k++) {
          for (const delta of [step, -step]) {
            const at = borders[k]! + delta;
            if (at - borders[k - 1]! < minThick || borders[k + 1]! - at < minThick) continue;
            const inner = cellCost(ctx, spans, b, k - 1, borders[k - 1]!, at, fontSize);
            const outer = cellCost(ctx, spans, b, k, at, borders[k + 1]!, fontSize);
            if (inner + outer < costs[k - 1]! + costs[k]!) {
              borders[k] = at;
              costs[k - 1] = inner;
              costs[k] = outer;
              moved = true;
              break;
            }
          }
        }
        if (!moved) break;
      }
    }
    return borders;
  });
}
