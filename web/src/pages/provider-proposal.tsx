/**
 * Tab "Voorstel" of a provider: the financial proposal (richtpunt or plafond over the agreement's
 * years), the volume proposal with every correction and its flags (MSZ §4), and the price proposal
 * per care product (MSZ §3), each with why; plus the PDF letter and the Excel price list.
 */
import { useState } from 'react';
import { api, type ExplainedLine, type PriceLine, type Proposal, type VolumeFlag } from '../api';
import { ExplainedLinesTable, ReasonList, WhyDetails } from '../components/reasons';
import { Loaded, TableScroll } from '../components/status';
import { agreementTypeLabels, amountKindLabels, formatEuroCents, formatNumber, formatShare, label, priceIndexMethodLabels } from '../format';
import { useResource } from '../use-resource';

export function ProposalPanel({ agb, year }: { agb: string; year: number }) {
  const proposal = useResource((signal) => api.proposal(agb, year, signal), [agb, year]);
  return (
    <>
      <h2>Voorstel {year}</h2>
      <Loaded resource={proposal} what="Voorstel">
        {(p) => <ProposalView proposal={p} agb={agb} year={year} />}
      </Loaded>
    </>
  );
}

/** A decimal string index (`1.0234`) in Dutch (`1,0234`), digits kept as they are. */
export const dutchDecimal = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : String(value).replace('.', ',');

const flagLabels: Record<string, string> = {
  'explanation-required': 'verklaring vereist',
  'correction-capped': 'correctie afgetopt',
  'base-year-differs': 'ander basisjaar',
};

function ProposalView({ proposal: p, agb, year }: { proposal: Proposal; agb: string; year: number }) {
  const { financial: f, volume: v, price } = p;
  const amountName = f.amount_kind === 'plafond' ? 'Plafond' : f.amount_kind === 'richtpunt' ? 'Richtpunt' : 'Bedrag';
  return (
    <>
      <p className="subtitle">
        {p.policy.title} · <span className="code">{p.policy.id}</span>
      </p>
      <dl className="facts key-figures">
        <div>
          <dt>Afspraak</dt>
          <dd>
            {label(agreementTypeLabels, p.decision.type)}
            {p.decision.type !== 'none' && `, ${p.decision.years} jaar`}
          </dd>
        </div>
        <div>
          <dt>{label(amountKindLabels, f.amount_kind)}</dt>
          <dd className="amount key-amount">{formatEuroCents(f.amount_cents)}</dd>
        </div>
        <div>
          <dt>Jaren</dt>
          <dd>{f.years.length > 0 ? f.years.join(', ') : '—'}</dd>
        </div>
        <div>
          <dt>Prijsindex</dt>
          <dd>{dutchDecimal(f.price_index)}</dd>
        </div>
        <div>
          <dt>Volume basis ({v.base_year})</dt>
          <dd className="amount">{formatEuroCents(v.base_cents)}</dd>
        </div>
        <div>
          <dt>Volume na correcties</dt>
          <dd className="amount">{formatEuroCents(v.total_cents)}</dd>
        </div>
      </dl>

      <ul className="downloads" aria-label="Downloads voorstel">
        <li>
          <a className="button button-secondary" href={api.proposalPdfUrl(agb, year)} download={`voorstel-${agb}-${year}.pdf`}>
            Voorstelbrief (PDF)
          </a>
        </li>
        <li>
          <a className="button button-secondary" href={api.priceListUrl(agb, year)} download={`prijslijst-${agb}-${year}.xlsx`}>
            Prijslijst (Excel)
          </a>
        </li>
        <li>
          <a className="button button-secondary" href={api.priceListCsvUrl(agb, year)} download={`prijslijst-${agb}-${year}.csv`}>
            Prijslijst (CSV)
          </a>
        </li>
      </ul>

      <section aria-labelledby="voorstel-financieel">
        <h3 id="voorstel-financieel">Financiële afspraak: {amountName.toLowerCase()}</h3>
        {f.amount_kind === 'none' && <p>Zonder overeenkomst is er geen richtpunt of plafond; het bedrag is € 0,00.</p>}
        {f.lines.length > 0 && (
          <ExplainedLinesTable
            caption={`Opbouw ${amountName.toLowerCase()} ${f.years.join(', ')}`}
            lines={f.lines}
            total={{ label: amountName, amount_cents: f.amount_cents }}
          />
        )}
        <WhyDetails reasons={f.reasons} />
      </section>

      <section aria-labelledby="voorstel-volume">
        <h3 id="voorstel-volume">Volumevoorstel en correcties</h3>
        <VolumeFlags flags={v.flags} />
        <ExplainedLinesTable
          caption={`Volumevoorstel: basis ${v.base_year} en correcties`}
          lines={v.lines}
          total={{ label: 'Volume na correcties', amount_cents: v.total_cents }}
          rowClass={(line) => (flagsOf(v.flags, line).length > 0 ? 'row-flagged' : undefined)}
          marker={(line) =>
            flagsOf(v.flags, line).map((flag) => (
              <span key={flag.id} className="badge badge-flag">
                {label(flagLabels, flag.id)}
              </span>
            ))
          }
        />
        <WhyDetails reasons={v.reasons} />
      </section>

      <section aria-labelledby="voorstel-prijs">
        <h3 id="voorstel-prijs">Prijsvoorstel</h3>
        <p>
          Prijsindex <strong>{dutchDecimal(price.price_index)}</strong> ({label(priceIndexMethodLabels, price.price_index_method)}) ten
          opzichte van de standaardprijzen.
        </p>
        <WhyDetails reasons={price.reasons} />
        <PriceTable lines={price.lines} />
      </section>
    </>
  );
}

