import { describe, expect, it } from 'vitest';
import { groupProposals, type Input } from './proposalGroups';

let n = 0;
const input = (text: string, kalla: string, rank: number): Input => ({ id: `i${++n}`, text, kalla, delomradeId: 'nara-vard', year: 2026, rank, extra: false });

describe('weighing inputs from many offices', () => {
  const inputs = [
    input('Fler patientgrupper omhändertas i nära vården', 'NU-sjukvården', 2),
    input('Samverkan med idéburen sektor', 'Regionhälsan', 0),
    input('Fler patientgrupper ska omhändertas i nära vård', 'Skaraborgs Sjukhus', 0),
    input('FLER PATIENTGRUPPER I NÄRA VÅRDEN OMHÄNDERTAS', 'nu-sjukvården ', 0),
    input('Digitala vårdmöten införs i primärvården', 'Primärvården', 1),
    input('Införa digitala vårdmöten i hela primärvården', 'Folktandvården', 1),
  ];

  it('groups near-duplicates across offices and weighs them: offices first, then their places', () => {
    const groups = groupProposals(inputs);
    expect(groups.map((g) => g.inputs.map((i) => i.kalla))).toEqual([
      ['NU-sjukvården', 'Skaraborgs Sjukhus', 'nu-sjukvården '],
      ['Primärvården', 'Folktandvården'],
      ['Regionhälsan'],
    ]);
    // The same office twice counts once, at its best place.
    expect(groups[0]!.offices).toEqual(['NU-sjukvården', 'Skaraborgs Sjukhus']);
    expect(groups[0]!.meanPlace).toBe(1);
    expect(groups[1]!.meanPlace).toBe(2);
    expect(groups[2]).toMatchObject({ offices: ['Regionhälsan'], meanPlace: 1 });
  });

  it('keeps every original wording, and splits apart at a stricter threshold', () => {
    const groups = groupProposals(inputs, 0.95);
    expect(groups.flatMap((g) => g.inputs).map((i) => i.id).sort()).toEqual(inputs.map((i) => i.id).sort());
    expect(groups.find((g) => g.offices.includes('Primärvården'))!.inputs).toHaveLength(1);
  });
});
