// @vitest-environment jsdom
// Keeping the screen: the app's markup as shown, less what only a moment had.
import { afterEach, describe, expect, it } from 'vitest';
import { captureScreen } from './captureScreen';
import { KEPT_STYLE } from './keptScreen';

const STYLESHEET = '/assets/index-abc123.css';
const size = { innerWidth: 1366, innerHeight: 768 };

function page(body: string, stylesheet: string | null = STYLESHEET): void {
  document.head.innerHTML = stylesheet ? `<link rel="stylesheet" href="${stylesheet}">` : '';
  document.body.innerHTML = `<div id="root">${body}</div>`;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('captureScreen', () => {
  it('keeps the markup shown, the window size and the stylesheet it was laid out with', () => {
    page('<div class="app"><header><h1 class="plan-name">Handlingsplan</h1></header><main><svg class="fan" data-hyphenated="true"><g class="fan-item"><text>Ett inspel</text></g></svg></main></div>');
    const screen = captureScreen(document, size)!;
    expect(screen).toMatchObject({ width: 1366, height: 768, stylesheet: STYLESHEET });
    const kept = document.createElement('div');
    kept.innerHTML = screen.html;
    expect(kept.querySelector('h1.plan-name')?.textContent).toBe('Handlingsplan');
    expect(kept.querySelector('svg.fan .fan-item text')?.textContent).toBe('Ett inspel');
  });

  it('leaves out dialogs, menus, the messages over the fan, screen-reader text and the folded items', () => {
    page(
      `<div class="app">
        <div role="menu"><button>Exportera</button></div>
        <dialog open>Redigera</dialog>
        <div role="dialog">Rum</div>
        <div class="readonly-banner" role="alert">Planen är sparad av en nyare version</div>
        <span class="sr-only">För skärmläsare</span>
        <div class="stage-notes"><p class="notice">Sparad i en annan flik</p></div>
        <svg class="fan" data-hyphenated="true"><g class="fan-zoom" transform="translate(10,20) scale(2)"><foreignObject class="folded-items"><div class="folded-list"><div class="folded-item" role="listitem">Dolt</div></div></foreignObject><text>Synligt</text></g></svg>
      </div>`,
    );
    const kept = document.createElement('div');
    kept.innerHTML = captureScreen(document, size)!.html;
    expect(kept.querySelector('[role="menu"], dialog, [role="dialog"], .sr-only, .folded-items, .folded-item, .notice')).toBeNull();
    // A banner that takes room stays (the next start shows it too; the fan must not move).
    expect(kept.querySelector('.readonly-banner')).not.toBeNull();
    // The notes' place stays (nothing moves); the zoom a person left the fan at does not.
    expect(kept.querySelector('.stage-notes')).not.toBeNull();
    expect(kept.querySelector('.fan-zoom')?.hasAttribute('transform')).toBe(false);
    expect(kept.textContent).toContain('Synligt');
    // The page itself is untouched.
    expect(document.querySelector('dialog')).not.toBeNull();
    expect(document.querySelector('.fan-zoom')?.getAttribute('transform')).toBe('translate(10,20) scale(2)');
  });

  it('keeps inline styles apart, to be set through the CSSOM (the CSP refuses style attributes in markup)', () => {
    page('<div class="app"><div class="bar" style="width: 42px;"></div></div>');
    const kept = document.createElement('div');
    kept.innerHTML = captureScreen(document, size)!.html;
    const bar = kept.querySelector('.bar')!;
    expect(bar.hasAttribute('style')).toBe(false);
    expect(bar.getAttribute(KEPT_STYLE)).toBe('width: 42px;');
  });

  it('keeps nothing of a fan still to be laid out again with the hyphenation', () => {
    page('<div class="app"><svg class="fan" data-hyphenated="false"></svg></div>');
    expect(captureScreen(document, size)).toBeNull();
    page('<div class="app"><svg class="fan" data-hyphenated="true"></svg></div>');
    expect(captureScreen(document, size)).not.toBeNull();
  });

  it('keeps nothing without the built stylesheet (development, tests) or before the app has drawn', () => {
    page('<div class="app"></div>', null);
    expect(captureScreen(document, size)).toBeNull();
    page('');
    expect(captureScreen(document, size)).toBeNull();
  });
});
