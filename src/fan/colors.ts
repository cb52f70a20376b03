// Colour helpers for the fan: tints for cells and WCAG contrast checks for text.

function parse(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [0, 0, 0];
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function format([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
}

/** Mix a colour with white; amount 0 = colour, 1 = white. */
export function tint(hex: string, amount: number): string {
  const [r, g, b] = parse(hex);
  return format([r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount]);
}

function shade(hex: string, amount: number): string {
  const [r, g, b] = parse(hex);
  return format([r * (1 - amount), g * (1 - amount), b * (1 - amount)]);
}

function luminance(hex: string): number {
  const [r, g, b] = parse(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Darken `hex` until it reaches `ratio` against `against` (e.g. white text on a band). */
export function darkenFor(hex: string, against: string, ratio = 4.5): string {
  let c = hex;
  for (let i = 0; i < 40 && contrast(c, against) < ratio; i++) c = shade(c, 0.05);
  return c;
}

/** Cell fill per ring: inner rings lighter, the målbild ring a little stronger. */
export function cellFill(hex: string, ringIndex: number, ringCount: number): string {
  const t = ringCount <= 1 ? 0.85 : 0.9 - (0.14 * ringIndex) / (ringCount - 1);
  return tint(hex, t);
}
