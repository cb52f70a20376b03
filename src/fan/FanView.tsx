// Draws the fan the layout describes. No geometry here: only SVG for the shapes.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { containersOf } from '../domain/containers';
import { isFiltering, matchingIds } from '../domain/filter';
import { notesOfLists } from '../domain/review';
import { MAX_BLADES, type PlanDoc } from '../domain/types';
import type { CellText } from './cells';
import { useDrawnLists } from './drawnLists';
import { registerFan } from '../dnd/fanRegistry';
import { takeFocusOnShow, toggleUnfold, useUi } from '../store/ui';
import { useDrag } from '../dnd/dragStore';
import { BladeLabel, FoldedBladeName } from './BladeLabel';
import { FanFrame } from './FanFrame';
import { DropIndicator } from './DropIndicator';
import { usePointed } from './pointed';
import { FanCell } from './FanCell';
import { swedishHyphenator, loadSwedishHyphenator } from './hyphenate';
import { EDIT_FONTS } from './layout';
import { FONT_STACK } from './measure';
import { useFanLayout } from './useFanLayout';
import { keptSize } from './keptGeometry';
import type { Hyphenator } from './text';
import { useFanZoom } from './useFanZoom';
import { withProgress } from './progress';
import { useFollowedPeriod } from '../store/followedPeriod';
import { useEditor } from '../store/editor';
import { dropKeptScreen } from '../screen/showScreen';

export const FAN_DRAWN = 'solfjadern:fan-drawn';

/**
 * The element's size, known before each paint. `guess` is what the first pass draws with (the
 * size the plan was last drawn at): the ResizeObserver's first report, after the frame's layout
 * and before its paint, corrects it at once if it was wrong. Without a guess the element is
 * measured as soon as it is in the page (a layout of the page without the fan, then another).
 */
function useSize(ref: React.RefObject<HTMLElement | null>, guess: () => { width: number; height: number } | null) {
  const [first] = useState(guess);
  const [size, setSize] = useState(first ?? { width: 0, height: 0 });
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    let corrected = first === null;
    const update = () => {
      const { width, height } = node.getBoundingClientRect();
      const next = (s: { width: number; height: number }) => (s.width === Math.floor(width) && s.height === Math.floor(height) ? s : { width: Math.floor(width), height: Math.floor(height) });
      // A wrong guess is drawn again before the frame is painted; later sizes as React schedules them.
      if (corrected) setSize(next);
      else flushSync(() => setSize(next));
      corrected = true;
    };
    if (!first) update();
    const observer = new ResizeObserver(update);
    observer.observe(node);
    return () => observer.disconnect();
  }, [ref, first]);
  return size;
}

const zoomTransform = (view: { x: number; y: number }, scale: number) =>
  view.x === 0 && view.y === 0 && scale === 1 ? undefined : `translate(${view.x},${view.y}) scale(${scale})`;

