// @vitest-environment jsdom
// Showing the kept screen at the start: only for exactly the plan stored, in this window, by this build.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredRows } from '../db/earlyRead';
import { KEPT_STYLE, SCREEN_SHOWN, type KeptScreen } from './keptScreen';
import { dropKeptScreen, SCREEN_ID, screenFor, showKeptScreen } from './showScreen';

const STYLESHEET = '/assets/index-abc123.css';
const screen: KeptScreen = { html: '<div class="app"><h1>Handlingsplan</h1><div class="bar" data-kept-style="width: 42px;"></div></div>', width: 1366, height: 768, stylesheet: STYLESHEET };
const place = { width: 1366, height: 768, stylesheet: STYLESHEET };

function rows(view: Record<string, unknown> | null, lastSeq = 7): StoredRows {
  return { planRow: { id: 'plan-1' }, updates: [], lastSeq, view, geometries: undefined };
}
const exact = (extra: Record<string, unknown> = {}) => rows({ planId: 'plan-1', seq: 7, plan: {}, items: [], screen, ...extra });

describe('screenFor', () => {
  it('gives the screen kept with a view read from exactly the pieces stored now', () => {
    expect(screenFor(exact(), place)).toBe(screen);
  });

  it('gives none once the plan has changed since, for another plan, without a view or a screen', () => {
    expect(screenFor(rows({ planId: 'plan-1', seq: 6, items: [], screen }), place)).toBeNull();
    expect(screenFor(rows({ planId: 'plan-2', seq: 7, items: [], screen }), place)).toBeNull();
    expect(screenFor(rows(null), place)).toBeNull();
    expect(screenFor(exact({ screen: undefined }), place)).toBeNull();
    expect(screenFor(exact({ screen: { html: 42 } }), place)).toBeNull();
  });

  it('gives none for another window size or another build', () => {
    expect(screenFor(exact(), { ...place, width: 1280 })).toBeNull();
    expect(screenFor(exact(), { ...place, height: 720 })).toBeNull();
    expect(screenFor(exact(), { ...place, stylesheet: '/assets/index-def456.css' })).toBeNull();
    expect(screenFor(exact(), { ...place, stylesheet: null })).toBeNull();
  });
});

describe('showKeptScreen', () => {
  let adopted: CSSStyleSheet[] = [];
  beforeEach(() => {
    vi.stubGlobal('innerWidth', 1366);
    vi.stubGlobal('innerHeight', 768);
    // What a browser has and jsdom lacks: constructed stylesheets adopted by a shadow root, and the link's sheet.
    Object.defineProperty(Document.prototype, 'adoptedStyleSheets', { configurable: true, get: () => [] });
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get: () => adopted,
      set: (sheets: CSSStyleSheet[]) => void (adopted = sheets),
    });
    document.head.innerHTML = `<link rel="stylesheet" href="${STYLESHEET}">`;
    Object.defineProperty(document.querySelector('link')!, 'sheet', { value: { cssRules: [{ cssText: '.app { color: red; }' }] } });
    document.body.innerHTML = '<div id="root"></div>';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (Document.prototype as unknown as Record<string, unknown>).adoptedStyleSheets;
    delete (ShadowRoot.prototype as unknown as Record<string, unknown>).adoptedStyleSheets;
    adopted = [];
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    performance.clearMarks(SCREEN_SHOWN);
  });

  it('covers the page with the kept screen, hidden from screen readers and out of reach, styled by the page', () => {
    expect(showKeptScreen(exact())).toBe(true);
    const host = document.getElementById(SCREEN_ID)!;
    expect(host.getAttribute('aria-hidden')).toBe('true');
    expect(host.hasAttribute('inert')).toBe(true);
    expect(host.style.position).toBe('fixed');
    // Closed: neither the page's scripts nor a test's selectors reach into it.
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector('h1')).toBeNull();
    expect(adopted).toHaveLength(1);
    expect(performance.getEntriesByName(SCREEN_SHOWN)).toHaveLength(1);
    // The live page's root is left as it was, for the app to draw into.
    expect(document.getElementById('root')!.childNodes).toHaveLength(0);
  });

  it('sets the kept inline styles through the CSSOM', () => {
    const attach = vi.spyOn(HTMLElement.prototype, 'attachShadow');
    showKeptScreen(exact());
    const shadow = attach.mock.results[0]!.value as ShadowRoot;
    const bar = shadow.querySelector<HTMLElement>('.bar')!;
    expect(bar.style.width).toBe('42px');
    expect(bar.hasAttribute(KEPT_STYLE)).toBe(false);
    expect(shadow.querySelector('h1')?.textContent).toBe('Handlingsplan');
    attach.mockRestore();
  });

  it('shows nothing once the app has drawn, twice, without rows or for a screen that does not fit', () => {
    document.getElementById('root')!.innerHTML = '<div class="app"></div>';
    expect(showKeptScreen(exact())).toBe(false);
    document.getElementById('root')!.innerHTML = '';
    expect(showKeptScreen(null)).toBe(false);
    expect(showKeptScreen(rows({ planId: 'plan-1', seq: 6, items: [], screen }))).toBe(false);
    expect(document.getElementById(SCREEN_ID)).toBeNull();
    expect(showKeptScreen(exact())).toBe(true);
    expect(showKeptScreen(exact())).toBe(false);
    expect(document.querySelectorAll(`#${SCREEN_ID}`)).toHaveLength(1);
  });

  it('waits for the stylesheet still on its way', () => {
    document.head.innerHTML = `<link rel="stylesheet" href="${STYLESHEET}">`;
    const link = document.querySelector('link')!;
    expect(showKeptScreen(exact())).toBe(false);
    Object.defineProperty(link, 'sheet', { value: { cssRules: [] } });
    link.dispatchEvent(new Event('load'));
    expect(document.getElementById(SCREEN_ID)).not.toBeNull();
  });

  it('goes when the live page draws', () => {
    showKeptScreen(exact());
    dropKeptScreen();
    expect(document.getElementById(SCREEN_ID)).toBeNull();
  });
});
