// "Skicka ut": choose recipients (from the plan's källor, or typed) and what to send; one
// zip with a file per recipient is saved, ready to attach to the e-mails.
import { useEffect, useState } from 'react';
import { recipientList, sendOutFiles, zipFiles, type SendKind } from '../collect/sendOut';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { downloadBlob, safeFileName } from '../export/download';
import { clearNotice, notify } from '../store/editor';
import { Dialog } from './Dialog';
import { count } from '../domain/plural';
import { periodLabel } from '../domain/followup';
import { useEditor } from '../store/editor';
import { useFollowedPeriod } from '../store/followedPeriod';

export function SendOutDialog({ doc, onClose }: { doc: PlanDoc; onClose: () => void }) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [typed, setTyped] = useState('');
  const [kinds, setKinds] = useState<ReadonlySet<SendKind>>(new Set(['mall']));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // What is sent: the template for proposals, or the follow-up form of the period followed up.
  const period = useFollowedPeriod();
  const followUp = useEditor((s) => s.followUp);
  const [purpose, setPurpose] = useState<'inspel' | 'uppfoljning'>('inspel');
  const asking = purpose === 'uppfoljning' && period ? { followUp, period } : undefined;
  // An older message would cover the dialog's buttons.
  useEffect(() => clearNotice(), []);
  const toggle = <T,>(set: ReadonlySet<T>, value: T, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };
  const send = async () => {
    let recipients: string[];
    try {
      recipients = recipientList([...doc.plan.catalogue.kallor.filter((k) => ticked.has(k)), ...typed.split('\n')]);
      if (kinds.size === 0) throw new RuleError('Välj minst en sorts fil: Word eller JSON.');
    } catch (e) {
      if (!(e instanceof RuleError)) throw e;
      setError(e.message);
      return;
    }
    setBusy(true);
    try {
      const files = await sendOutFiles(doc, recipients, [...kinds], new Date(), asking);
      const name = safeFileName(`${doc.plan.name} – utskick`, 'zip');
      downloadBlob(new Blob([(await zipFiles(files)) as BlobPart], { type: 'application/zip' }), name);
      notify('info', `${count(files.length, 'fil', 'filer')} till ${count(recipients.length, 'mottagare', 'mottagare')} sparades i ${name}.`);
      onClose();
    } catch {
      setError('Filerna kunde inte skapas. Försök igen.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Skicka ut" onClose={onClose}>
      <form
        className="send-out"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <p className="help">En fil per mottagare, med mottagarens namn i. Det som kommer tillbaka visar då varifrån det kom när du samlar in det.</p>
        {doc.plan.catalogue.kallor.length > 0 && (
          <fieldset>
            <legend>Mottagare</legend>
            {doc.plan.catalogue.kallor.map((k) => (
              <label key={k} className="check">
                <input type="checkbox" checked={ticked.has(k)} onChange={(e) => setTicked(toggle(ticked, k, e.target.checked))} /> {k}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor="send-typed">Fler mottagare, en per rad</label>
        <textarea id="send-typed" rows={3} value={typed} onChange={(e) => setTyped(e.target.value)} />
        {period && (
          <fieldset>
            <legend>Vad skickas ut</legend>
            <label className="check">
              <input type="radio" name="send-purpose" checked={purpose === 'inspel'} onChange={() => setPurpose('inspel')} /> Mall för inspel
            </label>
            <label className="check">
              <input type="radio" name="send-purpose" checked={purpose === 'uppfoljning'} onChange={() => setPurpose('uppfoljning')} /> Uppföljning {periodLabel(period)}
            </label>
            {asking && <p className="help">Varje mottagare får de aktiviteter som gäller dem – de som de själva har föreslagit och de som varje förvaltning genomför – med läget hittills. Samla in läser svaren.</p>}
          </fieldset>
        )}
        <fieldset>
          <legend>Filer</legend>
          <label className="check">
            <input type="checkbox" checked={kinds.has('mall')} onChange={(e) => setKinds(toggle(kinds, 'mall', e.target.checked))} /> {asking ? 'Uppföljningsformulär (.docx)' : 'Mall att fylla i (.docx)'}
          </label>
          <label className="check">
            <input type="checkbox" checked={kinds.has('json')} onChange={(e) => setKinds(toggle(kinds, 'json', e.target.checked))} /> {asking ? 'Planfil för uppföljning (.json)' : 'Planfil för inspel (.json)'}
          </label>
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Skapar filer…' : 'Skapa filer'}
          </button>
          <button type="button" onClick={onClose}>
            Avbryt
          </button>
        </div>
      </form>
    </Dialog>
  );
}
