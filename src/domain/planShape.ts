// Operations on the plan's shape: its fokusområden (blades, 3–8) and rings (2–5). Pure, as
// those on items (./operations.ts): each mutates the PlanDoc it is given and throws RuleError
// with a Swedish message when it would break a rule. Items never go with what is removed: they
// go back to Inspel.
import { newId } from './ids';
import type { Blade, PlanDoc, Ring } from './types';
import { MAX_BLADES, MAX_RINGS, MIN_BLADES, MIN_RINGS } from './types';
import { cleanText, LIMITS, withinLimit } from './limits';
import { RuleError } from './rules';
import { clampIndex, returnToInspel } from './placing';

// --- Fokusområden (blades) ---------------------------------------------------------------

export const BLADE_PALETTE = ['#1f6f8b', '#2e7d32', '#8e4585', '#b5561d', '#5c6bc0', '#00838f', '#ad1457', '#6d7a1f'];

function requireBlade(doc: PlanDoc, id: string): Blade {
  const blade = doc.plan.blades.find((b) => b.id === id);
  if (!blade) throw new RuleError('Fokusområdet finns inte längre.');
  return blade;
}

function checkBladeName(doc: PlanDoc, name: string, self?: string): string {
  const clean = cleanText(name);
  if (!clean) throw new RuleError('Fokusområdet måste ha ett namn.');
  withinLimit(clean, LIMITS.bladeName, 'Namnet');
  if (doc.plan.blades.some((b) => b.id !== self && b.name.toLowerCase() === clean.toLowerCase()))
    throw new RuleError(`Det finns redan ett fokusområde som heter "${clean}".`);
  return clean;
}

export function addBlade(doc: PlanDoc, name: string, id: string = newId()): string {
  if (doc.plan.blades.length >= MAX_BLADES)
    throw new RuleError(`En plan kan ha högst ${MAX_BLADES} fokusområden.`);
  const used = new Set(doc.plan.blades.map((b) => b.color));
  const color = BLADE_PALETTE.find((c) => !used.has(c)) ?? BLADE_PALETTE[0]!;
  doc.plan.blades.push({ id, name: checkBladeName(doc, name), color });
  return id;
}

export function renameBlade(doc: PlanDoc, id: string, name: string): void {
  const blade = requireBlade(doc, id);
  blade.name = checkBladeName(doc, name, id);
}

export function recolourBlade(doc: PlanDoc, id: string, color: string): void {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new RuleError('Färgen måste anges som #rrggbb.');
  requireBlade(doc, id).color = color.toLowerCase();
}

/** Move a blade to a new position (0 = leftmost). */
export function moveBlade(doc: PlanDoc, id: string, index: number): void {
  const blades = doc.plan.blades;
  const from = blades.findIndex((b) => b.id === id);
  if (from < 0) throw new RuleError('Fokusområdet finns inte längre.');
  const to = clampIndex(index, blades.length - 1);
  if (to === from) return;
  const [blade] = blades.splice(from, 1);
  blades.splice(to, 0, blade!);
}

/** Remove a blade; its items go back to Inspel (after the ones already there), never lost. */
export function removeBlade(doc: PlanDoc, id: string): void {
  if (doc.plan.blades.length <= MIN_BLADES)
    throw new RuleError(`En plan måste ha minst ${MIN_BLADES} fokusområden.`);
  requireBlade(doc, id);
  returnToInspel(doc, (item) => item.cell?.bladeId === id);
  doc.plan.blades = doc.plan.blades.filter((b) => b.id !== id);
}

// --- Rings (horisonter) -------------------------------------------------------------------

function requireRing(doc: PlanDoc, id: string): Ring {
  const ring = doc.plan.rings.find((r) => r.id === id);
  if (!ring) throw new RuleError('Ringen finns inte längre.');
  return ring;
}

function checkYear(year: number | null): number | null {
  if (year === null) return null;
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RuleError('Året måste vara ett heltal mellan 2000 och 2100.');
  return year;
}

