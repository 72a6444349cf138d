/** Purchasers import providers from a CSV or Excel file; the result is a count or every error by line and column. */
import { api, type ImportReport } from '../api';
import { FileImport, errorCountText, issueAsLineError } from '../components/file-import';
import { formatNumber } from '../format';
import { Link } from '../router';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ProviderImportPage() {
  return (
    <article>
      <p className="back-link">
        <Link to="/providers">← Alle zorgaanbieders</Link>
      </p>
      <h1>Zorgaanbieders importeren</h1>
      <p>
        Lees zorgaanbieders in uit een CSV- of Excelbestand (XLSX) met één zorgaanbieder per regel. Bestaande zorgaanbieders
        (zelfde AGB-code) worden bijgewerkt. Bevat het bestand een fout, dan wordt niets geïmporteerd en ziet u per regel en
        kolom wat er mis is.
      </p>
      <p>
        <a href={api.providerTemplateUrl} download="zorgaanbieders-sjabloon.csv">
          Download het sjabloon (CSV)
        </a>{' '}
        met de kolommen en een voorbeeldregel.
      </p>

      <FileImport<ImportReport>
        className="form"
        inputId="provider-file"
        hint="CSV (puntkomma of komma als scheidingsteken) of XLSX, hooguit 10 MB."
        accept={ACCEPT}
        missingFile="Kies eerst een bestand (CSV of XLSX)."
        checkFile={(file) => (/\.(csv|xlsx)$/i.test(file.name) ? null : `'${file.name}' is geen CSV- of XLSX-bestand.`)}
        upload={(file) => api.importProviders(file)}
        headingLevel={2}
        fieldHeader="Kolom"
        refusedTitle={() => 'Niet geïmporteerd'}
        refusedErrors={(fileName, count) => ({ heading: `${errorCountText(count)} in ${fileName}`, caption: 'Fouten per regel en kolom', captionHidden: true })}
        describe={(r, fileName) => ({
          tone: 'success',
          titleAsHeading: true,
          title: `${formatNumber(r.imported)} ${r.imported === 1 ? 'zorgaanbieder' : 'zorgaanbieders'} geïmporteerd uit ${fileName}`,
          counts: [
            { label: 'Nieuw', value: r.created },
            { label: 'Bijgewerkt', value: r.updated },
            { label: 'Ongewijzigd', value: r.unchanged },
          ],
          errors: { heading: 'Meldingen', items: r.errors.map(issueAsLineError), caption: 'Meldingen per regel en kolom', captionHidden: true },
          after: (
            <p>
              <Link to="/providers">Bekijk de zorgaanbieders</Link>
            </p>
          ),
        })}
      />
    </article>
  );
}
