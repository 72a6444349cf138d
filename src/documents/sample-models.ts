/**
 * Small literal view models for the document tests and previews, typed by the domain types and
 * taken from the worked examples of the domain tests (volume 198.400,00 × price index 1.0200 =
 * richtpunt 202.368,00; settlement T 10 mln, R 9 mln, u 0.5 pays 9,5 mln). No database, no policy file.
 */
import type { AgreementDecision } from '../domain/agreement/decide.js';
import type { ExplainedLine } from '../domain/explain.js';
import type { PriceProposal } from '../domain/pricing/price-proposal.js';
import type { FinancialProposal } from '../domain/proposal/financial-proposal.js';
import type { Settlement } from '../domain/settlement/settle.js';
import type { VolumeProposal } from '../domain/volume/volume-proposal.js';
import type { PriceListModel } from './price-list.js';
import type { ProposalLetterModel } from './proposal-letter.js';
import type { SettlementStatementModel } from './settlement-statement.js';

export const sampleProvider = { agb: '06010001', name: 'Ziekenhuis De Vaart', city: 'ZWOLLE' };
export const samplePolicy = { id: 'msz-2018', title: 'Inkoopbeleid medisch-specialistische zorg 2018' };

export const sampleDecision: AgreementDecision = {
  type: 'transitie', years: 3, path: 'regular', status: 'final', agreement_type_id: 'transitie-3',
  title: 'Transitieafspraak voor 3 jaar met aanbieders in onze kernregio’s met een Zilveren Kruisomzet >10 mln',
  settlement: 'transition', partial_purchase_possible: false,
  reasons: [
    { rule: 'agreement.revenue-threshold', source: 'MSZ §2', inputs: { zk_revenue_cents: 2_500_000_000, threshold_cents: 1_000_000_000 }, message: 'Zilveren Kruisomzet € 25.000.000,00 ligt boven de drempel van € 10.000.000,00.' },
    { rule: 'agreement.kernregio', source: 'MSZ §2 voetnoot 1', inputs: { kernregio: true }, message: 'De aanbieder ligt in een kernregio.' },
    { rule: 'agreement.transitie-3', source: 'MSZ §2', inputs: { agreement_type_id: 'transitie-3', rank: 1 }, message: 'Transitieafspraak voor 3 jaar (rang 1, eerste passende afspraaksoort): alle voorwaarden zijn akkoord.' },
  ],
};

const volumeLine = (id: string, label: string, amount: number, source: string, message: string): ExplainedLine => ({
  id, label, amount_cents: amount, rule: `volume.${id.split('.')[0] ?? id}`, source, inputs: { amount_cents: amount }, message,
});

export const sampleVolume: VolumeProposal = {
  provider_agb: '06010001', base_year: 2017, base_cents: 23_300_000, total_cents: 19_840_000,
  lines: [
    volumeLine('base', 'Basis: ingeschatte realisatie 2017', 23_300_000, 'MSZ §4', 'Door Zilveren Kruis ingeschatte realisatie 2017 van de aanbieder.'),
    volumeLine('A1', 'Het niet betalen van zorg die niet rechtmatig is', -400_000, 'MSZ §4A', 'Onrechtmatige zorg volgens de vastgelegde analyse.'),
    volumeLine('A2.6', 'Stand van Wetenschap en Praktijk: Bijlage 4 item 6', -3_300_000, 'MSZ §4A; MSZ Bijlage 4 item 6', 'Artrodese bij lage rugklachten voldoet niet (altijd) aan de stand van Wetenschap en Praktijk.'),
    volumeLine('B1', 'Demografische ontwikkeling', 240_000, 'MSZ §4B', 'Demografische ontwikkeling: 0.012 × € 200.000,00 niet-oncologische zorg.'),
  ],
  flags: [{
    id: 'explanation-required', message: 'Gerealiseerd aandeel hemodialyse thuis 8% ligt onder het minimum van 10%; wij vragen de aanbieder om een verklaring.',
    reason: { rule: 'volume.B3', source: 'MSZ §4B', inputs: { home_share: '0.08', minimum_share: '0.1' }, message: 'Aandeel hemodialyse thuis onder het minimum.' },
  }],
  reasons: [{ rule: 'volume.proposal', source: 'MSZ §4', inputs: { base_cents: 23_300_000, total_cents: 19_840_000 }, message: 'Volumevoorstel: basis € 233.000,00, na correcties A en B € 198.400,00.' }],
};

export const samplePrice: PriceProposal = {
  provider_agb: '06010001', price_index: '1.0200', price_index_method: 'unweighted',
  lines: [
    { product_code: '030151101', name: 'Staaroperatie; dagbehandeling', category: 'algemeen', standard_price_cents: 135_000, surcharge_share: '0.02', price_cents: 137_700, reasons: [{ rule: 'price.line', source: 'MSZ §3', inputs: { product_code: '030151101' }, message: 'Prijs = standaardprijs × 1.02.' }] },
    { product_code: '005140201', name: 'Artrodese lage rug', category: 'complex', standard_price_cents: 12_103, surcharge_share: '0.02', price_cents: 12_345, reasons: [{ rule: 'price.line', source: 'MSZ §3', inputs: { product_code: '005140201' }, message: 'Prijs = standaardprijs × 1.02.' }] },
  ],
  reasons: [
    { rule: 'price.provider-surcharge', source: 'MSZ §3', inputs: { share: '0.02' }, message: 'Aanbiedersopslag van 2% op alle producten, onderbouwd met: complexe casemix.' },
    { rule: 'price.index', source: 'MSZ §3; MSZ §1', inputs: { price_index: '1.0200' }, message: 'Prijsniveau 1.0200 ten opzichte van de standaardprijzen (Σ prijs / Σ standaardprijs).' },
  ],
};

