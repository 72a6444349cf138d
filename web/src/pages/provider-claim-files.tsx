/**
 * Tab "Declaratiebestanden" of a provider: the claim files the insurer imported with records of
 * this provider (date, file, format, accepted and rejected), each with its ZH309 answer (Vektis
 * retourinformatie: per record the status and the return codes) to download. A provider user sees
 * its own files and only its own records in each answer; insurer staff see the same for any provider.
 */
import { claimFileFormatLabels, claimsExchangeApi, type ClaimImportView } from '../api-claims-exchange';
import { ErrorMessage, Loading, TableScroll } from '../components/status';
import { formatDate, formatNumber, label } from '../format';
import { useSession } from '../session';
import { useResource } from '../use-resource';

export function ClaimFilesPanel({ agb }: { agb: string }) {
  const { user } = useSession();
  const imports = useResource((signal) => claimsExchangeApi.imports(agb, signal), [agb]);
  return (
    <section aria-labelledby="declaratiebestanden">
      <h2 id="declaratiebestanden">Declaratiebestanden</h2>
      <p className="lead">
        {user?.role === 'provider'
          ? 'De declaratiebestanden die Zilveren Kruis van u heeft ingelezen, met per bestand hoeveel declaratieregels zijn geaccepteerd en afgewezen. Het ZH309-antwoord geeft per regel de status en de retourcodes.'
          : 'De ingelezen declaratiebestanden met regels van deze zorgaanbieder, met per bestand hoeveel regels zijn geaccepteerd en afgewezen, en het ZH309-antwoord met de regels van deze zorgaanbieder.'}
      </p>
      {imports.status === 'loading' ? (
        <Loading what="Declaratiebestanden" />
      ) : imports.status === 'failed' ? (
        <ErrorMessage>{imports.message}</ErrorMessage>
      ) : imports.data.length === 0 ? (
        <p className="empty">Er zijn nog geen declaratiebestanden met regels van deze zorgaanbieder ingelezen.</p>
      ) : (
        <ImportsTable agb={agb} imports={imports.data} />
      )}
    </section>
  );
}

function ImportsTable({ agb, imports }: { agb: string; imports: ClaimImportView[] }) {
  return (
    <TableScroll label="Tabel declaratiebestanden">
      <table className="data-table">
        <caption className="visually-hidden">Ingelezen declaratiebestanden, nieuwste eerst</caption>
        <thead>
          <tr>
            <th scope="col">Import</th>
            <th scope="col">Ingelezen</th>
            <th scope="col">Bestand</th>
            <th scope="col">Formaat</th>
            <th scope="col" className="numeric">
              Regels
            </th>
            <th scope="col" className="numeric">
              Geaccepteerd
            </th>
            <th scope="col" className="numeric">
              Afgewezen
            </th>
            <th scope="col">Antwoord</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.id}</th>
              <td>{formatDate(i.imported_at)}</td>
              <td className="code">{i.file_name}</td>
              <td>{label(claimFileFormatLabels, i.format)}</td>
              <td className="numeric">{formatNumber(i.records)}</td>
              <td className="numeric">{formatNumber(i.accepted)}</td>
              <td className="numeric">{formatNumber(i.rejected)}</td>
              <td className="nowrap">
                <a href={claimsExchangeApi.zh309Url(agb, i.id)} download={`ZH309-${i.id}-${agb}.txt`} aria-label={`ZH309-antwoord op import ${i.id} (${i.file_name}) downloaden`}>
                  ZH309-antwoord
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
