// Uppföljning per delområde, in the parts of the yearly report: the joint judgement of its
// indicators with the reasons, each indicator's values over time (a chart for the eye, a table
// and a sentence for everyone), and what the offices did ("Genomfört av utförare").
import { shortDate } from './dates';
import { useId, useState } from 'react';
import { chartSummary, withUnit } from '../chart/indicatorChart';
import { placedItems } from '../domain/coverage';
import { type FollowUp, JUDGEMENT_WORD, judgementKey, JUDGEMENTS, type JudgementValue, measurementsOf, type Period, periodLabel } from '../domain/followup';
import { periodEnd } from '../domain/followUpReport';
import type { Delomrade, Item, PlanDoc } from '../domain/types';
import { addIndicatorValue, addPerformedEntry, removeIndicatorValue, removePerformedEntry, setJudgement, setJudgementText } from '../store/followUpActions';
import { IndicatorChart } from './IndicatorChart';

/** A text field that writes on leaving it, and shows what arrives from elsewhere unless it is being written here. */
function LazyText({ value, label, disabled, onCommit }: { value: string; label: string; disabled: boolean; onCommit: (text: string) => void }) {
  const [text, setText] = useState(value);
  const [was, setWas] = useState(value);
  if (value !== was) {
    setWas(value);
    setText(value);
  }
  return <textarea rows={2} value={text} disabled={disabled} aria-label={label} onChange={(e) => setText(e.target.value)} onBlur={() => text.trim() !== value && onCommit(text)} />;
}

function Judgement({ delomrade, followUp, period }: { delomrade: Delomrade; followUp: FollowUp; period: Period }) {
  const said = followUp.judgements[judgementKey(period.id, delomrade.id)];
  const closed = !!period.closedAt;
  return (
    <div className="followup-judgement">
      <h3>Samlad bedömning {periodLabel(period)}</h3>
      <select
        aria-label={`Bedömning för ${delomrade.name}`}
        value={said?.judgement ?? ''}
        disabled={closed}
        onChange={(e) => setJudgement(period.id, delomrade.id, (e.target.value || null) as JudgementValue | null)}
      >
        <option value="">Inte bedömd</option>
        {JUDGEMENTS.map((j) => (
          <option key={j} value={j}>
            {JUDGEMENT_WORD[j]}
          </option>
        ))}
      </select>
      {said ? (
        <>
          <LazyText value={said.text} label={`Motivering för ${delomrade.name}`} disabled={closed} onCommit={(text) => setJudgementText(period.id, delomrade.id, text)} />
          <span className="followup-who">
            {said.by}, {shortDate(said.at)}
          </span>
        </>
      ) : (
        <p className="help">Rör sig indikatorerna i rätt riktning, och i vilken takt? Välj bedömningen, skriv sedan varför.</p>
      )}
    </div>
  );
}

