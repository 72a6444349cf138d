import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOk } from '../../domain/errors.js';
import { repoRoot } from '../../storage/paths.js';
import { loadPolicyCatalogue } from '../policies.js';
import { mszPolicyForYear } from '../purchasing/policy-for-year.js';
import { PUBLIC_GEO_ATTRIBUTION, priceFileFor } from './price-file.js';
import { buildPublishedYear, type PublishedYear } from './publication.js';

const schema = JSON.parse(readFileSync(path.join(repoRoot(), 'schemas', 'price-file.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const row = (agb: string, latitude: string | null) => ({
  agb, name: `Ziekenhuis ${agb}`, type: 'ziekenhuis' as const, city: 'Utrecht', kernregio: false, insurer: 'zk' as const, zk_revenue_cents: 2_000_000_000,
  budget_policy_selected: agb.endsWith('1'), specialisms: [], licences: [], programmes: [], minimum_norms: [], latitude, longitude: latitude === null ? null : '5.12222',
  updated_at: new Date('2017-09-01T10:00:00Z'),
});
const agreed = (agb: string) => ({ agb, price_volume: 'agreed' as const, kernregio_conditions: 'open' as const, multi_year_content: null, new_provider: false });

let published: PublishedYear;
beforeAll(async () => {
  const msz = expectOk(mszPolicyForYear(expectOk(await loadPolicyCatalogue()), 2018));
  published = expectOk(
    buildPublishedYear(msz, 2018, {
      providers: [row('06000001', '52.09083'), row('06000002', null), row('06000003', '52.1')],
      negotiations: [agreed('06000001'), agreed('06000002'), agreed('06000003')],
      inputs: [{ agb: '06000003', provider_surcharge_share: '0.0200', provider_surcharge_evidence: 'casemix', academic_share: null }],
      catalogue: [
        { code: '001051101', name: 'Staaroperatie', specialism: '0301', category: 'algemeen', selective_id: null, price_cents: 125_000 },
        { code: '001099101', name: 'Protonentherapie', specialism: '0301', category: 'topreferent', selective_id: 'protonentherapie', price_cents: 2_000_000 },
      ],
    }),
  );
});

describe('the open price file', () => {
  it('validates against schemas/price-file.schema.json (ajv, strict)', () => {
    const file = priceFileFor(published);
    expect(validate(file.document), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.parse(file.body)).toEqual(file.document);
    expect(file.fileName).toBe('prijsbestand-2018.json');
  });

  it('lists each provider once and groups providers with the same price; products nobody may deliver are left out', () => {
    const doc = priceFileFor(published).document;
    expect(doc.provider_references.map((r) => [r.provider_group_id, r.providers[0]?.agb])).toEqual([
      [1, '06000001'],
      [2, '06000002'],
      [3, '06000003'],
    ]);
    expect(doc.in_network).toHaveLength(1);
    expect(doc.in_network[0]).toMatchObject({ billing_code_type: 'DBC-zorgproduct', billing_code: '001051101', billing_code_type_version: '2018' });
    expect(doc.in_network[0]?.negotiated_rates).toEqual([
      { provider_references: [1, 2], negotiated_prices: [{ negotiated_type: 'negotiated', negotiated_rate_cents: 125_000, expiration_date: '2018-12-31', billing_class: 'institutional' }] },
      { provider_references: [3], negotiated_prices: [{ negotiated_type: 'negotiated', negotiated_rate_cents: 127_500, expiration_date: '2018-12-31', billing_class: 'institutional' }] },
    ]);
    expect(doc).toMatchObject({ year: 2018, published_on: '2017-11-12', last_updated_on: '2017-11-12', attribution: PUBLIC_GEO_ATTRIBUTION, reporting_entity_name: 'Zilveren Kruis' });
  });

  it('versions the content: the same data gives the same version, other data another', () => {
    const a = priceFileFor(published).document.version;
    const copy = { ...published, providers: published.providers.slice(0, 2) };
    expect(priceFileFor({ ...published }).document.version).toBe(a);
    expect(priceFileFor(copy).document.version).not.toBe(a);
  });

  it('refuses a document that breaks the schema (the schema can fail)', () => {
    const doc = structuredClone(priceFileFor(published).document) as unknown as { in_network: { negotiated_rates: { negotiated_prices: { negotiated_rate_cents: number }[] }[] }[]; extra?: boolean };
    doc.in_network[0]!.negotiated_rates[0]!.negotiated_prices[0]!.negotiated_rate_cents = 12.5;
    expect(validate(doc)).toBe(false);
    expect(validate({ ...priceFileFor(published).document, extra: true })).toBe(false);
  });
});
