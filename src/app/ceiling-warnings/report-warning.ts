/**
 * Use case: a provider reports that it threatens to exceed its plafond (MSZ §4: "Als u de
 * plafondafspraak dreigt te overschrijden, moet u dit tijdig bij Zilveren Kruis melden zodat wij
 * nieuwe patiënten kunnen bemiddelen naar aanbieders die nog ruimte hebben binnen hun financiële
 * afspraak"). Only a provider user, for its own AGB (a refusal is audited); only with a
 * plafondafspraak in that year; the expected revenue must reach the policy's early-warning share of
 * the plafond (`ceiling_early_warning_share`), else nothing threatens. The plafond is the proposal's
 * financial amount, the one the ceiling monitor uses. The report is audited and every purchaser is
 * notified (in the app and by an outbox e-mail).
 */
import type { Actor } from '../../domain/auth/actor.js';
import { fail, ok, type FieldIssue, type Result } from '../../domain/errors.js';
import { ceilingStatus } from '../../domain/monitoring/ceiling-forecast.js';
import { formatEuro, isCents } from '../../domain/money/index.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { providerAccess } from '../access.js';
import { notify } from '../contracting/transition.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { computeProposal } from '../purchasing/proposal.js';
import { withProviderYear } from '../purchasing/provider-year.js';
import { warningView, type CeilingWarningView } from './views.js';
import { findWarning, insertWarning } from './warnings-store.js';

export interface CeilingWarningDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
  /** The application clock at the time of the request (injectable in tests). */
  now: Date;
}

export interface CeilingWarningInput {
  year: unknown;
  expectedRevenueCents: unknown;
  specialisms: unknown;
  explanation: unknown;
}

const REPORT_EVENT = 'ceiling-warning.report';
const SPECIALISM = /^\d{4}$/;

interface ValidInput {
  year: number;
  expected: number;
  specialisms: string[];
  explanation: string;
}

function validate(input: CeilingWarningInput): Result<ValidInput> {
  const issues: FieldIssue[] = [];
  const year = parseYear(input.year);
  if (!year.ok) issues.push(...(year.error.issues ?? []));
  const expected = input.expectedRevenueCents;
  if (!isCents(expected) || expected <= 0) issues.push({ field: 'expected_revenue_cents', message: 'De verwachte omzet is een positief geheel aantal centen.' });
  const specialisms = Array.isArray(input.specialisms) ? input.specialisms.map((s) => (typeof s === 'string' ? s.trim() : '')) : [];
  if (specialisms.length === 0) issues.push({ field: 'specialisms', message: 'Noem minstens één specialisme (Vektis-code van 4 cijfers) waarvoor de overschrijding dreigt.' });
  else if (specialisms.length > 40) issues.push({ field: 'specialisms', message: 'Ten hoogste 40 specialismen.' });
  specialisms.forEach((s, i) => {
    if (!SPECIALISM.test(s)) issues.push({ field: `specialisms.${i}`, message: `Specialisme '${s.slice(0, 20)}' is geen Vektis-code van 4 cijfers.` });
  });
  if (new Set(specialisms).size !== specialisms.length) issues.push({ field: 'specialisms', message: 'Elk specialisme één keer.' });
  const explanation = typeof input.explanation === 'string' ? input.explanation.trim() : '';
  if (explanation.length < 10) issues.push({ field: 'explanation', message: 'Licht in minstens 10 tekens toe waardoor de overschrijding dreigt.' });
  else if (explanation.length > 5000) issues.push({ field: 'explanation', message: 'De toelichting is ten hoogste 5000 tekens.' });
  if (issues.length > 0 || !year.ok) return fail('invalid_input', 'De melding is niet volledig of niet juist.', issues);
  return ok({ year: year.value, expected: expected as number, specialisms, explanation });
}

