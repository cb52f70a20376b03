// Writes src/fan/compounds-sv.json from the Swedish Hunspell dictionary (dictionary-sv, LGPL-3.0,
// Göran Andersson): the forms that may begin a compound ("hälso", "invånar", "kunskaps") and the
// forms that may stand in its middle ("styrnings"), read from the dictionary's COMPOUNDBEGIN (X)
// and COMPOUNDMIDDLE (U) flags, also where a suffix rule gives them (the linking "s": flag v, f).
// The fan's line breaking uses them to break a compound at its boundary (src/fan/compounds.ts).
// Run: npm run compounds
import { writeFileSync } from 'node:fs';
import dictionary from 'dictionary-sv';

const text = (bytes) => new TextDecoder().decode(bytes);
const aff = text(dictionary.aff).split('\n');
const dic = text(dictionary.dic).split('\n').slice(1);

const BEGIN = 'X';
const MIDDLE = 'U';
const END = 'Y';
/** Parts shorter than this are not worth a break (a reader needs three letters each side). */
const MIN = 3;

// Suffix rules: flag → [{ strip, add, flags, condition }].
const suffixes = new Map();
for (const line of aff) {
  const f = line.trim().split(/\s+/);
  if (f[0] !== 'SFX' || f.length < 5) continue;
  const [, flag, strip, addWithFlags, condition] = f;
  const [add, flags = ''] = addWithFlags.split('/');
  if (!suffixes.has(flag)) suffixes.set(flag, []);
  suffixes.get(flag).push({ strip: strip === '0' ? '' : strip, add: add === '0' ? '' : add, flags, condition: new RegExp(`${condition}$`) });
}

const begin = new Set();
const middle = new Set();
const end = new Set();
/** Endings a suffix rule adds to a word that may end a compound ("vård|en", "indikator|er"). */
const endings = new Set(['']);
const word = /^\p{Ll}+$/u;
for (const line of dic) {
  const [stem, flags = ''] = line.trim().split('/');
  if (!stem || !word.test(stem)) continue;
  if (stem.length >= MIN && flags.includes(BEGIN)) begin.add(stem);
  if (stem.length >= MIN && flags.includes(MIDDLE)) middle.add(stem);
  if (stem.length >= MIN && flags.includes(END)) {
    end.add(stem);
    for (const flag of flags) for (const rule of suffixes.get(flag) ?? []) if (!rule.strip && !rule.flags) endings.add(rule.add);
  }
  for (const flag of flags) {
    for (const rule of suffixes.get(flag) ?? []) {
      if (!rule.flags.includes(BEGIN) && !rule.flags.includes(MIDDLE)) continue;
      if (!rule.condition.test(stem) || !stem.endsWith(rule.strip)) continue;
      const form = stem.slice(0, stem.length - rule.strip.length) + rule.add;
      if (form.length < MIN) continue;
      if (rule.flags.includes(BEGIN)) begin.add(form);
      if (rule.flags.includes(MIDDLE)) middle.add(form);
    }
  }
}

// A word that is itself a compound of parts found here adds nothing: the parts find it.
const parts = new Set([...begin, ...middle]);
function chainEnds(word) {
  const ok = [true];
  for (let p = 1; p <= word.length; p++) {
    ok[p] = false;
    for (let q = 0; q + MIN <= p; q++) if (ok[q] && parts.has(word.slice(q, p))) { ok[p] = true; break; }
  }
  return ok;
}
const kept = new Set();
for (const w of [...end].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
  const ok = chainEnds(w);
  let compound = false;
  for (let p = MIN; p + MIN <= w.length && !compound; p++) compound = ok[p] && kept.has(w.slice(p));
  if (!compound) kept.add(w);
}
end.clear();
for (const w of kept) end.add(w);

/**
 * A sorted list, front-coded: each word as one character telling how many letters it shares
 * with the word before ('0' + n, at most 40), then the rest of it (a third the size, gzipped).
 */
function list(set) {
  let previous = '';
  let out = '';
  for (const word of [...set].sort()) {
    let shared = 0;
    while (shared < 40 && shared < previous.length && shared < word.length && previous[shared] === word[shared]) shared++;
    out += String.fromCharCode(48 + shared) + word.slice(shared);
    previous = word;
  }
  return out;
}
const out = { source: 'dictionary-sv 4 (LGPL-3.0, Göran Andersson)', begin: list(begin), middle: list(middle), end: list(end), endings: [...endings].sort().join(' ') };
const target = new URL('../src/fan/compounds-sv.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`${begin.size} begin forms, ${middle.size} middle forms, ${end.size} end words, ${endings.size} endings → src/fan/compounds-sv.json`);
