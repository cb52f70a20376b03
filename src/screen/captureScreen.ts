// Keeping the screen (./keptScreen.ts): a copy of the app's markup as it shows the plan now.
import { appStylesheet, KEPT_STYLE, type KeptScreen } from './keptScreen';

/**
 * What only a moment had, or only a screen reader gets (the kept screen is hidden from them
 * anyway): a dialog, a menu, a tooltip, the messages over the fan's corner, text for screen
 * readers, the items folded behind "+N till" (unseen, and at 1,000 items two thirds of the page's
 * elements). A banner that takes room (read-only, a panel that failed) stays: the next start
 * shows it too, and the fan must not move when the live page takes over.
 */
const NOT_KEPT = 'dialog, [role="dialog"], [role="menu"], [role="tooltip"], .sr-only, .stage-notes > *, .folded-items';

/**
 * The app's screen as it is now, for the next start to show first; null where it cannot be shown
 * again (no built stylesheet: development, tests) or not yet as it settles (the fan before its
 * hyphenation). Call only while the page shows the plan as the next start opens it
 * (src/store/ui.ts, `isStartView`).
 */
export function captureScreen(doc: Document = document, win: Pick<Window, 'innerWidth' | 'innerHeight'> = window): KeptScreen | null {
  const root = doc.getElementById('root');
  const stylesheet = appStylesheet(doc)?.getAttribute('href');
  if (!root || !stylesheet || !root.firstElementChild) return null;
  // A fan still to be laid out again with the Swedish hyphenation is not the fan the page settles on.
  if (root.querySelector('svg.fan:not([data-hyphenated="true"])')) return null;
  const copy = root.cloneNode(true) as HTMLElement;
  for (const element of copy.querySelectorAll(NOT_KEPT)) element.remove();
  // The zoom the fan was left at: the next start begins with the whole fan.
  for (const element of copy.querySelectorAll('.fan-zoom[transform]')) element.removeAttribute('transform');
  for (const element of copy.querySelectorAll('[style]')) {
    element.setAttribute(KEPT_STYLE, element.getAttribute('style') ?? '');
    element.removeAttribute('style');
  }
  return { html: copy.innerHTML, width: win.innerWidth, height: win.innerHeight, stylesheet };
}
