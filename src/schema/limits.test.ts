// Issue 14: whatever the app can hold, it can export and import back. Every text a user can
// type, and every name the app makes, is taken up to (and past) its limit through the
// operations; what they accept goes out as JSON and comes back in as the same plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, namedAfter, shortened } from '../domain/limits';
import * as ops from '../domain/operations';
import { createExampleDoc, duplicateDoc } from '../domain/plan';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { planToJson } from '../export/json';
import { readPlanFile } from './restore';

const AT = new Date('2026-11-22T10:00:00.000Z');

/** A text of exactly `length` characters, no spaces to collapse (Swedish letters, punctuation, quotes). */
const textOf = (length: number) => fc.array(fc.constantFrom('a', 'ö', 'Å', '-', '”', '1', '.', 'é'), { minLength: length, maxLength: length }).map((cs) => cs.join(''));
/** Up to a limit, often right at it. */
const upTo = (max: number) => fc.oneof(fc.constant(max), fc.integer({ min: Math.max(1, max - 2), max }), fc.integer({ min: 1, max })).chain(textOf);

function roundTrip(doc: PlanDoc): void {
  const json = planToJson(doc, AT, doc.plan.recipient);
  const result = readPlanFile(json);
  if (!result.ok) throw new Error(result.error);
  expect(result.doc).toEqual(doc);
}

describe('every field at its limit', () => {
  it('what the operations accept exports to JSON and imports back the same (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          itemText: upTo(LIMITS.itemText),
          description: upTo(LIMITS.description),
          kalla: upTo(LIMITS.name),
          indikator: upTo(LIMITS.short),
          unit: upTo(LIMITS.unit),
          planName: upTo(LIMITS.name),
          vision: upTo(LIMITS.short),
          bladeName: upTo(LIMITS.bladeName),
          ringLabel: upTo(LIMITS.ringLabel),
          author: upTo(LIMITS.author),
          comment: upTo(LIMITS.comment),
          // Proposals from files may carry anything: källa and wording are made to fit.
          sourceKalla: fc.integer({ min: 1, max: 3 * LIMITS.name }).chain(textOf),
          sourceText: fc.integer({ min: 1, max: 3 * LIMITS.sourceText }).chain(textOf),
          recipient: fc.integer({ min: 1, max: 2 * LIMITS.name }).chain(textOf),
        }),
        (t) => {
          const doc = createExampleDoc(AT);
          doc.plan.recipient = shortened(t.recipient, LIMITS.name);
          const id = ops.addItem(doc, { text: t.itemText, sources: [{ inputId: 'in-1', kalla: t.sourceKalla, text: t.sourceText, rank: 0 }] });
          ops.updateItem(doc, id, { description: t.description, kalla: t.kalla, indikator: { text: t.indikator, unit: t.unit, target: 12.5 } });
          ops.addComment(doc, id, { id: 'c1', author: t.author, at: AT.toISOString(), text: t.comment });
          ops.addSources(doc, id, [{ inputId: 'in-2', kalla: t.sourceKalla, text: t.sourceText, rank: 1 }]);
          // An office's own addition takes the plan's recipient as its källa.
          ops.addItem(doc, { text: 'Från kontoret' });
          ops.renamePlan(doc, t.planName);
          ops.setVision(doc, t.vision);
          ops.renameBlade(doc, doc.plan.blades[0]!.id, t.bladeName);
          ops.updateRing(doc, doc.plan.rings[0]!.id, { label: t.ringLabel });
          roundTrip(doc);
          // The names the app makes from the plan's: a copy, an import, a copy kept before an import.
          roundTrip(duplicateDoc(doc, namedAfter(doc.plan.name, ' (kopia)'), AT));
          roundTrip({ ...doc, plan: { ...doc.plan, name: shortened(`Importerad: ${doc.plan.name}`, LIMITS.name) } });
          roundTrip(duplicateDoc(doc, namedAfter(doc.plan.name, ' (före import 2026-11-22 10:00)'), AT));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('past the limit, the operations refuse with a Swedish message and change nothing', () => {
    const doc = createExampleDoc(AT);
    const id = Object.keys(doc.items)[0]!;
    const before = structuredClone(doc);
    const refused: Array<[() => void, RegExp]> = [
      [() => ops.updateItem(doc, id, { description: 'x'.repeat(LIMITS.description + 50) }), /^Beskrivningen får vara högst 10\s000 tecken \(nu 10\s050\)\.$/],
      [() => ops.updateItem(doc, id, { kalla: 'x'.repeat(250) }), /^Källan får vara högst 200 tecken \(nu 250\)\.$/],
      [() => ops.updateItem(doc, id, { indikator: { unit: 'x'.repeat(61) } }), /^Enheten får vara högst 60 tecken/],
      [() => ops.renamePlan(doc, 'x'.repeat(250)), /^Planens namn får vara högst 200 tecken \(nu 250\)\.$/],
      [() => ops.setVision(doc, 'x'.repeat(501)), /^Visionen får vara högst 500 tecken/],
      [() => ops.renameBlade(doc, doc.plan.blades[0]!.id, 'x'.repeat(81)), /^Namnet får vara högst 80 tecken/],
    ];
    for (const [run, message] of refused) {
      expect(run).toThrow(RuleError);
      expect(run).toThrow(message);
    }
    expect(doc).toEqual(before);
  });

  it('names the app makes are shortened with "…" to fit', () => {
    const long = 'N'.repeat(195);
    expect(shortened(`Importerad: ${long}`, LIMITS.name)).toHaveLength(LIMITS.name);
    expect(shortened(`Importerad: ${long}`, LIMITS.name).endsWith('…')).toBe(true);
    expect(namedAfter(long, ' (kopia)')).toMatch(/N… \(kopia\)$/);
    expect(namedAfter(long, ' (kopia)')).toHaveLength(LIMITS.name);
    expect(namedAfter('Kort', ' (kopia)')).toBe('Kort (kopia)');
  });
});
