/**
 * Tab "Afrekening" of a provider: the year settlement of its agreement (MSZ §2 Fig. 1, §4) with
 * every line and rule, the payment curve as the server draws it, and the PDF statement. Without an
 * agreement the server answers 409 with its own message, shown as a notice.
 */
import { useState } from 'react';
import { api, type ProviderSettlement } from '../api';
import { SettlementStatement, paymentCurveAlt } from '../components/settlement-statement';
import { ErrorMessage, Loading } from '../components/status';
import { agreementTypeLabels, label } from '../format';
import { useResource } from '../use-resource';

export function SettlementPanel({ agb, year }: { agb: string; year: number }) {
  const settlement = useResource((signal) => api.settlement(agb, year, signal), [agb, year]);
  return (
    <>
      <h2>Afrekening {year}</h2>
      {settlement.status === 'loading' ? (
        <Loading what="Afrekening" />
      ) : settlement.status === 'failed' ? (
        settlement.httpStatus === 409 ? (
          <div className="alert alert-info" role="status">
            <p className="alert-title">Niets af te rekenen</p>
            <p>{settlement.message}</p>
          </div>
        ) : (
          <ErrorMessage>{settlement.message}</ErrorMessage>
        )
      ) : (
        <SettlementView data={settlement.data} agb={agb} year={year} />
      )}
    </>
  );
}

function SettlementView({ data, agb, year }: { data: ProviderSettlement; agb: string; year: number }) {
  const s = data.settlement;
  const [imageFailed, setImageFailed] = useState(false);
  return (
    <>
      <p className="subtitle">
        {label(agreementTypeLabels, data.decision.type)} · {data.decision.title}
      </p>
      <ul className="downloads" aria-label="Downloads afrekening">
        <li>
          <a className="button button-secondary" href={api.settlementPdfUrl(agb, year)} download={`afrekening-${agb}-${year}.pdf`}>
            Afrekening (PDF)
          </a>
        </li>
      </ul>
      <SettlementStatement
        settlement={s}
        caption={`Afrekening ${year}: overzicht`}
        idPrefix="afrekening"
        level={3}
        figure={
          <figure className="chart" aria-labelledby="afrekening-figuur">
            {imageFailed ? (
              <p className="empty">De grafiek kon niet worden geladen.</p>
            ) : (
              <img
                className="chart-image"
                src={api.paymentCurveUrl(agb, year)}
                alt={paymentCurveAlt(s)}
                width={720}
                height={450}
                onError={() => setImageFailed(true)}
              />
            )}
            <figcaption id="afrekening-figuur">
              Betaalcurve (figuur 1): te betalen bedrag tegen gerealiseerde omzet, met het {s.type === 'transitie' ? 'richtpunt' : 'plafond'} en de
              realisatie gemarkeerd.
            </figcaption>
          </figure>
        }
      />
    </>
  );
}
