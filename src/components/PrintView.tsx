// What paper gets: the plan's fan (drawn from the plan, whatever view is on screen), then per
// fokusområde a table with one row per ring, Inspel, and the effektmål no activity serves.
// Drawn only while printing; the print stylesheet hides everything else.
import { useEffect, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { itemsIn } from '../domain/containers';
import { uncoveredEffektmal } from '../domain/coverage';
import type { Item, PlanDoc } from '../domain/types';
import { itemFacts, sourcesText } from '../export/facts';
import { PICTURE_SIZE, pictureLayout } from '../export/picture';
import { useFollowedPeriod } from '../store/followedPeriod';
import { fanDrawing } from '../fan/draw';
import { Drawn } from '../fan/Drawn';
import { swedishHyphenator } from '../fan/hyphenate';
import { browserMeasure, FONT_STACK } from '../fan/measure';
import { useEditor } from '../store/editor';
import { ReviewTags } from './ReviewTags';
import { ProgressTag } from './ProgressTag';
import { useUi } from '../store/ui';

const SIKT = { kort: 'Kortare sikt', lang: 'Längre sikt' } as const;

/** `followed`: the plan's own items, whose progress in the period followed up is printed (not a saved version's). */
function ItemList({ items, doc, followed = false }: { items: Item[]; doc: PlanDoc; followed?: boolean }) {
  if (items.length === 0) return <p className="empty">Inga aktiviteter ännu.</p>;
  return (
    <ol>
      {items.map((item) => {
        const facts = itemFacts(item, doc);
        return (
          <li key={item.id}>
            <span className={`${item.extra ? 'is-extra' : ''}${item.status === 'stryks' ? ' is-struck' : ''}`.trim() || undefined}>{item.text}</span>
            <ReviewTags item={item} />
            {followed && <ProgressTag item={item} />}
            {item.description && <span className="description">{item.description}</span>}
            {facts && <span className="facts">{facts}</span>}
            {item.sources.length > 0 && <span className="facts">{sourcesText(item)}</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** The fan as on paper: the same drawing as the exported picture, with the progress marks of the period followed up. */
function PrintedFan({ doc, followed }: { doc: PlanDoc; followed: boolean }) {
  const followUp = useEditor((s) => s.followUp);
  const period = useFollowedPeriod();
  const layout = useMemo(
    () => pictureLayout(doc, browserMeasure(), swedishHyphenator(), PICTURE_SIZE, followed && period ? { followUp, period } : undefined),
    [doc, followUp, period, followed],
  );
  return (
    <svg className="print-fan" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={`Solfjäder: ${doc.plan.name}`} fontFamily={FONT_STACK}>
      <Drawn of={fanDrawing(layout, 'p-')} />
    </svg>
  );
}

function Tables({ doc, followed }: { doc: PlanDoc; followed: boolean }) {
  const inspel = itemsIn(doc, null);
  const uncovered = uncoveredEffektmal(doc);
  return (
    <section className="print-view" aria-label="Utskrift">
      <h1>{doc.plan.name}</h1>
      <PrintedFan doc={doc} followed={followed} />
      {doc.plan.blades.map((blade) => (
        <section key={blade.id} className="print-blade">
          <h2>{blade.name}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Horisont</th>
                <th scope="col">Prioriterade aktiviteter i prioritetsordning</th>
              </tr>
            </thead>
            <tbody>
              {doc.plan.rings.map((ring) => (
                <tr key={ring.id}>
                  <th scope="row">{ring.label}</th>
                  <td>
                    <ItemList items={itemsIn(doc, { bladeId: blade.id, ringId: ring.id })} doc={doc} followed={followed} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      {inspel.length > 0 && (
        <section>
          <h2>Inspel som inte är placerade</h2>
          <ItemList items={inspel} doc={doc} />
        </section>
      )}
      <section>
        <h2>Effektmål utan aktivitet</h2>
        {uncovered.length === 0 ? (
          <p>Varje effektmål har minst en aktivitet i solfjädern.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Delområde</th>
                <th scope="col">Sikt</th>
                <th scope="col">Effektmål</th>
              </tr>
            </thead>
            <tbody>
              {uncovered.map(({ delomrade, effektmal }) => (
                <tr key={effektmal.id}>
                  <td>{delomrade.name}</td>
                  <td>{SIKT[effektmal.sikt]}</td>
                  <td>{effektmal.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}

/** Draws the tables for print: from "Skriv ut", and from the browser's own print (Ctrl+P). */
export function PrintView() {
  const printing = useUi((s) => s.printing);
  // A version open read-only prints as what is on screen.
  const version = useUi((s) => s.viewingVersion?.doc ?? null);
  // The plan only while printing: no edit re-renders this otherwise.
  const doc = useEditor((s) => (printing ? (version ?? s.doc) : null));
  useEffect(() => {
    const before = () => flushSync(() => useUi.setState({ printing: true }));
    const after = () => useUi.setState({ printing: false });
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing && doc ? <Tables doc={doc} followed={!version} /> : null;
}
