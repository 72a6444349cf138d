/** Boundary schemas shared by routes: one schema per object, producing validation, types and OpenAPI. */
import { z } from 'zod';

/** One problem with the input: where (file, line, column, field or path) and what. */
export const IssueBody = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  field: z.string().optional(),
  path: z.string().optional(),
  code: z.string().optional(),
  message: z.string(),
});

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(IssueBody).optional(),
  }),
});

/** A contract or policy year in a JSON body. */
export const Year = z.number().int().min(2000).max(2100);
/** A year in a query string or path: text coerced to a number. */
export const YearText = z.coerce.number().int().min(2000).max(2100);
/** `?year=`, 2018 when left out. */
export const YearQuery = z.object({ year: YearText.default(2018) });

export const AgbParam = z.object({ agb: z.string().max(16).describe('AGB-code van de zorgaanbieder (8 cijfers)') });

export const SessionUserBody = z.object({
  id: z.number().int(),
  email: z.string(),
  role: z.enum(['purchaser', 'controller', 'medical-adviser', 'provider']),
  agb: z.string().nullable(),
  isSignatory: z.boolean(),
});

export const ProviderBody = z.object({
  agb: z.string(),
  name: z.string(),
  type: z.enum(['ziekenhuis', 'umc', 'zbc', 'categoraal']),
  city: z.string(),
  province: z.string().nullable(),
  region: z.string().nullable(),
  kernregio: z.boolean(),
  insurer: z.enum(['zk', 'de-friesland']),
  zk_revenue_cents: z.number().int().describe('Zilveren Kruis-omzet vorig jaar, in centen'),
  market_share: z.string().nullable(),
  kvk: z.string().nullable(),
  vsv_level: z.number().int().nullable(),
  budget_policy_selected: z.boolean(),
  licences: z.array(z.string()),
  certificates: z.array(z.string()),
  programmes: z.array(z.string()),
  minimum_norms: z.array(z.string()),
  specialisms: z.array(z.string()),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});

export const ProviderDetailBody = ProviderBody.extend({
  locations: z.array(
    z.object({ name: z.string(), city: z.string(), is_main: z.boolean(), latitude: z.number().nullable(), longitude: z.number().nullable() }),
  ),
});

export const ProviderImportBody = z.object({
  imported: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int().optional(), column: z.string().optional(), message: z.string() })),
});
