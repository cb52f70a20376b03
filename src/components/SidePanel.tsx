// The frame of a panel beside the fan (Måluppfyllnad, Delområden, Prioritera): a named
// landmark with its heading and the way back to Inspel.
import type { ReactNode } from 'react';
import { showSidePanel } from '../store/ui';

export function SidePanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <aside className={`side-panel coverage side-panel-${id}`} aria-labelledby={`${id}-heading`}>
      <div className="inspel-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        <button type="button" onClick={() => showSidePanel('inspel')}>
          Visa Inspel
        </button>
      </div>
      {children}
    </aside>
  );
}
