// "Importera": what the file holds, and the choice — a new plan, or replace the plan with
// the same id (after saying what changes; the old version is kept as a copy).
import { useState } from 'react';
import { importAsNewPlan, importReplacing, type PendingImport } from '../store/importer';
import { Dialog } from './Dialog';

export function ImportDialog({ pending, onClose }: { pending: PendingImport; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const { doc, existing, warnings } = pending;
  const count = Object.keys(doc.items).length;
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    await action();
    onClose();
  };
  return (
    <Dialog title="Importera plan" onClose={onClose}>
      <div className="form">
        <p>
          <strong>{pending.fileName}</strong> innehåller planen ”{doc.plan.name}” med {count} aktiviteter,{' '}
          {doc.plan.blades.length} fokusområden och {doc.plan.rings.length} ringar.
        </p>
        {warnings.length > 0 && (
          <ul className="help">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {existing && (
          <p>
            Planen ”{existing.name}” finns redan här. Ersätts den blir {existing.added} aktiviteter nya, {existing.removed}{' '}
            försvinner och {existing.changed} ändras. Den nuvarande versionen sparas då som en kopia.
          </p>
        )}
        <div className="row actions">
          <button type="button" className="primary" disabled={busy} onClick={() => run(() => importAsNewPlan(pending))}>
            Öppna som ny plan
          </button>
          {existing && (
            <button type="button" className="danger" disabled={busy} onClick={() => run(() => importReplacing(pending))}>
              Ersätt ”{existing.name}”
            </button>
          )}
          <button type="button" onClick={onClose}>
            Avbryt
          </button>
        </div>
      </div>
    </Dialog>
  );
}
