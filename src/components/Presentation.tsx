// Presentera: the fan alone on the projector, in large type, nothing to edit. The arrow keys
// step through the fokusområden — each unfolds in turn — and Escape returns to the editor.
import { useEffect, useRef } from 'react';
import type { PlanDoc } from '../domain/types';
import { ExportMenu } from './ExportMenu';
import { PrintView } from './PrintView';
import { FanView } from '../fan/FanView';
import { PRESENT_FONTS } from '../fan/layout';
import { stopPresenting, useUi } from '../store/ui';


const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

export function Presentation({ doc }: { doc: PlanDoc }) {
  const unfolded = useUi((s) => s.unfoldedBladeId);
  const blades = doc.plan.blades;
  const at = blades.findIndex((b) => b.id === unfolded);
  const exitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Leaving full screen (the browser's own Escape) ends the presentation too.
    const onFullscreen = () => {
      if (!document.fullscreenElement) stopPresenting();
    };
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, []);

  useEffect(() => {
    const step = (to: number) => useUi.setState({ unfoldedBladeId: to < 0 ? null : blades[to]!.id });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stopPresenting();
      else if (NEXT.has(e.key)) step(Math.min(blades.length - 1, at + 1));
      else if (PREVIOUS.has(e.key)) step(Math.max(-1, at - 1));
      else if (e.key === 'Home') step(-1);
      else if (e.key === 'End') step(blades.length - 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [at, blades]);

  useEffect(() => exitRef.current?.focus({ preventScroll: true }), []);

  const where = at < 0 ? 'Hela solfjädern' : `Fokusområde ${at + 1} av ${blades.length}: ${blades[at]!.name}`;
  return (
    <main className="presentation" aria-label={`Presentation: ${doc.plan.name}`}>
      <h1 className="sr-only">{doc.plan.name}</h1>
      <div className="presentation-fan">
        <FanView doc={doc} fonts={PRESENT_FONTS} readOnly />
      </div>
      <p className="presentation-where" role="status">
        {where}
      </p>
      <div className="presentation-bar">
        <span aria-hidden="true">← → byter fokusområde · Esc avslutar</span>
        <div className="presentation-actions">
          <ExportMenu />
          <button ref={exitRef} type="button" onClick={stopPresenting}>
            Avsluta presentationen
          </button>
        </div>
      </div>
      <PrintView />
    </main>
  );
}
