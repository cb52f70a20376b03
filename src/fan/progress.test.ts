import { describe, expect, it } from 'vitest';
import { containersOf, INSPEL } from '../domain/containers';
import { addPeriod, emptyFollowUp, setProgress } from '../domain/followup';
import { createExampleDoc } from '../domain/plan';
import { reviewMarks, reviewWords, splitMarks } from '../domain/review';
import { itemLabel } from './cells';
import { withProgress } from './progress';

const AT = '2026-02-01T10:00:00.000Z';

describe('the fan with Uppföljning', () => {
  it('each item carries its progress in the period followed up; other cells keep their lists; a legend of the marks drawn', () => {
    const doc = createExampleDoc();
    const followUp = emptyFollowUp();
    const period = addPeriod(followUp, '2025');
    const containers = containersOf(doc);
    expect(withProgress(containers, followUp, null)).toEqual({ containers, legend: null });
    // A period with nothing said: the same lists, no legend.
    expect(withProgress(containers, followUp, period)).toEqual({ containers, legend: null });
    const [key, list] = [...containers].find(([k, l]) => k !== INSPEL && l.length > 1)!;
    setProgress(followUp, doc.items, { periodId: period.id, itemId: list[0]!.id, state: 'klar', by: 'Anna', at: AT });
    setProgress(followUp, doc.items, { periodId: period.id, itemId: list[1]!.id, state: 'forsenad', by: 'Anna', at: AT });
    const first = withProgress(containers, followUp, period);
    expect(first.legend).toBe('Läge 2025: ● Klar · ▲ Försenad');
    const cell = first.containers.get(key)!;
    expect(cell.map((t) => t.progress)).toEqual(['klar', 'forsenad', ...list.slice(2).map(() => undefined)]);
    for (const [k, l] of containers) if (k !== key) expect(first.containers.get(k)).toBe(l);
    // Nothing changed: the list made last time.
    expect(withProgress(containers, followUp, period).containers.get(key)).toBe(cell);
    // Another period: nothing said there.
    const other = addPeriod(followUp, '2026');
    expect(withProgress(containers, followUp, other).containers).toBe(containers);
  });

  it('draws the progress as a mark after the text and says it in words', () => {
    const item = { id: 'a', text: 'Mobila team', extra: false, status: 'godkand', comments: [], progress: 'pagar' as const };
    expect(reviewMarks(item)).toBe('◐\u00a0✓');
    expect(reviewWords(item)).toBe('Läge: Pågår. Status: godkänd');
    const label = itemLabel(0, item);
    expect(label).toBe('1.\u00a0Mobila team\u00a0◐\u00a0✓');
    expect(splitMarks(label)).toEqual({ text: '1.\u00a0Mobila team', marks: '\u00a0◐\u00a0✓' });
    expect(splitMarks('1.\u00a0Klar\u00a0⊘').marks).toBe('\u00a0⊘');
  });

  it('marks the items of a ring whose year has passed and that are not Klar, in the mark, the words and the legend', () => {
    const doc = createExampleDoc();
    const followUp = emptyFollowUp();
    const period = addPeriod(followUp, '2025');
    const containers = containersOf(doc);
    const key = 'nara-invanaren|r2025';
    const list = containers.get(key)!;
    setProgress(followUp, doc.items, { periodId: period.id, itemId: list[0]!.id, state: 'klar', by: 'Anna', at: AT });
    setProgress(followUp, doc.items, { periodId: period.id, itemId: list[1]!.id, state: 'pagar', by: 'Anna', at: AT });
    const { containers: marked, legend } = withProgress(containers, followUp, period, doc.plan.rings);
    expect(marked.get(key)!.map((t) => t.late ?? false)).toEqual([false, true, ...list.slice(2).map(() => true)]);
    // The 2026 ring is not due in 2025.
    expect(marked.get('nara-invanaren|r2026')!.every((t) => !t.late)).toBe(true);
    expect(legend).toBe('Läge 2025: ◐ Pågår · ● Klar · ! ringens år har passerat, inte klar');
    const late = marked.get(key)![1]!;
    expect(reviewMarks(late)).toBe('◐!');
    expect(reviewWords(late)).toBe('Läge: Pågår. Ringens år har passerat – inte klar');
    expect(splitMarks(itemLabel(1, late)).marks).toBe('\u00a0◐!');
    expect(reviewMarks(marked.get(key)![2]!)).toBe('!');
    // In T1 2026 the 2025 ring is due, the 2026 ring still not.
    const t1 = addPeriod(followUp, 'T1 2026');
    const early = withProgress(containers, followUp, t1, doc.plan.rings).containers;
    expect(early.get(key)!.every((t) => t.late)).toBe(true);
    expect(early.get('nara-invanaren|r2026')).toBe(containers.get('nara-invanaren|r2026'));
  });
});
