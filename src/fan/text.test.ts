import { describe, expect, it } from 'vitest';
import { cachedMeasure, ellipsize, estimateMeasure, wrapText } from './text';

const font = { size: 10 };
// estimateMeasure: 5.6 px per character at size 10.
const px = (chars: number) => chars * 5.6 + 0.01;

describe('wrapText', () => {
  it('breaks on spaces within each line width', () => {
    expect(wrapText('en god och nära vård', font, estimateMeasure, () => px(10), 5)).toEqual(['en god och', 'nära vård']);
  });

  it('keeps words joined by a no-break space together', () => {
    expect(wrapText('5.\u00a0Koncerngemensam utveckling', font, estimateMeasure, () => px(18), 3)).toEqual([
      '5.\u00a0Koncerngemensam',
      'utveckling',
    ]);
  });

  it('returns null when the text needs more lines than allowed', () => {
    expect(wrapText('a b c d e f', font, estimateMeasure, () => px(3), 2)).toBeNull();
  });

  it('hyphenates a word wider than a line only when allowed, leaving three letters each side', () => {
    expect(wrapText('kompetensförsörjning', font, estimateMeasure, () => px(18), 3, false)).toBeNull();
    const lines = wrapText('kompetensförsörjning', font, estimateMeasure, () => px(18), 3)!;
    expect(lines.join('').replace('-', '')).toBe('kompetensförsörjning');
    expect(lines.at(-1)!.length).toBeGreaterThanOrEqual(3);
  });

  it('prefers to hyphenate Swedish compounds at an s-joint', () => {
    expect(wrapText('kompetensförsörjning', font, estimateMeasure, () => px(14), 3)).toEqual(['kompetens-', 'försörjning']);
  });

  it('uses each line its own width (lines get shorter towards the hub)', () => {
    expect(wrapText('ett två tre fyra', font, estimateMeasure, (i) => px(i === 0 ? 7 : 4), 4)).toEqual(['ett två', 'tre', 'fyra']);
  });
});

describe('ellipsize and cache', () => {
  it('shortens with an ellipsis to fit', () => {
    const out = ellipsize('Ledarskap och kompetensförsörjning', font, estimateMeasure, px(12));
    expect(out.endsWith('…')).toBe(true);
    expect(estimateMeasure(out, font)).toBeLessThanOrEqual(px(12));
  });

  it('measures each text once per font', () => {
    let calls = 0;
    const m = cachedMeasure((t, f) => {
      calls++;
      return estimateMeasure(t, f);
    });
    m('abc', font);
    m('abc', font);
    m('abc', { size: 12 });
    expect(calls).toBe(2);
  });
});
