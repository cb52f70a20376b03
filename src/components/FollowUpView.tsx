// "Uppföljning": the plan followed up, one period at a time. Per fokusområde and ring, each
// item's progress in the words of the yearly report (Ej påbörjad, Pågår, Klar, Försenad,
// Avbruten) with a comment, who said it and when; items of a ring whose year has passed and that
// are not Klar stand out (in words, not colour alone). A closed period is read only.
import { shortDate } from './dates';
import { useId, useState } from 'react';
import { itemsIn } from '../domain/containers';
import { overdue, type Period, periodLabel, periodOrder, periodsInOrder, PROGRESS_STATES, PROGRESS_WORD, progressOf, type FollowUp, type ProgressState } from '../domain/followup';
import { comparePeriods, type ProgressChange } from '../domain/periodComparison';
import { MAX_AUTHOR_LENGTH, type Item, type PlanDoc } from '../domain/types';
import { rememberAuthor, rememberedAuthor } from '../store/author';
import { useEditor } from '../store/editor';
import { addFollowUpPeriod, closeFollowUpPeriod, reopenFollowUpPeriod, setItemProgress, setProgressComment } from '../store/followUpActions';
import { useUi } from '../store/ui';
import { useFollowedPeriod } from '../store/followedPeriod';
import { DelomradeFollowUp } from './DelomradeFollowUp';
import { PeriodChoice } from './PeriodChoice';
import { Editable } from './Editable';

function PeriodBar({ periods, period }: { periods: Period[]; period: Period | null }) {
  const [text, setText] = useState('');
  const [name, setName] = useState(rememberedAuthor);
  const ids = useId();
  return (
    <div className="followup-bar">
      {periods.length > 0 && (
        <span className="followup-field">
          <PeriodChoice id={`${ids}-choose`} periods={periods} period={period} />
        </span>
      )}
      <Editable>
        <form
          className="followup-add"
          onSubmit={(e) => {
            e.preventDefault();
            if (addFollowUpPeriod(text)) setText('');
          }}
        >
          <label htmlFor={`${ids}-period`}>Ny period</label>
          <input id={`${ids}-period`} value={text} placeholder="2025 eller T2 2026" aria-describedby={`${ids}-period-help`} onChange={(e) => setText(e.target.value)} />
          <span id={`${ids}-period-help`} className="sr-only">
            Ett år, till exempel 2025, eller ett tertial, till exempel T2 2026.
          </span>
          <button type="submit">Lägg till period</button>
        </form>
        {period &&
          (period.closedAt ? (
            <>
              <span className="followup-closed">Stängd {shortDate(period.closedAt)}</span>
              <button type="button" onClick={() => reopenFollowUpPeriod(period.id)}>
                Öppna perioden igen
              </button>
            </>
          ) : (
            <button type="button" onClick={() => closeFollowUpPeriod(period.id)}>
              Stäng perioden
            </button>
          ))}
      </Editable>
      <span className="followup-field">
        <label htmlFor={`${ids}-name`}>Ditt namn</label>
        <input id={`${ids}-name`} value={name} maxLength={MAX_AUTHOR_LENGTH} autoComplete="name" onChange={(e) => setName(e.target.value)} onBlur={() => rememberAuthor(name)} />
      </span>
    </div>
  );
}

function CommentField({ period, item, comment, disabled }: { period: Period; item: Item; comment: string; disabled: boolean }) {
  const [text, setText] = useState(comment);
  const [was, setWas] = useState(comment);
  // What arrives from elsewhere (undo, a colleague) shows unless it is being written here.
  if (comment !== was) {
    setWas(comment);
    setText(comment);
  }
  return (
    <textarea
      rows={1}
      value={text}
      disabled={disabled}
      aria-label={`Kommentar till läget för ${item.text}`}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text.trim() !== comment && setProgressComment(period.id, item.id, text)}
    />
  );
}

function ProgressRow({ doc, followUp, period, item, index }: { doc: PlanDoc; followUp: FollowUp; period: Period; item: Item; index: number }) {
  const said = progressOf(followUp, period.id, item.id);
  const late = overdue(doc.plan, followUp, period, item);
  const closed = !!period.closedAt;
  return (
    <tr className={late ? 'is-overdue' : undefined} data-item={item.id}>
      <td>
        {index + 1}. {item.text}
        {late && <span className="followup-late">Ringens år har passerat – inte klar</span>}
      </td>
      <td>
        <select
          aria-label={`Läge för ${item.text}`}
          value={said?.state ?? ''}
          disabled={closed}
          className={said ? `progress-${said.state}` : undefined}
          onChange={(e) => setItemProgress(period.id, item.id, (e.target.value || null) as ProgressState | null)}
        >
          <option value="">Inte angivet</option>
          {PROGRESS_STATES.map((state) => (
            <option key={state} value={state}>
              {PROGRESS_WORD[state]}
            </option>
          ))}
        </select>
      </td>
      <td>{said ? <CommentField period={period} item={item} comment={said.comment} disabled={closed} /> : <span className="help">Välj läget först</span>}</td>
      <td className="followup-who">{said ? `${said.source ? said.source.kalla : said.by}, ${shortDate(said.at)}` : ''}</td>
    </tr>
  );
}

