/** Quarterly add-on figures over HTTP (ADD §5): template, upload, uploads with the recorded Q2 status. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FigureRowView } from '../../app/addon-figures/figures-store.js';
import { figuresOverview, figuresUpload, type FiguresOverview } from '../../app/addon-figures/list-figures.js';
import { figuresTemplateCsv, figuresTemplateXlsx } from '../../app/addon-figures/template.js';
import { uploadFigures, type FiguresUploadReport } from '../../app/addon-figures/upload-figures.js';
import type { UploadView } from '../../app/addon-figures/views.js';
import type { PolicyCatalogue } from '../../app/policies.js';
import type { Actor } from '../../domain/auth/actor.js';
import type { Result } from '../../domain/errors.js';
import type { Database } from '../../storage/database.js';
import { ANY_USER, requireProviderAccess, requireRoles } from '../auth.js';
import { sendError, sendResult } from '../reply.js';
import { AgbParam, ErrorBody, IssueBody } from '../schemas.js';

const ReasonBody = z.object({ rule: z.string(), source: z.string(), inputs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), message: z.string() });
const UploadBody = z.object({
  id: z.number().int(),
  agb: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  policy_id: z.string(),
  received_at: z.string(),
  received_on: z.string().describe('dag van ontvangst in de tijdzone van het beleid'),
  deadline: z.string(),
  in_time: z.boolean(),
  file_name: z.string(),
  format: z.enum(['csv', 'xlsx']),
  sha256: z.string(),
  uploaded_by: z.string(),
  status: z.enum(['accepted', 'rejected']),
  row_count: z.number().int(),
  realisation_cents: z.number().int(),
  prognosis_cents: z.number().int(),
  issues: z.array(IssueBody),
});
const Q2Body = z.object({
  year: z.number().int(),
  status: z.enum(['on-time', 'late', 'incorrect']).nullable().describe('null: nog geen Q2-bestand ontvangen'),
  deadline: z.string(),
  upload_id: z.number().int().nullable(),
  received_on: z.string().nullable(),
  reason: ReasonBody,
});
const OverviewBody = z.object({
  agb: z.string(),
  year: z.number().int(),
  policy: z.object({ id: z.string(), title: z.string() }),
  time_zone: z.string(),
  inclusive: z.boolean(),
  quarters: z.array(
    z.object({
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      deadline: z.string(),
      deadline_parameter: z.string(),
      status: z.enum(['none', 'rejected', 'accepted-in-time', 'accepted-late']),
      current_upload_id: z.number().int().nullable(),
    }),
  ),
  q2: Q2Body,
  uploads: z.array(UploadBody),
});
const UploadReportBody = z.object({ stored: z.boolean(), duplicate: z.boolean(), message: z.string(), upload: UploadBody, q2: Q2Body.nullable() });
const UploadDetailBody = UploadBody.extend({
  rows: z.array(z.object({ line: z.number().int(), zi_number: z.string(), name: z.string().nullable(), patients: z.number().int(), realisation_cents: z.number().int(), prognosis_cents: z.number().int() })),
});

/** The response schemas say exactly what the use cases return (the serializer drops any other field). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameOverview: Same<z.output<typeof OverviewBody>, FiguresOverview> = true;
const _sameReport: Same<z.output<typeof UploadReportBody>, FiguresUploadReport> = true;
const _sameDetail: Same<z.output<typeof UploadDetailBody>, UploadView & { rows: FigureRowView[] }> = true;
const Errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

interface MultipartUpload {
  fields: Record<string, string>;
  file: { name: string; content: Buffer } | null;
}

/** Reads the form: the file in field `file`, the other fields as text (in any order). */
async function readMultipart(request: FastifyRequest): Promise<MultipartUpload | null> {
  if (!request.isMultipart()) return null;
  const fields: Record<string, string> = {};
  let file: MultipartUpload['file'] = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.fieldname === 'file' && file === null) file = { name: part.filename || 'kwartaalcijfers.csv', content };
    } else if (typeof part.value === 'string' || typeof part.value === 'number') {
      fields[part.fieldname] = String(part.value).slice(0, 20);
    }
  }
  return { fields, file };
}

