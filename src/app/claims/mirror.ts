/**
 * Use cases: mirror information (spiegelinformatie, ADD §8; DOMAIN.md H). A provider's claiming
 * against its peers, shared first so the provider can correct before any control.
 *
 * - `mirrorReportFor`: one provider's report. A provider user may ask only for its own AGB (a
 *   refusal is audited by `providerAccess`); insurer staff for any. The aggregates of all
 *   providers are read under the system role, because the peers' figures are needed, but only
 *   the provider's own figures and anonymous percentiles leave the domain (`mirrorReport`).
 * - `mirrorOverview`: every provider's signals, with names, for insurer staff (controllers).
 *
 * Who counts as a peer and when an indicator is shown are parameters of the MSZ policy of the
 * report's year (`mirrorSettingsFromPolicy`, decision `mirror-information-minimums`): the newest MSZ
 * policy whose year is not later; for a year before the first policy, the first policy's values.
 *
 * Every read, granted or refused, is in the audit log as `mirror.read`, purpose `spiegelinformatie`.
 */
import { systemActor, type Actor } from '../../domain/auth/actor.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import {
  MIRROR_SIGNALS, mirrorOverview as overviewOf, mirrorReport, mirrorSettingsFromPolicy, type MirrorOverview, type MirrorReport, type MirrorSettings, type ProviderAggregates,
} from '../../domain/mirror/index.js';
import type { MszPolicy } from '../../domain/policy/index.js';
import { SPECIALISMS } from '../../demo/specialisms.js';
import { mirrorReportPdf } from '../../documents/mirror-report.js';
import { audit } from '../../storage/audit.js';
import { withActor } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { mirrorAggregates } from '../../storage/repositories/mirror.js';
import { findProvider, listProviders } from '../../storage/repositories/providers.js';
import type { ProviderRow } from '../../storage/schema.js';
import { providerAccess } from '../access.js';
import type { PolicyCatalogue } from '../policies.js';
import { parseYear } from '../purchasing/negotiation.js';
import { mszPolicyForYear } from '../purchasing/policy-for-year.js';

export interface MirrorDeps {
  db: Database;
  actor: Actor;
  policies: PolicyCatalogue;
}

const EVENT = 'mirror.read';
const PURPOSE = 'spiegelinformatie';
const STAFF_ROLES: readonly Actor['role'][] = ['purchaser', 'controller', 'medical-adviser', 'system'];
const SPECIALISM_NAMES: ReadonlyMap<string, string> = new Map(Object.entries(SPECIALISMS));

const reader = (actor: Actor) => systemActor(`mirror:${actor.email ?? actor.role}`);

/** A provider without claims in the year still gets a report: its own zeros, nothing compared. */
function noClaims(provider: ProviderRow): ProviderAggregates {
  return { agb: provider.agb, type: provider.type, claimLines: 0, patients: 0, subtrajects: 0, followUps: 0, creditLines: 0, specialisms: [], findings: [] };
}

/** The mirror settings of a claim year: from the MSZ policy of that year, or the first one for earlier years. */
export function mirrorSettingsForYear(policies: PolicyCatalogue, year: number): Result<MirrorSettings> {
  const policy = mszPolicyForYear(policies, year);
  if (policy.ok) return mirrorSettingsFromPolicy(policy.value);
  const first = policies.all().filter((p): p is MszPolicy => p.kind === 'msz').sort((a, b) => a.policy_year - b.policy_year)[0];
  return first ? mirrorSettingsFromPolicy(first) : policy;
}

export async function mirrorReportFor(deps: MirrorDeps, agbInput: string, yearInput: unknown): Promise<Result<MirrorReport>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await providerAccess(deps, agbInput, EVENT);
  if (!agb.ok) return agb;
  const settings = mirrorSettingsForYear(deps.policies, year.value);
  if (!settings.ok) return settings;
  return withActor(deps.db, reader(deps.actor), async (tx) => {
    const provider = await findProvider(tx, agb.value);
    if (!provider) return fail('not_found', `Zorgaanbieder ${agb.value} niet gevonden.`, [{ field: 'provider', message: 'Onbekende AGB-code.' }]);
    const population = await mirrorAggregates(tx, year.value);
    const own = population.find((p) => p.agb === provider.agb) ?? noClaims(provider);
    const report = mirrorReport({ year: year.value, own, population, settings: settings.value, specialismNames: SPECIALISM_NAMES });
    if (!report.ok) return report;
    const signals = Object.fromEntries(MIRROR_SIGNALS.map((s) => [s, report.value.indicators.filter((i) => i.signal === s).length]));
    // The actor who asked is recorded, not the system role the figures were read under.
    await audit(tx, deps.actor, {
      event: EVENT,
      action: 'R',
      purpose: PURPOSE,
      objectType: 'mirror-report',
      objectId: `${provider.agb}/${year.value}`,
      agb: provider.agb,
      details: { year: year.value, indicators: report.value.indicators.length, peers: report.value.peer_group.providers, signals },
    });
    return report;
  });
}

/** The same report as a PDF (ADD §8: downloadable spiegelinformatie). */
export async function mirrorReportPdfFor(deps: MirrorDeps, agbInput: string, yearInput: unknown, date: string): Promise<Result<Buffer>> {
  const report = await mirrorReportFor(deps, agbInput, yearInput);
  if (!report.ok) return report;
  const provider = await withActor(deps.db, reader(deps.actor), (tx) => findProvider(tx, report.value.agb));
  if (!provider) return fail('not_found', `Zorgaanbieder ${report.value.agb} niet gevonden.`);
  return ok(await mirrorReportPdf({ date, provider: { agb: provider.agb, name: provider.name, city: provider.city }, report: report.value }));
}

export async function mirrorOverview(deps: MirrorDeps, yearInput: unknown): Promise<Result<MirrorOverview>> {
  if (deps.actor.role === 'public') return fail('unauthenticated', 'Log eerst in.');
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const settings = mirrorSettingsForYear(deps.policies, year.value);
  if (!settings.ok) return settings;
  if (!STAFF_ROLES.includes(deps.actor.role)) {
    await withActor(deps.db, deps.actor, (tx) =>
      audit(tx, deps.actor, { event: EVENT, action: 'R', outcome: 'denied', purpose: PURPOSE, objectType: 'mirror-overview', objectId: String(year.value), agb: deps.actor.agb }),
    );
    return fail('forbidden', 'Alleen medewerkers van de zorgverzekeraar zien de spiegelinformatie van alle zorgaanbieders.');
  }
  return withActor(deps.db, reader(deps.actor), async (tx) => {
    const [population, providers] = [await mirrorAggregates(tx, year.value), await listProviders(tx)];
    const names = new Map(providers.map((p) => [p.agb, p.name]));
    const overview = overviewOf({ year: year.value, population, names, settings: settings.value, specialismNames: SPECIALISM_NAMES });
    if (!overview.ok) return overview;
    await audit(tx, deps.actor, {
      event: EVENT,
      action: 'R',
      purpose: PURPOSE,
      objectType: 'mirror-overview',
      objectId: String(year.value),
      agb: null,
      details: { year: year.value, providers: overview.value.providers.length },
    });
    return overview;
  });
}
