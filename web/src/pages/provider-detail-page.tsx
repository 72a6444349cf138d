/**
 * One provider, in tabs: its data (fields, licences, certificates, programmes, locations), and the
 * purchasing engine's view of it: the agreement and why (purchasers set the negotiation state here),
 * the proposal, the settlement and the add-on drugs agreement; its mirror information (ADD §8) and
 * the findings of the claims check. A provider user sees the same for its own provider, read-only,
 * and responds there to the findings put to it (hoor en wederhoor). The contract tab holds the
 * contracting year for both sides (`?tab=contract`; a notification's `#contract` link opens it).
 */
import { useEffect, type ReactNode } from 'react';
import { api, type ProviderDetail } from '../api';
import { ErrorMessage, Loading, TableScroll, TagList } from '../components/status';
import { Tabs } from '../components/tabs';
import { formatEuroCents, formatShare, insurerLabels, label, providerTypeLabels, yesNo } from '../format';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { AddonPanel } from './provider-addon';
import { AgreementPanel } from './provider-agreement';
import { ClaimFilesPanel } from './provider-claim-files';
import { ContractPanel } from './provider-contract';
import { FindingsPanel } from './provider-findings';
import { MirrorPanel } from './provider-mirror';
import { ProposalPanel } from './provider-proposal';
import { SettlementPanel } from './provider-settlement';

/** The contract years shown (the API's defaults): the MSZ policy 2018 and the add-on policy 2022. */
export const MSZ_YEAR = 2018;
export const ADDON_YEAR = 2022;

export function ProviderDetailPage({ agb }: { agb: string }) {
  const provider = useResource((signal) => api.provider(agb, signal), [agb]);
  useContractAnchor();
  return (
    <article>
      <p className="back-link">
        <Link to="/providers">← Alle zorgaanbieders</Link>
      </p>
      {provider.status === 'ready' ? (
        <ProviderView provider={provider.data} />
      ) : (
        <>
          <h1>Zorgaanbieder {agb}</h1>
          {provider.status === 'loading' ? <Loading what="Zorgaanbieder" /> : <ErrorMessage>{provider.message}</ErrorMessage>}
        </>
      )}
    </article>
  );
}

const coordinates = (lat: unknown, lon: unknown) =>
  lat === null || lat === undefined || lon === null || lon === undefined ? '—' : `${String(lat).replace('.', ',')}; ${String(lon).replace('.', ',')}`;

/** The links in notifications end in `#contract`: open the contract tab there. */
function useContractAnchor() {
  const location = useLocation();
  useEffect(() => {
    if (window.location.hash !== '#contract' || location.search.has('tab')) return;
    const search = new URLSearchParams(location.search);
    search.set('tab', 'contract');
    navigate(`${location.pathname}?${search.toString()}`, { replace: true });
  }, [location.href]);
}

/** The contracting year of the contract tab: `?year=` when it is a plausible year, else the MSZ year. */
function contractYearFrom(param: string | null): number {
  const year = Number(param);
  return param !== null && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : MSZ_YEAR;
}