export const addonFiguresRoutes: FastifyPluginAsyncZod<{ db: Database; policies: PolicyCatalogue; now: () => Date }> = async (app, opts) => {
  const deps = (actor: Actor) => ({ db: opts.db, actor, policies: opts.policies, now: opts.now() });
  const tags = ['addon-figures'];
  const download = (reply: FastifyReply, result: Result<Buffer | string>, type: string, fileName: string) => {
    if (!result.ok) return sendError(reply, result.error);
    return reply.header('content-type', type).header('content-disposition', `attachment; filename="${fileName}"`).send(result.value);
  };

  app.get(
    '/api/addon-figures/template.csv',
    { schema: { tags, summary: 'Sjabloon kwartaalcijfers add-on (CSV, puntkomma, kopregel en een voorbeeldregel)' } },
    async (_request, reply) => download(reply, figuresTemplateCsv(opts.policies), 'text/csv; charset=utf-8', 'kwartaalcijfers-add-on-sjabloon.csv'),
  );

  app.get(
    '/api/addon-figures/template.xlsx',
    { schema: { tags, summary: 'Sjabloon kwartaalcijfers add-on (Excel, met toelichting per kolom en de termijnen)' } },
    async (_request, reply) =>
      download(reply, await figuresTemplateXlsx(opts.policies), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'kwartaalcijfers-add-on-sjabloon.xlsx'),
  );

  app.post(
    '/api/providers/:agb/addon-figures',
    {
      preHandler: [requireRoles('provider', 'purchaser'), requireProviderAccess(opts.db, 'addon-figures.upload')],
      schema: {
        tags,
        summary: 'Kwartaalcijfers add-on aanleveren (multipart: "file" CSV of XLSX, "year", "quarter"); alles of niets, per regel en veld de fouten; hetzelfde bestand opnieuw slaat niets op',
        params: AgbParam,
        consumes: ['multipart/form-data'],
        response: { 200: UploadReportBody, 201: UploadReportBody, ...Errors, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      let form: MultipartUpload | null;
      try {
        form = await readMultipart(request);
      } catch (error) {
        const tooLarge = (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        return sendError(reply, { code: 'invalid_input', message: tooLarge ? 'Het bestand is te groot.' : 'Het formulier kon niet worden gelezen.', issues: [{ field: 'file', message: tooLarge ? 'Te groot.' : 'Onleesbaar formulier.' }] });
      }
      if (!form) return sendError(reply, { code: 'invalid_input', message: 'Stuur het bestand als multipart/form-data in het veld "file", met "year" en "quarter".', issues: [{ field: 'file', message: 'Geen formulier.' }] });
      if (!form.file) return sendError(reply, { code: 'invalid_input', message: 'Stuur een bestand mee in het veld "file".', issues: [{ field: 'file', message: 'Bestand ontbreekt.' }] });
      const result = await uploadFigures(deps(request.actor), { agb: request.params.agb, year: form.fields.year, quarter: form.fields.quarter, file: form.file });
      return sendResult(reply, result, result.ok && result.value.stored ? 201 : 200);
    },
  );

  app.get(
    '/api/providers/:agb/addon-figures',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: {
        tags,
        summary: 'Aanleveringen kwartaalcijfers add-on van een jaar, termijn per kwartaal en de vastgelegde Q2-status (ADD §5)',
        params: AgbParam,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('jaar waarover de cijfers gaan; standaard dat van het nieuwste add-on-beleid') }),
        response: { 200: OverviewBody, ...Errors },
      },
    },
    async (request, reply) => sendResult(reply, await figuresOverview(deps(request.actor), request.params.agb, request.query.year)),
  );

  app.get(
    '/api/providers/:agb/addon-figures/:id',
    {
      preHandler: requireRoles(...ANY_USER),
      schema: { tags, summary: 'Eén aanlevering met haar cijfers per geneesmiddel', params: AgbParam.extend({ id: z.string().max(20) }), response: { 200: UploadDetailBody, ...Errors } },
    },
    async (request, reply) => sendResult(reply, await figuresUpload(deps(request.actor), request.params.agb, request.params.id)),
  );
};
