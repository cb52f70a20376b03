// The fan layout: plan + size → every shape and text position the view draws.
// Deterministic: the same input always gives the same layout. Blades get angles by what
// they hold, rings radii by what their cells hold; an unfolded blade takes most of the half
// disc while the others fold to their names. See docs/fan-layout.md.
import type { ContainerKey } from '../domain/containers';
import { MAX_BLADES, type Blade, type Ring } from '../domain/types';
import type { Span } from './angles';
import type { CellBox, CellFlow, CellText, TextLine } from './cells';
import { flowAll, type MadeCell, type StoredCell } from './flowAll';
import { type Choice, chooseOverview, chooseUnfolded, foldedShape, fontSteps, frameOf, QUICK_ABOVE, unfoldedBandFont } from './choose';
import { refineRadii } from './refine';
import type { BladeRadii, FitContext } from './fit';
import { sectorPath } from './geometry';
import { bladeLabel, commonBladeFont, foldedBand, foldedLabel, hubText, LABEL_LINE, LEGEND_FONT, RING_ROW, ringLabels } from './labels';
import type { Hyphenator, Measure } from './text';

export { fontSteps };

/** Item text sizes: the editor's, and Presentera's (read from across a room). */
export const EDIT_FONTS = { min: 12, max: 18 };
export const PRESENT_FONTS = { min: 14, max: 30 };

export interface LayoutInput {
  blades: Blade[];
  rings: Ring[];
  vision: string;
  containers: Map<ContainerKey, CellText[]>;
  width: number;
  height: number;
  unfoldedBladeId: string | null;
  measure: Measure;
  /** Swedish hyphenation points; without them words are never broken. */
  hyphenate?: Hyphenator | null;
  /** Item text sizes to choose from (px); the editor's by default. */
  fonts?: { min: number; max: number };
  /** The geometry drawn last: kept while it shows as much, so a drop does not re-flow the fan. */
  previous?: FanGeometry | null;
  /** Geometries kept from earlier page loads: one made for this same input is kept like `previous`. */
  kept?: readonly FanGeometry[];
  /** Cells as drawn when the plan was last shown (src/fan/flowAll.ts): those whose box and texts are the same are not flowed again. */
  keptCells?: ReadonlyMap<string, StoredCell>;
  /** Items can be dropped: a folded blade stays wide enough to drop on (false in Presentera). */
  interactive?: boolean;
  /** Lines for the legend under the fan besides shortened ring names (the review marks' legend). */
  notes?: string[];
  /** Items the user points at: drawn in full wherever their cell can hold them (never behind "+N till"). */
  pinned?: ReadonlySet<string> | null;
  /**
   * Keep `previous` whatever it now folds away, and say so (`provisional`): a change is drawn at
   * once in the fan as it stands, and the search for a better geometry (the slow part: 50–200 ms
   * for a plan of up to 200 items) follows once that is on screen.
   */
  quick?: boolean;
}

export interface BladeShape {
  id: string;
  name: string;
  color: string;
  phi0: number;
  phi1: number;
  /** Folded to its name while another blade is unfolded. */
  folded: boolean;
  /** The clickable label band outside the rings. */
  labelPath: string;
  label: { lines: TextLine[]; fontSize: number };
}

export interface RingShape {
  id: string;
  label: string;
  /** The ring in the first blade (left); each label line carries the stretch it sits under. */
  r0: number;
  r1: number;
  isMalbild: boolean;
  /** Shortened by the visible rule (a year or "Ring n"); the full name is in the legend. */
  short: boolean;
  labels: { lines: Array<{ text: string; x: number; y: number; r0: number; r1: number }>; fontSize: number };
}

export interface CellShape extends CellBox {
  key: ContainerKey;
  bladeId: string;
  ringId: string;
  bladeIndex: number;
  ringIndex: number;
  path: string;
  flow: CellFlow;
  fontSize: number;
  total: number;
}

/** What a later layout may keep: angles, radii and text size. */
export interface FanGeometry {
  key: string;
  spans: Span[];
  radii: BladeRadii;
  fontSize: number;
  bandLines: number;
  hidden: number;
  /** Items in the plan's cells when it was made. */
  total: number;
  /** Lines reserved for the ring legend. */
  legendRows: number;
  /** Arcs kept within this angle of upright, when narrower than usual. */
  tilt?: number;
}

export interface FanLayout {
  width: number;
  height: number;
  cx: number;
  cy: number;
  hubRadius: number;
  outerRadius: number;
  fontSize: number;
  /** Per blade: hub, ring borders, outer (each blade's rings follow what they hold). */
  radii: BladeRadii;
  spans: Span[];
  blades: BladeShape[];
  rings: RingShape[];
  cells: CellShape[];
  hub: { path: string; fontSize: number; lines: Array<{ text: string; x: number; y: number }> };
  /** Full names of shortened ring labels, drawn under them. */
  legend: { fontSize: number; lines: Array<{ text: string; x: number; y: number }> };
  geometry: FanGeometry;
  /** Every cell as made, by its box signature (what storage keeps for the next start). */
  made: ReadonlyMap<string, MadeCell>;
  /** Kept by `quick` where the rule would have searched for another geometry: lay out again without it. */
  provisional: boolean;
}

