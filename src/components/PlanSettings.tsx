// "Fokusområden och ringar": the plan's blades (3–8) and rings (2–5), and the vision.
// Text fields save when they lose focus or on Enter; a refused value snaps back.
import { useEffect, useState } from 'react';
import { LIMITS } from '../domain/limits';
import { MAX_BLADES, MAX_RINGS, MIN_BLADES, MIN_RINGS, type PlanDoc } from '../domain/types';
import * as actions from '../store/actions';
import { Dialog } from './Dialog';
import { Editable } from './Editable';

function CommitInput({
  id,
  label,
  value,
  onCommit,
  type = 'text',
  maxLength,
  onDraft,
}: {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => boolean;
  type?: 'text' | 'number';
  maxLength?: number;
  /** The text as it stands while typing (the buttons of its row are named after it). */
  onDraft?: (draft: string) => void;
}) {
  const [draft, setDraftState] = useState(value);
  const setDraft = (text: string) => {
    setDraftState(text);
    onDraft?.(text);
  };
  useEffect(() => {
    setDraftState(value);
    onDraft?.(value);
    // Only a new value from the plan resets the draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const commit = () => {
    if (draft === value) return;
    if (!onCommit(draft)) setDraft(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        maxLength={maxLength}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}

/** "Ta bort" for one blade or ring; screen readers hear which. */
function RemoveButton({ name, disabled, onClick }: { name: string; disabled: boolean; onClick: () => void }) {
  return (
    <button type="button" className="danger" disabled={disabled} onClick={onClick}>
      Ta bort<span className="sr-only"> {name}</span>
    </button>
  );
}

export function PlanSettings({ doc, onClose }: { doc: PlanDoc; onClose: () => void }) {
  const { blades, rings } = doc.plan;
  const [focusBlade, setFocusBlade] = useState<string | null>(null);
  // Names as typed: "Ta bort", "Flytta vänster/höger" say the name the person sees in the field.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const draftOf = (id: string, saved: string) => drafts[id]?.trim() || saved;
  const keepDraft = (id: string) => (text: string) => setDrafts((d) => (d[id] === text ? d : { ...d, [id]: text }));
  useEffect(() => {
    // The new blade's default name selected: typing replaces it.
    const field = focusBlade ? document.getElementById(`blade-name-${focusBlade}`) : null;
    if (field instanceof HTMLInputElement) {
      field.focus();
      field.select();
    }
  }, [focusBlade, blades.length]);

  return (
    <Dialog title="Fokusområden och ringar" onClose={onClose} wide>
      <div className="form">
        <Editable said>
          <CommitInput id="plan-vision" label="Vision i navet" maxLength={LIMITS.short} value={doc.plan.vision} onCommit={(v) => actions.setVision(v)} />

          <h3 id="blades-heading">Fokusområden ({blades.length} av högst {MAX_BLADES})</h3>
          <ol className="settings-list" aria-labelledby="blades-heading">
            {blades.map((blade, i) => (
              <li key={blade.id} className="settings-row">
                <CommitInput
                  id={`blade-name-${blade.id}`}
                  label={`Fokusområde ${i + 1}`}
                  maxLength={LIMITS.bladeName}
                  value={blade.name}
                  onCommit={(v) => actions.renameBlade(blade.id, v)}
                  onDraft={keepDraft(blade.id)}
                />
                <div className="field">
                  <label htmlFor={`blade-color-${blade.id}`}>Färg</label>
                  <input
                    id={`blade-color-${blade.id}`}
                    type="color"
                    value={blade.color}
                    onChange={(e) => actions.recolourBlade(blade.id, e.target.value)}
                  />
                </div>
                <div className="row">
                  <button type="button" disabled={i === 0} onClick={() => actions.moveBlade(blade.id, i - 1)}>
                    Flytta vänster<span className="sr-only"> {draftOf(blade.id, blade.name)}</span>
                  </button>
                  <button type="button" disabled={i === blades.length - 1} onClick={() => actions.moveBlade(blade.id, i + 1)}>
                    Flytta höger<span className="sr-only"> {draftOf(blade.id, blade.name)}</span>
                  </button>
                  <RemoveButton
                    name={draftOf(blade.id, blade.name)}
                    disabled={blades.length <= MIN_BLADES}
                    onClick={() => actions.removeBlade(blade.id)}
                  />
                </div>
              </li>
            ))}
          </ol>
          <p className="help">
            {MIN_BLADES}–{MAX_BLADES} fokusområden. Aktiviteter i ett borttaget fokusområde flyttas till Inspel.
          </p>
          <button
            type="button"
            disabled={blades.length >= MAX_BLADES}
            onClick={() => {
              let n = blades.length + 1;
              while (blades.some((b) => b.name === `Nytt fokusområde ${n}`)) n++;
              const id = actions.addBlade(`Nytt fokusområde ${n}`);
              if (id) setFocusBlade(id);
            }}
          >
            Lägg till fokusområde
          </button>

          <h3 id="rings-heading">Ringar ({rings.length} av högst {MAX_RINGS}), inifrån och ut</h3>
          <ol className="settings-list" aria-labelledby="rings-heading">
            {rings.map((ring, i) => (
              <li key={ring.id} className="settings-row">
                <CommitInput
                  id={`ring-label-${ring.id}`}
                  label={i === rings.length - 1 ? `Ring ${i + 1} (målbild)` : `Ring ${i + 1} (milstolpe)`}
                  maxLength={LIMITS.ringLabel}
                  value={ring.label}
                  onCommit={(v) => actions.updateRing(ring.id, { label: v })}
                  onDraft={keepDraft(ring.id)}
                />
                <CommitInput
                  id={`ring-year-${ring.id}`}
                  label="År"
                  type="number"
                  value={ring.year === null ? '' : String(ring.year)}
                  onCommit={(v) => actions.updateRing(ring.id, { year: v.trim() === '' ? null : Number(v) })}
                />
                <RemoveButton name={draftOf(ring.id, ring.label)} disabled={rings.length <= MIN_RINGS} onClick={() => actions.removeRing(ring.id)} />
              </li>
            ))}
          </ol>
          <p className="help">
            {MIN_RINGS}–{MAX_RINGS} ringar. Den yttersta ringen är målbilden; nya milstolpar läggs innanför den.
          </p>
          <div className="row">
            <button type="button" disabled={rings.length >= MAX_RINGS} onClick={() => actions.addRing()}>
              Lägg till ring
            </button>
            <button type="button" onClick={() => actions.shiftRingYears(1)}>
              Alla år ett år framåt
            </button>
            <button type="button" onClick={() => actions.shiftRingYears(-1)}>
              Alla år ett år bakåt
            </button>
          </div>
        </Editable>
        <div className="row actions">
          <button type="button" className="primary" onClick={onClose}>
            Klar
          </button>
        </div>
      </div>
    </Dialog>
  );
}