/** The Swedish hyphenation dictionary: loaded after the first paint, then the fan lays out again with it. */
function useHyphenator(): Hyphenator | null {
  const [hyphenate, setHyphenate] = useState(swedishHyphenator);
  useEffect(() => {
    if (hyphenate) return;
    let live = true;
    // Asked for in the next task: the first paint's own task is long enough.
    const timer = setTimeout(() => void loadSwedishHyphenator().then((h) => live && setHyphenate(() => h)));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [hyphenate]);
  return hyphenate;
}

/** The legend of the review marks the fan's items carry, as the layout's notes (a stable array while it reads the same). */
function useMarksLegend(lists: ReadonlyMap<string, readonly CellText[]>): string[] {
  const text = useMemo(() => notesOfLists(lists).join('\n'), [lists]);
  return useMemo(() => (text ? text.split('\n') : []), [text]);
}

/**
 * The fan. `fonts` are the item text sizes to choose from (Presentera: large type for a
 * projector); `readOnly` draws items that cannot be moved or opened.
 */

/** More fokusområden than this (three times what a plan may have) are not drawn as a fan. */
export const MAX_DRAWN_BLADES = 3 * MAX_BLADES;
export function FanView({
  doc,
  fonts = EDIT_FONTS,
  readOnly = false,
  minWidth = 0,
  progress = true,
}: {
  doc: PlanDoc;
  fonts?: { min: number; max: number };
  readOnly?: boolean;
  /** Laid out at least this wide, shown smaller to fit (a phone: the whole fan as a picture; zoom in to read). */
  minWidth?: number;
  /** Each item's progress in the period followed up is drawn (not for a saved version: it has no follow-up of its own). */
  progress?: boolean;
}) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useSize(wrapRef, () => (minWidth > 0 ? null : keptSize(doc.plan.id, fonts, !readOnly)));
  const zoom = useFanZoom(svgRef, size.width, size.height);
  // Semantic zoom: the fan is laid out for the zoomed size (more room, the same text size) —
  // and never narrower than `minWidth`, shrunk to fit until the zoom makes room for it.
  const fit = Math.max(1, minWidth / Math.max(1, size.width * zoom.laidOut));
  const width = Math.floor(size.width * zoom.laidOut * fit + 1e-6);
  const height = Math.floor(size.height * zoom.laidOut * fit + 1e-6);
  /** Screen pixels per layout unit while a gesture has not settled yet. */
  const scale = zoom.view.k / (zoom.laidOut * fit);
  const hyphenate = useHyphenator();
  const unfoldedBladeId = useUi((s) => s.unfoldedBladeId);
  const marked = useUi((s) => s.highlight?.ids ?? null);
  const filter = useUi((s) => s.filter);
  const shown = useMemo(() => (isFiltering(filter) ? matchingIds(doc, filter) : null), [doc, filter]);
  const changes = useUi((s) => (readOnly ? null : (s.diff?.marks ?? null)));
  const followUp = useEditor((s) => s.followUp);
  const followed = useFollowedPeriod();
  const period = progress ? followed : null;
  // What the fan draws of the items: a change it does not draw (a description) reaches no cell.
  const plain = useDrawnLists(containersOf(doc));
  // Uppföljning: each item with its progress in the period followed up, and the marks' legend.
  const withMarks = useMemo(() => withProgress(plain, followUp, period, doc.plan.rings), [plain, followUp, period, doc.plan.rings]);
  const containers = withMarks.containers;
  const selected = useUi((s) => s.selectedItemId);
  // What the user points at is drawn in full, never behind "+N till".
  const pinned = usePointed(doc.items, { filterMatches: shown, highlighted: marked, compared: changes, selected });
  const { blades, rings, vision, id: planId } = doc.plan;
  const reviewNotes = useMarksLegend(plain);
  const notes = useMemo(() => (withMarks.legend ? [...reviewNotes, withMarks.legend] : reviewNotes), [reviewNotes, withMarks.legend]);
  // While something is dragged, the layer over the fan takes the pointer (see .fan-overlay in styles.css).
  const dragging = useDrag((s) => s.activeId !== null);

  // A plan flooded with fokusområden (a peer added a thousand) is not drawn: its layout alone
  // would hold the page for seconds. Everything stays in Tabell; the plan asks for some to go.
  const drawable = blades.length <= MAX_DRAWN_BLADES;
  const input = useMemo(
    () =>
      !drawable || width < 200 || height < 200
        ? null
        : { blades, rings, vision, containers, width, height, unfoldedBladeId, hyphenate, fonts, interactive: !readOnly, notes, pinned },
    [drawable, blades, rings, vision, containers, width, height, unfoldedBladeId, hyphenate, fonts, readOnly, notes, pinned],
  );
  const layout = useFanLayout(input, planId, readOnly, svgRef);

  // Items folded behind "+N till" are listed for screen readers once the fan is on screen,
  // so the first paint of a big plan does not wait for them: two frames on, not in the task
  // after the first — a thousand folded items (~200 ms to list, ~150 ms to lay out at 1,000
  // items) came before the plan's document was read, and it was ready 190–360 ms later.
  const [listFolded, setListFolded] = useState(false);
  useEffect(() => {
    if (!layout || listFolded) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => (timer = setTimeout(() => setListFolded(true), 0)))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [layout, listFolded]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!layout || !svg || readOnly) return;
    const { x: tx, y: ty } = zoom.view;
    registerFan({
      layout,
      toLocal: (p) => {
        const box = svg.getBoundingClientRect();
        return { x: (p.x - box.left - tx) / scale - layout.cx, y: (p.y - box.top - ty) / scale - layout.cy };
      },
      toClient: (p) => {
        const box = svg.getBoundingClientRect();
        return { x: (p.x + layout.cx) * scale + tx + box.left, y: (p.y + layout.cy) * scale + ty + box.top };
      },
    });
    return () => registerFan(null);
  }, [layout, readOnly, scale, zoom.view]);

  // The benchmark's "drawn": the first fan of this page load is in the page, to be painted in
  // this frame (the blank page it is compared with marks the same moment).
  // The kept screen shown until now (src/screen/showScreen.ts) goes in the same frame.
  useLayoutEffect(() => {
    if (!layout || !svgRef.current) return;
    dropKeptScreen();
    if (performance.getEntriesByName(FAN_DRAWN).length === 0) performance.mark(FAN_DRAWN);
  }, [layout]);

  // + / − zoom about the middle, 0 shows the whole fan again (not while typing).
  const { zoomBy, reset } = zoom;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.ctrlKey || e.metaKey || e.altKey || target.closest('input, textarea, select, [contenteditable], dialog')) return;
      if (e.key === '+' || e.key === '=') zoomBy(1.5);
      else if (e.key === '-' || e.key === '−') zoomBy(1 / 1.5);
      else if (e.key === '0') reset();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [zoomBy, reset]);

  // Coming from the table: focus the item selected there, unfolding its blade if the item
  // is folded away behind "+N till".
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (readOnly) return;
    pendingFocus.current = takeFocusOnShow();
  }, [readOnly]);
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id || !layout) return;
    const drawn = layout.cells.some((c) => c.flow.items.some((s) => s.id === id));
    const item = doc.items[id];
    if (drawn) {
      pendingFocus.current = null;
      useDrag.setState({ focusId: id });
    } else if (item?.cell && useUi.getState().unfoldedBladeId !== item.cell.bladeId) {
      toggleUnfold(item.cell.bladeId);
    } else {
      pendingFocus.current = null;
    }
  }, [layout, doc.items]);

  const ringLabel = (id: string) => rings.find((r) => r.id === id)?.label ?? '';

  return (
    <div className="fan-wrap" ref={wrapRef}>
      {!drawable && (
        <p className="fan-too-many" role="status">
          Planen har {blades.length} fokusområden – för många för att rita solfjädern. Alla aktiviteter finns i Tabell; ta bort fokusområden under Fokusområden och ringar.
        </p>
      )}
      {layout && (
        <svg
          ref={svgRef}
          className="fan"
          width={size.width}
          height={size.height}
          viewBox={`0 0 ${size.width} ${size.height}`}
          role="group"
          aria-label={`Solfjäder: ${doc.plan.name}`}
          aria-keyshortcuts="+ - 0"
          fontFamily={FONT_STACK}
          data-font-size={layout.fontSize}
          data-hyphenated={hyphenate !== null}
          data-zoom={zoom.laidOut}
          // A zoomed fan follows the keyboard: what gets focus is panned into view.
          onFocus={(e) => zoom.reveal((e.target as Element).getBoundingClientRect())}
        >
          <g className="fan-zoom" transform={zoomTransform(zoom.view, scale)} data-layout-width={layout.width} data-layout-height={layout.height}>
          <g transform={`translate(${layout.cx},${layout.cy})`}>
            {layout.blades.map((blade, b) => (
              // One group per fokusområde: its name (which unfolds it), then its rings' lists.
              <g key={blade.id} role="group" aria-label={blade.name}>
                <BladeLabel blade={blade} expanded={unfoldedBladeId === blade.id} />
                {layout.cells
                  .filter((cell) => cell.bladeIndex === b)
                  .map((cell) => (
                    <FanCell
                      key={cell.key}
                      cell={cell}
                      color={blade.color}
                      rings={rings.length}
                      name={`${blade.name}, ${ringLabel(cell.ringId)}`}
                      fontSize={cell.fontSize}
                      listFolded={listFolded}
                      readOnly={readOnly}
                      marked={marked}
                      shown={shown}
                      changes={changes}
                    />
                  ))}
                {blade.folded && <FoldedBladeName blade={blade} />}
              </g>
            ))}
            <FanFrame hub={layout.hub} rings={layout.rings} legend={layout.legend} outerRadius={layout.outerRadius} />
          </g>
          </g>
        </svg>
      )}
      {layout && !readOnly && (
        // Where a drop would land, drawn over the fan on a layer of its own: a pointer moving
        // across a big plan repaints this marker alone, not the thousands of texts under it.
        <svg className={`fan-overlay${dragging ? ' is-dragging' : ''}`} width={size.width} height={size.height} viewBox={`0 0 ${size.width} ${size.height}`} aria-hidden="true" focusable="false">
          <g transform={zoomTransform(zoom.view, scale)}>
            <g transform={`translate(${layout.cx},${layout.cy})`}>
              <DropIndicator layout={layout} />
            </g>
          </g>
        </svg>
      )}
      {zoom.view.k > 1.01 && (
        <div className="zoom-status" role="status">
          Zoom {Math.round(zoom.view.k * 100)} %{' '}
          <button type="button" onClick={reset} aria-keyshortcuts="0">
            Visa hela
          </button>
        </div>
      )}
    </div>
  );
}
