/**
 * Tab "Verbeterafspraken" of the quality screen (MSZ Bijlage 1): each entry condition answered "no"
 * became an improvement agreement with its goal (meet the condition) and its due date inside the
 * agreement term; a purchaser marks one met. Below, the objectives (doelstellingen) as answered:
 * recorded, not enforced.
 */
import { useState } from 'react';
import { errorMessage } from '../api';
import { answerLabels, qualityApi, type ImprovementAgreement, type Questionnaire } from '../api-quality';
import { ErrorMessage, Loaded, TableScroll } from '../components/status';
import { formatDate } from '../format';
import { useReloadableResource } from '../use-resource';

export function ImprovementAgreementsPanel({ agb, year, questionnaire, canMarkMet }: { agb: string; year: number; questionnaire: Questionnaire; canMarkMet: boolean }) {
  const [agreements, reload] = useReloadableResource((signal) => qualityApi.improvementAgreements(agb, year, signal), [agb, year, questionnaire]);
  const objectives = questionnaire.items.filter((i) => i.specification_type === 'doelstelling');
  return (
    <>
      <h2>Verbeterafspraken {year}</h2>
      <p className="hint">
        Aan een instapvoorwaarde moet u aan het begin van het contractjaar voldoen. Kunt u dat nog niet, dan spreken wij af dat u er binnen de
        looptijd van de overeenkomst alsnog aan voldoet (MSZ bijlage 1).
      </p>
      <Loaded resource={agreements} what="Verbeterafspraken">
        {(list) => <AgreementsTable agreements={list} canMarkMet={canMarkMet} onChanged={reload} />}
      </Loaded>
      <section aria-labelledby="doelstellingen">
        <h2 id="doelstellingen">Doelstellingen</h2>
        <p className="hint">Doelstellingen uit de inkoopspecificaties: wij leggen uw antwoord vast; ze kunnen later instapvoorwaarde worden.</p>
        {objectives.length === 0 ? (
          <p className="empty">Geen doelstellingen in dit beleid.</p>
        ) : (
          <ul className="plain-list">
            {objectives.map((o) => (
              <li key={o.key}>
                <strong>{o.number}. {o.topic ?? ''}</strong>: {o.text} — <em>{o.answer ? answerLabels[o.answer].toLowerCase() : 'nog niet beantwoord'}</em>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function AgreementsTable({ agreements, canMarkMet, onChanged }: { agreements: ImprovementAgreement[]; canMarkMet: boolean; onChanged(): void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  if (agreements.length === 0) return <p className="empty">Geen verbeterafspraken: u voldoet aan alle instapvoorwaarden die u heeft beantwoord.</p>;
  const markMet = async (a: ImprovementAgreement) => {
    setBusy(a.id);
    setFailure(null);
    try {
      await qualityApi.markMet(a.agb, a.id);
      onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <div aria-live="assertive">{failure && <ErrorMessage title="Niet vastgelegd">{failure}</ErrorMessage>}</div>
      <TableScroll label="Tabel verbeterafspraken">
        <table className="data-table improvement-table">
          <caption className="visually-hidden">Verbeterafspraken</caption>
          <thead>
            <tr>
              <th scope="col">Instapvoorwaarde</th>
              <th scope="col">Doel</th>
              <th scope="col">Uiterlijk</th>
              <th scope="col">Status</th>
              {canMarkMet && <th scope="col">Actie</th>}
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.specification_number}. {a.topic ?? ''}
                  {a.source && <span className="source-ref"> ({a.source})</span>}
                </th>
                <td>Alsnog voldoen aan: {a.question ?? `inkoopspecificatie ${a.specification_number}`}</td>
                <td className="nowrap" data-testid="due-date">
                  {formatDate(a.due_date)}
                </td>
                <td>
                  <span className={`badge ${a.status === 'met' ? 'badge-ceiling-ok' : 'badge-flag'}`}>{a.status === 'met' ? 'Nagekomen' : 'Open'}</span>
                </td>
                {canMarkMet && (
                  <td>
                    {a.status === 'open' ? (
                      <button type="button" className="button button-secondary" disabled={busy === a.id} onClick={() => void markMet(a)}>
                        Nagekomen<span className="visually-hidden"> (instapvoorwaarde {a.specification_number})</span>
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
