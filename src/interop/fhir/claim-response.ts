/**
 * The answer to a Bundle of Claims: one R4 `ClaimResponse` per Claim, in a Bundle (type
 * collection) in the order of the Claims.
 * - A rejected claim line: outcome `error`, each return code in `error` (code system
 *   `RETURN_CODE_SYSTEM`, the element path and reason in `code.text`).
 * - An accepted line: `item[0].adjudication` starts with `submitted` (the claimed amount), then
 *   one adjudication per finding of the claims control: category = the rule id (`CHECK_RULE_SYSTEM`:
 *   duplicate, parallel, serial, non-evidence, selective, ceiling, addon-tariff, …), reason = what
 *   upholding it means (`FINDING_ACTION_SYSTEM`: reject, reclaim, review) with the policy source and
 *   explanation as text, amount = the amount at stake, and extensions for the policy source and
 *   the claims that make it suspect. Outcome `partial` with findings (the hearing decides), else
 *   `complete`.
 */
import { RULE_DEFAULTS } from '../../domain/claims/check-claims.js';
import type { Finding } from '../../domain/claims/types.js';
import { claimElementPath, returnCodeDisplay } from './claim-bundle.js';
import { eurMoney } from './money.js';
import {
  ADJUDICATION_SYSTEM,
  AGB_SYSTEM,
  BSN_SYSTEM,
  CHECK_RULE_SYSTEM,
  CLAIM_ID_SYSTEM,
  CLAIM_TYPE_SYSTEM,
  FINDING_ACTION_SYSTEM,
  POLICY_SOURCE_EXTENSION,
  RELATED_CLAIM_EXTENSION,
  RETURN_CODE_SYSTEM,
  UZOVI_SYSTEM,
} from './systems.js';
import type { Adjudication, Bundle, ClaimResponse, Reference } from './types.js';

export interface ClaimAnswer {
  /** Bundle entry index + 1 of the Claim. */
  line: number;
  /** The claim fields read from the Claim (texts), when its structure could be read. */
  record?: Readonly<Record<string, string>>;
  /** Return codes of a rejected line (field: claim field or element path); empty when accepted. */
  errors: readonly { field: string; code: string; message: string }[];
  /** Findings of the claims control on this claim line. */
  findings: readonly Finding[];
}

export interface ClaimResponseOptions {
  /** When the answer was made (ISO date-time). */
  created: string;
  /** A new id per resource (a UUID), for `fullUrl: urn:uuid:…`. */
  newId: () => string;
}

const ACTION_DISPLAY: Record<Finding['action'], string> = { reject: 'Afwijzen', reclaim: 'Terugvorderen', review: 'Beoordelen (hoor en wederhoor)' };

const present = (record: ClaimAnswer['record'], field: string): string | null => {
  const value = record?.[field]?.trim();
  return value ? value : null;
};

function findingAdjudication(finding: Finding): Adjudication {
  return {
    extension: [
      { url: POLICY_SOURCE_EXTENSION, valueString: finding.source },
      ...finding.relatedClaimIds.map((id) => ({ url: RELATED_CLAIM_EXTENSION, valueIdentifier: { system: CLAIM_ID_SYSTEM, value: id } })),
    ],
    category: { coding: [{ system: CHECK_RULE_SYSTEM, code: finding.rule, display: RULE_DEFAULTS[finding.rule].title }] },
    reason: { coding: [{ system: FINDING_ACTION_SYSTEM, code: finding.action, display: ACTION_DISPLAY[finding.action] }], text: `${finding.source}: ${finding.reason.message}` },
    amount: eurMoney(finding.amountAtStakeCents),
  };
}

function disposition(answer: ClaimAnswer): string {
  if (answer.errors.length > 0) {
    const codes = [...new Set(answer.errors.map((e) => e.code))].join(', ');
    return `Afgewezen: ${answer.errors.length === 1 ? '1 fout' : `${answer.errors.length} fouten`} (${codes}).`;
  }
  if (answer.findings.length > 0) {
    const rules = [...new Set(answer.findings.map((f) => f.rule))].join(', ');
    return `Geaccepteerd; ${answer.findings.length === 1 ? '1 bevinding' : `${answer.findings.length} bevindingen`} uit de declaratiecontrole (${rules}), voor hoor en wederhoor.`;
  }
  return 'Geaccepteerd; geen bevindingen uit de declaratiecontrole.';
}

/** The ClaimResponse for one Claim of an uploaded Bundle. */
export function claimResponse(answer: ClaimAnswer, created: string): ClaimResponse {
  const claimId = present(answer.record, 'claim_id');
  const bsn = present(answer.record, 'bsn');
  const uzovi = present(answer.record, 'uzovi');
  const agb = present(answer.record, 'agb');
  const rejected = answer.errors.length > 0;
  const amount = present(answer.record, 'amount_cents');
  const request: Reference = claimId !== null
    ? { type: 'Claim', identifier: { system: CLAIM_ID_SYSTEM, value: claimId } }
    : { type: 'Claim', display: `Bundle.entry[${answer.line - 1}]` };
  return {
    resourceType: 'ClaimResponse',
    status: 'active',
    type: { coding: [{ system: CLAIM_TYPE_SYSTEM, code: 'institutional', display: 'Institutional' }] },
    use: 'claim',
    patient: bsn !== null ? { type: 'Patient', identifier: { system: BSN_SYSTEM, value: bsn } } : { display: 'Onbekend: de Claim noemt geen BSN' },
    created,
    insurer: uzovi !== null ? { type: 'Organization', identifier: { system: UZOVI_SYSTEM, value: uzovi } } : { display: 'Zorgverzekeraar' },
    ...(agb !== null ? { requestor: { type: 'Organization', identifier: { system: AGB_SYSTEM, value: agb } } } : {}),
    request,
    outcome: rejected ? 'error' : answer.findings.length > 0 ? 'partial' : 'complete',
    disposition: disposition(answer),
    ...(!rejected && amount !== null && /^-?[0-9]+$/.test(amount)
      ? {
          item: [{
            itemSequence: 1,
            adjudication: [
              { category: { coding: [{ system: ADJUDICATION_SYSTEM, code: 'submitted', display: 'Submitted Amount' }] }, amount: eurMoney(Number(amount)) },
              ...answer.findings.map(findingAdjudication),
            ],
          }],
        }
      : {}),
    ...(rejected
      ? {
          error: answer.errors.map((e) => ({
            code: {
              coding: [{ system: RETURN_CODE_SYSTEM, code: e.code, ...(returnCodeDisplay(e.code) ? { display: returnCodeDisplay(e.code) } : {}) }],
              text: `${claimElementPath(answer.line, e.field)}: ${e.message}`,
            },
          })),
        }
      : {}),
  };
}

/** The Bundle (collection) of ClaimResponses answering the Claims, in their order. */
export function claimResponseBundle(answers: readonly ClaimAnswer[], options: ClaimResponseOptions): Bundle<ClaimResponse> {
  return {
    resourceType: 'Bundle',
    id: options.newId(),
    type: 'collection',
    timestamp: options.created,
    entry: answers.map((answer) => {
      const id = options.newId();
      return { fullUrl: `urn:uuid:${id}`, resource: { ...claimResponse(answer, options.created), id } };
    }),
  };
}
