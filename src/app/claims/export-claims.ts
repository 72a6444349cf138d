/**
 * Use case: export the stored claims (of one provider, of one year) as a CSV claims file, a Vektis
 * ZH308 file or a FHIR R4 Bundle of Claims; each imports again to the same claims. Claims carry
 * patient data (BSN, diagnosis): only controllers (and the system) export, and every export is
 * audited. A ZH308 file is one invoice of one institution, so it needs one provider.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { canonicalUnits, CLAIM_FIELDS } from '../../domain/claims/claim-line.js';
import type { Claim } from '../../domain/claims/types.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import { claimsToFhirBundle } from '../../interop/fhir/claim-bundle.js';
import { writeZh308 } from '../../interop/vektis/zh308.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { parseYear } from '../purchasing/negotiation.js';
import { today } from './hearing.js';
import { parseClaimFileFormat, type ClaimFileFormat } from './import-claims.js';

export interface ClaimExport {
  format: ClaimFileFormat;
  fileName: string;
  contentType: string;
  content: Buffer;
  claims: number;
}

const CONTENT_TYPES: Record<ClaimFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  zh308: 'text/plain; charset=iso-8859-1',
  fhir: 'application/fhir+json',
};

const EXTENSIONS: Record<ClaimFileFormat, string> = { csv: 'csv', zh308: 'txt', fhir: 'json' };

/** The claims as a CSV claims file with the header `CLAIM_FIELDS` (the import's own format). */
export function claimsCsv(claims: Iterable<Claim>): string {
  const lines = [CLAIM_FIELDS.join(',')];
  for (const c of claims) {
    lines.push([c.claimId, c.uzovi, c.agb, c.bsn, c.careType, c.specialism, c.diagnosis, c.productCode, c.startDate, c.endDate, String(c.amountCents), c.ziNumber ?? '', c.units ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export async function exportClaims(
  deps: { db: Database; actor: Actor; now: Date },
  options: { format?: string; agb?: string; year?: unknown },
): Promise<Result<ClaimExport>> {
  if (deps.actor.role !== 'controller' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen controllers exporteren declaraties.');
  const format = parseClaimFileFormat(options.format);
  if (!format.ok) return format;
  let agb: string | undefined;
  if (options.agb !== undefined) {
    const parsed = parseAgb(options.agb, 'agb');
    if (!parsed.ok) return parsed;
    agb = parsed.value;
  }
  let year: number | undefined;
  if (options.year !== undefined && options.year !== null && options.year !== '') {
    const parsed = parseYear(options.year);
    if (!parsed.ok) return parsed;
    year = parsed.value;
  }

  return withActor(deps.db, deps.actor, async (tx) => {
    let query = tx.selectFrom('claims').selectAll();
    if (agb !== undefined) query = query.where('agb', '=', agb);
    if (year !== undefined) query = query.where('start_date', '>=', `${year}-01-01`).where('start_date', '<=', `${year}-12-31`);
    const rows = await query.orderBy('agb').orderBy('claim_id').execute();
    const claims: Claim[] = rows.map((r) => ({
      claimId: r.claim_id, uzovi: r.uzovi, agb: r.agb, bsn: r.bsn, careType: r.care_type, specialism: r.specialism, diagnosis: r.diagnosis, productCode: r.product_code,
      startDate: r.start_date, endDate: r.end_date, amountCents: r.amount_cents, ziNumber: r.zi_number, units: r.units === null ? null : canonicalUnits(String(r.units)),
    }));
    const date = today(deps.now);
    const scope = `${agb ?? 'alle'}${year === undefined ? '' : `-${year}`}`;
    let text: string;
    if (format.value === 'csv') {
      text = claimsCsv(claims);
    } else if (format.value === 'fhir') {
      text = `${JSON.stringify(claimsToFhirBundle(claims, { timestamp: deps.now.toISOString() }), null, 2)}\n`;
    } else {
      const institutions = [...new Set(claims.map((c) => c.agb))];
      const institution = agb ?? institutions[0];
      if (institution === undefined || institutions.length > 1) {
        return fail('invalid_input', `Een ZH308-bestand is één factuur van één instelling; kies een zorgaanbieder (agb)${institutions.length > 1 ? `: de declaraties zijn van ${institutions.length} zorgaanbieders` : ': er zijn geen declaraties'}.`, [
          { field: 'agb', message: 'Zorgaanbieder ontbreekt.' },
        ]);
      }
      const written = writeZh308(claims, { agb: institution, invoiceNumber: `ZK${date.replaceAll('-', '')}`, invoiceDate: date });
      if (!written.ok) return written;
      text = written.value;
    }
    await audit(tx, deps.actor, {
      event: 'claims.export', action: 'E', purpose: 'controle', objectType: 'claims', objectId: scope, agb: agb ?? null,
      details: { format: format.value, claims: claims.length, ...(year === undefined ? {} : { year }) },
    });
    return ok({
      format: format.value,
      fileName: `declaraties-${scope}-${format.value}.${EXTENSIONS[format.value]}`,
      contentType: CONTENT_TYPES[format.value],
      content: Buffer.from(text, format.value === 'zh308' ? 'latin1' : 'utf8'),
      claims: claims.length,
    });
  });
}
