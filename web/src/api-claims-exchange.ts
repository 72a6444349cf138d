/**
 * Typed calls for exchanging claim files: import a file (CSV, Vektis ZH308 or a FHIR R4 Bundle) and
 * get the report per record; export the stored claims as a file; a provider's imported files with
 * the ZH309 answer (Vektis retourinformatie) to each. Downloads that may fail (an export needs the
 * right filters) are fetched first, so a refusal shows the server's Dutch message instead of
 * saving an error as a file.
 */
import { ApiError, apiRequest, toApiError } from './api';
import type { ElementOf, QueryOf, ResponseOf } from './api-types';

const segment = encodeURIComponent;

export const CLAIM_FILE_FORMATS = ['csv', 'zh308', 'fhir'] as const satisfies readonly ClaimFileFormat[];
export type ClaimFileFormat = NonNullable<QueryOf<'/api/claims/import', 'post'>['format']>;

export const claimFileFormatLabels: Record<ClaimFileFormat, string> = {
  csv: 'CSV',
  zh308: 'Vektis ZH308',
  fhir: 'FHIR R4 Bundle',
};

/** The answer to an import: every record accepted or rejected, and the import's number (for its ZH309 answer). */
export type ClaimFileReport = ResponseOf<'/api/claims/import', 'post'>;

/** An imported file as far as it holds records of one provider. */
export type ClaimImportView = ElementOf<ResponseOf<'/api/providers/{agb}/claim-imports', 'get'>>;

export interface ClaimExportFilter {
  format: ClaimFileFormat;
  agb?: string;
  year?: number;
}

/** A file fetched for saving: its bytes and the name the server gave it. */
export interface DownloadedFile {
  fileName: string;
  blob: Blob;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The file name of `content-disposition: attachment; filename="…"`, else the fallback. */
function attachmentName(headers: Headers, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

/** GETs a file; a failure becomes an `ApiError` with the server's message. */
export async function fetchFile(url: string, fallbackName: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'Geen verbinding met de server. Controleer uw netwerk en probeer het opnieuw.');
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  return { fileName: attachmentName(response.headers, fallbackName), blob: await response.blob() };
}

/** Hands a fetched file to the browser's download (a temporary link to an object URL). */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const claimsExchangeApi = {
  importFile: (file: File, format: ClaimFileFormat) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<ClaimFileReport>('POST', `/api/claims/import${query({ format })}`, { form });
  },
  exportUrl: (filter: ClaimExportFilter) => `/api/claims/export${query({ format: filter.format, agb: filter.agb, year: filter.year })}`,
  imports: (agb: string, signal?: AbortSignal) => apiRequest<ClaimImportView[]>('GET', `/api/providers/${segment(agb)}/claim-imports`, { signal }),
  zh309Url: (agb: string, importId: number) => `/api/providers/${segment(agb)}/claim-imports/${segment(String(importId))}/zh309`,
};
