/**
 * Declaratiecontrole (MSZ §4A, §6, Bijlage 3 en 4; ADD §5): the findings of the claims check, summed
 * per rule and per provider, and the findings themselves, filtered and paged by the server.
 * Controllers import claim files (CSV, Vektis ZH308 or a FHIR R4 Bundle, through the shared
 * `FileImport`) and fetch the ZH309 answer to an import, export the stored claims in those formats,
 * run the check and put a provider's findings to it for hoor en wederhoor; controllers and medical
 * advisers record a specific risk analysis (Regeling zorgverzekering art. 7.8) for selected
 * findings, which alone opens patient-level detail on the finding's own page. Purchasers read along. The list shows no patient data.
 *
 * One file per part: filters (`claims-filters`), summary, findings list, import with the ZH309
 * answer, export, check run, hearing, risk analysis; their shared form pieces in `claims-form`.
 */
import { useMemo, useState } from 'react';
import { api, type ProviderSummary } from '../api';
import { useLocation } from '../router';
import { useSession } from '../session';
import { useResource } from '../use-resource';
import { CheckPanel } from './claims-check';
import { ExportPanel } from './claims-export';
import { FilterForm, filtersFrom, PAGE_SIZE } from './claims-filters';
import { FindingsList } from './claims-findings';
import { ImportPanel } from './claims-import';
import { SummarySection } from './claims-summary';

export function ClaimsPage() {
  const { user } = useSession();
  const location = useLocation();
  const filters = filtersFrom(location.search);
  const { rule, agb, status, page, year } = filters;
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);
  const isController = user?.role === 'controller';
  const mayRecordRisk = user?.role === 'controller' || user?.role === 'medical-adviser';

  const providers = useResource((signal) => api.providers(signal), []);
  const names = useMemo(
    () => new Map(providers.status === 'ready' ? providers.data.map((p) => [p.agb, p.name] as const) : []),
    [providers],
  );
  const summary = useResource((signal) => api.findingSummary(year, signal), [year, version]);
  const findings = useResource(
    (signal) => api.findings({ rule, agb, status, limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE }, signal),
    [rule, agb, status, page, version],
  );

  return (
    <article>
      <h1>Declaratiecontrole</h1>
      <p className="lead">
        Bevindingen van de formele en materiële controle van declaraties: dubbele declaraties, serialiteit en parallelliteit,
        behandelingen uit Bijlage 4, selectief ingekochte zorg en overschrijding van het plafond. Bevindingen worden eerst aan de
        zorgaanbieder voorgelegd (hoor en wederhoor) voordat een terugvordering definitief is.
      </p>
      {!isController && !mayRecordRisk && (
        <p className="hint">U kijkt mee: controleren, voorleggen en besluiten doen controllers en medisch adviseurs.</p>
      )}

      {isController && <ControllerTools providers={providers.status === 'ready' ? providers.data : []} onChanged={reload} />}

      <SummarySection summary={summary} year={year} names={names} filters={filters} />

      <section aria-labelledby="bevindingen-titel">
        <h2 id="bevindingen-titel">Bevindingen</h2>
        <FilterForm key={`${rule}|${agb}|${status}`} filters={filters} providers={providers.status === 'ready' ? providers.data : []} />
        <FindingsList
          findings={findings}
          filters={filters}
          names={names}
          selectable={mayRecordRisk}
          isController={isController}
          providers={providers.status === 'ready' ? providers.data : []}
          onChanged={reload}
        />
      </section>
    </article>
  );
}

/** The controllers' tools: exchange claim files and run the check. */
function ControllerTools({ providers, onChanged }: { providers: ProviderSummary[]; onChanged(): void }) {
  return (
    <section aria-labelledby="controle-titel">
      <h2 id="controle-titel">Declaraties inlezen en controleren</h2>
      <div className="tool-grid">
        <ImportPanel providers={providers} onImported={onChanged} />
        <CheckPanel onChecked={onChanged} />
        <ExportPanel providers={providers} />
      </div>
    </section>
  );
}
