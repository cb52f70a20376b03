// Inspel: items not yet placed in the fan, and the form for a new one.
import { useDroppable } from '@dnd-kit/core';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { containersOf, INSPEL, itemsIn } from '../domain/containers';
import type { Item } from '../domain/types';
import { useDrag } from '../dnd/dragStore';
import { usePeerOn } from '../store/roomState';
import { useDraggableItem } from '../dnd/useDraggableItem';
import { pastedLines } from '../domain/operations';
import { RuleError } from '../domain/rules';
import { addItem, addItems } from '../store/actions';
import { WeightTag } from './WeightTag';
import { notify, useEditor, useReadOnly } from '../store/editor';
import { setInspelHidden, useUi } from '../store/ui';
import { isFiltering, matchingIds } from '../domain/filter';
import { hasReviewTags, ReviewTags } from './ReviewTags';
import { MAX_TEXT_LENGTH } from '../domain/limits';

const InspelItem = memo(function InspelItem({ item, index, filteredOut }: { item: Item; index: number; filteredOut: boolean }) {
  const { props, isDragging, host } = useDraggableItem<HTMLDivElement>(item.id);
  const peer = usePeerOn(item.id);
  return (
    <li className="inspel-item" data-inspel-item={item.id}>
      <div
        {...props}
        className={`card${isDragging ? ' is-dragging' : ''}${item.extra ? ' is-extra' : ''}${item.status === 'stryks' ? ' is-struck' : ''}${filteredOut ? ' is-filtered-out' : ''}${peer ? ' is-busy' : ''}`}
        style={peer ? { borderColor: peer.color } : undefined}
        aria-description={[peer?.text, filteredOut && 'Utanför filtret'].filter(Boolean).join('. ') || undefined}
      >
        {peer && (
          <span className="presence-tag" style={{ background: peer.color }}>
            {peer.text}
          </span>
        )}
        {/* Each text one string and each tag only when it says something: a big Inspel is
            hundreds of cards, and every node of each is walked when a drag starts. */}
        <span className="rank" aria-hidden="true">{`${index + 1}. `}</span>
        <span className="card-text">{item.text}</span>
        {item.extra && <span className="tag">extra</span>}
        {hasReviewTags(item) && <ReviewTags item={item} />}
        {item.sources.length > 0 && <WeightTag sources={item.sources} />}
      </div>
      {host}
    </li>
  );
});

function InspelMarker() {
  const target = useDrag((s) => (s.target?.key === INSPEL ? s.target : null));
  const origin = useDrag((s) => s.origin);
  if (!target) return null;
  const drawn = origin?.key === INSPEL && target.index >= origin.index ? target.index + 1 : target.index;
  const nodes = document.querySelectorAll<HTMLElement>('[data-inspel-item]');
  const at = nodes[drawn];
  const last = nodes[nodes.length - 1];
  const top = at ? at.offsetTop - 4 : last ? last.offsetTop + last.offsetHeight + 2 : 4;
  return <div className="inspel-marker" style={{ top }} aria-hidden="true" />;
}

