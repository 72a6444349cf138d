/**
 * Tab "Add-on" of a provider: the financial sub-agreement for add-on drugs (ADD §4), whether
 * nacalculatie applies (the three conditions of ADD §5, each met or not and why), and the
 * post-calculation per cluster.
 */
import { api, type AddonCluster, type AddonView } from '../api';
import { ExplainedLinesTable, ReasonView, WhyDetails } from '../components/reasons';
import { Loaded, TableScroll } from '../components/status';
import { Breakable } from '../components/value-tree';
import { addonAgreementLabels, formatEuroCents, label, yesNo } from '../format';
import { useResource } from '../use-resource';

export function AddonPanel({ agb, year }: { agb: string; year: number }) {
  const addon = useResource((signal) => api.addon(agb, year, signal), [agb, year]);
  return (
    <>
      <h2>Add-on geneesmiddelen {year}</h2>
      <Loaded resource={addon} what="Add-on-afspraak">
        {(a) => <AddonContent addon={a} />}
      </Loaded>
    </>
  );
}

const q2Labels: Record<string, string> = {
  'on-time': 'tijdig, juist en betrouwbaar',
  late: 'te laat',
  incorrect: 'niet juist of niet betrouwbaar',
};
const efficiencyLabels: Record<string, string> = {
  met: 'doelmatigheidseisen gehaald',
  'not-met': 'doelmatigheidseisen niet gehaald',
  'no-requirement': 'geen gerichte doelmatigheidseisen',
};

/** Units as decimal text (`704.000`, `2.5`) in Dutch without trailing zeros (`704`, `2,5`). */
function dutchUnits(value: string | number): string {
  const text = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const trimmed = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  return trimmed.replace('.', ',');
}

