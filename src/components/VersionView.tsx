// A saved version, read-only, in place of the editor.
import { useEffect } from 'react';
import type { PlanDoc } from '../domain/types';
import { DndProvider } from '../dnd/DndProvider';
import { FanView } from '../fan/FanView';
import { closeVersion } from '../store/versions';
import { ExportMenu } from './ExportMenu';
import { PrintView } from './PrintView';

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
        <nav className="toolbar" aria-label="Verktyg">
          <ExportMenu />
          <button type="button" autoFocus onClick={closeVersion}>
            Stäng versionen
          </button>
        </nav>
      </header>
      <DndProvider>
        <main className="workspace version-workspace">
          <section className="fan-panel" aria-label={`Solfjädern i versionen ${version.name}`}>
            <FanView doc={version.doc} readOnly progress={false} />
          </section>
        </main>
      </DndProvider>
      <PrintView />
    </div>
  );
}

