// "Planer": every plan on this device — open, rename, duplicate, delete — and "Ny plan".
import { LIMITS } from '../domain/limits';
import { useCallback, useEffect, useState } from 'react';
import { renamePlan } from '../store/actions';
import { notify, useEditor } from '../store/editor';
import {
  createPlan,
  deletePlan,
  duplicatePlan,
  flush,
  listPlans,
  openPlan,
  renameStoredPlan,
  restorePlan,
  type NewPlanKind,
  type PlanSummary,
} from '../store/session';
import { Dialog } from './Dialog';
import { StorageUse } from './StorageUse';

function NewPlanForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<NewPlanKind>('example');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="form new-plan"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const doc = await createPlan(kind, name);
        setBusy(false);
        notify('info', `Planen ”${doc.plan.name}” skapades och är öppen.`);
        onCreated();
      }}
    >
      <h3>Ny plan</h3>
      <label htmlFor="new-plan-name">Namn</label>
      <input id="new-plan-name" maxLength={LIMITS.name} value={name} onChange={(e) => setName(e.target.value)} placeholder="T.ex. Handlingsplan 2026–2028" />
      <fieldset>
        <legend>Utgå från</legend>
        <label className="check">
          <input type="radio" name="kind" checked={kind === 'example'} onChange={() => setKind('example')} />
          Exemplet: KL HoS utkast 2025–2027
        </label>
        <label className="check">
          <input type="radio" name="kind" checked={kind === 'empty'} onChange={() => setKind('empty')} />
          Tom mall: fyra fokusområden, tre ringar, inga aktiviteter
        </label>
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        Skapa plan
      </button>
    </form>
  );
}

function PlanRow({ plan, isOpen, refresh, close }: { plan: PlanSummary; isOpen: boolean; refresh: () => void; close: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(plan.name);
  const [confirming, setConfirming] = useState(false);

  const saveName = async () => {
    const clean = name.trim();
    if (!clean) {
      notify('error', 'Planen måste ha ett namn.');
      return;
    }
    if (isOpen) renamePlan(clean);
    else await renameStoredPlan(plan.id, clean);
    setRenaming(false);
    refresh();
  };

  return (
    <li className="plan-row">
      {renaming ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void saveName();
          }}
        >
          <label htmlFor={`rename-${plan.id}`}>Nytt namn för ”{plan.name}”</label>
          <input id={`rename-${plan.id}`} maxLength={LIMITS.name} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          <button type="submit" className="primary">
            Spara namn
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            Avbryt
          </button>
        </form>
      ) : (
        <div className="plan-info">
          <strong>{plan.name}</strong>
          {isOpen && <span className="tag">Öppen</span>}
          <span className="meta">
            {plan.itemCount} aktiviteter · ändrad {new Date(plan.updatedAt).toLocaleString('sv-SE')}
          </span>
        </div>
      )}
      {confirming ? (
        <div className="confirm" role="group" aria-label={`Bekräfta borttagning av ${plan.name}`}>
          <span>Ta bort ”{plan.name}”?</span>
          <button
            type="button"
            className="danger"
            onClick={async () => {
              await deletePlan(plan.id);
              setConfirming(false);
              refresh();
              notify('info', `Planen ”${plan.name}” togs bort.`, {
                label: 'Ångra borttagningen',
                run: () => void restorePlan(plan.id).then(() => openPlan(plan.id)),
              });
            }}
          >
            Ja, ta bort
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Behåll
          </button>
        </div>
      ) : (
        !renaming && (
          <div className="row">
            {!isOpen && (
              <button
                type="button"
                onClick={async () => {
                  if (await openPlan(plan.id)) close();
                }}
              >
                Öppna<span className="sr-only"> {plan.name}</span>
              </button>
            )}
            <button type="button" onClick={() => setRenaming(true)}>
              Byt namn<span className="sr-only"> på {plan.name}</span>
            </button>
            <button
              type="button"
              onClick={async () => {
                const copy = await duplicatePlan(plan.id);
                if (copy) notify('info', `Kopian ”${copy.plan.name}” skapades och är öppen.`);
                refresh();
              }}
            >
              Duplicera<span className="sr-only"> {plan.name}</span>
            </button>
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              Ta bort<span className="sr-only"> {plan.name}</span>
            </button>
          </div>
        )
      )}
    </li>
  );
}

export function PlanList({ onClose }: { onClose: () => void }) {
  const openId = useEditor((s) => s.doc?.plan.id);
  const openName = useEditor((s) => s.doc?.plan.name);
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const refresh = useCallback(() => {
    void flush()
      .then(listPlans)
      .then(setPlans);
  }, []);
  // The open plan's name can change through undo while the list is shown.
  useEffect(refresh, [refresh, openId, openName]);
  return (
    <Dialog title="Planer" onClose={onClose} wide>
      {plans === null ? (
        <p>Läser planer…</p>
      ) : (
        <ul className="plan-list" aria-label="Planer på den här datorn">
          {plans.map((p) => (
            <PlanRow key={`${p.id}-${p.name}`} plan={p} isOpen={p.id === openId} refresh={refresh} close={onClose} />
          ))}
        </ul>
      )}
      <StorageUse refreshKey={plans} />
      <NewPlanForm onCreated={onClose} />
    </Dialog>
  );
}