/** Add a ring outside the last milestone ring (the målbild stays outermost). */
export function addRing(doc: PlanDoc, id: string = newId()): string {
  const rings = doc.plan.rings;
  if (rings.length >= MAX_RINGS) throw new RuleError(`En plan kan ha högst ${MAX_RINGS} ringar.`);
  const milestones = rings.slice(0, -1);
  const lastYear = milestones.at(-1)?.year ?? null;
  const year = lastYear === null ? null : lastYear + 1;
  // The målbild stays the last year: a milestone of its year would clash ("Viktiga
  // milstolpar 2027" beside "Önskad målbild 2027"), so it moves a year on, its label with it.
  const malbild = rings.at(-1);
  if (malbild && year !== null && malbild.year !== null && malbild.year <= year) {
    const next = year + 1;
    if (malbild.label.includes(String(malbild.year))) malbild.label = malbild.label.replace(String(malbild.year), String(next));
    malbild.year = next;
  }
  let label = year === null ? 'Ny milstolpe' : `Viktiga milstolpar ${year}`;
  for (let n = 2; rings.some((r) => r.label.toLowerCase() === label.toLowerCase()); n++) label = `Ny milstolpe ${n}`;
  rings.splice(rings.length - 1, 0, { id, label, year });
  return id;
}

export function updateRing(doc: PlanDoc, id: string, patch: { label?: string; year?: number | null }): void {
  const ring = requireRing(doc, id);
  if (patch.year !== undefined) {
    const year = checkYear(patch.year);
    // Keep a label that names the year in step with it ("Viktiga milstolpar 2025" → 2026).
    if (patch.label === undefined && ring.year !== null && year !== null && ring.label.includes(String(ring.year)))
      ring.label = ring.label.replace(String(ring.year), String(year));
    ring.year = year;
  }
  if (patch.label !== undefined) {
    const label = cleanText(patch.label);
    if (!label) throw new RuleError('Ringen måste ha en etikett.');
    withinLimit(label, LIMITS.ringLabel, 'Etiketten');
    ring.label = label;
  }
  checkRingLabels(doc);
}

function checkRingLabels(doc: PlanDoc): void {
  const seen = new Set<string>();
  for (const ring of doc.plan.rings) {
    const key = ring.label.toLowerCase();
    if (seen.has(key)) throw new RuleError(`Två ringar kan inte heta "${ring.label}". Ge dem olika namn eller år.`);
    seen.add(key);
  }
}

/** Move every ring's year (and the year in its label) by `delta`, e.g. for next year's plan. */
export function shiftRingYears(doc: PlanDoc, delta: number): void {
  for (const ring of doc.plan.rings) {
    if (ring.year === null) continue;
    const year = checkYear(ring.year + delta);
    if (ring.label.includes(String(ring.year))) ring.label = ring.label.replace(String(ring.year), String(year));
    ring.year = year;
  }
  checkRingLabels(doc);
}

/** Remove a ring; its items go back to Inspel. */
export function removeRing(doc: PlanDoc, id: string): void {
  if (doc.plan.rings.length <= MIN_RINGS) throw new RuleError(`En plan måste ha minst ${MIN_RINGS} ringar.`);
  requireRing(doc, id);
  returnToInspel(doc, (item) => item.cell?.ringId === id);
  doc.plan.rings = doc.plan.rings.filter((r) => r.id !== id);
}

/**
 * Blades or rings beyond what one person may add (two people each added one at once, apart):
 * every one is shown, and the plan asks for one to go — nothing is hidden because of a limit.
 */
export function overLimits(doc: PlanDoc): string | null {
  const blades = doc.plan.blades.length;
  const rings = doc.plan.rings.length;
  if (blades > MAX_BLADES)
    return `Planen har nu ${blades} fokusområden – fler än de ${MAX_BLADES} en plan brukar ha (flera lade troligen till ett samtidigt). Inget har dolts; ta bort eller slå ihop fokusområden under Fokusområden och ringar.`;
  if (rings > MAX_RINGS)
    return `Planen har nu ${rings} ringar – fler än de ${MAX_RINGS} en plan brukar ha (flera lade troligen till en samtidigt). Inget har dolts; ta bort eller slå ihop ringar under Fokusområden och ringar.`;
  if (blades < MIN_BLADES)
    return `Planen har nu ${blades === 1 ? 'ett fokusområde' : `${blades} fokusområden`} – färre än de ${MIN_BLADES} en plan behöver (flera tog troligen bort ett samtidigt). Lägg till ett under Fokusområden och ringar.`;
  if (rings < MIN_RINGS)
    return `Planen har nu en ring – färre än de ${MIN_RINGS} en plan behöver (flera tog troligen bort en samtidigt). Lägg till en under Fokusområden och ringar.`;
  return null;
}
