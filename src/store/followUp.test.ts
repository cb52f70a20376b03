// @vitest-environment jsdom
// Uppföljning through the app's editor: one undoable step per change, written into the plan's
// document and shown from it — this window's changes and those from elsewhere alike.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addPeriod, closePeriod, setProgress } from '../domain/followup';
import { createExampleDoc } from '../domain/plan';
import { followUpMap } from '../ydoc/followUp';
import { planToJson } from '../export/json';
import { readPlanFile } from '../schema/restore';
import { importAsNewPlan } from './importer';
import { rememberAuthor } from './author';
import { addFollowUpPeriod, addIndicatorValue, addPerformedEntry, removeIndicatorValue, removePerformedEntry, setItemProgress, setJudgement, setJudgementText, setProgressComment } from './followUpActions';
import { useUi } from './ui';
import { commitFollowUp, currentYDoc, loadDoc, redo, settleNow, undo, useEditor } from './editor';

const AT = '2026-02-01T10:00:00.000Z';
const state = () => useEditor.getState();

beforeEach(() => {
  loadDoc(createExampleDoc());
  useEditor.setState({ notice: null });
});

describe('the follow-up in the editor', () => {
  it('each change is one undoable step, shown from the document', () => {
    const itemId = Object.values(state().doc!.items).find((i) => i.cell)!.id;
    expect(commitFollowUp('Ny period', (f) => void addPeriod(f, '2025'))).toBe(true);
    expect(commitFollowUp('Läge', (f, doc) => void setProgress(f, doc.items, { periodId: '2025', itemId, state: 'pagar', by: 'Anna', at: AT }))).toBe(true);
    expect(state().followUp.progress[`2025|${itemId}`]!.state).toBe('pagar');
    expect(state().history.past.map((s) => s.label).slice(-2)).toEqual(['Ny period', 'Läge']);
    // Nothing changed: no step.
    expect(commitFollowUp('Samma period', (f) => void addPeriod(f, '2025'))).toBe(false);
    expect(undo()).toBe(true);
    expect(state().followUp.progress).toEqual({});
    expect(Object.keys(state().followUp.periods)).toEqual(['2025']);
    expect(redo()).toBe(true);
    expect(state().followUp.progress[`2025|${itemId}`]!.state).toBe('pagar');
    // The plan's items are untouched by it.
    expect(followUpMap(currentYDoc()!, 'progress').size).toBe(1);
  });

  it('a broken rule is said in Swedish and changes nothing', () => {
    const itemId = Object.values(state().doc!.items).find((i) => i.cell)!.id;
    commitFollowUp('Ny period', (f) => void addPeriod(f, '2025'));
    commitFollowUp('Stäng', (f) => closePeriod(f, '2025', AT));
    const before = state().followUp;
    const steps = state().history.past.length;
    expect(commitFollowUp('Läge', (f, doc) => void setProgress(f, doc.items, { periodId: '2025', itemId, state: 'klar', by: 'Anna', at: AT }))).toBe(false);
    expect(state().notice?.text).toBe('Perioden 2025 är stängd. Öppna den igen för att ändra.');
    expect(state().followUp).toBe(before);
    expect(state().history.past.length).toBe(steps);
  });

  it('what a colleague says arrives and shows; a new plan starts with none', () => {
    const ydoc = currentYDoc()!;
    const itemId = Object.values(state().doc!.items).find((i) => i.cell)!.id;
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(ydoc));
    colleague.transact(() => {
      followUpMap(colleague, 'periods').set('2026-T1', { closedAt: null });
      followUpMap(colleague, 'progress').set(`2026-T1|${itemId}`, { state: 'forsenad', comment: 'Väntar på upphandling', by: 'Bo', at: AT, source: null });
    });
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(colleague), 'room');
    // Read with the next reading of the plan (right after this task in the app).
    settleNow();
    expect(state().followUp.progress[`2026-T1|${itemId}`]!.comment).toBe('Väntar på upphandling');
    loadDoc(createExampleDoc());
    expect(state().followUp.periods).toEqual({});
  });
});

