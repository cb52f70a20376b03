// Showing the kept screen (./keptScreen.ts) at the start, from the early read's rows, before
// the app's code runs; dropping it once the live page draws the plan. Part of the page's first
// script (src/early.ts): plain DOM, nothing else.
import type { StoredRows } from '../db/earlyRead';
import { appStylesheet, isKeptScreen, KEPT_STYLE, SCREEN_SHOWN, type KeptScreen } from './keptScreen';

/** The kept screen's host element (its content is in a closed shadow root). */
export const SCREEN_ID = 'kept-screen';
/** Should the live page never draw (a hang), the picture goes after this long all the same. */
const GIVE_UP_MS = 10_000;

interface Place {
  width: number;
  height: number;
  /** The address of the stylesheet this page loaded. */
  stylesheet: string | null;
}

/**
 * The kept screen to show for the rows read early, or null: only for a view read from exactly the
 * plan's stored pieces (nothing changed since, here or in another tab), laid out for this window's
 * size, by this build's stylesheet.
 */
export function screenFor(rows: StoredRows, place: Place): KeptScreen | null {
  const view = rows.view as { planId?: unknown; seq?: unknown; screen?: unknown } | null;
  const planRow = rows.planRow as { id?: unknown } | null;
  if (!view || typeof view !== 'object' || !planRow || view.planId !== planRow.id || view.seq !== rows.lastSeq) return null;
  const screen = view.screen;
  if (!isKeptScreen(screen)) return null;
  return screen.width === place.width && screen.height === place.height && screen.stylesheet === place.stylesheet ? screen : null;
}

/**
 * Show the kept screen of the rows read early, unless the app has already drawn something. It
 * covers the page, cannot be clicked, focused or read by a screen reader (inert, aria-hidden,
 * in a closed shadow root), until `dropKeptScreen`. Returns whether it showed.
 */
export function showKeptScreen(rows: StoredRows | null, doc: Document = document): boolean {
  const root = doc.getElementById('root');
  const link = appStylesheet(doc);
  const win = doc.defaultView;
  if (!rows || !root || root.hasChildNodes() || !link || !win || doc.getElementById(SCREEN_ID)) return false;
  if (!link.sheet) {
    // The stylesheet is still on its way: show once it is there (if the app has not drawn by then).
    link.addEventListener('load', () => showKeptScreen(rows, doc), { once: true });
    return false;
  }
  if (typeof win.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in win.Document.prototype)) return false;
  const screen = screenFor(rows, { width: win.innerWidth, height: win.innerHeight, stylesheet: link.getAttribute('href') });
  if (!screen) return false;
  const host = doc.createElement('div');
  host.id = SCREEN_ID;
  host.setAttribute('inert', '');
  host.setAttribute('aria-hidden', 'true');
  Object.assign(host.style, { position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'hidden', cursor: 'progress' });
  const shadow = host.attachShadow({ mode: 'closed' });
  // The page's own rules (a shadow root does not see them), read from the loaded stylesheet.
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(Array.from(link.sheet.cssRules, (rule) => rule.cssText).join('\n'));
  shadow.adoptedStyleSheets = [sheet];
  const inner = doc.createElement('div');
  inner.id = 'root';
  inner.innerHTML = screen.html;
  for (const element of inner.querySelectorAll<HTMLElement | SVGElement>(`[${KEPT_STYLE}]`)) {
    element.style.cssText = element.getAttribute(KEPT_STYLE) ?? '';
    element.removeAttribute(KEPT_STYLE);
  }
  shadow.append(inner);
  doc.body.append(host);
  performance.mark(SCREEN_SHOWN);
  win.setTimeout(() => dropKeptScreen(doc), GIVE_UP_MS);
  return true;
}

/** The live page shows the plan (or cannot): the kept screen goes, in the same frame. */
export function dropKeptScreen(doc: Document = document): void {
  doc.getElementById(SCREEN_ID)?.remove();
}
