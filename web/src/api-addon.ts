/**
 * Typed calls for the quarterly add-on figures (ADD §5) and the ceiling early warnings (MSZ §4).
 * Failures become an `ApiError` with the server's Dutch message and issues (line, field), as in `api.ts`.
 */
import { ApiError, type Cents, type Issue, type Reason } from './api';
import type { ElementOf, ResponseOf } from './api-types';

export type FiguresOverview = ResponseOf<'/api/providers/{agb}/addon-figures', 'get'>;
export type FiguresUpload = ElementOf<FiguresOverview['uploads']>;
export type QuarterState = ElementOf<FiguresOverview['quarters']>;
export type Q2Timeliness = FiguresOverview['q2'];
export type Q2Status = NonNullable<Q2Timeliness['status']>;
export type FiguresUploadReport = ResponseOf<'/api/providers/{agb}/addon-figures', 'post', 201>;

export type WarningStatus = 'open' | 'acknowledged' | 'closed';

export interface CeilingWarning {
  id: number;
  agb: string;
  name: string;
  region: string | null;
  year: number;
  ceiling_cents: Cents;
  expected_revenue_cents: Cents;
  overrun_cents: Cents;
  utilisation: string | null;
  assessment: 'ok' | 'warning' | 'overrun-expected' | null;
  specialisms: string[];
  explanation: string;
  reported_by_email: string;
  reported_at: string;
  status: WarningStatus;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  acknowledgement_note: string | null;
  closed_by: string | null;
  closed_at: string | null;
  closing_note: string | null;
  reasons: Reason[];
}

export interface RoomProvider {
  agb: string;
  name: string;
  region: string | null;
  specialisms: string[];
  ceiling_cents: Cents;
  forecast_cents: Cents;
  room_cents: Cents;
  reasons: Reason[];
}

export interface CeilingWarningWithRoom extends CeilingWarning {
  monitor: { as_of: string; claimed_to_date_cents: Cents; forecast_cents: Cents; status: 'ok' | 'warning' | 'overrun-expected' } | null;
  providers_with_room: RoomProvider[];
}

export interface CeilingWarningsOverview {
  year: number;
  as_of: string;
  status: WarningStatus | null;
  counts: Record<WarningStatus, number>;
  warnings: CeilingWarningWithRoom[];
}

export interface CeilingWarningInput {
  year: number;
  expected_revenue_cents: number;
  specialisms: string[];
  explanation: string;
}

async function call<T>(method: string, path: string, options: { json?: unknown; form?: FormData; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) body = options.form;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Geen verbinding met de server. Controleer uw netwerk en probeer het opnieuw.');
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'unknown',
      typeof error?.message === 'string' && error.message !== '' ? error.message : `Er ging iets mis (HTTP ${response.status}).`,
      Array.isArray(error?.issues) ? (error.issues as Issue[]) : [],
    );
  }
  return payload as T;
}

const segment = encodeURIComponent;

export const addonApi = {
  figures: (agb: string, year: number | null, signal?: AbortSignal) =>
    call<FiguresOverview>('GET', `/api/providers/${segment(agb)}/addon-figures${year === null ? '' : `?year=${year}`}`, { signal }),
  uploadFigures: (agb: string, input: { year: number; quarter: number; file: File }) => {
    const form = new FormData();
    form.append('year', String(input.year));
    form.append('quarter', String(input.quarter));
    form.append('file', input.file, input.file.name);
    return call<FiguresUploadReport>('POST', `/api/providers/${segment(agb)}/addon-figures`, { form });
  },
  figuresTemplateCsvUrl: '/api/addon-figures/template.csv',
  figuresTemplateXlsxUrl: '/api/addon-figures/template.xlsx',
  ownWarnings: (agb: string, year: number, signal?: AbortSignal) =>
    call<{ agb: string; year: number; warnings: CeilingWarning[] }>('GET', `/api/providers/${segment(agb)}/ceiling-warnings?year=${year}`, { signal }),
  reportWarning: (agb: string, input: CeilingWarningInput) => call<CeilingWarning>('POST', `/api/providers/${segment(agb)}/ceiling-warnings`, { json: input }),
  warnings: (year: number, asOf: string, signal?: AbortSignal) =>
    call<CeilingWarningsOverview>('GET', `/api/monitoring/ceiling-warnings?year=${year}&as_of=${segment(asOf)}`, { signal }),
  handleWarning: (id: number, note: string, close: boolean) =>
    call<CeilingWarning>('POST', `/api/monitoring/ceiling-warnings/${segment(String(id))}/acknowledge`, { json: { note, close } }),
};
