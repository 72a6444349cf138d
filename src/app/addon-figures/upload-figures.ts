/**
 * Use case: a provider uploads its quarterly add-on figures (ADD §5), as CSV or Excel.
 * - Who: the provider user for its own AGB (refusals audited by `providerAccess`), a purchaser who
 *   records a file received otherwise, or the CLI (system).
 * - All or nothing: a file with any error stores no figures; it is recorded as a rejected upload
 *   with its issues (line, field, message), because a rejected Q2 file leaves the Q2 status
 *   `incorrect` until a correct one arrives.
 * - Idempotent by SHA-256: the same bytes for the same provider, year and quarter are stored once;
 *   sending them again stores nothing and says so (or repeats the earlier rejection).
 * - The receipt time is the application clock; whether it is in time is decided on the receipt's
 *   day in the policy's time zone against the quarter's deadline from the policy.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseQuarter, q2Timeliness, uploadTiming, validateFigures, type Q2Timeliness } from '../../domain/addon/figures.js';
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Tx } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import { providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { findUploadByContent, insertAcceptedUpload, insertRejectedUpload, knownAddonDrugs, q2Attempts, type NewUpload } from './figures-store.js';
import { figuresFormatOf, readFiguresFile } from './read-figures-file.js';
import { figuresPolicyFor } from './schedule.js';
import { uploadView, type UploadView } from './views.js';

export interface FiguresDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
  /** The application clock at the time of the request (injectable in tests). */
  now: Date;
}

export interface FiguresUploadInput {
  agb: string;
  year: unknown;
  quarter: unknown;
  file: { name: string; content: Buffer };
}

export interface FiguresUploadReport {
  /** False when the same file had been stored before: nothing was stored now. */
  stored: boolean;
  duplicate: boolean;
  message: string;
  upload: UploadView;
  /** The recorded Q2 status of the provider-year after this upload (for a Q2 upload). */
  q2: Q2Timeliness | null;
}

const UPLOAD_EVENT = 'addon-figures.upload';

/** The actor may upload for `agbInput`: its own AGB (provider), any (purchaser, system). */
async function uploaderAccess(deps: { db: Database; actor: Actor }, agbInput: string): Promise<Result<string>> {
  switch (deps.actor.role) {
    case 'system':
      return parseAgb(agbInput, 'agb');
    case 'provider':
    case 'purchaser':
      return providerAccess(deps, agbInput, UPLOAD_EVENT, 'agb');
    case 'public':
      return fail('unauthenticated', 'Log eerst in.');
    default:
      return fail('forbidden', 'Alleen de zorgaanbieder zelf of een zorginkoper levert kwartaalcijfers aan.');
  }
}

const safeName = (name: string) => path.basename(name.replaceAll('\\', '/')).replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'kwartaalcijfers.csv';