function ProviderView({ provider: p }: { provider: ProviderDetail }) {
  const { user } = useSession();
  const canNegotiate = user?.role === 'purchaser';
  const contractYear = contractYearFrom(useLocation().search.get('year'));
  return (
    <>
      <h1>{p.name}</h1>
      <p className="subtitle">
        AGB-code <span className="code">{p.agb}</span> · {label(providerTypeLabels, p.type)} · {p.city}
      </p>
      {(user?.role === 'purchaser' || user?.role === 'provider') && (
        <p className="page-links">
          <Link to={`/providers/${encodeURIComponent(p.agb)}/kwaliteit`}>Kwaliteit: vragenlijst, verbeterafspraken en selectie</Link>
        </p>
      )}
      <Tabs
        label={`Onderdelen van ${p.name}`}
        tabs={[
          { id: 'gegevens', label: 'Gegevens', render: () => <ProviderData provider={p} /> },
          { id: 'afspraak', label: 'Afspraak', render: () => <AgreementPanel agb={p.agb} year={MSZ_YEAR} canNegotiate={canNegotiate} /> },
          { id: 'voorstel', label: 'Voorstel', render: () => <ProposalPanel agb={p.agb} year={MSZ_YEAR} /> },
          { id: 'contract', label: 'Contract', render: () => <ContractPanel agb={p.agb} year={contractYear} /> },
          { id: 'afrekening', label: 'Afrekening', render: () => <SettlementPanel agb={p.agb} year={MSZ_YEAR} /> },
          { id: 'addon', label: 'Add-on', render: () => <AddonPanel agb={p.agb} year={ADDON_YEAR} /> },
          { id: 'spiegel', label: 'Spiegelinformatie', render: () => <MirrorPanel agb={p.agb} year={MSZ_YEAR} /> },
          { id: 'bevindingen', label: 'Bevindingen', render: () => <FindingsPanel agb={p.agb} year={MSZ_YEAR} /> },
          { id: 'declaratiebestanden', label: 'Declaratiebestanden', render: () => <ClaimFilesPanel agb={p.agb} /> },
        ]}
      />
    </>
  );
}

function ProviderData({ provider: p }: { provider: ProviderDetail }) {
  return (
    <>
      <section aria-labelledby="gegevens">
        <h2 id="gegevens">Gegevens</h2>
        <dl className="facts">
          <Fact term="AGB-code">{p.agb}</Fact>
          <Fact term="Type">{label(providerTypeLabels, p.type)}</Fact>
          <Fact term="Plaats">{p.city}</Fact>
          <Fact term="Provincie">{p.province ?? '—'}</Fact>
          <Fact term="Regio">{p.region ?? '—'}</Fact>
          <Fact term="Kernregio">{yesNo(p.kernregio)}</Fact>
          <Fact term="Inkoop door">{label(insurerLabels, p.insurer)}</Fact>
          <Fact term="ZK-omzet vorig jaar">
            <span className="amount">{formatEuroCents(p.zk_revenue_cents)}</span>
          </Fact>
          <Fact term="Marktaandeel ZK">{formatShare(p.market_share)}</Fact>
          <Fact term="KvK-nummer">{p.kvk ?? '—'}</Fact>
          <Fact term="VSV-niveau">{p.vsv_level ?? '—'}</Fact>
          <Fact term="Budgetpolis-selectie">{yesNo(p.budget_policy_selected)}</Fact>
        </dl>
      </section>

      <div className="columns">
        <section aria-labelledby="vergunningen">
          <h2 id="vergunningen">Vergunningen</h2>
          <TagList items={p.licences} />
        </section>
        <section aria-labelledby="certificaten">
          <h2 id="certificaten">Certificaten</h2>
          <TagList items={p.certificates} />
        </section>
        <section aria-labelledby="programmas">
          <h2 id="programmas">Programma&apos;s</h2>
          <TagList items={p.programmes} />
        </section>
      </div>

      <section aria-labelledby="locaties">
        <h2 id="locaties">Locaties</h2>
        {p.locations.length === 0 ? (
          <p className="empty">Geen locaties bekend.</p>
        ) : (
          <TableScroll label="Tabel locaties">
            <table className="data-table">
              <caption className="visually-hidden">Locaties van {p.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  <th scope="col">Plaats</th>
                  <th scope="col">Hoofdlocatie</th>
                  <th scope="col">Coördinaten (breedte; lengte)</th>
                </tr>
              </thead>
              <tbody>
                {p.locations.map((l) => (
                  <tr key={`${l.name}|${l.city}`}>
                    <td>{l.name}</td>
                    <td>{l.city}</td>
                    <td>{yesNo(l.is_main)}</td>
                    <td className="code">{coordinates(l.latitude, l.longitude)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
