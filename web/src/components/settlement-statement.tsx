/**
 * A settlement statement (MSZ §2 Fig. 1, §4): realised, richtpunt or plafond, excluded care,
 * payable and the difference; the lines the payable amount is made of, with rule and source; the
 * informative figures; and the rules applied. Used on the provider page and in the simulator.
 */
import type { ReactNode } from 'react';
import type { Settlement } from '../api';
import { formatEuroCents } from '../format';
import { ExplainedLinesTable, ReasonList } from './reasons';
import { TableScroll } from './status';

interface StatementProps {
  settlement: Settlement;
  caption: string;
  idPrefix: string;
  /** Level of the sub-headings (under the section's own heading). */
  level?: 3 | 4;
  /** The payment curve, shown next to the statement on wide screens. */
  figure?: ReactNode;
}

export function SettlementStatement({ settlement: s, caption, idPrefix, level = 3, figure }: StatementProps) {
  const H = level === 3 ? 'h3' : 'h4';
  const targetName = s.type === 'transitie' ? 'Richtpunt' : 'Plafond';
  const difference = Number(String(s.difference_cents));
  return (
    <>
      <div className="statement-grid">
        <TableScroll label={caption}>
          <table className="data-table statement-table">
            <caption className="table-caption">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Post</th>
                <th scope="col" className="numeric">
                  Bedrag
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Gerealiseerd</th>
                <td className="numeric amount">{formatEuroCents(s.realised_cents)}</td>
              </tr>
              <tr>
                <th scope="row">{targetName}</th>
                <td className="numeric amount">{formatEuroCents(s.target_cents)}</td>
              </tr>
              <tr>
                <th scope="row">Uitgezonderde zorg (buiten {targetName.toLowerCase()})</th>
                <td className="numeric amount">{formatEuroCents(s.excluded_cents)}</td>
              </tr>
              <tr className="row-total">
                <th scope="row">Te betalen</th>
                <td className="numeric amount">{formatEuroCents(s.payable_cents)}</td>
              </tr>
              <tr>
                <th scope="row">
                  Verschil (te betalen − gerealiseerd)
                  <span className="cell-note">
                    {difference > 0 ? 'Er wordt meer betaald dan gerealiseerd.' : difference < 0 ? 'Er wordt minder betaald dan gerealiseerd.' : 'Te betalen is gelijk aan gerealiseerd.'}
                  </span>
                </th>
                <td className="numeric amount">{formatEuroCents(s.difference_cents)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
        {figure}
      </div>

      <H id={`${idPrefix}-opbouw`}>Opbouw van het te betalen bedrag</H>
      <ExplainedLinesTable caption="Onderdelen van het te betalen bedrag" lines={s.lines} total={{ label: 'Te betalen', amount_cents: s.payable_cents }} />

      {s.facts.length > 0 && (
        <details className="why">
          <summary>Kerngetallen ({s.facts.length}, tellen niet op)</summary>
          <ExplainedLinesTable caption="Kerngetallen van de afrekening" lines={s.facts} />
        </details>
      )}

      <H id={`${idPrefix}-regels`}>Toegepaste regels</H>
      <ReasonList reasons={s.reasons} label="Toegepaste regels van de afrekening" />
    </>
  );
}

/** A Dutch alt text for the payment curve (Fig. 1) that carries its numbers. */
export function paymentCurveAlt(s: Settlement): string {
  const targetName = s.type === 'transitie' ? 'richtpunt' : 'plafond';
  return (
    `Figuur 1, betaalcurve ${s.type === 'transitie' ? 'transitieafspraak' : 'plafondafspraak'}: te betalen bedrag tegen gerealiseerde omzet. ` +
    `${targetName[0]?.toUpperCase()}${targetName.slice(1)} ${formatEuroCents(s.target_cents)}; gerealiseerd ${formatEuroCents(s.realised_cents)}` +
    `${Number(String(s.excluded_cents)) > 0 ? ` (waarvan uitgezonderd ${formatEuroCents(s.excluded_cents)})` : ''}; ` +
    `te betalen ${formatEuroCents(s.payable_cents)}; verschil ${formatEuroCents(s.difference_cents)}.`
  );
}
