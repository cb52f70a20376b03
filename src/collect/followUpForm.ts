// The follow-up form ("Skicka ut" → Uppföljning): what an office is asked about — the items
// that concern it — and its answers read back (Samla in) into the plan's follow-up, each with
// where it came from. The Word form is built in export/docx/followUpForm.ts; read here from the
// tables of a .docx or .odt (as Word or LibreOffice saved it), or from a plan file.
import { addPerformed, addPeriod, emptyFollowUp, FOLLOW_UP_FORM, type FollowUp, periodLabel, periodOfId, PROGRESS_STATES, type ProgressState, parsePeriod, progressKey, setProgress } from '../domain/followup';
import { placedItems } from '../domain/coverage';
import { newId } from '../domain/ids';
import { RuleError } from '../domain/rules';
import { type Catalogue, type Item, MAX_AUTHOR_LENGTH, type PlanDoc } from '../domain/types';
import { cellText, normalized, type Table } from './template/model';

const FORM = FOLLOW_UP_FORM;

/** The words an office may write for each state, as people write them (normalized). */
const WORDS: Array<[ProgressState, RegExp]> = [
  ['ej-paborjad', /^(ej|inte|ännu inte|ej ännu) (påbörjad|påbörjat|paborjad|startad|startat|börjat)/],
  ['pagar', /^(pågår|pagar|pågående|påbörjad|påbörjat|startad|igång)/],
  ['klar', /^(klar|klart|färdig|färdigt|genomförd|genomfört|avslutad)$/],
  ['forsenad', /^(försenad|försenat|forsenad|sen|senare)/],
  ['avbruten', /^(avbruten|avbrutet|avbryts|stoppad|stoppat|struken)/],
];

/** A state as an office wrote it ("Klart", "pågår", "Ej påbörjad", a mark "●"); null when it cannot be read. */
export function progressWord(text: string): ProgressState | null {
  const marks: Record<string, ProgressState> = { '○': 'ej-paborjad', '◐': 'pagar', '●': 'klar', '▲': 'forsenad', '⊘': 'avbruten' };
  const mark = [...text.trim()][0];
  if (mark && marks[mark]) return marks[mark]!;
  const word = normalized(text);
  if (!word) return null;
  return WORDS.find(([, pattern]) => pattern.test(word))?.[0] ?? (PROGRESS_STATES.includes(word as ProgressState) ? (word as ProgressState) : null);
}

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');

/**
 * The items an office is asked about: those it proposed (källa or a collected proposal of
 * theirs) and those every office carries out (ansvarsnivå "Varje förvaltning"); all placed
 * items when none is theirs. Struck items are not followed up.
 */
export function itemsConcerning(doc: PlanDoc, recipient: string): Item[] {
  const placed = placedItems(doc).filter((i) => i.status !== 'stryks');
  const theirs = placed.filter((i) => i.ansvarsniva === 'Varje förvaltning' || same(i.kalla, recipient) || i.sources.some((s) => same(s.kalla, recipient)));
  return theirs.length > 0 ? theirs : placed;
}

/** The plan file sent with a follow-up form: the items that concern the office, with what is said of them in the period. */
export function followUpFormPlan(doc: PlanDoc, followUp: FollowUp, periodId: string, items: readonly Item[]): { doc: PlanDoc; followUp: FollowUp } {
  const period = followUp.periods[periodId];
  if (!period) throw new RuleError('Perioden finns inte längre.');
  const out = emptyFollowUp();
  out.periods[periodId] = { ...period, closedAt: null };
  for (const item of items) {
    const said = followUp.progress[progressKey(periodId, item.id)];
    if (said) out.progress[progressKey(periodId, item.id)] = said;
  }
  return { doc: { plan: doc.plan, items: Object.fromEntries(items.map((i) => [i.id, i])) }, followUp: out };
}

/** One row of an office's answer: the item as it was named, its state and comment. */
export interface AnsweredRow {
  /** The item's id, when the answer came in a plan file of ours. */
  itemId: string | null;
  text: string;
  /** "Nära invånaren, Viktiga milstolpar 2025": where the form said it is. */
  where: string;
  word: string;
  comment: string;
}

export interface FormAnswer {
  periodId: string;
  rows: AnsweredRow[];
  performed: Array<{ delomrade: string; text: string }>;
}

const headerIndex = (table: Table, test: (text: string) => boolean) => (table.rows[0] ?? []).findIndex((c) => test(normalized(cellText(c))));

