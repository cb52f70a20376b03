// The follow-up period to show, chosen in Uppföljning's bar or in an item's dialog; both write
// the same UI state, so the fan, the dialog and the list follow one choice.
import { periodLabel, type Period } from '../domain/followup';
import { useUi } from '../store/ui';

export function PeriodChoice({ id, periods, period }: { id: string; periods: Period[]; period: Period | null }) {
  return (
    <>
      <label htmlFor={id}>Period</label>{' '}
      <select id={id} value={period?.id ?? ''} onChange={(e) => useUi.setState({ followUpPeriod: e.target.value })}>
        {periods.map((p) => (
          <option key={p.id} value={p.id}>
            {periodLabel(p)}
            {p.closedAt ? ' (stängd)' : ''}
          </option>
        ))}
      </select>
    </>
  );
}
