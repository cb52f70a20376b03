import { describe, expect, it } from 'vitest';
import { BLADE_PALETTE } from '../domain/operations';
import { cellFill, contrast, darkenFor, tint } from './colors';

describe('colours', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 0);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 1);
  });

  it('darkens a light colour until white text on it is readable', () => {
    const band = darkenFor('#ffe066', '#ffffff');
    expect(contrast(band, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(darkenFor('#1f6f8b', '#ffffff')).toBe('#1f6f8b');
  });

  it('keeps dark item text readable on every cell tint of the palette', () => {
    for (const color of BLADE_PALETTE)
      for (let ring = 0; ring < 5; ring++) expect(contrast('#1a1a1a', cellFill(color, ring, 5))).toBeGreaterThan(7);
    expect(tint('#000000', 1)).toBe('#ffffff');
  });
});