function NewItemForm({ onDone }: { onDone: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const submit = () => {
    if (!text.trim()) {
      setError('Skriv en text för inspelet.');
      ref.current?.focus();
      return;
    }
    if (addItem(text)) {
      setText('');
      setError('');
      ref.current?.focus();
    }
  };
  return (
    <form
      className="new-item"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="new-item-text">Text för nytt inspel</label>
      <textarea
        id="new-item-text"
        ref={ref}
        rows={3}
        maxLength={MAX_TEXT_LENGTH}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'new-item-error' : 'new-item-help'}
        onChange={(e) => setText(e.target.value)}
        onPaste={(e) => {
          // Several lines pasted (a list from an e-mail or a whiteboard photo's text): one
          // inspel per line, in one step. A single line pastes as usual.
          const pasted = e.clipboardData.getData('text/plain');
          let lines: string[];
          try {
            lines = pastedLines(pasted);
          } catch (error) {
            e.preventDefault();
            setError(error instanceof RuleError ? error.message : String(error));
            return;
          }
          if (lines.length < 2) return;
          e.preventDefault();
          if (addItems(lines)) {
            setError('');
            notify('info', `${lines.length} inspel lades till.`);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            submit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onDone();
          }
        }}
      />
      {error ? (
        <p id="new-item-error" className="field-error">
          {error}
        </p>
      ) : (
        <p id="new-item-help" className="help">
          En mening. Enter lägger till och öppnar nästa, Escape stänger. Klistra in flera rader för flera inspel.
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          Lägg till
        </button>
        <button type="button" onClick={onDone}>
          Stäng
        </button>
      </div>
    </form>
  );
}

/** Cards drawn at once; a long Inspel draws the rest right after (they are below the fold). */
const FIRST_CARDS = 40;

function useAllAfterFirstPaint(): boolean {
  const [all, setAll] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAll(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return all;
}

/** No inspel (one array, so a plan without any does not draw Inspel again at each change). */
const NO_ITEMS: Item[] = [];

export function InspelPanel() {
  // Inspel's own list: a change elsewhere in the plan leaves it as it was (the same array).
  const items = useEditor((s) => (s.doc && containersOf(s.doc).get(INSPEL)) || NO_ITEMS);
  // A filter dims the inspel it leaves out, as in the fan (then the whole plan is read).
  const filter = useUi((s) => s.filter);
  const filtering = isFiltering(filter);
  const doc = useEditor((s) => (filtering ? s.doc : null));
  const matching = useMemo(() => (doc ? matchingIds(doc, filter) : null), [doc, filter]);
  const all = useAllAfterFirstPaint();
  const shown = all ? items : items.slice(0, FIRST_CARDS);
  const [adding, setAdding] = useState(false);
  // A plan that can only be read takes no new inspel (a form open when it turned so closes).
  const readOnly = useReadOnly();
  const formOpen = adding && !readOnly;
  const addRef = useRef<HTMLButtonElement>(null);
  const { setNodeRef, isOver } = useDroppable({ id: INSPEL });
  return (
    <aside className="inspel" aria-labelledby="inspel-heading">
      <div className="inspel-head">
        <h2 id="inspel-heading">
          Inspel <span className="count">({items.length})</span>
        </h2>
        {!formOpen && (
          <button type="button" ref={addRef} className="primary" disabled={readOnly} onClick={() => setAdding(true)}>
            Nytt inspel
          </button>
        )}
        <button
          type="button"
          className="icon-button panel-hide"
          aria-label="Dölj inspel"
          title="Dölj inspel"
          onClick={() => {
            setInspelHidden(true);
            // Focus goes to the button that brings it back.
            setTimeout(() => document.querySelector<HTMLButtonElement>('.inspel-show')?.focus());
          }}
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
      {formOpen && (
        <NewItemForm
          onDone={() => {
            setAdding(false);
            setTimeout(() => addRef.current?.focus());
          }}
        />
      )}
      <div ref={setNodeRef} className={`inspel-drop${isOver ? ' is-over' : ''}`}>
        <ul aria-label="Inspel" data-inspel-list className="inspel-list">
          {shown.map((item, i) => (
            <InspelItem key={item.id} item={item} index={i} filteredOut={matching !== null && !matching.has(item.id)} />
          ))}
        </ul>
        <InspelMarker />
        {items.length === 0 && <p className="empty">{readOnly ? 'Inga inspel.' : 'Inga inspel. Lägg till med ”Nytt inspel” eller dra hit från solfjädern.'}</p>}
      </div>
    </aside>
  );
}

/**
 * Inspel folded away: one button over the fan's empty top-right corner brings it back; an
 * item dropped on it goes to Inspel.
 */
export function InspelShowButton() {
  const count = useEditor((s) => (s.doc ? itemsIn(s.doc, null).length : 0));
  const { setNodeRef, isOver } = useDroppable({ id: INSPEL });
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`inspel-show${isOver ? ' is-over' : ''}`}
      onClick={() => {
        setInspelHidden(false);
        setTimeout(() => document.querySelector<HTMLButtonElement>('.panel-hide')?.focus());
      }}
    >
      <span aria-hidden="true">« </span>Visa inspel ({count})
    </button>
  );
}
