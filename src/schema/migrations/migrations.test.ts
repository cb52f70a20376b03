import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../restore';
import { itemStatus } from './0001-item-status';
import { itemComments } from './0002-item-comments';
import { priorityLimits } from './0003-priority-limits';
import { itemSources } from './0004-item-sources';
import { followUp } from './0005-follow-up';

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
    expect(v1.warnings).toContain('Filen uppdaterades från format 2 till 3.');
    const v2 = readPlanFile(fixture('v2-example.json'));
    expect(v2.ok).toBe(true);
    if (!v2.ok) return;
    expect(new Set(Object.values(v2.doc.items).map((i) => i.status))).toEqual(new Set(['forslag', 'godkand', 'andras', 'stryks']));
    expect(v2.warnings).toEqual(['Filen uppdaterades från format 2 till 3.', 'Filen uppdaterades från format 3 till 4.', 'Filen uppdaterades från format 4 till 5.', 'Filen uppdaterades från format 5 till 6.']);
  });
});

describe('0002-item-comments (file version 2 → 3)', () => {
  it('gives every item of an older file an empty comment list, and keeps comments a file has', () => {
    expect(itemComments.up({ items: [{ id: 'a' }, { id: 'b', comments: [{ id: 'c' }] }] }).items).toEqual([
      { comments: [], id: 'a' },
      { comments: [{ id: 'c' }], id: 'b' },
    ]);
    expect(itemComments.up({ items: [null] }).items).toEqual([null]);
  });

  it('reads the version-2 fixture without comments and the version-3 fixture with them', () => {
    const v2 = readPlanFile(fixture('v2-example.json'));
    expect(v2.ok && Object.values(v2.doc.items).every((i) => i.comments.length === 0)).toBe(true);
    const v3 = readPlanFile(fixture('v3-example.json'));
    expect(v3.ok).toBe(true);
    if (!v3.ok) return;
    expect(v3.warnings).toEqual(['Filen uppdaterades från format 3 till 4.', 'Filen uppdaterades från format 4 till 5.', 'Filen uppdaterades från format 5 till 6.']);
    const commented = Object.values(v3.doc.items).filter((i) => i.comments.length > 0);
    expect(commented.length).toBeGreaterThan(0);
    expect(commented[0]!.comments[0]).toEqual({ id: expect.any(String), author: 'Anna Berg', at: '2026-04-23T09:15:00.000Z', text: 'Diskuteras på internatet: behöver ett tydligare mål.' });
  });
});

describe('0003-priority-limits (file version 3 → 4)', () => {
  it('gives delområden the instruction\'s limits and keeps items marked extra extra, on a copy', () => {
    const before = {
      plan: { catalogue: { delomraden: [{ id: 'nara-vard', name: 'Nära vård' }, { id: 'x', name: ' nära VÅRD ' }, { id: 'y', name: 'Y' }, { id: 'z', limit: 7 }] } },
      items: [{ id: 'a', extra: true }, { id: 'b', extra: false }, { id: 'c', extraChoice: 'prioritized', extra: false }],
    };
    const after = priorityLimits.up(structuredClone(before));
    expect((after.plan as { catalogue: { delomraden: Array<{ limit: number }> } }).catalogue.delomraden.map((d) => d.limit)).toEqual([5, 5, 3, 7]);
    expect((after.items as Array<{ extraChoice: string }>).map((i) => i.extraChoice)).toEqual(['extra', 'auto', 'prioritized']);
    expect(before.items[0]).toEqual({ id: 'a', extra: true });
    // Malformed parts are left for the schema check to name.
    expect(priorityLimits.up({ plan: null, items: [null] })).toEqual({ plan: null, items: [null] });
  });

  it('reads the version-3 fixture with the instruction\'s limits, and the version-4 fixture with its own', () => {
    const v3 = readPlanFile(fixture('v3-example.json'));
    expect(v3.ok).toBe(true);
    if (!v3.ok) return;
    expect(v3.doc.plan.catalogue.delomraden.map((d) => [d.id, d.limit])).toEqual([
      ['nara-vard', 5],
      ['digitalisering', 3],
      ['kvalitetsdriven', 3],
      ['prioriteringar', 3],
      ['kompetensforsorjning', 3],
      ['barnuppdraget', 3],
    ]);
    expect(new Set(Object.values(v3.doc.items).map((i) => i.extraChoice))).toEqual(new Set(['auto']));
    const v4 = readPlanFile(fixture('v4-example.json'));
    expect(v4.ok).toBe(true);
    if (!v4.ok) return;
    expect(v4.warnings).toEqual(['Filen uppdaterades från format 4 till 5.', 'Filen uppdaterades från format 5 till 6.']);
    expect(v4.doc.plan.catalogue.delomraden.find((d) => d.id === 'barnuppdraget')!.limit).toBe(2);
    expect(Object.values(v4.doc.items).filter((i) => i.extraChoice === 'prioritized').map((i) => i.text)).toEqual([
      'Välfungerande samarbete mellan VGR och kommuner',
    ]);
  });
});

