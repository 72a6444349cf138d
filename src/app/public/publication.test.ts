import { beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../../domain/errors.js';
import type { MszPolicy } from '../../domain/policy/index.js';
import type { PublicationProductRow, PublicationProviderRow } from '../../storage/repositories/public.js';
import { loadPolicyCatalogue } from '../policies.js';
import { mszPolicyForYear } from '../purchasing/policy-for-year.js';
import { amsterdamDate, buildPublishedYear, insurerArrangements, isContracted, isPublic, publicationDate, type PublicationRows } from './publication.js';

let msz: MszPolicy;
beforeAll(async () => {
  msz = expectOk(mszPolicyForYear(expectOk(await loadPolicyCatalogue()), 2018));
});

function providerRow(agb: string, over: Partial<PublicationProviderRow> = {}): PublicationProviderRow {
  return {
    agb, name: `Ziekenhuis ${agb}`, type: 'ziekenhuis', city: 'Utrecht', kernregio: false, insurer: 'zk', zk_revenue_cents: 2_000_000_000,
    budget_policy_selected: false, specialisms: [], licences: [], programmes: [], minimum_norms: [], latitude: '52.09083', longitude: '5.12222',
    updated_at: new Date('2017-09-01T10:00:00Z'), ...over,
  };
}
const product = (code: string, over: Partial<PublicationProductRow> = {}): PublicationProductRow => ({ code, name: `Product ${code}`, specialism: '0301', category: 'algemeen', selective_id: null, price_cents: 100_000, ...over });
const agreed = (agb: string, over: Partial<PublicationRows['negotiations'][number]> = {}) => ({ agb, price_volume: 'agreed' as const, kernregio_conditions: 'open' as const, multi_year_content: null, new_provider: false, ...over });

describe('the publication date (MSZ §5: contracted providers public from 12 November)', () => {
  it('is the policy calendar event for its own year, moved by whole years for later years', () => {
    expect(publicationDate(msz, 2018)).toEqual({ ok: true, value: '2017-11-12' });
    expect(publicationDate(msz, 2020)).toEqual({ ok: true, value: '2019-11-12' });
  });

  it('counts the Dutch calendar day of the clock, inclusive', () => {
    expect(amsterdamDate(new Date('2017-11-11T22:59:59Z'))).toBe('2017-11-11');
    expect(amsterdamDate(new Date('2017-11-11T23:00:00Z'))).toBe('2017-11-12'); // CET = UTC+1
    expect(amsterdamDate(new Date('2018-07-01T22:30:00Z'))).toBe('2018-07-02'); // CEST = UTC+2
    expect(isPublic({ publishedOn: '2017-11-12' }, '2017-11-11')).toBe(false);
    expect(isPublic({ publishedOn: '2017-11-12' }, '2017-11-12')).toBe(true);
  });
});

describe('contracted providers and their prices', () => {
  it('counts only a final decision that is an agreement', () => {
    expect(isContracted({ type: 'plafond', status: 'final' })).toBe(true);
    expect(isContracted({ type: 'transitie', status: 'provisional' })).toBe(false);
    expect(isContracted({ type: 'none', status: 'final' })).toBe(false);
  });

  it('publishes agreed providers, not open or rejected ones, with the insurer and the budget-policy marker', () => {
    const published = expectOk(
      buildPublishedYear(msz, 2018, {
        providers: [providerRow('06000001', { budget_policy_selected: true }), providerRow('06000002'), providerRow('06000003'), providerRow('06000004', { insurer: 'de-friesland', city: 'Leeuwarden' })],
        negotiations: [agreed('06000001'), agreed('06000002', { price_volume: 'open' }), agreed('06000003', { price_volume: 'rejected' }), agreed('06000004')],
        inputs: [],
        catalogue: [product('001051101')],
      }),
    );
    expect(published.publishedOn).toBe('2017-11-12');
    expect(published.providers.map((p) => [p.agb, p.insurer, p.budget_policy])).toEqual([
      ['06000001', 'zk', true],
      ['06000004', 'de-friesland', false],
    ]);
    expect(published.productsByCode.get('001051101')?.offers.map((o) => [o.provider.agb, o.priceCents])).toEqual([
      ['06000001', 100_000],
      ['06000004', 100_000],
    ]);
  });

  it('prices as the proposal does: surcharge with evidence, UMC surcharge by care category', () => {
    const published = expectOk(
      buildPublishedYear(msz, 2018, {
        providers: [providerRow('06000001'), providerRow('06000002', { type: 'umc' })],
        negotiations: [agreed('06000001'), agreed('06000002')],
        inputs: [
          { agb: '06000001', provider_surcharge_share: '0.0300', provider_surcharge_evidence: 'casemix', academic_share: null },
          { agb: '06000002', provider_surcharge_share: null, provider_surcharge_evidence: null, academic_share: '0.5000' },
        ],
        catalogue: [product('001051101'), product('001051102', { category: 'topreferent', price_cents: 100_001 })],
      }),
    );
    const prices = (code: string) => published.productsByCode.get(code)?.offers.map((o) => o.priceCents);
    expect(prices('001051101')).toEqual([103_000, 100_000]); // 3% surcharge; UMC algemeen 0.5 × 0.00
    expect(prices('001051102')).toEqual([103_001, 110_001]); // 100,001 × 1.03 = 103,001.03; × (1 + 0.5 × 0.20)
  });

  it('publishes a price only for products the provider may deliver (specialisms, selective purchasing)', () => {
    const published = expectOk(
      buildPublishedYear(msz, 2018, {
        providers: [providerRow('06000001', { specialisms: ['0301'] }), providerRow('06000002', { specialisms: ['0301'], licences: ['wbmv-protonentherapie'] })],
        negotiations: [agreed('06000001'), agreed('06000002')],
        inputs: [],
        catalogue: [product('001051101'), product('002013101', { specialism: '0302' }), product('001099101', { selective_id: 'protonentherapie' })],
      }),
    );
    const agbs = (code: string) => published.productsByCode.get(code)?.offers.map((o) => o.provider.agb);
    expect(agbs('001051101')).toEqual(['06000001', '06000002']);
    expect(agbs('002013101')).toEqual([]);
    expect(agbs('001099101')).toEqual(['06000002']);
  });

  it('records who purchases where for whom (MSZ §1)', () => {
    expect(insurerArrangements(msz)).toEqual([
      { id: 'zk', name: 'Zilveren Kruis', purchases_in: 'outside-friesland', for_customers_of: ['zk', 'de-friesland'], source: 'MSZ §1' },
      { id: 'de-friesland', name: 'De Friesland Zorgverzekeraar', purchases_in: 'friesland', for_customers_of: ['de-friesland', 'zk'], source: 'MSZ §1' },
    ]);
  });
});
