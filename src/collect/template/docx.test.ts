// @vitest-environment jsdom
// What a Word table cell holds for the template reader: written lines only — tracked deletions
// never, numbering not as text — with italics and bold direct or through a style.
import { describe, expect, it } from 'vitest';
import { tablesOfDocx } from './docx';
import { headingYear } from './interpret';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const doc = (cells: string) => `<w:document xmlns:w="${W}"><w:body><w:tbl><w:tr>${cells}</w:tr></w:tbl></w:body></w:document>`;
const styles = `<w:styles xmlns:w="${W}">
  <w:style w:type="character" w:styleId="Betoning"><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Extra"><w:rPr><w:i/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="ExtraLiten"><w:basedOn w:val="Extra"/></w:style>
  <w:style w:type="paragraph" w:styleId="Rubrik"><w:rPr><w:b/></w:rPr></w:style>
</w:styles>`;

describe('a Word cell as lines', () => {
  it('drops tracked deletions and keeps insertions; a soft line break ends a line; numbering is not text', () => {
    const [table] = tablesOfDocx(
      doc(`<w:tc>
        <w:p><w:r><w:t>Kvar </w:t></w:r><w:del w:id="1"><w:r><w:delText>Struken </w:delText></w:r><w:r><w:t>också struken</w:t></w:r></w:del><w:ins w:id="2"><w:r><w:t>och tillagd</w:t></w:r></w:ins></w:p>
        <w:p><w:r><w:t>Rad ett</w:t><w:br/><w:t>Rad två</w:t></w:r></w:p>
        <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Listpunkt</w:t></w:r></w:p>
        <w:p><w:r><w:t>Sida</w:t><w:br w:type="page"/><w:t>byte</w:t></w:r></w:p>
        <w:p/>
      </w:tc>`),
    );
    expect(table!.rows[0]![0]!.lines.map((l) => l.text)).toEqual(['Kvar och tillagd', 'Rad ett', 'Rad två', 'Listpunkt', 'Sidabyte']);
  });

  it('italic and bold directly, through a character style, a paragraph style and what it is based on; val="0" turns off', () => {
    const [table] = tablesOfDocx(
      doc(`<w:tc>
        <w:p><w:r><w:rPr><w:i/></w:rPr><w:t>Direkt</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:rStyle w:val="Betoning"/></w:rPr><w:t>Teckenformat</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="ExtraLiten"/></w:pPr><w:r><w:t>Styckeformat</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Extra"/></w:pPr><w:r><w:rPr><w:i w:val="0"/></w:rPr><w:t>Avslaget</w:t></w:r></w:p>
        <w:p><w:pPr><w:pStyle w:val="Rubrik"/></w:pPr><w:r><w:t>2025</w:t></w:r></w:p>
      </w:tc>`),
      styles,
    );
    expect(table!.rows[0]![0]!.lines.map((l) => [l.text, l.italic, l.bold])).toEqual([
      ['Direkt', true, false],
      ['Teckenformat', true, false],
      ['Styckeformat', true, false],
      ['Avslaget', false, false],
      ['2025', false, true],
    ]);
  });

  it('merged cells: a span across, a continuation down; cells a content control wraps', () => {
    const [table] = tablesOfDocx(
      doc(`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Rubrik</w:t></w:r></w:p></w:tc>
        <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
        <w:sdt><w:sdtContent><w:tc><w:p><w:r><w:t>I kontroll</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt>`),
    );
    expect(table!.rows[0]!.map((c) => [c.span, c.continued, c.lines.map((l) => l.text).join()])).toEqual([
      [2, false, 'Rubrik'],
      [1, true, ''],
      [1, false, 'I kontroll'],
    ]);
  });
});

describe('a sub-heading for a year', () => {
  const line = (text: string, bold = false) => ({ text, bold, italic: false });
  it('is a year alone, a ring label, or a short bold line with a year', () => {
    expect(headingYear(line('2025'))).toBe(2025);
    expect(headingYear(line('2026:'))).toBe(2026);
    expect(headingYear(line('Viktiga milstolpar 2025'))).toBe(2025);
    expect(headingYear(line('Önskad målbild 2027'))).toBe(2027);
    expect(headingYear(line('Klart under 2026', true))).toBe(2026);
  });
  it('is not a proposal that mentions a year', () => {
    expect(headingYear(line('Nära vård i alla kommuner senast 2026'))).toBeNull();
    expect(headingYear(line('Klart under 2026'))).toBeNull();
    expect(headingYear(line('Fler vårdmöten'))).toBeNull();
    expect(headingYear(line('Tandvården senast 2026'))).toBeNull();
    expect(headingYear(line('Målbilden nås 2027'))).toBeNull();
  });
});
