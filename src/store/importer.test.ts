import { describe, expect, it } from 'vitest';
import { IMPORT_KINDS, notPlanText } from './importer';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('what Importera says about files that are not plan files', () => {
  it('names a fake .docx as a Word file it cannot open, never as bad JSON', () => {
    const said = notPlanText('handlingsplan.docx', bytes('not a zip at all'))!;
    expect(said).toContain('inte en Word-fil som går att öppna');
    expect(said).not.toContain('JSON –');
    expect(said).toContain(IMPORT_KINDS);
  });

  it('tells how to make a .doc readable, and that other office files are not plans', () => {
    expect(notPlanText('gammal.doc', bytes('\u00d0\u00cf\u0011\u00e0'))).toContain('Spara filen som .docx i Word');
    expect(notPlanText('plan.pdf', bytes('%PDF-1.7'))).toBe(
      `Det är en PDF, som inte går att läsa tillbaka. Öppna originaldokumentet i Word, spara det som .docx och läs in det igen. ${IMPORT_KINDS}`,
    );
    expect(notPlanText('plan.odt', bytes('x'))).toContain('inte en plan från Solfjädern');
    expect(notPlanText('bild.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe(`Det är en bild. ${IMPORT_KINDS}`);
    expect(notPlanText('tom.json', new Uint8Array(0), 0)).toBe(`Filen är tom. ${IMPORT_KINDS}`);
  });

  it('refuses binary content whatever its name, and lets text through to the JSON reader', () => {
    expect(notPlanText('plan.json', Uint8Array.from([0x7b, 0x00, 0x01]))).toBe(`Filen är varken en plan eller en Word-fil. ${IMPORT_KINDS}`);
    expect(notPlanText('plan.json', bytes('{"format":"solfjadern-plan"}'))).toBeNull();
    expect(notPlanText('plan.json', bytes('{\n\t"x": 1\r\n}'))).toBeNull();
    expect(notPlanText('plan', bytes('\ufeff{}'))).toBeNull();
  });
});