/** The answer in a form's tables and paragraphs; null when it is not a follow-up form. */
export function answerOfTables(tables: readonly Table[], paragraphs: readonly string[]): FormAnswer | null {
  const progress = tables.find((t) => headerIndex(t, (h) => h === normalized(FORM.activity)) >= 0 && headerIndex(t, (h) => h.startsWith(normalized(FORM.state))) >= 0);
  if (!progress) return null;
  const [activity, state, comment] = [
    headerIndex(progress, (h) => h === normalized(FORM.activity)),
    headerIndex(progress, (h) => h.startsWith(normalized(FORM.state))),
    headerIndex(progress, (h) => h.startsWith(normalized(FORM.comment))),
  ];
  // The period: its "Period:" line, else the state column's header ("Läge T2 2026").
  const said = paragraphs.map((p) => /^\s*Period\s*[:：]\s*(.+)$/iu.exec(p)?.[1]).find(Boolean) ?? cellText(progress.rows[0]![state]).replace(/^\s*Läge\s*/iu, '');
  let periodId: string;
  try {
    periodId = parsePeriod(said.replace(/[,(].*$/, '')).id;
  } catch {
    throw new RuleError('Formuläret säger inte vilken period det gäller (raden ”Period:”).');
  }
  const rows = progress.rows.slice(1).flatMap((row): AnsweredRow[] => {
    const lines = row[activity]?.lines ?? [];
    const text = lines[0]?.text ?? '';
    if (!text) return [];
    return [{ itemId: null, text, where: lines[1]?.text ?? '', word: cellText(row[state]), comment: comment >= 0 ? (row[comment]?.lines ?? []).map((l) => l.text).join('\n\n') : '' }];
  });
  const done = tables.find((t) => headerIndex(t, (h) => h === normalized(FORM.area)) >= 0 && headerIndex(t, (h) => h.startsWith(normalized(FORM.performed))) >= 0);
  const performed = done
    ? done.rows.slice(1).flatMap((row) => {
        const area = cellText(row[headerIndex(done, (h) => h === normalized(FORM.area))]);
        const text = (row[headerIndex(done, (h) => h.startsWith(normalized(FORM.performed)))]?.lines ?? []).map((l) => l.text).join('\n\n').trim();
        return text ? [{ delomrade: area, text }] : [];
      })
    : [];
  return { periodId, rows, performed };
}

/** The answer in a plan file (an office that followed up in Solfjädern); null when it says nothing of follow-up. */
export function answerOfPlan(doc: PlanDoc, followUp: FollowUp): FormAnswer | null {
  const progress = Object.values(followUp.progress);
  const performed = Object.values(followUp.performed);
  if (progress.length === 0 && performed.length === 0) return null;
  // The latest period spoken of: a form asks about one.
  const periodId = [...progress.map((p) => p.periodId), ...performed.map((p) => p.periodId)].filter((id) => periodOfId(id)).sort().at(-1);
  if (!periodId) return null;
  const where = (item: Item) => {
    const blade = doc.plan.blades.find((b) => b.id === item.cell?.bladeId);
    const ring = doc.plan.rings.find((r) => r.id === item.cell?.ringId);
    return blade && ring ? `${blade.name}, ${ring.label}` : '';
  };
  const names = new Map(doc.plan.catalogue.delomraden.map((d) => [d.id, d.name]));
  return {
    periodId,
    rows: progress
      .filter((p) => p.periodId === periodId && doc.items[p.itemId])
      .map((p) => ({ itemId: p.itemId, text: doc.items[p.itemId]!.text, where: where(doc.items[p.itemId]!), word: p.state, comment: p.comment })),
    performed: performed.filter((p) => p.periodId === periodId).map((p) => ({ delomrade: names.get(p.delomradeId ?? '') ?? '', text: p.text })),
  };
}

/** What taking in an answer did, for the message. */
export interface AnswerTaken {
  period: string;
  progress: number;
  performed: number;
  /** Rows whose activity is not (or not only once) in the plan. */
  unknown: string[];
  /** Rows whose state could not be read. */
  unread: string[];
}

/**
 * Write an office's answer into the follow-up: each row's progress (said by the office, with
 * the file it came from) and what it did, under the delområde it named. The period is added
 * when the plan has lost it; a closed one refuses (RuleError), changing nothing.
 */
export function takeAnswer(
  followUp: FollowUp,
  doc: PlanDoc,
  answer: FormAnswer,
  from: { fileId: string; kalla: string; at: string; delomradeByName: (catalogue: Catalogue, name: string) => string | null },
): AnswerTaken {
  const period = followUp.periods[answer.periodId] ?? addPeriod(followUp, periodLabel(periodOfId(answer.periodId)!));
  if (period.closedAt) throw new RuleError(`Perioden ${periodLabel(period)} är stängd. Öppna den igen för att ta in svaren.`);
  const placed = placedItems(doc).filter((i) => i.status !== 'stryks');
  const where = (item: Item) => `${doc.plan.blades.find((b) => b.id === item.cell!.bladeId)?.name ?? ''}, ${doc.plan.rings.find((r) => r.id === item.cell!.ringId)?.label ?? ''}`;
  const taken: AnswerTaken = { period: periodLabel(period), progress: 0, performed: 0, unknown: [], unread: [] };
  const source = { inputId: from.fileId, kalla: from.kalla };
  for (const row of answer.rows) {
    const byId = row.itemId && doc.items[row.itemId]?.cell ? doc.items[row.itemId]! : null;
    const named = placed.filter((i) => normalized(i.text) === normalized(row.text));
    const item = byId ?? (named.length === 1 ? named[0] : named.find((i) => normalized(where(i)) === normalized(row.where)));
    const state = progressWord(row.word);
    if (!state) {
      if (row.word.trim() || row.comment.trim()) taken.unread.push(row.text);
      continue;
    }
    if (!item) {
      taken.unknown.push(row.text);
      continue;
    }
    setProgress(followUp, doc.items, { periodId: period.id, itemId: item.id, state, comment: row.comment, by: (from.kalla || 'Okänd förvaltning').slice(0, MAX_AUTHOR_LENGTH), at: from.at, source });
    taken.progress += 1;
  }
  for (const entry of answer.performed) {
    addPerformed(followUp, doc.plan, {
      id: newId(),
      periodId: period.id,
      delomradeId: from.delomradeByName(doc.plan.catalogue, entry.delomrade),
      text: entry.text,
      kalla: from.kalla,
      inputId: from.fileId,
    });
    taken.performed += 1;
  }
  return taken;
}