describe('0004-item-sources (file version 4 → 5)', () => {
  it('gives every item of an older file an empty source list, and keeps sources a file has', () => {
    const before = { items: [{ id: 'a' }, { id: 'b', sources: [{ inputId: 'x' }] }, null] };
    const after = itemSources.up(structuredClone(before));
    expect(after.items).toEqual([{ sources: [], id: 'a' }, { sources: [{ inputId: 'x' }], id: 'b' }, null]);
    expect(before.items[0]).toEqual({ id: 'a' });
  });

  it('reads the version-4 fixture without sources and the version-5 fixture with its sources and recipient', () => {
    const v4 = readPlanFile(fixture('v4-example.json'));
    expect(v4.ok && Object.values(v4.doc.items).every((i) => i.sources.length === 0)).toBe(true);
    const v5 = readPlanFile(fixture('v5-example.json'));
    expect(v5.ok).toBe(true);
    if (!v5.ok) return;
    expect(v5.warnings).toEqual(['Filen uppdaterades från format 5 till 6.']);
    expect(v5.recipient).toBe('Koncernkontoret');
    const sourced = Object.values(v5.doc.items).filter((i) => i.sources.length > 0);
    expect(sourced.map((i) => [i.text, i.sources.map((s) => s.kalla)])).toEqual([
      ['Välfungerande samarbete mellan VGR och kommuner', ['NU-sjukvården', 'Skaraborgs Sjukhus']],
      ['Etablera gemensam målbild för rätt vårdnivå och hur detta ökar tillgängligheten', ['Primärvården']],
    ]);
  });
});

describe('0005-follow-up (file version 5 → 6)', () => {
  it('gives an older file an empty follow-up', () => {
    const after = followUp.up({ items: [] });
    expect(after.followUp).toEqual({ periods: [], progress: [], measurements: [], judgements: [], performed: [] });
  });

  it('reads the version-5 fixture with no follow-up and the version-6 fixture with its own', () => {
    const v5 = readPlanFile(fixture('v5-example.json'));
    expect(v5.ok && Object.values(v5.followUp).every((records) => Object.keys(records).length === 0)).toBe(true);
    const v6 = readPlanFile(fixture('v6-example.json'));
    expect(v6.ok).toBe(true);
    if (!v6.ok) return;
    expect(v6.warnings).toEqual([]);
    expect(Object.keys(v6.followUp.periods)).toEqual(['2025', '2026-T1']);
    expect(v6.followUp.periods['2025']!.closedAt).toBe('2026-02-15T09:00:00.000Z');
    const progress = Object.values(v6.followUp.progress).map((p) => [p.periodId, v6.doc.items[p.itemId]!.text, p.state]);
    expect(progress).toEqual([
      ['2025', 'Välfungerande samarbete mellan VGR och kommuner', 'klar'],
      ['2026-T1', 'Välfungerande samarbete mellan VGR och kommuner', 'pagar'],
    ]);
    expect(Object.values(v6.followUp.measurements).map((m) => [m.date, m.value, m.source])).toEqual([['2025-12-31', 62.5, 'Vården i siffror']]);
    expect(Object.values(v6.followUp.judgements).map((j) => j.judgement)).toEqual(['ratt-riktning']);
    expect(Object.values(v6.followUp.performed).map((d) => d.kalla)).toEqual(['NU-sjukvården']);
  });
});
