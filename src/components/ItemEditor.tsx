// Editing one item: every field in one form, saved as one undoable change.
import { useEffect, useState } from 'react';
import { setActivity } from '../store/roomState';
import { containerName } from '../domain/containers';
import { containerKey } from '../domain/containers';
import { LIMITS, MAX_TEXT_LENGTH } from '../domain/limits';
import { placesText } from '../domain/priorities';
import { ItemComments } from './ItemComments';
import { ItemSources } from './ItemSources';
import { ItemProgress } from './ItemProgress';
import { ANSVARSNIVAER, STATUS_LABEL, STATUSES, type Ansvarsniva, type ExtraChoice, type Item, type PlanDoc, type Status } from '../domain/types';
import { deleteItem, updateItem } from '../store/actions';
import { notify, undo, useEditor, useReadOnly } from '../store/editor';
import { Dialog } from './Dialog';
import { Editable } from './Editable';

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...list, id] : list.filter((x) => x !== id);
}

/** A checkbox for one id in a list of chosen ids (delområden, effektmål). */
function Check({ id, label, chosen, onChange }: { id: string; label: string; chosen: string[]; onChange: (next: string[]) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={chosen.includes(id)} onChange={(e) => onChange(toggle(chosen, id, e.target.checked))} />
      {label}
    </label>
  );
}