describe('the follow-up in a plan file', () => {
  it('goes with the plan into its JSON file and back, and opens with it as a new plan', async () => {
    const itemId = Object.values(state().doc!.items).find((i) => i.cell)!.id;
    commitFollowUp('Ny period', (f) => void addPeriod(f, 'T2 2026'));
    commitFollowUp('Läge', (f, doc) => void setProgress(f, doc.items, { periodId: '2026-T2', itemId, state: 'forsenad', comment: 'Väntar', by: 'Anna', at: AT }));
    const kept = state().followUp;
    const read = readPlanFile(planToJson(state().doc!, new Date(AT), '', kept));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.followUp).toEqual(kept);
    await importAsNewPlan({ fileName: 'plan.json', doc: read.doc, followUp: read.followUp, warnings: [], existing: null });
    await vi.waitFor(() => expect(state().doc!.plan.name).toMatch(/^Importerad: /));
    expect(state().followUp).toEqual(kept);
  });
});

describe('Uppföljning’s actions', () => {
  it('say who and when; a comment needs a state first and its typing is one step', () => {
    rememberAuthor('Anna Berg');
    const itemId = Object.values(state().doc!.items).find((i) => i.cell)!.id;
    expect(addFollowUpPeriod('t1 2026')).toBe(true);
    expect(useUi.getState().followUpPeriod).toBe('2026-T1');
    expect(addFollowUpPeriod('hösten')).toBe(false);
    expect(state().notice?.text).toBe('Skriv perioden som ett år (2025) eller ett tertial (T2 2026).');
    expect(setProgressComment('2026-T1', itemId, 'Först')).toBe(false);
    expect(state().notice?.text).toBe('Välj först aktivitetens läge.');
    expect(setItemProgress('2026-T1', itemId, 'pagar')).toBe(true);
    const steps = state().history.past.length;
    setProgressComment('2026-T1', itemId, 'Upphandling');
    setProgressComment('2026-T1', itemId, 'Upphandling pågår');
    expect(state().history.past.length).toBe(steps + 1);
    const said = state().followUp.progress[`2026-T1|${itemId}`]!;
    expect([said.state, said.comment, said.by]).toEqual(['pagar', 'Upphandling pågår', 'Anna Berg']);
    expect(setItemProgress('2026-T1', itemId, null)).toBe(true);
    expect(state().followUp.progress).toEqual({});
  });

  it('indicator values as people type them; a judgement with its reasons; what the offices did', () => {
    rememberAuthor('Anna Berg');
    const item = Object.values(state().doc!.items).find((i) => i.indikator.target !== null)!;
    expect(addIndicatorValue(item.id, '2025-12-31', '24,5', 'Vården i siffror')).toBe(true);
    expect(Object.values(state().followUp.measurements).map((m) => [m.date, m.value, m.source, m.by])).toEqual([['2025-12-31', 24.5, 'Vården i siffror', 'Anna Berg']]);
    const steps = state().history.past.length;
    expect(addIndicatorValue(item.id, '2025-13-01', '3', '')).toBe(false);
    expect(state().notice?.text).toBe('Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2025-12-31.');
    expect(addIndicatorValue(item.id, '2025-11-01', 'mycket', '')).toBe(false);
    expect(state().notice?.text).toBe('Skriv värdet som ett tal, till exempel 12,5.');
    expect(state().history.past.length).toBe(steps);
    expect(removeIndicatorValue(Object.keys(state().followUp.measurements)[0]!)).toBe(true);
    expect(state().followUp.measurements).toEqual({});

    addFollowUpPeriod('2025');
    expect(setJudgementText('2025', 'nara-vard', 'Först')).toBe(false);
    expect(state().notice?.text).toBe('Välj först bedömningen.');
    expect(setJudgement('2025', 'nara-vard', 'ratt-riktning')).toBe(true);
    setJudgementText('2025', 'nara-vard', 'Fler digitala vårdmöten');
    setJudgement('2025', 'nara-vard', 'oforandrat');
    expect(state().followUp.judgements['2025|nara-vard']).toMatchObject({ judgement: 'oforandrat', text: 'Fler digitala vårdmöten', by: 'Anna Berg' });
    expect(setJudgement('2025', 'nara-vard', null)).toBe(true);
    expect(state().followUp.judgements).toEqual({});

    expect(addPerformedEntry('2025', 'nara-vard', ' ', 'SU')).toBe(false);
    expect(state().notice?.text).toBe('Skriv vad som genomförts.');
    expect(addPerformedEntry('2025', 'nara-vard', 'Mobila team', 'NU-sjukvården')).toBe(true);
    const [entry] = Object.values(state().followUp.performed);
    expect([entry!.text, entry!.kalla, entry!.delomradeId]).toEqual(['Mobila team', 'NU-sjukvården', 'nara-vard']);
    expect(removePerformedEntry(entry!.id)).toBe(true);
    expect(state().followUp.performed).toEqual({});
  });
});