function AddonContent({ addon: a }: { addon: AddonView }) {
  const e = a.eligibility;
  const hasEfficiency = a.agreement?.lines.some((l) => l.efficiency_requirement !== undefined) ?? false;
  return (
    <>
      {a.agreement ? (
        <section aria-labelledby="addon-afspraak">
          <h3 id="addon-afspraak">Financiële deelafspraak</h3>
          <dl className="facts">
            <div>
              <dt>Verwachte add-on-omzet</dt>
              <dd className="amount">{formatEuroCents(a.agreement.expected_revenue_cents)}</dd>
            </div>
            <div>
              <dt>Cijfers tweede kwartaal</dt>
              <dd>{label(q2Labels, a.agreement.q2_figures)}</dd>
            </div>
            <div>
              <dt>Doelmatig voorschrijven</dt>
              <dd>{label(efficiencyLabels, a.agreement.efficiency)}</dd>
            </div>
          </dl>
          {a.agreement.lines.length > 0 && (
            <TableScroll label="Tabel afgesproken geneesmiddelen">
              <table className="data-table">
                <caption className="table-caption">Afgesproken geneesmiddelen ({a.agreement.lines.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">ZI-nummer</th>
                    <th scope="col">Geneesmiddel</th>
                    <th scope="col">Cluster</th>
                    <th scope="col" className="numeric">
                      Afgesproken eenheden
                    </th>
                    <th scope="col" className="numeric">
                      Referentietarief
                    </th>
                    {hasEfficiency && <th scope="col">Doelmatigheidseis</th>}
                  </tr>
                </thead>
                <tbody>
                  {a.agreement.lines.map((l) => (
                    <tr key={l.zi_number}>
                      <th scope="row" className="code">
                        {l.zi_number}
                      </th>
                      <td>{l.name}</td>
                      <td>{l.cluster}</td>
                      <td className="numeric">{dutchUnits(l.agreed_units)}</td>
                      <td className="numeric amount">{formatEuroCents(l.reference_tariff_cents)}</td>
                      {hasEfficiency && <td>{yesNo(l.efficiency_requirement)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ) : (
        <p className="empty">Er is geen financiële deelafspraak add-on voor dit jaar vastgelegd.</p>
      )}

      <section aria-labelledby="addon-nacalculatie">
        <h3 id="addon-nacalculatie">Nacalculatie: voorwaarden (ADD §5)</h3>
        {e ? <Eligibility eligibility={e} /> : <p className="empty">Zonder financiële deelafspraak is er geen nacalculatie-toets.</p>}
      </section>

      <section aria-labelledby="addon-clusters">
        <h3 id="addon-clusters">Nacalculatie per cluster</h3>
        {a.post_calculation ? (
          <PostCalculation pc={a.post_calculation} />
        ) : (
          <p className="empty">Er is (nog) geen nacalculatie: er zijn geen realisatiecijfers voor dit jaar.</p>
        )}
      </section>
    </>
  );
}

function Eligibility({ eligibility: e }: { eligibility: NonNullable<AddonView['eligibility']> }) {
  return (
    <>
      <p className={`verdict ${e.nacalculatie ? 'verdict-yes' : 'verdict-no'}`}>
        <span aria-hidden="true">{e.nacalculatie ? '✓ ' : '✗ '}</span>
        {e.nacalculatie ? 'Nacalculatie van toepassing' : 'Geen nacalculatie'}: {label(addonAgreementLabels, e.agreement)}
      </p>
      <ol className="conditions">
        {e.conditions.map((c) => (
          <li key={c.id} className={c.met ? 'condition-met' : 'condition-not-met'}>
            <p className="condition-head">
              <span className="condition-mark" aria-hidden="true">
                {c.met ? '✓' : '✗'}
              </span>{' '}
              <strong>{c.met ? 'Voldaan' : 'Niet voldaan'}</strong>{' '}
              <span className="code muted">
                <Breakable text={c.id} />
              </span>
            </p>
            <ReasonView reason={c.reason} />
          </li>
        ))}
      </ol>
      <WhyDetails reasons={e.reasons} summary="Alle regels van de beslissing" />
    </>
  );
}

function PostCalculation({ pc }: { pc: NonNullable<AddonView['post_calculation']> }) {
  const t = pc.totals;
  return (
    <>
      <TableScroll label="Tabel nacalculatie per cluster">
        <table className="data-table">
          <caption className="table-caption">Nacalculatie per cluster</caption>
          <thead>
            <tr>
              <th scope="col">Cluster</th>
              <th scope="col" className="numeric">
                Afgesproken budget
              </th>
              <th scope="col" className="numeric">
                Gerealiseerd tegen referentietarief
              </th>
              <th scope="col" className="numeric">
                Overschrijding
              </th>
              <th scope="col" className="numeric">
                Nacalculatie
              </th>
              <th scope="col" className="numeric">
                Te betalen
              </th>
            </tr>
          </thead>
          <tbody>
            {pc.clusters.map((c) => (
              <tr key={c.cluster}>
                <th scope="row">{c.cluster}</th>
                <td className="numeric amount">{formatEuroCents(c.agreed_budget_cents)}</td>
                <td className="numeric amount">{formatEuroCents(c.realised_at_reference_cents)}</td>
                <td className="numeric amount">{formatEuroCents(c.overrun_cents)}</td>
                <td className="numeric amount">{formatEuroCents(c.nacalculatie_cents)}</td>
                <td className="numeric amount">{formatEuroCents(c.payable_cents)}</td>
              </tr>
            ))}
          </tbody>
          {t && (
            <tfoot>
              <tr>
                <th scope="row">Totaal</th>
                <td className="numeric amount">{formatEuroCents(t.agreed_budget_cents)}</td>
                <td className="numeric amount">{formatEuroCents(t.realised_at_reference_cents)}</td>
                <td className="numeric amount">{formatEuroCents(t.overrun_cents)}</td>
                <td className="numeric amount">{formatEuroCents(t.nacalculatie_cents)}</td>
                <td className="numeric amount">{formatEuroCents(t.payable_cents)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
      {pc.clusters.map((c) => (
        <ClusterDetails key={c.cluster} cluster={c} />
      ))}
      <WhyDetails reasons={pc.reasons} summary="Regels van de nacalculatie" />
    </>
  );
}

function ClusterDetails({ cluster: c }: { cluster: AddonCluster }) {
  if (c.lines.length === 0) return null;
  return (
    <details className="why">
      <summary>Waarom: cluster {c.cluster}</summary>
      <ExplainedLinesTable caption={`Cluster ${c.cluster}: te betalen`} lines={c.lines} total={{ label: 'Te betalen', amount_cents: c.payable_cents }} />
      {c.facts && c.facts.length > 0 && <ExplainedLinesTable caption={`Cluster ${c.cluster}: kerngetallen (tellen niet op)`} lines={c.facts} captionVisible />}
    </details>
  );
}
