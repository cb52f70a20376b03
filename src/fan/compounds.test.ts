// Issue 23: Swedish compounds from the plan and the seeds break where they join — "hälso-samtal",
// not "hälsosam-tal" — with three letters each side at least and one break in a word at most.
import { describe, expect, it } from 'vitest';
import { compounds, swedish } from '../../tests/fixtures/swedish';
import { compoundSplitter, frontDecoded } from './compounds';
import { drawnText, estimateMeasure, wrapText } from './text';

const font = { size: 10 };
const px = (chars: number) => chars * 5.6 + 0.01;

/** Each word and where it joins (the boundary a reader expects a break at). */
const COMPOUNDS: Array<[string, string[]]> = [
  ['hälsosamtal', ['hälso', 'samtal']],
  ['invånarfokus', ['invånar', 'fokus']],
  ['uppföljningsindikatorer', ['uppföljnings', 'indikatorer']],
  ['kunskapsstyrningsorganisationen', ['kunskaps', 'styrnings', 'organisationen']],
  ['erfarenhetsutbyte', ['erfarenhets', 'utbyte']],
  ['kompetensförsörjning', ['kompetens', 'försörjning']],
  ['primärvården', ['primär', 'vården']],
  ['Hälsofrämjande', ['Hälso', 'främjande']],
  ['patientgrupper', ['patient', 'grupper']],
  ['verksamhetsplan', ['verksamhets', 'plan']],
  ['barnuppdraget', ['barn', 'uppdraget']],
  ['vårdkontakter', ['vård', 'kontakter']],
  ['sjukvården', ['sjuk', 'vården']],
  ['ledarskapsutveckling', ['ledarskaps', 'utveckling']],
  ['attraktionskraft', ['attraktions', 'kraft']],
  ['Utbildningsinsatser', ['Utbildnings', 'insatser']],
  ['kapacitetsplanering', ['kapacitets', 'planering']],
  ['resursomfördelning', ['resurs', 'omfördelning']],
  ['sjukvårdsnämnden', ['sjuk', 'vårds', 'nämnden']],
  ['vårdinformationssystem', ['vård', 'informations', 'system']],
  ['förändringsledning', ['förändrings', 'ledning']],
  ['akutmottagningar', ['akut', 'mot', 'tagningar']],
  ['utvecklingssamtal', ['utvecklings', 'samtal']],
  ['ungdomspsykiatri', ['ungdoms', 'psykiatri']],
  ['patientsäkerhet', ['patient', 'säkerhet']],
];

/** Where the parts meet, as positions in the word. */
const joinsOf = (parts: string[]) => parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('').length);

describe('compound boundaries from the Swedish dictionary', () => {
  const split = compoundSplitter(compounds);

  it.each(COMPOUNDS)('%s joins where its parts meet, and nowhere else', (word, parts) => {
    expect(parts.join('')).toBe(word);
    expect(split(word).map((j) => j.at)).toEqual(joinsOf(parts));
  });

  it('knows how many parts come before each join, so a plain first word is chosen first ("akut|mottagningar")', () => {
    expect(split('akutmottagningar')).toEqual([
      { at: 4, parts: 1 },
      { at: 7, parts: 2 },
    ]);
  });

  it('finds no boundary in words that are not compounds, or where a part would be a syllable ("hälsosam|tal", "sjukvår|den")', () => {
    for (const word of ['samverkan', 'implementering', 'organisation', 'tillsammans', 'medarbetare', 'levererar', 'resurserna', 'invånarens']) expect(split(word), word).toEqual([]);
    const at = (word: string) => split(word).map((j) => j.at);
    expect(at('hälsosamtal')).not.toContain('hälsosam'.length);
    expect(at('sjukvården')).not.toContain('sjukvår'.length);
    expect(at('delaktighet')).not.toContain('del'.length);
  });

  it('reads the front-coded lists the build script writes', () => {
    expect(frontDecoded('0hälsa4o3ning0vård')).toEqual(['hälsa', 'hälso', 'hälning', 'vård']);
    expect(frontDecoded(compounds.begin)).toContain('hälso');
  });
});

describe('line breaking of Swedish compounds', () => {
  const sv = swedish();

  it.each(COMPOUNDS)('%s breaks at its compound boundary when it does not fit a line, nowhere else', (word, parts) => {
    const joins = joinsOf(parts);
    // Every line width from a third of the word to just short of it: a break, if any, where parts meet.
    for (let width = Math.ceil(word.length / 3); width < word.length; width++) {
      const lines = wrapText(word, font, estimateMeasure, () => px(width), 4, sv);
      if (!lines) continue;
      expect(lines.length, `${word} at ${width}`).toBeLessThanOrEqual(2); // never two breaks in one word
      if (lines.length === 1) continue;
      const head = drawnText(lines[0]!);
      expect(head.endsWith('-'), `${word} at ${width}: ${lines.map(drawnText).join(' | ')}`).toBe(true);
      expect(joins, `${word} at ${width}: ${lines.map(drawnText).join(' | ')}`).toContain(head.length - 1);
    }
    // Just too narrow for the whole word: it is broken, at a join.
    const lines = wrapText(word, font, estimateMeasure, () => px(word.length - 1), 2, sv)!;
    expect(lines).toHaveLength(2);
    expect(joins).toContain(drawnText(lines[0]!).length - 1);
  });

  it('reads as a Swedish reader expects: the issue\'s words, and a plain first word before a longer chain', () => {
    const wrap = (word: string, width: number) => wrapText(word, font, estimateMeasure, () => px(width), 2, sv)?.map(drawnText);
    expect(wrap('hälsosamtal', 9)).toEqual(['hälso-', 'samtal']);
    expect(wrap('invånarfokus', 9)).toEqual(['invånar-', 'fokus']);
    expect(wrap('kompetensförsörjning', 14)).toEqual(['kompetens-', 'försörjning']);
    expect(wrap('uppföljningsindikatorer', 14)).toEqual(['uppföljnings-', 'indikatorer']);
    expect(wrap('erfarenhetsutbyte', 14)).toEqual(['erfarenhets-', 'utbyte']);
    expect(wrap('primärvården', 9)).toEqual(['primär-', 'vården']);
    expect(wrap('akutmottagningar', 12)).toEqual(['akut-', 'mottagningar']);
    expect(wrap('kunskapsstyrningsorganisationen', 18)).toEqual(['kunskapsstyrnings-', 'organisationen']);
  });

  it('a word that would need two breaks is not broken: the text needs a wider line', () => {
    // "kunskaps-styrnings-organisationen" in lines of 12 letters would need two breaks.
    expect(wrapText('kunskapsstyrningsorganisationen', font, estimateMeasure, () => px(15), 6, sv)).toBeNull();
  });
});