export async function reportCeilingWarning(deps: CeilingWarningDeps, agbInput: string, input: CeilingWarningInput): Promise<Result<CeilingWarningView>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  if (deps.actor.role !== 'provider') {
    return fail('forbidden', 'Alleen de zorgaanbieder zelf meldt een dreigende plafondoverschrijding; zorginkopers zien de meldingen in de plafondmonitor.');
  }
  const agb = await providerAccess(deps, agbInput, REPORT_EVENT, 'agb');
  if (!agb.ok) return agb;
  const valid = validate(input);
  if (!valid.ok) return valid;
  const { year, expected, specialisms, explanation } = valid.value;

  const assessed = await withProviderYear(deps, agb.value, year, async (tx, context) => {
    if (context.decision.type !== 'plafond') {
      return fail('conflict', `Zorgaanbieder ${agb.value} heeft in ${year} geen plafondafspraak (maar: ${context.decision.type}); een dreigende overschrijding melden geldt voor een plafond (MSZ §4).`);
    }
    const offered = new Set(context.provider.specialisms);
    const unknown = specialisms.filter((s) => !offered.has(s));
    if (unknown.length > 0) {
      return fail('invalid_input', `Zorgaanbieder ${agb.value} biedt ${unknown.join(', ')} niet aan.`, unknown.map((s) => ({ field: `specialisms.${specialisms.indexOf(s)}`, message: `Specialisme ${s} hoort niet bij deze zorgaanbieder.` })));
    }
    const proposal = await computeProposal(tx, context);
    if (!proposal.ok) return proposal;
    const ceiling = proposal.value.financial.amount_cents;
    if (ceiling <= 0) return fail('conflict', `Er is nog geen plafondbedrag voor ${agb.value} in ${year} (geen realisatie in het basisjaar).`);
    const status = ceilingStatus(context.policy, { ceilingCents: ceiling, forecastCents: expected, claimedToDateCents: 0 });
    if (!status.ok) return status;
    if (status.value.status === 'ok') {
      const message = `Een verwachte omzet van ${formatEuro(expected)} is ${(Number(status.value.utilisation) * 100).toFixed(1)}% van het plafond van ${formatEuro(ceiling)}: onder de signaalgrens, er dreigt geen overschrijding.`;
      return fail('invalid_input', message, [{ field: 'expected_revenue_cents', message }]);
    }
    return ok({ ceiling, policyId: context.policy.id, name: context.provider.name });
  });
  if (!assessed.ok) return assessed;
  const { ceiling, policyId, name } = assessed.value;
  const policy = deps.policies.get(policyId);

  return withActor(deps.db, deps.actor, async (tx) => {
    const id = await insertWarning(tx, {
      agb: agb.value, year, policyId, ceilingCents: ceiling, expectedRevenueCents: expected, specialisms, explanation,
      reportedBy: deps.actor.userId, reportedByEmail: deps.actor.email ?? 'onbekend', reportedAt: deps.now,
    });
    await audit(tx, deps.actor, {
      event: REPORT_EVENT, action: 'C', purpose: 'zorginkoop', objectType: 'ceiling-warning', objectId: String(id), agb: agb.value,
      details: { year, ceiling_cents: ceiling, expected_revenue_cents: expected, specialisms },
    });
    const overrun = expected - ceiling;
    await notify(tx, deps.actor, agb.value, ['purchasers'], {
      kind: 'ceiling-warning.reported',
      title: `Dreigende plafondoverschrijding ${year}: ${name}`.slice(0, 200),
      body: (
        `${name} (${agb.value}) verwacht in ${year} een omzet van ${formatEuro(expected)} bij een plafond van ${formatEuro(ceiling)}` +
        `${overrun > 0 ? ` (overschrijding ${formatEuro(overrun)})` : ''}, specialisme(n) ${specialisms.join(', ')}. Toelichting: ${explanation}`
      ).slice(0, 3900),
      link: `/monitoring?jaar=${year}#plafondmeldingen`,
    }, deps.now);
    const row = await findWarning(tx, id);
    if (!row) return fail('internal', 'De melding is opgeslagen maar niet terug te lezen.');
    return ok(warningView(row, policy.ok ? policy.value : null));
  });
}
