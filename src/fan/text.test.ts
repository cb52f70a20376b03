import { describe, expect, it } from 'vitest';
import { swedish } from '../../tests/fixtures/swedish';
import { breakPoints, cachedMeasure, drawnText, estimateMeasure, SOFT_HYPHEN, wrapText } from './text';

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

  it('breaks a word wider than a line only where the dictionary allows, marking the break', () => {
    const sv = swedish();
    expect(wrapText('kompetensförsörjning', font, estimateMeasure, () => px(18), 3)).toBeNull();
    const lines = wrapText('kompetensförsörjning', font, estimateMeasure, () => px(14), 3, sv)!;
    // Where the compound joins, though "kompetensför-" would fit too.
    expect(lines).toEqual([`kompetens${SOFT_HYPHEN}`, 'försörjning']);
    expect(lines.map(drawnText)).toEqual(['kompetens-', 'försörjning']);
    // Never where Swedish does not break: not "Hälsofr-ämjande", "tillgängligh-et", "Växeltjän-ster".
    for (const word of ['Hälsofrämjande', 'tillgängligheten', 'Växeltjänster', 'medarbetare', 'patientgrupper']) {
      for (let width = 4; width < word.length; width++) {
        const wrapped = wrapText(word, font, estimateMeasure, () => px(width), 6, sv);
        if (!wrapped) continue;
        let at = 0;
        for (const line of wrapped.slice(0, -1)) {
          at += line.length - 1;
          expect([...sv(word), ...sv.compound!(word)]).toContain(at);
        }
      }
    }
    // A compound only where it joins (hälso|främjande, not Häl|so|främ|jande); other words by
    // TeX's patterns, three letters each side at least (not "Ut|veckla", "utveck|la").
    expect(breakPoints('Hälsofrämjande', sv).map((p) => [p.at, p.compound])).toEqual([[5, 1]]);
    expect(breakPoints('prioriterade', sv).map((p) => p.at)).toEqual([3, 4, 6, 8]);
  });

  it('breaks after a hard hyphen without adding one', () => {
    expect(wrapText('FoUUI-plan', font, estimateMeasure, () => px(7), 2)).toEqual(['FoUUI-', 'plan']);
  });

  it('uses each line its own width (lines get shorter towards the hub)', () => {
    expect(wrapText('ett två tre fyra', font, estimateMeasure, (i) => px(i === 0 ? 7 : 4), 4)).toEqual(['ett två', 'tre', 'fyra']);
  });
});

describe('cache', () => {
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
