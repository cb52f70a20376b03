// The words for an item's follow-up facts, shared by Word, print and the app.
import { sourceWeight, weightText } from '../domain/weight';
import { STATUS_LABEL, type Indikator, type Item, type PlanDoc } from '../domain/types';

/** "Utskrivningsklara patienter (mål: 30 %)". */
export function indikatorText(indikator: Indikator): string {
  const target = indikator.target === null ? '' : `mål: ${indikator.target.toLocaleString('sv-SE')}${indikator.unit ? ` ${indikator.unit}` : ''}`;
  if (indikator.text && target) return `${indikator.text} (${target})`;
  return indikator.text || target;
}

/** The item's follow-up facts in one line, leaving out what is not filled in. */
export function itemFacts(item: Item, doc: PlanDoc): string {
  const delomraden = item.delomraden
    .map((id) => doc.plan.catalogue.delomraden.find((d) => d.id === id)?.name)
    .filter((name): name is string => Boolean(name));
  const facts = [
    delomraden.length > 0 ? `Delområde: ${delomraden.join(', ')}` : '',
    item.indikator.text || item.indikator.target !== null ? `Indikator: ${indikatorText(item.indikator)}` : '',
    item.ansvarsniva ? `Ansvarsnivå: ${item.ansvarsniva}` : '',
    item.kalla ? `Källa: ${item.kalla}` : '',
    weightFact(item),
    `Status: ${STATUS_LABEL[item.status]}`,
  ];
  return facts.filter(Boolean).join(' · ');
}

function weightFact(item: Item): string {
  const weight = sourceWeight(item.sources);
  return weight ? `Vikt: ${weightText(weight)}` : '';
}

/** "Källor: NU-sjukvården (plats 1): ”…”; Skaraborgs Sjukhus (plats 2): ”…”" — what the item was made from; '' for none. */
export function sourcesText(item: Item): string {
  if (item.sources.length === 0) return '';
  return `Källor: ${item.sources.map((s) => `${s.kalla} (plats ${s.rank + 1}): ”${s.text}”`).join('; ')}`;
}

/**
 * The whole plan as plain lines — every cell with its items in priority order — for a
 * picture's description: the picture folds long lists behind "+N till", the text does not.
 */
export function planOutline(doc: PlanDoc, itemsOf: (bladeId: string, ringId: string) => Item[]): string {
  const lines = [`${doc.plan.name}. Vision: ${doc.plan.vision}.`];
  for (const blade of doc.plan.blades) {
    for (const ring of doc.plan.rings) {
      const items = itemsOf(blade.id, ring.id);
      const list = items.map((item, i) => `${i + 1}. ${item.text}${item.extra ? ' (extra)' : ''}`).join(' ');
      lines.push(`${blade.name}, ${ring.label}: ${list || 'inga aktiviteter'}`);
    }
  }
  return lines.join('\n');
}
