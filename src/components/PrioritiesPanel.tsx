// Delområden: per delområde and ring, the items against the instruction's limit (three,
// five for Nära vård), the limit editable. Choosing a count marks its items in the fan.
import { useState } from 'react';
import { countText, priorityCounts, type DelomradePriorities } from '../domain/priorities';
import { MAX_LIMIT, type PlanDoc } from '../domain/types';
import { setDelomradeLimit } from '../store/actions';
import { useEditor } from '../store/editor';
import { toggleHighlight, useUi } from '../store/ui';
import { SidePanel } from './SidePanel';
import { Editable } from './Editable';

const LIMIT_ERROR = `Gränsen måste vara ett heltal från 1 till ${MAX_LIMIT}.`;

const isLimit = (value: string) => /^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= MAX_LIMIT;

/** The limit of one delområde: a valid number applies at once; anything else is named and changes nothing. */
function LimitField({ id, name, limit }: { id: string; name: string; limit: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(limit);
  const valid = isLimit(value);
  return (
    <div className="limit-field">
      <label htmlFor={`limit-${id}`}>Gräns per horisont för {name}</label>
      <input
        id={`limit-${id}`}
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_LIMIT}
        value={value}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `limit-${id}-error`}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLimit(next)) return setDraft(next);
          setDelomradeLimit(id, Number(next));
          setDraft(null);
        }}
        onBlur={() => setDraft(null)}
        onKeyDown={(e) => e.key === 'Escape' && draft !== null && (e.stopPropagation(), setDraft(null))}
      />
      {!valid && (
        <p id={`limit-${id}-error`} className="field-error">
          {LIMIT_ERROR} Gränsen är fortfarande {limit}.
        </p>
      )}
    </div>
  );
}

function Delomrade({ entry }: { entry: DelomradePriorities }) {
  const highlight = useUi((s) => s.highlight?.key ?? null);
  const { delomrade, rings } = entry;
  return (
    <section aria-labelledby={`prio-${delomrade.id}`}>
      <h3 id={`prio-${delomrade.id}`}>{delomrade.name}</h3>
      <Editable>
        <LimitField id={delomrade.id} name={delomrade.name} limit={delomrade.limit} />
      </Editable>
      <ul className="priority-counts">
        {rings.map((count) => {
          const key = `prio:${delomrade.id}:${count.ring.id}`;
          const warn = count.over || count.beyond.length > 0;
          return (
            <li key={count.ring.id} className={warn ? 'is-warning' : undefined}>
              <button
                type="button"
                className="goal-button"
                aria-pressed={highlight === key}
                disabled={count.items.length === 0}
                onClick={() => toggleHighlight(key, count.items.map((i) => i.id))}
              >
                <span className="goal-text">{count.ring.label}</span>
                <span className="goal-meta">
                  {warn && (
                    <strong className="goal-flag" aria-hidden="true">
                      !{' '}
                    </strong>
                  )}
                  {countText(count)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Priorities({ doc }: { doc: PlanDoc }) {
  const entries = priorityCounts(doc);
  const beyond = entries.flatMap((e) => e.rings).filter((c) => c.over || c.beyond.length > 0).length;
  return (
    <div className="coverage-body">
      <p className="coverage-summary">
        Instruktionen ber om de viktigaste områdena per delområde och år: tre, fem för Nära vård. Det som går utöver gränsen visas
        kursivt som extra, om du inte väljer annat för aktiviteten.
      </p>
      <p className="coverage-summary">
        {beyond === 0 ? 'Alla delområden håller sig inom gränsen.' : `${beyond} ${beyond === 1 ? 'horisont går' : 'horisonter går'} utöver gränsen.`}
      </p>
      {entries.map((entry) => (
        <Delomrade key={entry.delomrade.id} entry={entry} />
      ))}
    </div>
  );
}

export function PrioritiesPanel() {
  const doc = useEditor((s) => s.doc);
  return (
    <SidePanel id="priorities" title="Delområden">
      {doc && <Priorities doc={doc} />}
    </SidePanel>
  );
}
