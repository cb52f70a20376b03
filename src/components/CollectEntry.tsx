// One group (or single proposal) in "Samla in": its wording and weight, every original
// wording with who proposed it, and what the user can do with it — place it (drag it into
// the fan, or choose a place), merge, split, take one out, or dismiss.
import { useDraggable } from '@dnd-kit/core';
import { memo, useId, useMemo, useState } from 'react';
import { containerName } from '../domain/containers';
import { containerKey, INSPEL, parseContainerKey } from '../domain/containers';
import { inPlan, weightText, type CollectedInput, type Entry, type PlanIndex } from '../domain/collection';
import type { PlanDoc } from '../domain/types';
import { attachEntry, dismiss, merge, placeEntry, split, takeOut } from '../store/collection';
import { count } from '../domain/plural';
import { MAX_TEXT_LENGTH } from '../domain/limits';
import { Editable } from './Editable';
import { useReadOnly } from '../store/editor';

/** Where an input stood in its office's file: "Nära vård 2026, plats 2, extra". */
export function inputPlace(input: CollectedInput): string {
  const where = [input.delomradeName, input.year ?? ''].filter(Boolean).join(' ');
  return [where, `plats ${input.rank + 1}`, input.extra ? 'extra (kursiv)' : ''].filter(Boolean).join(', ');
}

/** Choose one of the wordings or write another, then merge. */
export function MergeForm({ inputs, onDone }: { inputs: CollectedInput[]; onDone: () => void }) {
  const id = useId();
  const wordings = [...new Set(inputs.map((i) => i.text))];
  const [text, setText] = useState(wordings[0] ?? '');
  return (
    <form
      className="merge-form"
      aria-label="Slå ihop förslag"
      onSubmit={(e) => {
        e.preventDefault();
        if (merge(inputs.map((i) => i.id), text)) onDone();
      }}
    >
      <fieldset>
        <legend>Välj formulering</legend>
        {wordings.map((w, i) => (
          <label key={w} className="merge-choice">
            <input type="radio" name={`${id}-wording`} checked={text === w} onChange={() => setText(w)} /> {w}
            <span className="visually-hidden"> (formulering {i + 1})</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-text`}>Formulering i planen</label>
      <textarea id={`${id}-text`} rows={2} maxLength={MAX_TEXT_LENGTH} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <button type="submit" className="primary">
          Slå ihop
        </button>
        <button type="button" onClick={onDone}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

function PlaceControl({ entry, doc }: { entry: Entry; doc: PlanDoc }) {
  const id = useId();
  // A year the offices gave preselects nothing: the fokusområde is the user's call.
  const [target, setTarget] = useState(INSPEL);
  const cells = doc.plan.blades.flatMap((b) => doc.plan.rings.map((r) => `${b.id}|${r.id}`));
  return (
    <div className="place-control">
      <Editable>
        <label htmlFor={`${id}-place`} className="visually-hidden">
          Placera ”{entry.text}” i
        </label>
        <select id={`${id}-place`} value={target} onChange={(e) => setTarget(e.target.value)}>
          {[INSPEL, ...cells].map((key) => (
            <option key={key} value={key}>
              {containerName(doc, key)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => placeEntry(entry, parseContainerKey(target))}>
          Placera
        </button>
      </Editable>
    </div>
  );
}

export const CollectEntry = memo(function CollectEntry({
  entry,
  doc,
  selected,
  onSelect,
  index,
  threshold,
}: {
  entry: Entry;
  doc: PlanDoc;
  selected: boolean;
  onSelect: (key: string, on: boolean) => void;
  /** The plan's items, to say when the plan already has this. */
  index: PlanIndex;
  threshold: number;
}) {
  const id = useId();
  // Pointer drag into the fan; keyboard users place with the list and button below.
  const { listeners, setNodeRef, isDragging } = useDraggable({ id: `collect:${entry.key}`, data: { entry } });
  const [merging, setMerging] = useState(false);
  const many = entry.inputs.length > 1;
  const already = useMemo(() => inPlan(entry, index, threshold), [entry, index, threshold]);
  // A plan that can only be read takes nothing in (nothing starts a drag then).
  const readOnly = useReadOnly();
  return (
    <li className="collect-entry" aria-labelledby={`${id}-text`} aria-describedby={`${id}-weight`}>
      <div className="collect-entry-head">
        <input type="checkbox" aria-label={`Markera ”${entry.text}”`} checked={selected} onChange={(e) => onSelect(entry.key, e.target.checked)} />
        <div ref={setNodeRef} {...listeners} className={`card collect-card${isDragging ? ' is-dragging' : ''}`} title={readOnly ? undefined : 'Dra in i solfjädern'}>
          <span id={`${id}-text`} className="card-text">
            {entry.text}
          </span>
        </div>
      </div>
      <p id={`${id}-weight`} className="collect-weight">
        {weightText(entry)}
        {entry.merged ? ' · sammanslagen' : ''}
      </p>
      {already.map((item) => (
        <p key={item.id} className="collect-in-plan">
          Finns redan i planen: ”{item.text}” ({containerName(doc, containerKey(item.cell))}).{' '}
          <Editable>
            <button type="button" className="link-button" onClick={() => attachEntry(entry, item.id)} aria-label={`Lägg till som källor till ”${item.text}”`}>
              Lägg till som källor
            </button>
          </Editable>
        </p>
      ))}
      <details className="collect-sources">
        <summary>
          {count(entry.inputs.length, 'formulering', 'formuleringar')}: {entry.offices.join(', ')}
        </summary>
        <ul aria-label={`Formuleringar och källor för ”${entry.text}”`}>
          {entry.inputs.map((input) => (
            <li key={input.id} className={input.extra ? 'is-extra' : undefined}>
              <span className="source-text">”{input.text}”</span>{' '}
              <span className="source-meta">
                – {input.kalla}, {inputPlace(input)}
              </span>
              <span className="source-actions">
                {many && (
                  <button type="button" className="link-button" onClick={() => takeOut(input.id)} aria-label={`Ta ur gruppen: ”${input.text}” (${input.kalla})`}>
                    Ta ur gruppen
                  </button>
                )}
                <button type="button" className="link-button" onClick={() => dismiss([input.id])} aria-label={`Avfärda ”${input.text}” (${input.kalla})`}>
                  Avfärda
                </button>
              </span>
            </li>
          ))}
        </ul>
      </details>
      {merging && <MergeForm inputs={entry.inputs} onDone={() => setMerging(false)} />}
      <div className="collect-actions">
        <PlaceControl entry={entry} doc={doc} />
        {!merging && (
          <button type="button" onClick={() => setMerging(true)}>
            {many ? 'Slå ihop…' : 'Ändra formulering…'}
          </button>
        )}
        {many && (
          <button type="button" onClick={() => split(entry.inputs.map((i) => i.id))}>
            Dela upp
          </button>
        )}
        <button type="button" onClick={() => dismiss(entry.inputs.map((i) => i.id))}>
          Avfärda
        </button>
      </div>
    </li>
  );
});