export const sampleFinancial: FinancialProposal = {
  provider_agb: '06010001', amount_kind: 'richtpunt', amount_cents: 20_236_800, years: [2018, 2019, 2020], price_index: '1.0200',
  lines: [
    { ...volumeLine('base', 'Basis: ingeschatte realisatie 2017', 23_766_000, 'MSZ §4', 'Geprijsd met prijsindex 1.0200.') },
    { ...volumeLine('A1', 'Het niet betalen van zorg die niet rechtmatig is', -408_000, 'MSZ §4A', 'Geprijsd met prijsindex 1.0200.') },
    { ...volumeLine('A2.6', 'Stand van Wetenschap en Praktijk: Bijlage 4 item 6', -3_366_000, 'MSZ §4A; MSZ Bijlage 4 item 6', 'Geprijsd met prijsindex 1.0200.') },
    { ...volumeLine('B1', 'Demografische ontwikkeling', 244_800, 'MSZ §4B', 'Geprijsd met prijsindex 1.0200.') },
  ],
  reasons: [{ rule: 'proposal.richtpunt', source: 'MSZ §2; MSZ §4', inputs: { amount_cents: 20_236_800 }, message: 'Richtpunt voor 2018, 2019, 2020: volume € 198.400,00 × prijsindex 1.0200 = € 202.368,00 per jaar.' }],
};

export const sampleLetterModel: ProposalLetterModel = {
  date: '2018-03-15', respondBy: '2018-04-30', provider: sampleProvider, policy: samplePolicy, year: 2018,
  decision: sampleDecision, financial: sampleFinancial, volume: sampleVolume, price: samplePrice,
};

export const samplePriceListModel: PriceListModel = { date: '2018-03-15', provider: sampleProvider, year: 2018, policy: samplePolicy, price: samplePrice };

const M = 100_000_000; // € 1 mln in cents
const settlementSource = { rule: 'settlement.transition.below', source: 'MSZ §2; MSZ §4' };
const fact = (id: string, label: string, amount: number, message: string): ExplainedLine => ({ id, label, amount_cents: amount, rule: 'settlement.transition', source: 'MSZ §2; MSZ §4', inputs: { target_cents: 10 * M, realised_cents: 9 * M, excluded_cents: 0 }, message });

export const sampleSettlement: Settlement = {
  type: 'transitie', target_cents: 10 * M, realised_cents: 9 * M, excluded_cents: 0, payable_cents: 950_000_000, difference_cents: 50_000_000,
  lines: [
    { ...settlementSource, id: 'realised-within', label: 'Gerealiseerd binnen het richtpunt', amount_cents: 9 * M, inputs: { realised_cents: 9 * M, excluded_cents: 0, target_cents: 10 * M }, message: 'Gerealiseerd binnen de afspraak: € 9.000.000,00.' },
    { ...settlementSource, id: 'shortfall-compensation', label: 'Compensatie vaste lasten (deel van het tekort)', amount_cents: 50_000_000, inputs: { shortfall_cents: 1 * M, share: '0.5', rounding: 'half-up' }, message: '0.5 × tekort € 1.000.000,00 (richtpunt € 10.000.000,00 − € 9.000.000,00).' },
  ],
  facts: [
    fact('target', 'Richtpunt', 10 * M, 'Richtpunt € 10.000.000,00.'),
    fact('realised', 'Gerealiseerd (totaal)', 9 * M, 'Gerealiseerde omzet € 9.000.000,00, inclusief uitgezonderde zorg.'),
    fact('shortfall', 'Tekort onder het richtpunt', 1 * M, '€ 1.000.000,00 onder het richtpunt.'),
    fact('difference', 'Verschil (te betalen − gerealiseerd)', 50_000_000, 'Te betalen € 9.500.000,00 − gerealiseerd € 9.000.000,00 = € 500.000,00.'),
  ],
  reasons: [
    { ...settlementSource, inputs: { target_cents: 10 * M, realised_cents: 9 * M, under_share: '0.5' }, message: 'Transitieafspraak, onder het richtpunt: W + u × (T − W) met u = 0.5. Compensatie voor uw vaste lasten.' },
    { rule: 'settlement.rounding', source: 'MSZ §3; MSZ §4', inputs: { rounding_rule: 'half-up' }, message: 'Elk berekend bedrag wordt één keer op hele centen afgerond (half-up).' },
  ],
};

export const sampleSettlementModel: SettlementStatementModel = {
  date: '2019-06-28', provider: sampleProvider, year: 2018, policy: samplePolicy,
  decision: { type: 'transitie', title: sampleDecision.title },
  settlement: sampleSettlement,
  // u = 0.5 below, m = 0.7 above the richtpunt.
  curve: [[0, 5 * M], [5 * M, 7.5 * M], [10 * M, 10 * M], [15 * M, 13.5 * M]].map(([realised = 0, payable = 0]) => ({ realised_cents: realised, payable_cents: payable })),
};
