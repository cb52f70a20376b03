// "Versioner": save a named snapshot of the plan, list the saved ones, open one read-only,
// restore one as a new plan, or compare two (or one with the plan as it is now).
import { LIMITS } from '../domain/limits';
import { useEffect, useState } from 'react';
import {
  compareVersions,
  CURRENT,
  listVersions,
  openVersion,
  restoreVersion,
  restoreVersionInRoom,
  saveVersion,
  suggestedVersionName,
  type Comparison,
  type VersionSummary,
} from '../store/versions';
import { ComparisonView } from './Comparison';
import { Dialog } from './Dialog';
import { useRoom } from '../store/roomState';
import { useReadOnly } from '../store/editor';
import { Editable } from './Editable';

const when = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeStyle: 'short' });

export function VersionsDialog({ onClose }: { onClose: () => void }) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [name, setName] = useState(() => suggestedVersionName());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(CURRENT);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const inRoom = useRoom((s) => s.status !== 'off' && s.status !== 'refused');
  const readOnly = useReadOnly();
  const reload = () =>
    listVersions().then((list) => {
      setVersions(list);
      setFrom((f) => f || list[0]?.id || '');
    });
  useEffect(() => void reload(), []);

  const compare = async (a: string, b: string) => {
    setFrom(a);
    setTo(b);
    setComparison(await compareVersions(a, b));
  };

  const versionOptions = versions?.map((v) => (
    <option key={v.id} value={v.id}>
      {v.name}
    </option>
  ));

  return (
    <Dialog title="Versioner" onClose={onClose} wide>
      <form
        className="form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await saveVersion(name)) {
            setName(suggestedVersionName());
            await reload();
          }
        }}
      >
        {/* A plan that can only be read here is not saved as a version of this build's reading of it. */}
        <Editable said>
          <label htmlFor="version-name">Namn på versionen</label>
          <div className="inline-form">
            <input id="version-name" value={name} maxLength={LIMITS.versionName} onChange={(e) => setName(e.target.value)} aria-describedby="version-help" />
            <button type="submit" className="primary">
              Spara version
            </button>
          </div>
        </Editable>
        <p id="version-help" className="help">
          En version är en låst ögonblicksbild av planen, till exempel ”Inför internat 23 april”. Planen kan sedan ändras vidare.
        </p>
      </form>

      <h3>Sparade versioner</h3>
      {versions === null ? (
        <p className="help">Läser versioner…</p>
      ) : versions.length === 0 ? (
        <p className="empty">Inga versioner sparade ännu.</p>
      ) : (
        <ul className="plan-list" aria-label="Sparade versioner">
          {versions.map((v) => (
            <li key={v.id} className="plan-row">
              <div className="plan-info">
                <strong>{v.name}</strong>
                <span className="meta">
                  Sparad {when.format(new Date(v.savedAt))}, {v.itemCount} aktiviteter
                </span>
              </div>
              <div className="row">
                <button type="button" onClick={() => void openVersion(v.id)} aria-label={`Öppna ${v.name}`}>
                  Öppna
                </button>
                <button type="button" onClick={() => void compare(v.id, CURRENT)} aria-label={`Jämför med nuvarande plan: ${v.name}`}>
                  Jämför med nuvarande plan
                </button>
                {inRoom && (
                  <button type="button" disabled={readOnly} onClick={() => void restoreVersionInRoom(v.id)} aria-label={`Återställ i rummet: ${v.name}`}>
                    Återställ i rummet
                  </button>
                )}
                <button type="button" onClick={() => void restoreVersion(v.id)} aria-label={`Återställ som ny plan: ${v.name}`}>
                  Återställ som ny plan
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {versions && versions.length > 0 && (
        <form
          className="compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            void compare(from, to);
          }}
        >
          <div className="field">
            <label htmlFor="compare-from">Jämför</label>
            <select id="compare-from" value={from} onChange={(e) => setFrom(e.target.value)}>
              {versionOptions}
            </select>
          </div>
          <div className="field">
            <label htmlFor="compare-to">med</label>
            <select id="compare-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value={CURRENT}>Nuvarande plan</option>
              {versionOptions}
            </select>
          </div>
          <button type="submit">Jämför</button>
        </form>
      )}

      {comparison && <ComparisonView comparison={comparison} />}
    </Dialog>
  );
}
