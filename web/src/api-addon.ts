/**
 * Typed calls for the quarterly add-on figures (ADD §5) and the ceiling early warnings (MSZ §4).
 * Calls go through `apiRequest` (`api.ts`): failures become an `ApiError` with the server's Dutch message and issues.
 */
import { apiRequest, type Cents, type Reason } from './api';
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

const segment = encodeURIComponent;

export const addonApi = {
  figures: (agb: string, year: number | null, signal?: AbortSignal) =>
    apiRequest<FiguresOverview>('GET', `/api/providers/${segment(agb)}/addon-figures${year === null ? '' : `?year=${year}`}`, { signal }),
  uploadFigures: (agb: string, input: { year: number; quarter: number; file: File }) => {
    const form = new FormData();
    form.append('year', String(input.year));
    form.append('quarter', String(input.quarter));
    form.append('file', input.file, input.file.name);
    return apiRequest<FiguresUploadReport>('POST', `/api/providers/${segment(agb)}/addon-figures`, { form });
  },
  figuresTemplateCsvUrl: '/api/addon-figures/template.csv',
  figuresTemplateXlsxUrl: '/api/addon-figures/template.xlsx',
  ownWarnings: (agb: string, year: number, signal?: AbortSignal) =>
    apiRequest<{ agb: string; year: number; warnings: CeilingWarning[] }>('GET', `/api/providers/${segment(agb)}/ceiling-warnings?year=${year}`, { signal }),
  reportWarning: (agb: string, input: CeilingWarningInput) => apiRequest<CeilingWarning>('POST', `/api/providers/${segment(agb)}/ceiling-warnings`, { json: input }),
  warnings: (year: number, asOf: string, signal?: AbortSignal) =>
    apiRequest<CeilingWarningsOverview>('GET', `/api/monitoring/ceiling-warnings?year=${year}&as_of=${segment(asOf)}`, { signal }),
  handleWarning: (id: number, note: string, close: boolean) =>
    apiRequest<CeilingWarning>('POST', `/api/monitoring/ceiling-warnings/${segment(String(id))}/acknowledge`, { json: { note, close } }),
};