export function ItemEditor({ doc, item, onClose }: { doc: PlanDoc; item: Item; onClose: () => void }) {
  // In a room, the others see who edits it.
  useEffect(() => {
    setActivity({ itemId: item.id, kind: 'edit' });
    return () => setActivity(null);
  }, [item.id]);
  const [text, setText] = useState(item.text);
  const [description, setDescription] = useState(item.description);
  const [delomraden, setDelomraden] = useState(item.delomraden);
  const [effektmal, setEffektmal] = useState(item.effektmal);
  const [indikator, setIndikator] = useState(item.indikator.text);
  const [target, setTarget] = useState(item.indikator.target === null ? '' : String(item.indikator.target));
  const [unit, setUnit] = useState(item.indikator.unit);
  const [ansvarsniva, setAnsvarsniva] = useState<Ansvarsniva | ''>(item.ansvarsniva ?? '');
  const [kalla, setKalla] = useState(item.kalla);
  const [extraChoice, setExtraChoice] = useState<ExtraChoice>(item.extraChoice);
  const [status, setStatus] = useState<Status>(item.status);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { catalogue } = doc.plan;
  const readOnly = useReadOnly();

  const save = () => {
    const next: Record<string, string> = {};
    if (!text.trim()) next.text = 'Texten får inte vara tom.';
    const targetValue = target.trim() === '' ? null : Number(target.replace(',', '.'));
    if (targetValue !== null && !Number.isFinite(targetValue)) next.target = 'Målvärdet måste vara ett tal, t.ex. 30 eller 2,5.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const notice = useEditor.getState().notice;
    const changed = updateItem(item.id, {
      text,
      description,
      delomraden,
      effektmal,
      indikator: { text: indikator, target: targetValue, unit },
      ansvarsniva: ansvarsniva === '' ? null : ansvarsniva,
      kalla,
      extraChoice,
      status,
    });
    // A warning the change raised (e.g. about the limits) is kept rather than overwritten.
    if (changed && useEditor.getState().notice === notice) notify('info', 'Aktiviteten sparades.');
    onClose();
  };

  return (
    <Dialog title="Aktivitet" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly) save();
        }}
      >
        <p className="where">Ligger i: {containerName(doc, containerKey(item.cell))}</p>
        <Editable said>
          <label htmlFor="item-text">Text</label>
          <textarea
            id="item-text"
            rows={2}
            maxLength={MAX_TEXT_LENGTH}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? 'item-text-error' : undefined}
          />
          {errors.text && (
            <p id="item-text-error" className="field-error">
              {errors.text}
            </p>
          )}
          <label htmlFor="item-description">Beskrivning</label>
          <textarea id="item-description" rows={3} maxLength={LIMITS.description} value={description} onChange={(e) => setDescription(e.target.value)} />

          <fieldset>
            <legend>Delområden</legend>
            <div className="checks">
              {catalogue.delomraden.map((d) => (
                <Check key={d.id} id={d.id} label={d.name} chosen={delomraden} onChange={setDelomraden} />
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend>Effektmål</legend>
            {catalogue.delomraden.map((d) => (
              <details key={d.id} open={d.effektmal.some((g) => effektmal.includes(g.id)) || delomraden.includes(d.id)}>
                <summary>
                  {d.name} ({d.effektmal.filter((g) => effektmal.includes(g.id)).length} valda)
                </summary>
                {(['kort', 'lang'] as const).map((sikt) => (
                  <div key={sikt} className="goal-group">
                    <p className="goal-sikt">{sikt === 'kort' ? 'På kortare sikt' : 'På längre sikt'}</p>
                    {d.effektmal
                      .filter((g) => g.sikt === sikt)
                      .map((g) => (
                        <Check key={g.id} id={g.id} label={g.text} chosen={effektmal} onChange={setEffektmal} />
                      ))}
                  </div>
                ))}
              </details>
            ))}
          </fieldset>

          <fieldset>
            <legend>Indikator</legend>
            <label htmlFor="item-indikator">Hur det följs upp</label>
            <input id="item-indikator" maxLength={LIMITS.short} value={indikator} onChange={(e) => setIndikator(e.target.value)} />
            <div className="row">
              <div>
                <label htmlFor="item-target">Målvärde (valfritt)</label>
                <input
                  id="item-target"
                  inputMode="decimal"
                  value={target}
                  onChange={(e) => setTarget(e.target.value)}
                  aria-invalid={errors.target ? true : undefined}
                  aria-describedby={errors.target ? 'item-target-error' : undefined}
                />
              </div>
              <div>
                <label htmlFor="item-unit">Enhet</label>
                <input id="item-unit" maxLength={LIMITS.unit} value={unit} onChange={(e) => setUnit(e.target.value)} />
              </div>
            </div>
            {errors.target && (
              <p id="item-target-error" className="field-error">
                {errors.target}
              </p>
            )}
          </fieldset>

          <div className="row">
            <div>
              <label htmlFor="item-ansvar">Ansvarsnivå</label>
              <select
                id="item-ansvar"
                value={ansvarsniva}
                onChange={(e) => setAnsvarsniva(e.target.value as Ansvarsniva | '')}
              >
                <option value="">Ej angiven</option>
                {ANSVARSNIVAER.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="item-status">Status</label>
              <select id="item-status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s][0]!.toUpperCase() + STATUS_LABEL[s].slice(1)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="item-kalla">Källa (vem föreslog)</label>
              <input id="item-kalla" list="kallor" maxLength={LIMITS.name} value={kalla} onChange={(e) => setKalla(e.target.value)} />
              <datalist id="kallor">
                {catalogue.kallor.map((k) => (
                  <option key={k} value={k} />
                ))}
              </datalist>
            </div>
          </div>

          <div>
            <label htmlFor="item-extra">Extra</label>
            <select id="item-extra" value={extraChoice} onChange={(e) => setExtraChoice(e.target.value as ExtraChoice)} aria-describedby="item-extra-help">
              <option value="auto">Enligt gränsen för delområdet</option>
              <option value="extra">Extra – visas kursivt</option>
              <option value="prioritized">Prioriterad – även utöver gränsen</option>
            </select>
            <p id="item-extra-help" className="help">
              {placesText(doc, item)}
            </p>
          </div>

          <ItemSources item={item} />

          <ItemComments item={item} />

          <ItemProgress doc={doc} item={item} />
        </Editable>

        <div className="row actions">
          <button type="submit" className="primary" disabled={readOnly}>
            Spara
          </button>
          <button type="button" onClick={onClose}>
            {readOnly ? 'Stäng' : 'Avbryt'}
          </button>
          <button
            type="button"
            className="danger"
            disabled={readOnly}
            onClick={() => {
              if (deleteItem(item.id)) notify('info', `”${item.text}” togs bort.`, { label: 'Ångra', run: undo });
              onClose();
            }}
          >
            Ta bort aktiviteten
          </button>
        </div>
      </form>
    </Dialog>
  );
}
