// "Samla in": the files that came back from the offices, their proposals weighed together
// (near-duplicates grouped, heaviest first), and the way into the fan.
import { CollectAsk } from './CollectAsk';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { indexPlan, MAX_THRESHOLD, MIN_THRESHOLD, placedInputIds, searchEntries, weighCollection, type CollectedFile } from '../domain/collection';
import type { PlanDoc } from '../domain/types';
import { loadCollection, removeFile, setThreshold, takeInFiles, undismiss, useCollection } from '../store/collection';
import { useEditor } from '../store/editor';
import { CollectEntry, inputPlace, MergeForm } from './CollectEntry';
import { count } from '../domain/plural';
import { Failsafe } from './Failsafe';
import { SidePanel } from './SidePanel';

const SendOutDialog = lazy(() => import('./SendOutDialog').then((m) => ({ default: m.SendOutDialog })));

/** Entries drawn at a time: a collection of a thousand proposals stays quick to scroll. */
const PAGE = 40;
const time = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' });

function FileList({ files, open = false }: { files: CollectedFile[]; open?: boolean }) {
  const broken = files.filter((f) => f.error).length;
  return (
    <details className="collect-files" open={open || broken > 0 || undefined}>
      <summary>
        Filer ({files.length}){broken > 0 ? ` – ${count(broken, 'kunde inte läsas', 'kunde inte läsas')}` : ''}
      </summary>
      <ul aria-label="Filer">
        {files.map((f) => (
          <li key={f.id} className={f.error ? 'is-broken' : undefined}>
            <span className="file-name">{f.name}</span>
            <span className="source-meta">
              {f.error ? `Kunde inte läsas: ${f.error}` : `${f.kalla} · ${count(f.inputs.length, 'förslag', 'förslag')}`} · {time.format(new Date(f.importedAt))}
            </span>
            <button type="button" className="link-button" onClick={() => removeFile(f.id)} aria-label={`Ta bort ${f.name} ur insamlingen`}>
              Ta bort
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Collected({ doc }: { doc: PlanDoc }) {
  const collection = useCollection((s) => s.collection);
  // Regroup only when what is placed changes, not on every edit of the plan.
  const placedKey = useMemo(() => [...placedInputIds(doc)].sort().join('\n'), [doc]);
  const placed = useMemo(() => new Set(placedKey ? placedKey.split('\n') : []), [placedKey]);
  const weighing = useMemo(() => weighCollection(collection, placed), [collection, placed]);
  const index = useMemo(() => indexPlan(doc), [doc]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const [mergingSelected, setMergingSelected] = useState(false);
  const [query, setQuery] = useState('');
  const found = useMemo(() => searchEntries(weighing.entries, query), [weighing, query]);
  const chosen = weighing.entries.filter((e) => selected.has(e.key));
  const onSelect = useMemo(
    () => (key: string, on: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );
  if (collection.files.length === 0) {
    return <p className="help">Inga filer ännu. Välj filer eller dra dem hit: ifyllda mallar (.docx, .odt) och planfiler (.json) från förvaltningarna.</p>;
  }
  const open = weighing.entries.reduce((n, e) => n + e.inputs.length, 0);
  return (
    <>
      <FileList files={collection.files} />
      <div className="limit-field">
        <label htmlFor="collect-threshold">Likhet för att gruppera</label>
        <input
          id="collect-threshold"
          type="range"
          min={MIN_THRESHOLD * 100}
          max={MAX_THRESHOLD * 100}
          step={5}
          value={Math.round(collection.threshold * 100)}
          aria-valuetext={`${Math.round(collection.threshold * 100)} procent`}
          onChange={(e) => setThreshold(Number(e.target.value) / 100)}
        />
        <output htmlFor="collect-threshold">{Math.round(collection.threshold * 100)} %</output>
      </div>
      <div className="limit-field">
        <label htmlFor="collect-search">Sök bland förslagen</label>
        <input id="collect-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="coverage-summary" role="status">
        {count(weighing.entries.length, 'grupp', 'grupper')} av {count(open, 'förslag', 'förslag')}
        {weighing.placed > 0 ? ` · ${weighing.placed} placerade i planen` : ''}
        {query.trim() ? ` · ${found.length} matchar sökningen` : ''}
      </p>
      {chosen.length > 1 && !mergingSelected && (
        <button type="button" onClick={() => setMergingSelected(true)}>
          Slå ihop markerade ({chosen.length})
        </button>
      )}
      {mergingSelected && (
        <MergeForm
          inputs={chosen.flatMap((e) => e.inputs)}
          onDone={() => {
            setMergingSelected(false);
            setSelected(new Set());
          }}
        />
      )}
      <ul className="collect-list" aria-label="Förslag">
        {found.slice(0, shown).map((entry) => (
          <CollectEntry
            key={entry.key}
            entry={entry}
            doc={doc}
            selected={selected.has(entry.key)}
            onSelect={onSelect}
            index={index}
            threshold={collection.threshold}
          />
        ))}
      </ul>
      {found.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Visa fler ({found.length - shown} kvar)
        </button>
      )}
      {weighing.dismissed.length > 0 && (
        <details className="collect-dismissed">
          <summary>Avfärdade ({weighing.dismissed.length})</summary>
          <ul aria-label="Avfärdade">
            {weighing.dismissed.map((input) => (
              <li key={input.id}>
                <span className="source-text">”{input.text}”</span>{' '}
                <span className="source-meta">
                  – {input.kalla}, {inputPlace(input)}
                </span>
                <button type="button" className="link-button" onClick={() => undismiss(input.id)} aria-label={`Återställ ”${input.text}” (${input.kalla})`}>
                  Återställ
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** The proposals could not be drawn (a file that breaks the grouping): the files stay listed, each can be removed. */
function CollectedFailed({ error, files }: { error: Error; files: CollectedFile[] }) {
  return (
    <div className="collect-failed">
      <p role="alert">
        Förslagen kunde inte visas ({error.message}). Filerna finns kvar: ta bort den som ställer till det, så visas resten igen. Planen är orörd.
      </p>
      <FileList files={files} open />
    </div>
  );
}

export function CollectPanel() {
  const doc = useEditor((s) => s.doc);
  const planId = doc?.plan.id;
  const loaded = useCollection((s) => s.planId === planId);
  const reading = useCollection((s) => s.reading);
  const collection = useCollection((s) => s.collection);
  const [sending, setSending] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => void (planId && loadCollection(planId)), [planId]);
  return (
    <SidePanel id="collect" title="Samla in">
      <div className="coverage-body collect">
        <div className="row">
          <button type="button" className="primary" onClick={() => fileRef.current?.click()} disabled={!loaded}>
            Välj filer…
          </button>
          <button type="button" onClick={() => setSending(true)}>
            Skicka ut…
          </button>
        </div>
        <input
          ref={fileRef}
          type="file"
          multiple
          accept=".json,application/json,.docx,.odt"
          hidden
          aria-label="Välj filer att samla in"
          data-testid="collect-files"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void takeInFiles(files);
          }}
        />
        <p className="help">Ifyllda mallar (.docx, .odt) och planfiler (.json), många på en gång. Du kan också dra filerna till sidan.</p>
        {reading > 0 && (
          <p role="status" aria-busy="true">
            Läser {count(reading, 'fil', 'filer')}…
          </p>
        )}
        <CollectAsk />
        {doc && loaded ? (
          <Failsafe resetKey={collection} fallback={(error) => <CollectedFailed error={error} files={collection.files} />}>
            <Collected doc={doc} />
          </Failsafe>
        ) : (
          <p className="help">Läser insamlingen…</p>
        )}
      </div>
      {sending && doc && (
        <Suspense fallback={null}>
          <SendOutDialog doc={doc} onClose={() => setSending(false)} />
        </Suspense>
      )}
    </SidePanel>
  );
}
