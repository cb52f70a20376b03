// The document's format: every migration step runs on a document of the format before it (a
// frozen fixture of each older format), a migrated document reads the same plan, and a document
// of a newer format is recognised as such.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createExampleDoc } from '../domain/plan';
import { FORMAT, formatOf, isNewer, migrate, MIGRATIONS, stepsFrom } from './format';
import { readDoc } from './read';
import { docFromPlan } from './replica';
import { planMap } from './shape';

/** A document as a build of each older format wrote it (kept frozen: a fixture per format). */
const OLDER: Record<number, () => Y.Doc> = {
  // Format 0: a plan without its format (a peer removed it, or a client that wrote none).
  0: () => {
    const ydoc = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
    planMap(ydoc).delete('format');
    return ydoc;
  },
};

describe('the document format', () => {
  it('a new document is of this build’s format', () => {
    expect(formatOf(docFromPlan(createExampleDoc()))).toBe(FORMAT);
  });

  it('a document without a plan yet has no format; one whose plan lacks it is format 0', () => {
    expect(formatOf(new Y.Doc())).toBeNull();
    expect(formatOf(OLDER[0]!())).toBe(0);
  });

  it('every migration step is exercised: a fixture of each older format becomes this format in one transaction, reading the same plan', () => {
    const ran = new Set<string>();
    for (let format = 0; format < FORMAT; format++) {
      const make = OLDER[format];
      expect(make, `a fixture of format ${format}`).toBeDefined();
      const ydoc = make!();
      const before = readDoc(ydoc)!.doc;
      let transactions = 0;
      ydoc.on('afterTransaction', () => transactions++);
      const steps = migrate(ydoc, 'migrate');
      expect(steps).toEqual(stepsFrom(format));
      for (const step of steps) ran.add(step.name);
      expect(transactions).toBe(1);
      expect(formatOf(ydoc)).toBe(FORMAT);
      expect(readDoc(ydoc)!.doc).toEqual(before);
      // Once: a second open does nothing.
      expect(migrate(ydoc, 'migrate')).toEqual([]);
      expect(transactions).toBe(1);
    }
    expect([...ran].sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
  });

  it('migration steps are numbered in order, up to this format', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(MIGRATIONS.at(-1)!.to).toBe(FORMAT);
  });

  it('a document of a newer format is left as it is', () => {
    const ydoc = docFromPlan(createExampleDoc());
    planMap(ydoc).set('format', FORMAT + 1);
    expect(isNewer(formatOf(ydoc))).toBe(true);
    const state = Y.encodeStateAsUpdate(ydoc);
    expect(migrate(ydoc, 'migrate')).toEqual([]);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(state);
    expect(isNewer(FORMAT)).toBe(false);
    expect(isNewer('2')).toBe(false);
  });
});
