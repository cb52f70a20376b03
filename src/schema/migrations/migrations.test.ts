import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../restore';
import { itemStatus } from './0001-item-status';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../tests/fixtures/files', name), 'utf8');

describe('0001-item-status (file version 1 → 2)', () => {
  it('makes every item of an older file a proposal, on a copy', () => {
    const before = { version: 1, items: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] };
    const after = itemStatus.up(structuredClone(before));
    expect(after.items).toEqual([
      { status: 'forslag', id: 'a', text: 'A' },
      { status: 'forslag', id: 'b', text: 'B' },
    ]);
    // Malformed items are left for the schema check to name.
    expect(itemStatus.up({ items: [null, 3] }).items).toEqual([null, 3]);
    expect(itemStatus.up({ items: 'x' }).items).toBe('x');
  });

  it('reads the version-1 fixture as proposals and keeps the statuses of the version-2 fixture', () => {
    const v1 = readPlanFile(fixture('v1-example.json'));
    expect(v1.ok).toBe(true);
    if (!v1.ok) return;
    expect(new Set(Object.values(v1.doc.items).map((i) => i.status))).toEqual(new Set(['forslag']));
    expect(v1.warnings).toContain('Filen uppdaterades från format 1 till 2.');
    const v2 = readPlanFile(fixture('v2-example.json'));
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(new Set(Object.values(v2.doc.items).map((i) => i.status))).toEqual(new Set(['forslag', 'godkand', 'andras', 'stryks']));
    expect(v2.warnings).toEqual([]);
  });
});
