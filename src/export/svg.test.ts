// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createExampleDoc } from '../domain/plan';
import { itemsIn } from '../domain/containers';
import { planOutline } from './facts';
import { standaloneSvg } from './svg';

function drawnFan(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML = `<svg class="fan" width="640" height="360" viewBox="0 0 640 360" role="group" aria-label="Solfjäder">
    <g transform="translate(320,340)">
      <g role="group" aria-label="Nära invånaren">
        <g class="blade-label" role="button" tabindex="0" aria-expanded="false"><title>Nära invånaren</title><path class="blade-band" d="M0 0" fill="#1f6f8b"/></g>
        <g class="fan-cell" data-cell="a|b"><path class="cell" d="M0 0L10 0" fill="#eee"/>
          <g role="list" aria-label="Nära invånaren, 2025"><g role="listitem"><g class="fan-item" tabindex="0" role="button" aria-roledescription="flyttbar">
            <path class="item-hit" d="M0 0"/><defs><path id="il-x-0" d="M0 0L100 0"/></defs>
            <text font-size="14" fill="#1a1a1a"><textPath href="#il-x-0" startOffset="50%">1. Välfungerande samarbete</textPath></text>
          </g></g><g role="listitem" class="folded-item"><text font-size="1">2. Dold</text></g></g>
        </g>
      </g>
      <g class="drop-indicator"><path d="M0 0"/></g>
    </g></svg>`;
  document.body.append(host);
  return host.querySelector('svg')!;
}

describe('the fan as a standalone SVG', () => {
  it('keeps what is drawn and drops what only serves the page', () => {
    const { svg, width, height } = standaloneSvg(drawnFan(), 'Solfjäder: Plan', 'Alla aktiviteter');
    expect([width, height]).toEqual([640, 360]);
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = parsed.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('font-family')).toContain('sans-serif');
    expect(root.querySelector('title')?.textContent).toBe('Solfjäder: Plan');
    expect(root.querySelector('desc')?.textContent).toBe('Alla aktiviteter');
    expect(root.textContent).toContain('1. Välfungerande samarbete');
    expect(root.textContent).not.toContain('Dold');
    expect(svg).not.toMatch(/item-hit|drop-indicator|tabindex|aria-|role=|class=|data-/);
    // The cell's white border came from the stylesheet; it is an attribute now.
    expect(svg).toMatch(/<path d="M0 0L10 0" fill="#eee" stroke="#ffffff" stroke-width="2"/);
    expect(svg).toContain('xlink:href="#il-x-0"');
  });

  it('exports a zoomed fan whole, at the size it is laid out for, without the pan and scale', () => {
    const fan = drawnFan();
    const content = fan.firstElementChild!;
    const zoom = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    zoom.setAttribute('class', 'fan-zoom');
    zoom.setAttribute('transform', 'translate(-300,-200) scale(1.2)');
    zoom.setAttribute('data-layout-width', '1280');
    zoom.setAttribute('data-layout-height', '720');
    fan.replaceChild(zoom, content);
    zoom.append(content);
    const { svg, width, height } = standaloneSvg(fan, 'Solfjäder: Plan');
    expect([width, height]).toEqual([1280, 720]);
    expect(svg).toContain('viewBox="0 0 1280 720"');
    expect(svg).not.toContain('scale(1.2)');
    expect(svg).toContain('1. Välfungerande samarbete');
  });

  it('describes every item, folded or not, in priority order', () => {
    const doc = createExampleDoc(new Date('2026-11-22T10:00:00Z'));
    const outline = planOutline(doc, (bladeId, ringId) => itemsIn(doc, { bladeId, ringId }));
    for (const item of Object.values(doc.items)) expect(outline).toContain(item.text);
    expect(outline).toContain('Nära invånaren, Viktiga milstolpar 2025: 1. Välfungerande samarbete mellan VGR och kommuner 2. Etablera');
  });
});