/** The flags that concern a line: same rule (a correction's flag carries the correction's reason). */
const flagsOf = (flags: readonly VolumeFlag[], line: ExplainedLine) =>
  flags.filter((flag) => flag.reason.rule === line.rule && (flag.id !== 'base-year-differs' || line.id === 'base'));

function VolumeFlags({ flags }: { flags: readonly VolumeFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <div className="callout flags" role="note" aria-labelledby="volume-flags-title">
      <p className="callout-title" id="volume-flags-title">
        {flags.length === 1 ? 'Eén aandachtspunt' : `${flags.length} aandachtspunten`}
      </p>
      <ul className="plain-list">
        {flags.map((flag, i) => (
          <li key={`${flag.id}-${i}`}>
            <span className="badge badge-flag">{label(flagLabels, flag.id)}</span> {flag.message}{' '}
            <span className="source-ref">
              ({flag.reason.rule}, {flag.reason.source})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const PAGE = 50;

const categoryLabels: Record<string, string> = {
  algemeen: 'Algemeen',
  complex: 'Complex',
  topklinisch: 'Topklinisch',
  topreferent: 'Topreferent',
};

function PriceTable({ lines }: { lines: readonly PriceLine[] }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? lines : lines.slice(0, PAGE);
  if (lines.length === 0) return <p className="empty">Geen zorgproducten in het prijsvoorstel.</p>;
  return (
    <>
      <TableScroll label="Tabel prijsvoorstel">
        <table className="data-table">
          <caption className="table-caption">
            Prijzen per zorgproduct
            {lines.length > PAGE && !showAll ? ` (eerste ${PAGE} van ${formatNumber(lines.length)})` : ` (${formatNumber(lines.length)})`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Zorgproduct</th>
              <th scope="col">Omschrijving</th>
              <th scope="col">Categorie</th>
              <th scope="col" className="numeric">
                Standaardprijs
              </th>
              <th scope="col" className="numeric">
                Opslag
              </th>
              <th scope="col" className="numeric">
                Prijs
              </th>
              <th scope="col">Waarom</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((line) => (
              <tr key={line.product_code}>
                <th scope="row" className="code">
                  {line.product_code}
                </th>
                <td>{line.name}</td>
                <td>{label(categoryLabels, line.category)}</td>
                <td className="numeric amount">{formatEuroCents(line.standard_price_cents)}</td>
                <td className="numeric">{formatShare(line.surcharge_share)}</td>
                <td className="numeric amount">{formatEuroCents(line.price_cents)}</td>
                <td>
                  {line.reasons.length > 0 && (
                    <details className="reason-inputs">
                      <summary>
                        Waarom <span className="visually-hidden">prijs {line.product_code}</span> ({line.reasons.length})
                      </summary>
                      <ReasonList reasons={line.reasons} />
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {lines.length > PAGE && (
        <button type="button" className="button button-secondary" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
          {showAll ? `Toon alleen de eerste ${PAGE}` : `Toon alle ${formatNumber(lines.length)} zorgproducten`}
        </button>
      )}
    </>
  );
}