const stateWord = (state: ProgressState | null) => (state ? PROGRESS_WORD[state] : 'inte angivet');

/** What moved between an earlier period and the one shown, like Versioner compares versions. */
function Comparison({ doc, followUp, periods, period }: { doc: PlanDoc; followUp: FollowUp; periods: Period[]; period: Period }) {
  const earlier = periods.filter((p) => periodOrder(p, period) < 0);
  const [fromId, setFromId] = useState('');
  const id = useId();
  if (earlier.length === 0) return null;
  const from = earlier.find((p) => p.id === fromId) ?? earlier.at(-1)!;
  // Placed items in the fan's order: fokusområde by fokusområde, ring by ring.
  const ids = doc.plan.blades.flatMap((b) => doc.plan.rings.flatMap((r) => itemsIn(doc, { bladeId: b.id, ringId: r.id }).map((i) => i.id)));
  const compared = comparePeriods(followUp, from.id, period.id, ids);
  const groups: Array<[string, ProgressChange[]]> = [
    ['Blev klara', compared.finished],
    ['Kom vidare', compared.advanced],
    ['Halkade efter', compared.slipped],
    [`Nytt läge ${periodLabel(period)}`, compared.added],
    [`Inget läge ${periodLabel(period)}`, compared.removed],
  ];
  return (
    <section className="followup-compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        Jämfört med{' '}
        <select aria-label="Jämför med perioden" value={from.id} onChange={(e) => setFromId(e.target.value)}>
          {earlier.map((p) => (
            <option key={p.id} value={p.id}>
              {periodLabel(p)}
            </option>
          ))}
        </select>
      </h2>
      {groups.every(([, list]) => list.length === 0) ? (
        <p className="help">Inget läge har ändrats sedan {periodLabel(from)}.</p>
      ) : (
        groups.map(([title, list]) =>
          list.length === 0 ? null : (
            <div key={title}>
              <h3>
                {title} ({list.length})
              </h3>
              <ul aria-label={title}>
                {list.map((change) => (
                  <li key={change.itemId}>
                    {doc.items[change.itemId]!.text}: {stateWord(change.from)} → {stateWord(change.to)}
                  </li>
                ))}
              </ul>
            </div>
          ),
        )
      )}
    </section>
  );
}

const PARTS = [
  ['items', 'Aktiviteter'],
  ['delomraden', 'Delområden och indikatorer'],
] as const;

/** Which part of the follow-up is shown: the activities' progress, or the delområden. */
function PartSwitch() {
  const part = useUi((s) => s.followUpPart);
  return (
    <div className="followup-parts" role="group" aria-label="Följ upp">
      {PARTS.map(([id, label]) => (
        <button key={id} type="button" aria-pressed={part === id} onClick={() => useUi.setState({ followUpPart: id })}>
          {label}
        </button>
      ))}
    </div>
  );
}

function ItemsPart({ doc, followUp, period }: { doc: PlanDoc; followUp: FollowUp; period: Period }) {
  return (
    <>
      {doc.plan.blades.map((blade) => (
        <section key={blade.id} className="followup-blade" aria-label={blade.name}>
          <h2>{blade.name}</h2>
          {doc.plan.rings.map((ring) => {
            const items = itemsIn(doc, { bladeId: blade.id, ringId: ring.id }).filter((i) => i.status !== 'stryks');
            if (items.length === 0) return null;
            return (
              <table key={ring.id} className="plan-table followup-table">
                <caption>
                  {blade.name}, {ring.label}
                </caption>
                <colgroup>
                  <col className="followup-col-item" />
                  <col className="followup-col-state" />
                  <col />
                  <col className="followup-col-who" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">Aktivitet</th>
                    <th scope="col">Läge {periodLabel(period)}</th>
                    <th scope="col">Kommentar</th>
                    <th scope="col">Sagt av</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item, index) => (
                    <ProgressRow key={item.id} doc={doc} followUp={followUp} period={period} item={item} index={index} />
                  ))}
                </tbody>
              </table>
            );
          })}
        </section>
      ))}
    </>
  );
}

export function FollowUpView({ doc }: { doc: PlanDoc }) {
  const followUp = useEditor((s) => s.followUp);
  const periods = periodsInOrder(followUp);
  const period = useFollowedPeriod();
  const part = useUi((s) => s.followUpPart);
  return (
    <div className="followup-view">
      <PeriodBar periods={periods} period={period} />
      {!period ? (
        <p className="help followup-empty">Lägg till en period att följa upp – ett år (2025) eller ett tertial (T2 2026). Sedan anger du varje aktivitets läge.</p>
      ) : (
        <>
          <PartSwitch />
          {part === 'items' ? (
            <>
              <Comparison doc={doc} followUp={followUp} periods={periods} period={period} />
              <Editable>
                <ItemsPart doc={doc} followUp={followUp} period={period} />
              </Editable>
            </>
          ) : (
            <Editable>
              <DelomradeFollowUp doc={doc} followUp={followUp} period={period} />
            </Editable>
          )}
        </>
      )}
    </div>
  );
}
