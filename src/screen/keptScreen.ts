// The screen as it last showed the plan, kept beside its view (src/db/views.ts): the next start
// shows it the moment the early read has it, before the app's code has even run, and the live
// page replaces it as soon as its fan is drawn (./showScreen.ts). A picture of the plan, never a
// model of it: it cannot be clicked, focused or read by a screen reader, and it is only shown
// while the plan's stored pieces are exactly those its view was read from.

/** What a kept screen holds: the page's markup and the conditions it looks right under. */
export interface KeptScreen {
  /** The app's markup (inside #root) as shown, less what only a moment had (dialogs, menus, notices). */
  html: string;
  /** The window's inner size it was laid out for: any other size would show it wrong. */
  width: number;
  height: number;
  /** The app's stylesheet (its address names the build): another build may style it otherwise. */
  stylesheet: string;
}

/** The moment a kept screen is in the page, to be painted in this frame. */
export const SCREEN_SHOWN = 'solfjadern:screen-shown';

export function isKeptScreen(value: unknown): value is KeptScreen {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.html === 'string' && typeof s.width === 'number' && typeof s.height === 'number' && typeof s.stylesheet === 'string';
}

/** The built app's stylesheet, by its address; none in development (Vite injects styles there). */
export function appStylesheet(doc: Document): HTMLLinkElement | null {
  return doc.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href*="/assets/"]');
}

/** `element.style` set from markup under the page's Content-Security-Policy: kept apart, set through the CSSOM. */
export const KEPT_STYLE = 'data-kept-style';
