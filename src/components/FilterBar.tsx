// Granska: filter the fan, Inspel and the table by status, comments, fokusområde, delområde,
// källa and ansvarsnivå. The fan and Inspel dim what does not match; the table leaves it out.
import { COMMENT_CHOICES, COMMENT_LABEL, isFiltering, kallorInPlan, matchingIds, NO_FILTER, NONE, type ItemFilter } from '../domain/filter';
import { ANSVARSNIVAER, STATUS_LABEL, STATUSES, type PlanDoc } from '../domain/types';
import { setFilter, useUi } from '../store/ui';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function Choice({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string | null;
  options: Array<[string, string]>;
  onChange: (value: string | null) => void;
}) {
  return (
    <div className="filter-field">
      <label htmlFor={`filter-${id}`}>{label}</label>
      <select id={`filter-${id}`} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">Alla</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterBar({ doc }: { doc: PlanDoc }) {
  const filter = useUi((s) => s.filter);
  const shown = matchingIds(doc, filter).size;
  const total = Object.keys(doc.items).length;
  const kallor = kallorInPlan(doc);
  if (filter.kalla && filter.kalla !== NONE && !kallor.some((k) => k.toLocaleLowerCase('sv') === filter.kalla!.toLocaleLowerCase('sv'))) kallor.push(filter.kalla);
  const set = <K extends keyof ItemFilter>(key: K) => (value: string | null) => setFilter({ [key]: value } as Partial<ItemFilter>);
  return (
    <section className="filter-bar" aria-label="Filter">
      <Choice id="status" label="Status" value={filter.status} options={STATUSES.map((s) => [s, capital(STATUS_LABEL[s])])} onChange={set('status')} />
      <Choice id="comments" label="Kommentarer" value={filter.comments} options={COMMENT_CHOICES.map((c) => [c, COMMENT_LABEL[c]])} onChange={set('comments')} />
      <Choice id="blade" label="Fokusområde" value={filter.bladeId} options={doc.plan.blades.map((b) => [b.id, b.name])} onChange={set('bladeId')} />
      <Choice
        id="delomrade"
        label="Delområde"
        value={filter.delomradeId}
        options={[...doc.plan.catalogue.delomraden.map((d): [string, string] => [d.id, d.name]), [NONE, 'Utan delområde']]}
        onChange={set('delomradeId')}
      />
      <Choice id="kalla" label="Källa" value={filter.kalla} options={[...kallor.map((k): [string, string] => [k, k]), [NONE, 'Utan källa']]} onChange={set('kalla')} />
      <Choice
        id="ansvar"
        label="Ansvarsnivå"
        value={filter.ansvarsniva}
        options={[...ANSVARSNIVAER.map((a): [string, string] => [a, a]), [NONE, 'Ej angiven']]}
        onChange={set('ansvarsniva')}
      />
      <p className="filter-count" role="status">
        {isFiltering(filter) ? `Visar ${shown} av ${total} aktiviteter.` : `Alla ${total} aktiviteter visas.`}
      </p>
      <button type="button" onClick={() => setFilter(NO_FILTER)} disabled={!isFiltering(filter)}>
        Rensa filter
      </button>
    </section>
  );
}