function geometryKey(input: LayoutInput, fonts: { min: number; max: number }, hyphenated = !!input.hyphenate): string {
  return JSON.stringify([
    input.width,
    input.height,
    input.unfoldedBladeId,
    fonts,
    hyphenated ? 1 : 0,
    input.interactive === false ? 0 : 1,
    input.blades.map((b) => [b.id, b.name]),
    input.rings.map((r) => [r.id, r.label]),
    input.vision,
    input.notes ?? [],
  ]);
}

/** The context with arcs kept within `tilt` of upright (as it was when not given). */
const withTilt = (ctx: FitContext, tilt: number | undefined): FitContext => (tilt === undefined ? ctx : { ...ctx, tilt });

/** What is drawn around the cells. */
type FrameShapes = Pick<FanLayout, 'blades' | 'rings' | 'legend' | 'hub'>;

/** The last layout's frame and what it was made from, per text measure. */
const lastFrame = new WeakMap<Measure, { sig: unknown[]; shapes: FrameShapes }>();

export function computeFanLayout(input: LayoutInput): FanLayout {
  const { width, height, blades, rings, measure } = input;
  const hyphenate = input.hyphenate ?? null;
  const fonts = input.fonts ?? EDIT_FONTS;
  const sizes = fontSteps(fonts);
  const unfolded = blades.findIndex((b) => b.id === input.unfoldedBladeId);
  const ctx: FitContext = { blades, rings, containers: input.containers, measure, hyphenate, active: blades.map((_, b) => unfolded < 0 || b === unfolded) };
  const plainKey = geometryKey(input, fonts);
  const madeFor = (k: string) => (input.previous?.key === k ? input.previous : input.kept?.find((g) => g.key === k));
  // Geometries made for this same input, to keep. Before the hyphenation dictionary has loaded,
  // the one made with it comes first: drawn from its kept cells, the first paint is the picture
  // the plan keeps once the dictionary is here (and that layout then flows nothing again).
  const candidates = [input.hyphenate ? undefined : madeFor(geometryKey(input, fonts, true)), madeFor(plainKey)].filter((g): g is FanGeometry => !!g);
  let key = plainKey;

  // Ring labels take one row under the baseline; shortened ones add their legend below.
  const rows = 1;
  const notes = input.notes ?? [];
  // A kept geometry comes with the legend room it had.
  let legendRows = candidates[0]?.legendRows ?? 0;
  const bottomFor = (legend: number) => RING_ROW + 10 + (legend > 0 ? legend * Math.ceil(LEGEND_FONT * LABEL_LINE) + 4 : 0);
  let frame = frameOf(width, height, bottomFor(legendRows));
  let choice: Choice | null = null;
  let labels = null as ReturnType<typeof ringLabels> | null;
  let keptFlow: ReturnType<typeof flowAll> | null = null;
  const total = [...input.containers.values()].reduce((n, list) => n + list.length, 0);
  let provisional = false;
  for (let pass = 0; pass < 4; pass++) {
    choice = null;
    provisional = false;
    key = plainKey;
    for (const prev of pass === 0 ? candidates : []) {
      if (prev.legendRows !== legendRows) continue;
      // The last geometry stays while no item it showed has to fold away: everything still
      // fits, or no more is hidden than before (and what was added since). A plan too big to
      // show whole keeps it through any change: one more item behind "+N till" among many is
      // better than every sector moving under the room's eyes (and a new search is the slow part).
      const kept = flowAll(input, withTilt(ctx, prev.tilt), prev.spans, prev.radii, prev.fontSize);
      const crowded = total > QUICK_ABOVE && prev.hidden > 0;
      const keeps = kept.hidden === 0 || crowded || kept.hidden <= prev.hidden + Math.max(0, total - prev.total);
      if (keeps || (input.quick && prev === input.previous)) {
        provisional = !keeps;
        choice = { spans: prev.spans, radii: prev.radii, fontSize: prev.fontSize, bandLines: prev.bandLines, shown: -kept.hidden, tilt: prev.tilt };
        keptFlow = kept;
        key = prev.key;
        break;
      }
    }
    if (!choice) {
      const chosen = unfolded >= 0 ? chooseUnfolded(input, ctx, frame, sizes, unfolded) : chooseOverview(input, ctx, frame, sizes);
      // Borders moved to where the text reads best (not for plans too big to show whole).
      choice = total > QUICK_ABOVE || blades.length > 2 * MAX_BLADES ? chosen : { ...chosen, radii: refineRadii(withTilt(ctx, chosen.tilt), chosen.spans, chosen.radii, chosen.fontSize) };
    }
    labels = ringLabels(rings, [choice.radii[0]!, choice.radii.at(-1)!], rows, measure, hyphenate);
    // Room reserved for the legend it needs (a smaller fan may shorten more names: go again).
    const needed = labels.legend.length + notes.length;
    if (needed <= legendRows || pass === 3) break;
    legendRows = needed;
    frame = frameOf(width, height, bottomFor(legendRows));
  }
  const { spans, radii, fontSize } = choice!;
  const outer = radii[0]!.at(-1)!;
  const hub = radii[0]![0]!;

  // The frame around the cells — blades' bands, rings' labels, the hub, the legend — as the last
  // layout made it while what makes it is the same (a move or an edit keeps the geometry), so
  // the components drawing it are not drawn again.
  const colors = blades.map((b) => b.color).join();
  const sig = [key, spans, radii, choice!.bandLines, legendRows, hyphenate, colors, input.vision];
  const last = lastFrame.get(measure);
  const frameShapes = last && last.sig.length === sig.length && last.sig.every((v, i) => v === sig[i]) ? last.shapes : makeFrame();
  lastFrame.set(measure, { sig, shapes: frameShapes });
  const { blades: bladeShapes, rings: ringShapes, legend, hub: hubShape } = frameShapes;

  function makeFrame(): FrameShapes {
    // Names on the band alike: the size the longest (for its blade) fits at.
    const common = unfolded < 0 ? commonBladeFont(blades, spans, outer, choice!.bandLines, measure, hyphenate) || undefined : undefined;
    const bladeShapes: BladeShape[] = blades.map((blade, b) => {
      const [phi0, phi1] = spans[b]!;
      const folded = unfolded >= 0 && b !== unfolded;
      const label = folded
        ? foldedLabel(foldedBand(blade.name, hub, outer, measure, hyphenate, foldedShape(input)), phi0, phi1, outer, measure)
        : bladeLabel(blade, phi0, phi1, outer, choice!.bandLines, measure, hyphenate, unfolded >= 0 ? unfoldedBandFont(input) : common);
      return { id: blade.id, name: blade.name, color: blade.color, phi0, phi1, folded, labelPath: sectorPath(phi0, phi1, outer, frame.total), label };
    });

    const ringShapes: RingShape[] = rings.map((ring, j) => {
      // Under the baseline: the first blade's stretch on the left, the last blade's on the right.
      const [r0, r1] = [radii[0]![j]!, radii[0]![j + 1]!];
      const [q0, q1] = [radii.at(-1)![j]!, radii.at(-1)![j + 1]!];
      const label = labels!.rings[j]!;
      const lh = label.fontSize * LABEL_LINE;
      const lines = label.texts.flatMap((text, i) => {
        const y = 6 + label.fontSize * 0.9 + i * lh;
        return [
          { text, x: -(r0 + r1) / 2, y, r0, r1 },
          { text, x: (q0 + q1) / 2, y, r0: q0, r1: q1 },
        ];
      });
      return { id: ring.id, label: ring.label, r0, r1, isMalbild: j === rings.length - 1, short: label.short, labels: { fontSize: label.fontSize, lines } };
    });
    const legendTop = 6 + RING_ROW + 6;
    const legend = {
      fontSize: LEGEND_FONT,
      lines: [...labels!.legend, ...notes].map((text, i) => ({ text, x: 0, y: legendTop + LEGEND_FONT * 0.9 + i * LEGEND_FONT * LABEL_LINE })),
    };
    const hubLabel = hubText(input.vision, hub, measure, hyphenate) ?? { fontSize: 10, lines: [{ text: input.vision, x: 0, y: -10 }] };
    return { blades: bladeShapes, rings: ringShapes, legend, hub: { path: sectorPath(0, Math.PI, 0, hub), fontSize: hubLabel.fontSize, lines: hubLabel.lines } };
  }

  const flowed = keptFlow && keptFlow.spans === spans ? keptFlow : flowAll(input, withTilt(ctx, choice!.tilt), spans, radii, fontSize);
  const { cells, hidden } = flowed;

  return {
    width,
    height,
    cx: frame.cx,
    cy: frame.cy,
    hubRadius: hub,
    outerRadius: outer,
    fontSize,
    radii,
    spans,
    blades: bladeShapes,
    rings: ringShapes,
    cells,
    hub: hubShape,
    legend,
    geometry: { key, legendRows, spans, radii, fontSize, bandLines: choice!.bandLines, hidden, total, tilt: choice!.tilt },
    made: flowed.made,
    provisional,
  };
}
