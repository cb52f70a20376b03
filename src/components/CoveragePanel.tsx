// Måluppfyllnad: every effektmål with the items that serve it, by ring; effektmål no item
// serves are flagged. Choosing one marks its items in the fan. Items without an indikator
// are listed too.
import { goalCoverage, itemsWithoutIndikator } from '../domain/coverage';
import type { PlanDoc } from '../domain/types';
import { useEditor } from '../store/editor';
import { openDialog, toggleHighlight, useUi } from '../store/ui';
import { SidePanel } from './SidePanel';

const SIKT = { kort: 'kortare sikt', lang: 'längre sikt' } as const;

function Coverage({ doc }: { doc: PlanDoc }) {
  const highlight = useUi((s) => s.highlight?.key ?? null);
  const groups = goalCoverage(doc);
  const goals = groups.flatMap((g) => g.goals);
  const covered = goals.filter((g) => g.count > 0).length;
  const withoutIndikator = itemsWithoutIndikator(doc);
  const bladeName = new Map(doc.plan.blades.map((b) => [b.id, b.name]));
  return (
    <div className="coverage-body">
      <p className="coverage-summary">
        {covered} av {goals.length} effektmål har minst en aktivitet i solfjädern.
      </p>
      {groups.map(({ delomrade, goals }) => (
        <section key={delomrade.id} aria-labelledby={`cov-${delomrade.id}`}>
          <h3 id={`cov-${delomrade.id}`}>{delomrade.name}</h3>
          <ul className="goal-list">
            {goals.map(({ effektmal, byRing, count }) => (
              <li key={effektmal.id} className={count === 0 ? 'goal uncovered' : 'goal'}>
                <button
                  type="button"
                  className="goal-button"
                  aria-pressed={highlight === effektmal.id}
                  disabled={count === 0}
                  onClick={() => toggleHighlight(effektmal.id, byRing.flatMap((g) => g.items.map((i) => i.id)))}
                >
                  <span className="goal-text">{effektmal.text}</span>
                  <span className="goal-meta">
                    {SIKT[effektmal.sikt]} ·{' '}
                    {count === 0 ? (
                      <strong className="goal-flag">Ingen aktivitet</strong>
                    ) : (
                      `${count} ${count === 1 ? 'aktivitet' : 'aktiviteter'}`
                    )}
                  </span>
                </button>
                {byRing.length > 0 && (
                  <dl className="goal-items">
                    {byRing.map(({ ring, items }) => (
                      <div key={ring.id}>
                        <dt>{ring.label}</dt>
                        {items.map((item) => (
                          <dd key={item.id} className={item.extra ? 'is-extra' : undefined}>
                            {item.text} <span className="goal-where">({bladeName.get(item.cell!.bladeId)})</span>
                          </dd>
                        ))}
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="cov-indikator">
        <h3 id="cov-indikator">Aktiviteter utan indikator ({withoutIndikator.length})</h3>
        {withoutIndikator.length === 0 ? (
          <p className="empty">Alla aktiviteter i solfjädern har en indikator.</p>
        ) : (
          <ul className="no-indikator">
            {withoutIndikator.map((item) => (
              <li key={item.id}>
                <button type="button" className="link-button" onClick={() => openDialog({ kind: 'item', itemId: item.id })}>
                  {item.text}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function CoveragePanel() {
  const doc = useEditor((s) => s.doc);
  return (
    <SidePanel id="coverage" title="Måluppfyllnad">
      {doc && <Coverage doc={doc} />}
    </SidePanel>
  );
}
