/**
 * Use cases: the purchasing documents users expect — the proposal letter (PDF), the price list
 * (Excel, CSV), the settlement statement (PDF, JSON) and the Fig. 1 chart (SVG). They render what
 * the proposal and settlement use cases computed, so a document never disagrees with the API.
 */
import { ok, type Result } from '../../domain/errors.js';
import {
  paymentCurveSvg,
  priceListCsv,
  priceListXlsx,
  proposalLetterPdf,
  settlementJson,
  settlementPdf,
  type SettlementStatement,
} from '../../documents/index.js';
import { proposalFor } from './proposal.js';
import type { PurchasingDeps } from './provider-year.js';
import { settlementFor } from './settlement.js';

/** The calendar date in the Netherlands, for the date printed on a document. */
export function documentDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export async function proposalLetter(deps: PurchasingDeps, agb: string, year: unknown, now: Date): Promise<Result<Buffer>> {
  const proposal = await proposalFor(deps, agb, year);
  if (!proposal.ok) return proposal;
  const p = proposal.value;
  const respondBy = p.decision.path === 'digital' ? null : `${p.year - 1}-09-01`;
  return ok(await proposalLetterPdf({ date: documentDate(now), respondBy, provider: p.provider, policy: p.policy, year: p.year, decision: p.decision, financial: p.financial, volume: p.volume, price: p.price }));
}

export async function priceList(deps: PurchasingDeps, agb: string, year: unknown, now: Date, format: 'xlsx' | 'csv'): Promise<Result<Buffer>> {
  const proposal = await proposalFor(deps, agb, year);
  if (!proposal.ok) return proposal;
  const p = proposal.value;
  const model = { date: documentDate(now), provider: p.provider, year: p.year, policy: p.policy, price: p.price };
  return ok(format === 'xlsx' ? await priceListXlsx(model) : Buffer.from(priceListCsv(model), 'utf8'));
}

async function statementModel(deps: PurchasingDeps, agb: string, year: unknown, now: Date) {
  const view = await settlementFor(deps, agb, year);
  if (!view.ok) return view;
  const v = view.value;
  return ok({ date: documentDate(now), provider: v.provider, year: v.year, policy: v.policy, decision: { type: v.decision.type, title: v.decision.title }, settlement: v.settlement, curve: v.curve });
}

export async function settlementStatement(deps: PurchasingDeps, agb: string, year: unknown, now: Date): Promise<Result<SettlementStatement>> {
  const model = await statementModel(deps, agb, year, now);
  return model.ok ? ok(settlementJson(model.value)) : model;
}

export async function settlementStatementPdf(deps: PurchasingDeps, agb: string, year: unknown, now: Date): Promise<Result<Buffer>> {
  const model = await statementModel(deps, agb, year, now);
  return model.ok ? ok(await settlementPdf(model.value)) : model;
}

export async function paymentCurveChart(deps: PurchasingDeps, agb: string, year: unknown): Promise<Result<string>> {
  const view = await settlementFor(deps, agb, year);
  if (!view.ok) return view;
  const s = view.value.settlement;
  return ok(paymentCurveSvg({ type: s.type, target_cents: s.target_cents, realised_cents: s.realised_cents, payable_cents: s.payable_cents, excluded_cents: s.excluded_cents, curve: view.value.curve }));
}
