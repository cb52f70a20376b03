// Zoom and pan for the fan (d3-zoom binds the gestures; React draws). Semantic zoom: once a
// gesture settles, the fan is laid out again for the zoomed size, so cells grow and folded
// items unfold while the text keeps its size. During the gesture the last layout is simply
// scaled, which is cheap.
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useRef, useState } from 'react';

// d3-zoom (with d3-selection and d3-transition) loads after the first paint: nobody zooms before it.
type ZoomModules = [typeof import('d3-selection'), typeof import('d3-zoom')];
let modules: Promise<ZoomModules> | null = null;
const loadZoom = () => (modules ??= Promise.all([import('d3-selection'), import('d3-zoom')]));
let loaded: ZoomModules | null = null;

export const MAX_ZOOM = 4;
/** After this long without a zoom event the fan is laid out again at the new scale. */
const SETTLE_MS = 160;

export interface FanZoom {
  /** The current transform of base (unzoomed) coordinates: screen = base × k + (x, y). */
  view: { k: number; x: number; y: number };
  /** The scale the fan is laid out for (semantic zoom); drawn scaled by view.k / laidOut meanwhile. */
  laidOut: number;
  /** Zoom by a factor about the middle of the fan (keyboard + / −). */
  zoomBy: (factor: number) => void;
  /** Back to the whole fan (keyboard 0). */
  reset: () => void;
  /** Pan so a screen rectangle (a focused item) is inside the view. */
  reveal: (rect: DOMRect) => void;
}

/** Parts of the fan a pointer press belongs to (drag an item, unfold a blade), not to panning. */
const OWN_GESTURES = '.fan-item, .more, .blade-label';

export function useFanZoom(svg: React.RefObject<SVGSVGElement | null>, width: number, height: number): FanZoom {
  const [view, setView] = useState({ k: 1, x: 0, y: 0 });
  const [laidOut, setLaidOut] = useState(1);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const current = useRef<ZoomTransform | null>(null);
  const [ready, setReady] = useState(loaded !== null);
  useEffect(() => {
    if (ready) return;
    let live = true;
    // Asked for in the next task: the first paint's own task is long enough.
    const timer = setTimeout(() =>
      void loadZoom().then((m) => {
        loaded = m;
        if (live) setReady(true);
      }),
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ready]);

  useEffect(() => {
    const node = svg.current;
    if (!node || width === 0 || height === 0 || !ready || !loaded) return;
    const [{ select }, { zoom: d3zoom, zoomIdentity }] = loaded;
    current.current ??= zoomIdentity;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const zoom = d3zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .extent([
        [0, 0],
        [width, height],
      ])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey; // Ctrl+scroll, and a trackpad's pinch
        if (event.type === 'dblclick') return false;
        if (event.type === 'touchstart') {
          const touches = (event as TouchEvent).touches.length;
          return touches >= 2 || (current.current!.k > 1 && !(event.target as Element).closest?.(OWN_GESTURES));
        }
        // A mouse drag pans a zoomed fan from its background; items, "+N till" and blade names keep theirs.
        const mouse = event as MouseEvent;
        return mouse.button === 0 && current.current!.k > 1 && !(mouse.target as Element).closest?.(OWN_GESTURES);
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        current.current = event.transform;
        setView({ k: event.transform.k, x: event.transform.x, y: event.transform.y });
        clearTimeout(timer);
        timer = setTimeout(() => setLaidOut(current.current!.k), SETTLE_MS);
      });
    behaviour.current = zoom;
    const selection = select(node);
    selection.call(zoom);
    // Keep the transform across a resize (the extent changed): clamp it into the new one.
    selection.call(zoom.transform, current.current);
    return () => {
      clearTimeout(timer);
      selection.on('.zoom', null);
    };
  }, [svg, width, height, ready]);

  const zoomBy = useCallback(
    (factor: number) => {
      const node = svg.current;
      if (node && behaviour.current && loaded) loaded[0].select(node).call(behaviour.current.scaleBy, factor, [width / 2, height / 2]);
    },
    [svg, width, height],
  );
  const reset = useCallback(() => {
    const node = svg.current;
    if (node && behaviour.current && loaded) loaded[0].select(node).call(behaviour.current.transform, loaded[1].zoomIdentity);
  }, [svg]);
  const reveal = useCallback(
    (rect: DOMRect) => {
      const node = svg.current;
      const zoom = behaviour.current;
      const k = current.current?.k ?? 1;
      if (!node || !zoom || !loaded || k === 1) return;
      const box = node.getBoundingClientRect();
      const margin = 24;
      let dx = 0;
      let dy = 0;
      if (rect.left < box.left + margin) dx = box.left + margin - rect.left;
      else if (rect.right > box.right - margin) dx = box.right - margin - rect.right;
      if (rect.top < box.top + margin) dy = box.top + margin - rect.top;
      else if (rect.bottom > box.bottom - margin) dy = box.bottom - margin - rect.bottom;
      // translateBy works in base units: a screen distance divided by the scale.
      if (dx || dy) loaded[0].select(node).call(zoom.translateBy, dx / k, dy / k);
    },
    [svg],
  );
  return { view, laidOut, zoomBy, reset, reveal };
}
