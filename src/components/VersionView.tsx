// A saved version, read-only, in place of the editor; and the bar that explains the marks
// when the fan shows what changed since a version.
import { useEffect } from 'react';
import type { PlanDoc } from '../domain/types';
import { DndProvider } from '../dnd/DndProvider';
import { FanView } from '../fan/FanView';
import { useUi } from '../store/ui';
import { clearComparison, closeVersion } from '../store/versions';

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });

export function VersionView({ version }: { version: { name: string; savedAt: string; doc: PlanDoc } }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeVersion();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app">
      <header className="app-header version-header">
        <h1 className="plan-name">{version.doc.plan.name}</h1>
        <p className="version-note">
          Version ”{version.name}”{version.savedAt ? `, sparad ${when.format(new Date(version.savedAt))}` : ''} – skrivskyddad
        </p>
        <button type="button" autoFocus onClick={closeVersion}>
          Stäng versionen
        </button>
      </header>
      <DndProvider>
        <main className="workspace version-workspace">
          <section className="fan-panel" aria-label={`Solfjädern i versionen ${version.name}`}>
            <FanView doc={version.doc} readOnly />
          </section>
        </main>
      </DndProvider>
    </div>
  );
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Above the fan while it shows what changed since a version. */
export function DiffBanner() {
  const diff = useUi((s) => s.diff);
  if (!diff) return null;
  const { added, removed, moved, edited } = diff.counts;
  return (
    <div className="diff-banner" role="region" aria-label="Jämförelse">
      <p>
        Ändringar sedan ”{diff.name}”: {count(added, 'tillagd', 'tillagda')}, {count(moved, 'flyttad', 'flyttade')},{' '}
        {count(edited, 'ändrad', 'ändrade')}
        {removed > 0 ? `; ${count(removed, 'borttagen', 'borttagna')} (listas under Versioner)` : ''}.
      </p>
      <ul className="diff-legend" aria-label="Förklaring">
        <li>
          <span className="swatch is-added" aria-hidden="true" /> tillagd
        </li>
        <li>
          <span className="swatch is-moved" aria-hidden="true" /> flyttad
        </li>
        <li>
          <span className="swatch is-edited" aria-hidden="true" /> ändrad
        </li>
      </ul>
      <button type="button" onClick={clearComparison}>
        Avsluta jämförelsen
      </button>
    </div>
  );
}
