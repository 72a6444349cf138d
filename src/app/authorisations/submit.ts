/**
 * Use case: a provider user submits a prior-authorisation request for its own AGB (MSZ Bijlage 1
 * art. 6 items 19-21). First the requirement: when the treatment is authorisation-free and the
 * provider does not say it is in doubt, the answer says so with the reason and nothing is stored.
 * Otherwise the required content is checked (every missing item an issue naming its field) and the
 * request, its plan lines, its attachments and the `submitted` event are stored in one transaction;
 * the medical advisers and controllers are notified. Audited, including a refusal for another AGB.
 */
import { authorisationRequirement, checkAttachment, requirementInputIssues, validateContent, type AttachmentCounts, type Requirement } from '../../domain/authorisations/index.js';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import { providerAccess } from '../access.js';
import type { RequirementRequest } from './requirement.js';
import { OBJECT_TYPE, policyForTreatment, PURPOSE, termSettings, todayIn, who, type AuthorisationDeps } from './settings.js';
import { loadDetail } from './queries.js';
import { findAuthorisation, insertAttachment, insertAuthorisation, insertEvent, notifyAuthorisation, type NewAttachment } from './store.js';
import type { AuthorisationDetail } from './view.js';

export interface SubmitRequest extends Omit<RequirementRequest, 'birth_date'> {
  provider_reference?: unknown;
  patient?: { bsn?: unknown; name?: unknown; birth_date?: unknown } | null;
  treatment_plan?: unknown;
  plan_lines?: unknown;
  technique_costs_cents?: unknown;
}

export interface UploadedFile {
  kind: unknown;
  fileName: unknown;
  bytes: Uint8Array;
}

export interface SubmitResult {
  /** False when the treatment is authorisation-free: nothing was stored. */
  submitted: boolean;
  message: string;
  requirement: Requirement;
  authorisation: AuthorisationDetail | null;
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
/** The requirement's field names as they sit in a request. */
const requestField = (field: string | undefined) => (field === 'birth_date' ? 'patient.birth_date' : field);

export async function submitAuthorisation(deps: AuthorisationDeps, agbInput: string, input: SubmitRequest, files: readonly UploadedFile[] = []): Promise<Result<SubmitResult>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const agb = await providerAccess(deps, agbInput, 'authorisation.submit', 'agb');
  if (!agb.ok) return agb;
  if (deps.actor.role !== 'provider') return fail('forbidden', 'Alleen de zorgaanbieder zelf dient een machtigingsaanvraag in.');

  const policy = policyForTreatment(deps.policies, input.treatment_date, deps.now);
  if (!policy.ok) return policy;
  const settings = termSettings(policy.value);
  if (!settings.ok) return settings;
  const receivedOn = todayIn(deps.now, settings.value.timeZone);
  const facts = { birthDate: str(input.patient?.birth_date), treatmentDate: str(input.treatment_date), treatmentKind: str(input.treatment_kind) };

  // Attachments first: their issues join the content's.
  const issues: FieldIssue[] = [];
  const attachments: NewAttachment[] = [];
  const counts: AttachmentCounts = { record: 0, photo: 0 };
  files.forEach((file, i) => {
    const checked = checkAttachment(file, `attachments[${i}]`);
    if (!checked.ok) issues.push(...(checked.error.issues ?? []));
    else {
      attachments.push({ kind: checked.value.kind, fileName: checked.value.fileName, mediaType: checked.value.mediaType, bytes: file.bytes });
      counts[checked.value.kind] += 1;
    }
  });

  const factIssues = requirementInputIssues(policy.value, facts).map((i) => ({ ...i, field: requestField(i.field) }));
  if (factIssues.length > 0) {
    const content = validateContent(policy.value, input, counts, receivedOn);
    const more = content.ok ? [] : (content.error.issues ?? []).filter((i) => !factIssues.some((f) => f.field === i.field));
    return fail('invalid_input', 'De machtigingsaanvraag is niet volledig of niet juist.', [...factIssues, ...more, ...issues]);
  }
  const requirement = authorisationRequirement(policy.value, {
    ...facts,
    inDoubt: input.in_doubt === true,
    implantsCovered: input.implants_covered ?? null,
    orthodonticsSpecialDentistry: input.orthodontics_special_dentistry ?? null,
    seriousMedicalGrounds: input.serious_medical_grounds ?? null,
  });
  if (!requirement.ok) return requirement;

  if (!requirement.value.request) {
    await withActor(deps.db, deps.actor, (tx) =>
      audit(tx, deps.actor, {
        event: 'authorisation.submit', action: 'E', purpose: PURPOSE, objectType: OBJECT_TYPE, agb: agb.value,
        details: { stored: false, outcome: requirement.value.outcome, treatment_kind: requirement.value.treatment_kind, rules: requirement.value.reasons.map((r) => r.rule) },
      }),
    );
    return ok({ submitted: false, message: `${requirement.value.message} Er is niets opgeslagen.`, requirement: requirement.value, authorisation: null });
  }

  const content = validateContent(policy.value, input, counts, receivedOn);
  if (!content.ok || issues.length > 0) {
    return fail('invalid_input', content.ok ? 'Een bijlage is niet bruikbaar.' : content.error.message, [...(content.ok ? [] : (content.error.issues ?? [])), ...issues]);
  }

  const by = who(deps.actor);
  return withActor(deps.db, deps.actor, async (tx) => {
    const id = await insertAuthorisation(tx, { agb: agb.value, policyId: policy.value.id, content: content.value, inDoubt: input.in_doubt === true, requirement: requirement.value, by, at: deps.now });
    if (id === undefined) {
      return fail('conflict', `U heeft al een aanvraag met kenmerk '${content.value.provider_reference}'.`, [{ field: 'provider_reference', message: 'Kenmerk al gebruikt.' }]);
    }
    for (const attachment of attachments) await insertAttachment(tx, { authorisationId: id, agb: agb.value, attachment, by, at: deps.now });
    await insertEvent(tx, { authorisationId: id, agb: agb.value, event: 'submitted', actor: deps.actor, at: deps.now, details: { outcome: requirement.value.outcome, attachments: attachments.length } });
    await audit(tx, deps.actor, {
      event: 'authorisation.submit', action: 'C', purpose: PURPOSE, objectType: OBJECT_TYPE, objectId: String(id), agb: agb.value,
      details: { treatment_kind: content.value.treatment_kind, outcome: requirement.value.outcome, lines: content.value.plan_lines.length, attachments: attachments.length, policy: policy.value.id },
    });
    await notifyAuthorisation(tx, deps.actor, agb.value, 'insurer', {
      kind: 'authorisation.submitted',
      title: `Nieuwe machtigingsaanvraag ${id}`,
      body: `Zorgaanbieder ${agb.value} vraagt een machtiging aan voor ${requirement.value.treatment_title.toLowerCase()}. Beslissen binnen ${settings.value.workingDays} werkdagen (${settings.value.source}).`,
      link: `/machtigingen/${id}`,
    }, deps.now);
    const view = await loadDetail(tx, deps.policies, (await findAuthorisation(tx, id))!, deps.now);
    if (!view.ok) return view;
    return ok({ submitted: true, message: `Uw aanvraag is ontvangen als nummer ${id}. ${view.value.clock.reason.message}`, requirement: requirement.value, authorisation: view.value });
  });
}