function Indicator({ item, followUp, period }: { item: Item; followUp: FollowUp; period: Period }) {
  const ids = useId();
  const name = item.indikator.text || `Indikator för ${item.text}`;
  const { target, unit } = item.indikator;
  const values = measurementsOf(followUp, item.id);
  const [date, setDate] = useState(() => periodEnd(period));
  const [value, setValue] = useState('');
  const [source, setSource] = useState('');
  return (
    <article className="indicator" aria-labelledby={`${ids}-name`}>
      <h4 id={`${ids}-name`}>{name}</h4>
      <p className="help">
        {item.text}
        {target !== null && ` · Målvärde ${withUnit(target, unit)}`}
      </p>
      {values.length > 0 && <IndicatorChart values={values} target={target} unit={unit} />}
      <p className="indicator-summary">{chartSummary(values, target, unit)}</p>
      {values.length > 0 && (
        <table className="plan-table indicator-values" aria-label={`Värden för ${name}`}>
          <thead>
            <tr>
              <th scope="col">Datum</th>
              <th scope="col">Värde</th>
              <th scope="col">Källa</th>
              <th scope="col">
                <span className="sr-only">Ta bort</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((m) => (
              <tr key={m.id}>
                <td>{m.date}</td>
                <td>{withUnit(m.value, unit)}</td>
                <td>{m.source || '–'}</td>
                <td>
                  <button type="button" className="small" aria-label={`Ta bort värdet ${m.date}`} onClick={() => removeIndicatorValue(m.id)}>
                    Ta bort
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="indicator-add"
        aria-label={`Nytt värde för ${name}`}
        onSubmit={(e) => {
          e.preventDefault();
          if (addIndicatorValue(item.id, date, value, source)) {
            setValue('');
          }
        }}
      >
        <label>
          Datum
          <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
        </label>
        <label>
          Värde{unit ? ` (${unit})` : ''}
          <input inputMode="decimal" value={value} required size={6} onChange={(e) => setValue(e.target.value)} />
        </label>
        <label>
          Källa
          <input value={source} placeholder="Vården i siffror" onChange={(e) => setSource(e.target.value)} />
        </label>
        <button type="submit">Lägg till värde</button>
      </form>
    </article>
  );
}

function Performed({ delomrade, followUp, period, kallor }: { delomrade: Delomrade | null; followUp: FollowUp; period: Period; kallor: string[] }) {
  const ids = useId();
  const [text, setText] = useState('');
  const [kalla, setKalla] = useState('');
  const closed = !!period.closedAt;
  const area = delomrade?.name ?? 'Övriga';
  const entries = Object.values(followUp.performed)
    .filter((p) => p.periodId === period.id && p.delomradeId === (delomrade?.id ?? null))
    .sort((a, b) => a.kalla.localeCompare(b.kalla, 'sv') || a.id.localeCompare(b.id));
  return (
    <div className="followup-performed">
      <h3>Genomfört av utförare under {periodLabel(period)}</h3>
      {entries.length === 0 ? (
        <p className="help">Inget ännu. Svar som läses in med Samla in hamnar här, eller skriv in dem.</p>
      ) : (
        <ul aria-label={`Genomfört av utförare, ${area}`}>
          {entries.map((p) => (
            <li key={p.id}>
              {p.text} <span className="followup-who">– {p.kalla || 'utan angiven förvaltning'}</span>{' '}
              {!closed && (
                <button type="button" className="small" aria-label={`Ta bort: ${p.text.slice(0, 60)}`} onClick={() => removePerformedEntry(p.id)}>
                  Ta bort
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!closed && (
        <form
          className="performed-add"
          aria-label={`Nytt genomfört, ${area}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (addPerformedEntry(period.id, delomrade?.id ?? null, text, kalla)) setText('');
          }}
        >
          <label htmlFor={`${ids}-text`}>Vad har genomförts</label>
          <textarea id={`${ids}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          <label htmlFor={`${ids}-kalla`}>Förvaltning</label>
          <input id={`${ids}-kalla`} list={`${ids}-kallor`} value={kalla} onChange={(e) => setKalla(e.target.value)} />
          <datalist id={`${ids}-kallor`}>
            {kallor.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
          <button type="submit">Lägg till</button>
        </form>
      )}
    </div>
  );
}

/** Placed items with an indicator, each under its first delområde (null: under none). */
export function indicatorsByDelomrade(doc: PlanDoc): Map<string | null, Item[]> {
  const known = new Set(doc.plan.catalogue.delomraden.map((d) => d.id));
  const out = new Map<string | null, Item[]>();
  for (const item of placedItems(doc)) {
    if (item.status === 'stryks' || (!item.indikator.text && item.indikator.target === null)) continue;
    const home = item.delomraden.find((id) => known.has(id)) ?? null;
    out.set(home, [...(out.get(home) ?? []), item]);
  }
  return out;
}

export function DelomradeFollowUp({ doc, followUp, period }: { doc: PlanDoc; followUp: FollowUp; period: Period }) {
  const indicators = indicatorsByDelomrade(doc);
  const areas: Array<Delomrade | null> = [...doc.plan.catalogue.delomraden, null];
  const kallor = doc.plan.catalogue.kallor;
  return (
    <>
      {areas.map((d) => {
        const items = indicators.get(d?.id ?? null) ?? [];
        const hasRest = Object.values(followUp.performed).some((p) => p.periodId === period.id && p.delomradeId === null);
        if (!d && items.length === 0 && !hasRest) return null;
        const name = d?.name ?? 'Övriga aktiviteter';
        return (
          <section key={d?.id ?? 'none'} className="followup-area" aria-label={name}>
            <h2>{name}</h2>
            {d && <Judgement delomrade={d} followUp={followUp} period={period} />}
            <h3>Indikatorer</h3>
            {items.length === 0 ? (
              <p className="help">Ingen aktivitet under delområdet har en indikator. Ange den i aktivitetens dialog.</p>
            ) : (
              <div className="indicator-grid">
                {items.map((item) => (
                  <Indicator key={item.id} item={item} followUp={followUp} period={period} />
                ))}
              </div>
            )}
            <Performed delomrade={d} followUp={followUp} period={period} kallor={kallor} />
          </section>
        );
      })}
    </>
  );
}