const dateTime = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export async function uploadFigures(deps: FiguresDeps, input: FiguresUploadInput): Promise<Result<FiguresUploadReport>> {
  const agb = await uploaderAccess(deps, input.agb);
  if (!agb.ok) return agb;
  const year = parseYear(input.year);
  if (!year.ok) return year;
  const quarter = parseQuarter(input.quarter);
  if (!quarter.ok) return quarter;
  const governing = figuresPolicyFor(deps.policies, year.value);
  if (!governing.ok) return governing;
  const { policy, schedule } = governing.value;

  const fileName = safeName(input.file.name);
  const sha256 = createHash('sha256').update(input.file.content).digest('hex');
  const timing = uploadTiming(schedule, quarter.value, deps.now);
  const upload: NewUpload = {
    agb: agb.value,
    year: year.value,
    quarter: quarter.value,
    policyId: policy.id,
    receivedAt: deps.now,
    receivedOn: timing.receivedOn,
    deadline: timing.deadline,
    inTime: timing.inTime,
    fileName,
    format: figuresFormatOf(input.file.content, fileName),
    sha256,
    uploadedBy: deps.actor.email ?? deps.actor.role,
    uploadedByUserId: deps.actor.userId,
  };
  const withFile = (issues: readonly FieldIssue[]) => issues.map((i) => ({ file: fileName, ...i }));
  const q2After = async (tx: Tx) => (quarter.value === 2 ? q2Timeliness(schedule, await q2Attempts(tx, agb.value, year.value)) : null);

  return withActor(deps.db, deps.actor, async (tx): Promise<Result<FiguresUploadReport>> => {
    if (!(await findProvider(tx, agb.value))) return fail('not_found', `Zorgaanbieder ${agb.value} niet gevonden.`, [{ field: 'agb', message: 'Onbekende AGB-code.' }]);
    const key = { agb: agb.value, year: year.value, quarter: quarter.value, sha256 };
    const duplicate = async (existing: NonNullable<Awaited<ReturnType<typeof findUploadByContent>>>): Promise<Result<FiguresUploadReport>> => {
      const view = uploadView(existing);
      if (existing.status === 'rejected') {
        return fail('invalid_input', `Dit bestand (${fileName}) is al eerder ontvangen en afgekeurd (aanlevering ${view.id}, ${dateTime(existing.received_at)}); er is niets opgeslagen.`, withFile(view.issues));
      }
      return ok({
        stored: false,
        duplicate: true,
        message: `Dit bestand (${fileName}) is al ontvangen op ${dateTime(existing.received_at)} (aanlevering ${view.id}); er is niets opnieuw opgeslagen.`,
        upload: view,
        q2: await q2After(tx),
      });
    };
    const existing = await findUploadByContent(tx, key);
    if (existing) return duplicate(existing);

    const table = await readFiguresFile(input.file.content, fileName);
    const validated = table.ok ? validateFigures(table.value.rows, { agb: agb.value, year: year.value, quarter: quarter.value, knownDrugs: await knownAddonDrugs(tx) }) : table;
    const details = { file: fileName, year: year.value, quarter: quarter.value, sha256, in_time: timing.inTime, received_on: timing.receivedOn, deadline: timing.deadline };

    if (!validated.ok) {
      const issues = withFile(validated.error.issues ?? [{ field: 'file', message: validated.error.message }]);
      const stored = await insertRejectedUpload(tx, upload, issues);
      if (!stored) {
        const raced = await findUploadByContent(tx, key);
        if (raced) return duplicate(raced);
      }
      await audit(tx, deps.actor, {
        event: UPLOAD_EVENT, action: 'C', outcome: 'failure', purpose: 'zorginkoop', objectType: 'addon-figures', objectId: String(stored?.id ?? ''), agb: agb.value,
        details: { ...details, status: 'rejected', issues: issues.length },
      });
      return fail('invalid_input', `${fileName}: ${validated.error.message}`, issues);
    }

    const stored = await insertAcceptedUpload(tx, upload, validated.value);
    if (!stored) {
      const raced = await findUploadByContent(tx, key);
      if (raced) return duplicate(raced);
      return fail('conflict', 'Het bestand kon niet worden opgeslagen; probeer het opnieuw.');
    }
    await audit(tx, deps.actor, {
      event: UPLOAD_EVENT, action: 'C', purpose: 'zorginkoop', objectType: 'addon-figures', objectId: String(stored.id), agb: agb.value,
      details: { ...details, status: 'accepted', rows: validated.value.length },
    });
    const q2 = await q2After(tx);
    const when = timing.inTime ? `tijdig (uiterlijk ${timing.deadline})` : `na de termijn van ${timing.deadline}`;
    return ok({
      stored: true,
      duplicate: false,
      message: `${validated.value.length} ${validated.value.length === 1 ? 'regel' : 'regels'} kwartaalcijfers Q${quarter.value} ${year.value} opgeslagen, ontvangen op ${timing.receivedOn}: ${when}.`,
      upload: uploadView(stored),
      q2,
    });
  });
}
