// "Samarbeta": start a room for the open plan (or join one from a link), share the invite as a
// link and a QR code, see who is in the room, leave it.
import qrcode from 'qrcode-generator';
import { useEffect, useMemo, useState } from 'react';
import { rememberedAuthor } from '../store/author';
import { clearNotice } from '../store/editor';
import { awayText, roomModule, seenAt, STATUS_TEXT, useRoom } from '../store/roomState';
import { Dialog } from './Dialog';

const NAME_MAX = 80;

function InviteQr({ link }: { link: string }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(link);
    qr.make();
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true }))}`;
  }, [link]);
  return <img className="room-qr" src={src} alt="QR-kod med inbjudningslänken, för mobilen" width={180} height={180} />;
}

function NameForm({ action, onSubmit }: { action: string; onSubmit: (name: string) => Promise<void> }) {
  const [name, setName] = useState(rememberedAuthor());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const clean = name.replace(/\s+/g, ' ').trim();
        if (!clean) {
          setError('Skriv ditt namn, så ser de andra vem du är.');
          return;
        }
        setBusy(true);
        void onSubmit(clean).finally(() => setBusy(false));
      }}
    >
      <label htmlFor="room-name">Ditt namn</label>
      <input id="room-name" data-autofocus value={name} maxLength={NAME_MAX} autoComplete="name" aria-invalid={!!error} aria-describedby={error ? 'room-name-error' : undefined} onChange={(e) => setName(e.target.value)} />
      {error && (
        <p id="room-name-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {action}
        </button>
      </div>
    </form>
  );
}

export function RoomDialog({ onClose }: { onClose: () => void }) {
  const { status, link, peers, pending, refusal, lastSeen } = useRoom();
  const away = status === 'local' || status === 'reconnecting';
  const [copied, setCopied] = useState(false);
  useEffect(() => clearNotice(), []);
  const inRoom = status !== 'off' && status !== 'refused' && link !== null;
  return (
    <Dialog title={pending && !inRoom ? 'Gå med i rummet' : 'Samarbeta'} onClose={onClose}>
      <div className="room-dialog">
        {status === 'refused' && (
          <p className="field-error" role="alert">
            {refusal ?? 'Fel eller saknad nyckel till rummet. Be den som startade rummet om en ny länk.'}
          </p>
        )}
        {!inRoom && pending && (
          <>
            <p className="help">Du har fått en länk till ett rum. När du går med hämtas planen hit och alla ser varandras ändringar direkt. Planen finns sedan kvar på den här datorn.</p>
            <NameForm action="Gå med" onSubmit={async (name) => (await roomModule()).joinRoom(name)} />
          </>
        )}
        {!inRoom && !pending && (
          <>
            <p className="help">Dela den öppna planen med alla i rummet: alla ser varandras ändringar direkt, och var och en kan ångra sina egna. Planen finns kvar på varje dator, även utan nätverk.</p>
            <NameForm action="Starta rum" onSubmit={async (name) => (await roomModule()).startRoom(name)} />
          </>
        )}
        {inRoom && (
          <>
            <p className={`room-status room-${status}`} role="status">
              {STATUS_TEXT[status]}
              {away ? ` – ${awayText(lastSeen)}` : ''}
            </p>
            <h3>Bjud in</h3>
            <p className="help">Öppna länken på en annan dator eller skanna koden med mobilen. Länken innehåller rummets nyckel: dela den bara med deltagarna.</p>
            <div className="room-invite">
              <label htmlFor="room-link">Inbjudningslänk</label>
              <input id="room-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                onClick={() => {
                  void navigator.clipboard?.writeText(link).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  );
                }}
              >
                Kopiera länk
              </button>
              <span role="status" className="help">
                {copied ? 'Länken är kopierad.' : ''}
              </span>
            </div>
            <InviteQr link={link} />
            <h3 id="room-people">I rummet ({peers.length})</h3>
            <ul className="room-people" aria-labelledby="room-people">
              {peers.map((p) => (
                <li key={p.clientId}>
                  <span className="swatch" style={{ background: p.color }} aria-hidden="true" /> {p.name}
                  {p.self ? ' (du)' : ''}
                </li>
              ))}
            </ul>
            {away && lastSeen.length > 0 && (
              <>
                <h3 id="room-last-seen">Senast sedda</h3>
                <ul className="room-people away" aria-labelledby="room-last-seen">
                  {lastSeen.map((p) => (
                    <li key={p.name}>
                      <span className="swatch" style={{ background: p.color }} aria-hidden="true" /> {p.name} – {seenAt(p.at)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <div className="row">
              <button
                type="button"
                onClick={() => {
                  void roomModule().then((m) => m.leaveRoom());
                  onClose();
                }}
              >
                Lämna rummet
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
