// Samla in asks instead of failing: a file whose table the reader cannot place shows the start
// of that table, and the user points out the column its proposals are in. The choice is kept
// for the layout, so the next file of the same layout comes in without asking.
import { useId } from 'react';
import { type Asking, dropAsking, pointOutProposals, useCollection } from '../store/collection';

const columnName = (text: string, i: number) => text || `Kolumn ${i + 1}`;

function AskOne({ ask }: { ask: Asking }) {
  const id = useId();
  const [head = [], ...rows] = ask.preview.rows;
  return (
    <li className="collect-ask-file" aria-labelledby={`${id}-name`}>
      <p id={`${id}-name`}>
        I <strong>{ask.file.name}</strong> finns ingen kolumn ”Prioriterade områden”. Välj kolumnen där förslagen står – filer med samma tabell läses sedan in på
        samma sätt.
      </p>
      <div className="collect-ask-table">
        <table>
          <caption className="sr-only">Början av tabellen i {ask.file.name}</caption>
          <thead>
            <tr>
              {head.map((text, i) => (
                <th key={i} scope="col">
                  <span>{columnName(text, i)}</span>
                  <button type="button" onClick={() => void pointOutProposals(ask.id, i)}>
                    Förslagen står här<span className="sr-only"> – i kolumnen ”{columnName(text, i)}”</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, j) => (
              <tr key={j}>
                {row.map((text, i) => (
                  <td key={i}>{text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="link-button" onClick={() => dropAsking(ask.id)}>
        Läs inte in {ask.file.name}
      </button>
    </li>
  );
}

/** The files waiting for the user to point out where their proposals are. */
export function CollectAsk() {
  const asking = useCollection((s) => s.asking);
  const id = useId();
  if (asking.length === 0) return null;
  return (
    <section className="collect-ask" aria-labelledby={id}>
      <h3 id={id}>Var står förslagen?</h3>
      <ul>
        {asking.map((ask) => (
          <AskOne key={ask.id} ask={ask} />
        ))}
      </ul>
    </section>
  );
}
