// The plan as slides, as content: a title slide, the fan, a slide per fokusområde (continued on
// the next when its items do not fit) with its items by ring in priority order, and Inspel last.
// Pure: the PowerPoint writer (./index.ts) only places what this decides, and tests read it.
import { itemsIn } from '../../domain/containers';
import { reviewLabel } from '../../domain/review';
import type { Item, PlanDoc } from '../../domain/types';

/** One line of a text slide: a ring's heading, an item (numbered in its list), or a note. */
export type SlideLine =
  | { kind: 'ring'; text: string }
  | { kind: 'item'; number: number; text: string; extra: boolean; struck: boolean; marks: string }
  | { kind: 'note'; text: string };

export interface TextSlide {
  title: string;
  /** The fokusområde's colour (the plan's palette), for the slide's band; null for Inspel. */
  color: string | null;
  lines: SlideLine[];
}

export interface PlanSlides {
  title: { name: string; kind: string; vision: string; date: string; blades: Array<{ name: string; color: string }> };
  fan: { title: string; description: string };
  blades: TextSlide[];
  inspel: TextSlide[];
}

/**
 * How much a slide's body holds: rows of body text (16 pt) and characters a row. Measured on a
 * 16:9 slide with a 5.55 in high, 12.2 in wide body at 16 pt (a row is ~0.27 in: 20 rows; LibreOffice
 * draws it in wider DejaVu Sans, ~105 characters a row), with room to spare.
 */
export const BODY = { rows: 19, charsPerRow: 105 };

/** The rows a line takes in the body. */
export function rowsOf(line: SlideLine, charsPerRow = BODY.charsPerRow): number {
  if (line.kind === 'ring') return 1.4;
  const text = line.kind === 'item' ? `${line.number}. ${line.text}${line.marks ? `  ${line.marks}` : ''}` : line.text;
  return Math.max(1, Math.ceil(text.length / charsPerRow));
}

const itemLine = (item: Item, number: number): SlideLine => ({ kind: 'item', number, text: item.text, extra: item.extra, struck: item.status === 'stryks', marks: reviewLabel(item) });

/**
 * Lines into slides of at most `rows`: a list that goes on past a slide's end goes on on the next,
 * under its heading again with "(forts.)"; a heading never ends a slide.
 */
export function paginate(title: string, color: string | null, lines: SlideLine[], rows = BODY.rows): TextSlide[] {
  const slides: TextSlide[] = [];
  let current: SlideLine[] = [];
  let used = 0;
  let heading: string | null = null;
  const flush = () => {
    slides.push({ title: slides.length === 0 ? title : `${title} (forts.)`, color, lines: current });
    current = [];
    used = 0;
  };
  lines.forEach((line, i) => {
    if (line.kind === 'ring') heading = line.text;
    // A heading goes with at least the line after it.
    const need = rowsOf(line) + (line.kind === 'ring' && lines[i + 1] ? rowsOf(lines[i + 1]!) : 0);
    if (used > 0 && used + need > rows) {
      flush();
      if (line.kind !== 'ring' && heading !== null) {
        const again: SlideLine = { kind: 'ring', text: `${heading} (forts.)` };
        current.push(again);
        used += rowsOf(again);
      }
    }
    current.push(line);
    used += rowsOf(line);
  });
  if (current.length > 0 || slides.length === 0) flush();
  return slides;
}

export function planSlides(doc: PlanDoc, date: string, rows = BODY.rows): PlanSlides {
  const { plan } = doc;
  const blades = plan.blades.flatMap((blade) => {
    const lines = plan.rings.flatMap((ring): SlideLine[] => {
      const items = itemsIn(doc, { bladeId: blade.id, ringId: ring.id });
      return [{ kind: 'ring', text: ring.label }, ...(items.length > 0 ? items.map((item, i) => itemLine(item, i + 1)) : [{ kind: 'note' as const, text: 'Inga aktiviteter ännu.' }])];
    });
    return paginate(blade.name, blade.color, lines, rows);
  });
  const waiting = itemsIn(doc, null);
  const inspel = paginate('Inspel', null, waiting.length > 0 ? [{ kind: 'note', text: 'Förslag som ännu inte har fått en plats i solfjädern.' }, ...waiting.map((item, i) => itemLine(item, i + 1))] : [{ kind: 'note', text: 'Inga inspel väntar på en plats.' }], rows);
  return {
    title: { name: plan.name, kind: 'Handlingsplan', vision: plan.vision, date, blades: plan.blades.map((b) => ({ name: b.name, color: b.color })) },
    fan: {
      title: 'Solfjädern',
      description: `Solfjädern med fokusområdena ${plan.blades.map((b) => b.name).join(', ')} och horisonterna ${plan.rings.map((r) => r.label).join(', ')}. Varje fokusområdes aktiviteter står på bilderna som följer.`,
    },
    blades,
    inspel,
  };
}
