// "Prioritera": dot voting in a workshop. The facilitator sets the dots per participant;
// participants take turns by name, placing dots on the items of Inspel or of a cell; the
// dots rank the items, and "Sortera efter röster" makes that the list's priority order.
import { useEffect, useState } from 'react';
import { containerName } from '../domain/containers';
import { containerKey, INSPEL, itemsIn, parseContainerKey } from '../domain/containers';
import type { PlanDoc } from '../domain/types';
import { dotsLeft, dotsOn, dotsUsed, MAX_DOTS, participants, ranking } from '../domain/voting';
import { useEditor } from '../store/editor';
import { SidePanel } from './SidePanel';
import { rememberedAuthor } from '../store/author';
import { useRoom } from '../store/roomState';
import { clearVotes, endTurn, giveDot, loadVoting, setDots, sortByVotes, startTurn, takeBackDot, useVoting } from '../store/voting';
import { Editable } from './Editable';

const dotsText = (n: number) => `${n} ${n === 1 ? 'prick' : 'prickar'}`;

function DotsField({ dots }: { dots: number }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <div className="limit-field">
      <label htmlFor="voting-dots">Prickar per deltagare</label>
      <input
        id="voting-dots"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_DOTS}
        value={draft ?? String(dots)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (draft !== null && draft.trim() !== String(dots)) setDots(Number(draft));
          setDraft(null);
        }}
        onKeyDown={(e) => e.key === 'Enter' && (e.currentTarget as HTMLInputElement).blur()}
      />
    </div>
  );
}

/** Who votes here: in a room, this person (everyone on their own device); alone, whoever's turn it is. */
function useVoter(): { participant: string | null; inRoom: boolean } {
  const participant = useVoting((s) => s.participant);
  const inRoom = useRoom((s) => s.status !== 'off' && s.status !== 'refused');
  return { participant: inRoom ? rememberedAuthor() || 'Gäst' : participant, inRoom };
}

function Turn() {
  const voting = useEditor((s) => s.voting);
  const { participant, inRoom } = useVoter();
  const [name, setName] = useState('');
  if (participant && inRoom) {
    return (
      <div className="voting-turn">
        <p role="status">
          Du röstar som <strong>{participant}</strong>: {dotsLeft(voting, participant)} av {voting.dots} prickar kvar. Alla i rummet röstar samtidigt.
        </p>
      </div>
    );
  }
  if (participant) {
    return (
      <div className="voting-turn">
        <p role="status">
          <strong>{participant}</strong> röstar: {dotsLeft(voting, participant)} av {voting.dots} prickar kvar.
        </p>
        <button type="button" className="primary" onClick={endTurn}>
          Klar – nästa deltagare
        </button>
      </div>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (startTurn(name)) setName('');
      }}
    >
      <label htmlFor="voting-name" className="sr-only">
        Deltagarens namn
      </label>
      <input id="voting-name" value={name} maxLength={80} placeholder="Deltagarens namn" onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="primary">
        Börja rösta
      </button>
    </form>
  );
}

function Voting({ doc }: { doc: PlanDoc }) {
  const voting = useEditor((s) => s.voting);
  const { participant, inRoom } = useVoter();
  const containers = [INSPEL, ...doc.plan.blades.flatMap((b) => doc.plan.rings.map((r) => containerKey({ bladeId: b.id, ringId: r.id })))];
  const [key, setKey] = useState(() => (itemsIn(doc, null).length > 0 ? INSPEL : containers[1]!));
  const listKey = containers.includes(key) ? key : INSPEL;
  const cell = parseContainerKey(listKey);
  const name = containerName(doc, listKey);
  const items = itemsIn(doc, cell);
  const ranked = ranking(voting, items).filter((r) => r.dots > 0);
  const people = participants(voting);
  return (
    <div className="coverage-body">
      <p className="coverage-summary">
        Varje deltagare får lika många prickar och sätter dem på de aktiviteter som är viktigast, gärna flera på samma.{' '}
        {inRoom ? 'I rummet röstar var och en på sin egen dator eller mobil, alla samtidigt.' : 'Deltagarna turas om vid samma dator.'}
      </p>
      <DotsField dots={voting.dots} />
      <Turn />
      {people.length > 0 && (
        <ul className="voting-people" aria-label="Deltagare">
          {people.map((p) => (
            <li key={p}>
              {p}: {dotsUsed(voting, p)} av {voting.dots} prickar satta
            </li>
          ))}
        </ul>
      )}

      <div className="field voting-list-choice">
        <label htmlFor="voting-list">Rösta på</label>
        <select id="voting-list" value={listKey} onChange={(e) => setKey(e.target.value)}>
          {containers.map((k) => (
            <option key={k} value={k}>
              {containerName(doc, k)} ({itemsIn(doc, parseContainerKey(k)).length})
            </option>
          ))}
        </select>
      </div>
      {items.length === 0 ? (
        <p className="empty">{name} har inga aktiviteter.</p>
      ) : (
        <ol className="voting-items" aria-label={`Röster: ${name}`}>
          {items.map((item) => {
            const total = dotsOn(voting, item.id);
            const mine = participant ? dotsOn(voting, item.id, participant) : 0;
            return (
              <li key={item.id}>
                <span className="voting-text">{item.text}</span>
                <span className="voting-dots">
                  <span aria-hidden="true">{'●'.repeat(Math.min(total, 30))}</span> {dotsText(total)}
                </span>
                {participant && (
                  <span className="row">
                    <button
                      type="button"
                      aria-label={`Ge en prick: ${item.text}`}
                      disabled={dotsLeft(voting, participant) === 0}
                      onClick={() => giveDot(item.id)}
                    >
                      + Prick
                    </button>
                    <button type="button" aria-label={`Ta tillbaka en prick: ${item.text}`} disabled={mine === 0} onClick={() => takeBackDot(item.id)}>
                      −
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}

      <h3>Resultat för {name}</h3>
      {ranked.length === 0 ? (
        <p className="empty">Inga prickar här ännu.</p>
      ) : (
        <ol className="voting-result" aria-label={`Resultat: ${name}`}>
          {ranked.map(({ item, dots }) => (
            <li key={item.id}>
              {item.text} – {dotsText(dots)}
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        <button type="button" disabled={ranked.length === 0} onClick={() => sortByVotes(cell, name)}>
          Sortera efter röster
        </button>
        <button type="button" disabled={voting.votes.length === 0} onClick={clearVotes}>
          Ta bort alla prickar
        </button>
      </div>
    </div>
  );
}

export function VotingPanel() {
  const doc = useEditor((s) => s.doc);
  const planId = doc?.plan.id;
  const loaded = useVoting((s) => s.planId === planId);
  useEffect(() => void (planId && loadVoting(planId)), [planId]);
  return (
    <SidePanel id="voting" title="Prioritera">
      {doc && loaded ? (
        <Editable said>
          <Voting doc={doc} />
        </Editable>
      ) : (
        <p className="help">Läser röster…</p>
      )}
    </SidePanel>
  );
}
