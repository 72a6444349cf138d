/**
 * Use cases: the negotiation state of a provider in a year — the facts the agreement decision rests
 * on (MSZ §2): agreement on price and volume, on the kernregio conditions, on the multi-year content,
 * and whether the provider is new. Only purchasers change it; every change is audited.
 */
import type { Actor } from '../../domain/auth/actor.js';
import { providerAccess } from '../access.js';
import { fail, ok, type Result } from '../../domain/errors.js';
import { parseAgb } from '../../domain/identifiers/index.js';
import { audit } from '../../storage/audit.js';
import { withActor, type Queryable } from '../../storage/context.js';
import type { Database } from '../../storage/database.js';
import { findProvider } from '../../storage/repositories/providers.js';
import type { NegotiationFact } from '../../storage/schema.js';

export interface NegotiationState {
  agb: string;
  year: number;
  price_volume: NegotiationFact;
  kernregio_conditions: NegotiationFact;
  multi_year_content: NegotiationFact | null;
  new_provider: boolean;
}

export interface NegotiationChange {
  priceVolume?: NegotiationFact;
  kernregioConditions?: NegotiationFact;
  multiYearContent?: NegotiationFact | null;
  newProvider?: boolean;
}

const FACTS = ['agreed', 'rejected', 'open'] as const;

export function parseYear(value: unknown, field = 'year'): Result<number> {
  const year = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return fail('invalid_input', `Jaar moet een jaartal tussen 2000 en 2100 zijn (gekregen: '${String(value)}').`, [{ field, message: 'Ongeldig jaar.' }]);
  return ok(year);
}

export function parseFact(value: string | undefined, field: string): Result<NegotiationFact | undefined> {
  if (value === undefined) return ok(undefined);
  return (FACTS as readonly string[]).includes(value)
    ? ok(value as NegotiationFact)
    : fail('invalid_input', `${field} moet agreed, rejected of open zijn (gekregen: '${value}').`, [{ field, message: 'Onbekende waarde.' }]);
}

export async function readNegotiation(q: Queryable, agb: string, year: number): Promise<NegotiationState> {
  const row = await q.selectFrom('negotiations').selectAll().where('agb', '=', agb).where('year', '=', year).executeTakeFirst();
  return row
    ? { agb, year, price_volume: row.price_volume, kernregio_conditions: row.kernregio_conditions, multi_year_content: row.multi_year_content, new_provider: row.new_provider }
    : { agb, year, price_volume: 'open', kernregio_conditions: 'open', multi_year_content: null, new_provider: false };
}

export async function getNegotiation(deps: { db: Database; actor: Actor }, agbInput: string, yearInput: unknown): Promise<Result<NegotiationState>> {
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  const agb = await providerAccess(deps, agbInput, 'negotiation.read');
  if (!agb.ok) return agb;
  return withActor(deps.db, deps.actor, async (tx) => {
    if (!(await findProvider(tx, agb.value))) return fail('not_found', `Zorgaanbieder ${agb.value} niet gevonden.`);
    return ok(await readNegotiation(tx, agb.value, year.value));
  });
}

export async function setNegotiation(deps: { db: Database; actor: Actor }, agbInput: string, yearInput: unknown, change: NegotiationChange): Promise<Result<NegotiationState>> {
  if (deps.actor.role !== 'purchaser' && deps.actor.role !== 'system') return fail('forbidden', 'Alleen zorginkopers leggen de onderhandelingsstand vast.');
  const agb = parseAgb(agbInput, 'agb');
  if (!agb.ok) return agb;
  const year = parseYear(yearInput);
  if (!year.ok) return year;
  return withActor(deps.db, deps.actor, async (tx) => {
    if (!(await findProvider(tx, agb.value))) return fail('not_found', `Zorgaanbieder ${agb.value} niet gevonden.`, [{ field: 'provider', message: 'Onbekende AGB-code.' }]);
    const before = await readNegotiation(tx, agb.value, year.value);
    const after: NegotiationState = {
      ...before,
      ...(change.priceVolume !== undefined ? { price_volume: change.priceVolume } : {}),
      ...(change.kernregioConditions !== undefined ? { kernregio_conditions: change.kernregioConditions } : {}),
      ...(change.multiYearContent !== undefined ? { multi_year_content: change.multiYearContent } : {}),
      ...(change.newProvider !== undefined ? { new_provider: change.newProvider } : {}),
    };
    const values = { price_volume: after.price_volume, kernregio_conditions: after.kernregio_conditions, multi_year_content: after.multi_year_content, new_provider: after.new_provider };
    await tx
      .insertInto('negotiations')
      .values({ agb: agb.value, year: year.value, ...values })
      .onConflict((oc) => oc.columns(['agb', 'year']).doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    await audit(tx, deps.actor, {
      event: 'negotiation.set',
      action: 'U',
      purpose: 'zorginkoop',
      objectType: 'negotiation',
      objectId: `${agb.value}/${year.value}`,
      agb: agb.value,
      details: { before: { ...before }, after: { ...after } },
    });
    return ok(after);
  });
}
