// The fan as a picture made from the plan alone — not from what is on screen — so every
// export works from every view (Tabell, Presentera, a dialog open, a version open).
import { containersOf, itemsIn } from '../domain/containers';
import { fanNotes } from '../domain/review';
import type { PlanDoc } from '../domain/types';
import { computeFanLayout, EDIT_FONTS, type FanLayout } from '../fan/layout';
import { type FanPicture, fanPicture } from '../fan/markup';
import type { Hyphenator, Measure } from '../fan/text';
import { planOutline } from './facts';
import type { FollowUp, Period } from '../domain/followup';
import { withProgress } from '../fan/progress';

/** Draw each item's progress in a period (the follow-up report's fan). */
export interface PictureProgress {
  followUp: FollowUp;
  period: Period;
}

/**
 * The size of the follow-up report's fan: the text width of an A4 landscape page at 96 px to
 * the inch, so its smallest text (12 px) prints at 9 pt.
 */
export const REPORT_PICTURE_SIZE = { width: 960, height: 560 };

/**
 * The size a picture is laid out at: the half disc with its labels, wide enough that the whole
 * built-in plan reads in full, narrow enough that its smallest text (12 px) prints at 8 pt or
 * more across an A3 landscape page (380 mm) — and no taller than the page leaves under the
 * title at that width, so it is printed the whole 380 mm wide.
 */
export const PICTURE_SIZE = { width: 1600, height: 870 };

/** The overview fan of a plan (nothing unfolded, no filter), laid out for a picture. */
export function pictureLayout(doc: PlanDoc, measure: Measure, hyphenate: Hyphenator | null, size = PICTURE_SIZE, progress?: PictureProgress): FanLayout {
  const { blades, rings, vision } = doc.plan;
  const marked = progress ? withProgress(containersOf(doc), progress.followUp, progress.period, rings) : null;
  return computeFanLayout({
    blades,
    rings,
    vision,
    containers: marked?.containers ?? containersOf(doc),
    width: size.width,
    height: size.height,
    unfoldedBladeId: null,
    measure,
    hyphenate,
    fonts: EDIT_FONTS,
    interactive: false,
    notes: marked?.legend ? [...fanNotes(doc), marked.legend] : fanNotes(doc),
  });
}

/** The plan's fan as a standalone SVG document; its description lists every item. */
export function planPicture(doc: PlanDoc, measure: Measure, hyphenate: Hyphenator | null, size = PICTURE_SIZE, progress?: PictureProgress): FanPicture {
  const outline = planOutline(doc, (bladeId, ringId) => itemsIn(doc, { bladeId, ringId }));
  return fanPicture(pictureLayout(doc, measure, hyphenate, size, progress), `Solfjäder: ${doc.plan.name}`, outline);
}
