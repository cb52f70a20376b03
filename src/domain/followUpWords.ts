// Uppföljning's words, as the yearly report has them: an item's progress (its states and the
// marks drawn for them), a delområde's judgement, and the follow-up form's headings.
import type { Period } from './followup';
import { periodLabel } from './periods';

export const PROGRESS_STATES = ['ej-paborjad', 'pagar', 'klar', 'forsenad', 'avbruten'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];
export const PROGRESS_WORD: Record<ProgressState, string> = {
  'ej-paborjad': 'Ej påbörjad',
  pagar: 'Pågår',
  klar: 'Klar',
  forsenad: 'Försenad',
  avbruten: 'Avbruten',
};

/**
 * The mark drawn after an item's text for its progress (fan, Tabell, print): shapes, not
 * colours, so they read in greyscale and on a projector.
 */
export const PROGRESS_MARK: Record<ProgressState, string> = { 'ej-paborjad': '○', pagar: '◐', klar: '●', forsenad: '▲', avbruten: '⊘' };

/**
 * The legend of the progress marks drawn ("Läge 2025: ● Klar · ◐ Pågår · ! ringens år har
 * passerat"), in the report's order; null when none is.
 */
export function progressLegend(period: Pick<Period, 'year' | 'tertial'>, seen: ReadonlySet<ProgressState>, late = false): string | null {
  const parts = PROGRESS_STATES.filter((s) => seen.has(s)).map((s) => `${PROGRESS_MARK[s]} ${PROGRESS_WORD[s]}`);
  if (late) parts.push('! ringens år har passerat, inte klar');
  return parts.length > 0 ? `Läge ${periodLabel(period)}: ${parts.join(' · ')}` : null;
}

/** The follow-up form's column headers and section names: Skicka ut writes them, Samla in looks for them. */
export const FOLLOW_UP_FORM = {
  activity: 'Aktivitet',
  state: 'Läge',
  comment: 'Kommentar',
  area: 'Delområde',
  performed: 'Genomfört av utförare',
} as const;

export const JUDGEMENTS = ['ratt-riktning', 'oforandrat', 'fel-riktning', 'ej-bedombart'] as const;
export type JudgementValue = (typeof JUDGEMENTS)[number];
export const JUDGEMENT_WORD: Record<JudgementValue, string> = {
  'ratt-riktning': 'Rätt riktning',
  oforandrat: 'Oförändrat',
  'fel-riktning': 'Fel riktning',
  'ej-bedombart': 'Går inte att bedöma',
};
