// What the fan actually draws, read from the page: how many items of the cells are drawn in
// full and visible, the smallest on-screen item font, every line of every item (with where
// a word was broken), and any label that is cut or clipped.
import type { Page } from '@playwright/test';
import { breakPoints } from '../../src/fan/text';
import { swedish } from '../fixtures/swedish';

export interface DrawnLine {
  text: string;
  /** A hyphen was added here: the line ends inside a word. */
  hyphen: boolean;
}

export interface FanReading {
  /** Items in the fan's cells (drawn or folded behind "+N till"). */
  items: number;
  /** Items whose every line is drawn whole and on screen. */
  full: number;
  /** Their ids. */
  fullIds: string[];
  /** Per cell list ("<fokusområde>, <ring>"): its items and those drawn in full. */
  lists: Array<{ name: string; total: number; full: number }>;
  /** Smallest on-screen font size (px) of an item drawn in full. */
  minFont: number;
  /** Per drawn item: its lines. */
  lines: DrawnLine[][];
  /** Labels (blade, ring, legend, "+N till", hub) that are cut, clipped or off screen. */
  cut: string[];
}

export async function readFan(page: Page): Promise<FanReading> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('svg.fan');
    if (!svg) throw new Error('no fan');
    const clip = (svg.parentElement ?? svg).getBoundingClientRect();
    const ctm = svg.getScreenCTM()!;
    const scale = Math.hypot(ctm.a, ctm.b);
    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 0 &&
        r.left >= Math.max(0, clip.left) - 1 &&
        r.right <= Math.min(innerWidth, clip.right) + 1 &&
        r.top >= Math.max(0, clip.top) - 1 &&
        r.bottom <= Math.min(innerHeight, clip.bottom) + 1
      );
    };
    // Text on a path is clipped where the path ends: each line must be no longer than its path.
    const whole = (text: SVGTextElement) =>
      [...text.querySelectorAll('textPath')].every((tp) => {
        const href = tp.getAttribute('href') ?? '';
        const path = document.getElementById(href.slice(1)) as SVGPathElement | null;
        return !!path && tp.getComputedTextLength() <= path.getTotalLength() + 0.5;
      });
    /** The drawn lines of an item's text: its textPaths or tspans, else the text itself. */
    const linesOf = (text: SVGTextElement): Element[] => {
      const parts = [...text.querySelectorAll(':scope > textPath, :scope > tspan')];
      return parts.length > 0 ? parts : [text];
    };
    const spoken = (el: Element) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return (copy.textContent ?? '').trim();
    };
    let items = 0;
    let full = 0;
    const fullIds: string[] = [];
    const lists: Array<{ name: string; total: number; full: number }> = [];
    let minFont = Infinity;
    const lines: Array<Array<{ text: string; hyphen: boolean }>> = [];
    for (const list of svg.querySelectorAll('.fan-cell > [role="list"]')) {
      const entry = { name: list.getAttribute('aria-label') ?? '', total: 0, full: 0 };
      lists.push(entry);
      // Items folded behind "+N till" are listed in a part of their own inside the list (src/fan/FoldedItems.tsx).
      for (const li of list.querySelectorAll(':scope > [role="listitem"], :scope > .folded-items [role="listitem"]')) {
        items++;
        entry.total++;
        const item = li.querySelector('.fan-item');
        if (!item) continue;
        const texts = [...item.querySelectorAll<SVGTextElement>('text')];
        if (texts.length === 0 || !texts.every((t) => inView(t) && whole(t))) continue;
        full++;
        entry.full++;
        fullIds.push(item.getAttribute('data-item') ?? '');
        for (const t of texts) minFont = Math.min(minFont, parseFloat(getComputedStyle(t).fontSize) * scale);
        lines.push(texts.flatMap(linesOf).map((t) => ({ text: spoken(t), hyphen: !!t.querySelector('tspan[aria-hidden="true"]') })));
      }
    }
    const cut: string[] = [];
    const labels = svg.querySelectorAll<SVGTextElement>('.blade-label text, .blade-name-folded text, .ring-labels text, .ring-legend text, .more text, .hub text');
    for (const t of labels) {
      const text = t.textContent ?? '';
      if (text.includes('…') || !inView(t) || !whole(t)) cut.push(text);
    }
    return { items, full, fullIds, lists, minFont: minFont === Infinity ? 0 : minFont, lines, cut };
  });
}

const sv = swedish();

/** Breaks inside a word that Swedish hyphenation (compound boundaries, TeX's patterns) does not allow. */
export function badBreaks(reading: FanReading): string[] {
  const bad: string[] = [];
  for (const item of reading.lines) {
    item.forEach((line, i) => {
      const next = item[i + 1];
      if (!line.hyphen || !next) return;
      const head = line.text.split(' ').at(-1)!;
      const tail = next.text.split(' ')[0]!;
      const word = head + tail;
      if (!breakPoints(word, sv).some((p) => p.hyphen && p.at === head.length)) bad.push(`${head}-${tail}`);
    });
  }
  return bad;
}

/** Words broken over more than two lines (a reader expects at most one break in a word). */
export function brokenTwice(reading: FanReading): string[] {
  const twice: string[] = [];
  for (const item of reading.lines) {
    item.forEach((line, i) => {
      const next = item[i + 1];
      // The line after a break is the word's rest alone, and it is broken again.
      if (line.hyphen && next?.hyphen && !next.text.includes(' ') && item[i + 2]) twice.push(`${line.text.split(' ').at(-1)}-${next.text}-${item[i + 2]!.text.split(' ')[0]}`);
    });
  }
  return twice;
}
