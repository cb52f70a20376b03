// The fan's layout while it is on screen. Its geometry (angles, radii, text size) is kept across
// changes — people keep their place — and across page loads (./keptGeometry.ts). A change is
// drawn at once in the geometry as it stands; when that folds away items the rule would not
// (./layout.ts, `quick`), the search for a better geometry — the slow part, 50–200 ms for a plan of
// up to 200 items — runs once the change is on screen, and the fan moves to what it finds.
import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { keepCells, keepGeometry, keptCells, keptGeometries } from './keptGeometry';
import { computeFanLayout, type FanGeometry, type FanLayout, type LayoutInput } from './layout';
import { browserMeasure } from './measure';

export const LAYOUT_MEASURE = 'solfjadern:layout';

/** What the fan shows, laid out (the geometry, the measure and what is kept are this hook's). */
export type FanInput = Omit<LayoutInput, 'measure' | 'previous' | 'kept' | 'keptCells' | 'quick'>;

/** Same plan shape and screen, other angles, radii or text size. */
function movedGeometry(a: FanGeometry, b: FanGeometry): boolean {
  return a.key === b.key && (a.fontSize !== b.fontSize || a.radii.some((rs, i) => rs.some((r, j) => r !== b.radii[i]?.[j])) || a.spans.some((s, i) => s[1] !== b.spans[i]![1]));
}

function fadeInText(svg: SVGSVGElement): void {
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  for (const node of svg.querySelectorAll('.fan-item, .more, .blade-label text, .ring-labels')) {
    node.animate?.([{ opacity: 0 }, { opacity: 1 }], { duration: 260, easing: 'ease-out' });
  }
}

interface Kept {
  /** The settled geometry drawn last, and the plan it was drawn for. */
  geometry: FanGeometry | null;
  planId: string | null;
}

function laidOut(input: FanInput, kept: Kept, planId: string, readOnly: boolean, quick: boolean): FanLayout {
  const start = performance.now();
  const result = computeFanLayout({
    ...input,
    measure: browserMeasure(),
    previous: kept.geometry,
    quick,
    // Opening a plan: the geometry it had when last drawn here, if made for this same screen.
    ...(readOnly || (kept.geometry && kept.planId === planId) ? {} : { kept: keptGeometries(planId), keptCells: keptCells(planId) }),
  });
  // The layout's own cost, for the benchmark (a bounded record).
  if (performance.getEntriesByName(LAYOUT_MEASURE).length > 500) performance.clearMeasures(LAYOUT_MEASURE);
  performance.measure(LAYOUT_MEASURE, { start });
  return result;
}

/** The fan's layout for `input` (null: nothing to lay out); `svg` fades its text in where a new geometry moved it. */
export function useFanLayout(input: FanInput | null, planId: string, readOnly: boolean, svg: RefObject<SVGSVGElement | null>): FanLayout | null {
  const kept = useRef<Kept>({ geometry: null, planId: null });
  /** The layout drawn at once whose geometry is to be searched for again, once it is on screen. */
  const [searchFor, setSearchFor] = useState<FanLayout | null>(null);
  const quick = useMemo(() => (input ? laidOut(input, kept.current, planId, readOnly, true) : null), [input, planId, readOnly]);
  const searched = useMemo(
    () => (input && quick?.provisional && searchFor === quick ? laidOut(input, kept.current, planId, readOnly, false) : null),
    [input, planId, readOnly, quick, searchFor],
  );
  const layout = searched ?? quick;

  useEffect(() => {
    if (!quick?.provisional) return;
    // After the next frame: the change is drawn first.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setSearchFor(quick), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [quick]);

  const keptText = useRef('');
  useEffect(() => {
    if (!layout) return;
    const before = kept.current.geometry;
    // A provisional geometry is not what the next layout keeps or the search starts from (it
    // folds more away than the rule allows), nor what storage keeps for the next start.
    if (layout.provisional) return;
    kept.current = { geometry: layout.geometry, planId };
    if (!readOnly) {
      const text = JSON.stringify(layout.geometry);
      if (text !== keptText.current) {
        keptText.current = text;
        keepGeometry(planId, layout.geometry);
      }
      keepCells(planId, layout.made);
    }
    // The geometry changed under the same plan shape (a cell no longer fitted): the sectors
    // move to their new shape (a CSS transition) and the text fades in where it now stands.
    if (before && svg.current && movedGeometry(before, layout.geometry)) fadeInText(svg.current);
  }, [layout, planId, readOnly, svg]);
  return layout;
}
