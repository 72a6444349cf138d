/**
 * A provider (zorgaanbieder) as an R4 `Organization`: the AGB code as identifier (AGB-Z, and the
 * logical id), the KvK number when known, the name, the type in the product's own code system and,
 * where one fits, the Nictiz organization type (V6 algemeen ziekenhuis, V5 UMC, Z4 ZBC, V4
 * ziekenhuis for a categorical institution), and the city and province as a work address.
 */
import { AGB_SYSTEM, KVK_SYSTEM, NICTIZ_ORGANIZATION_TYPE_SYSTEM, PROVIDER_TYPE_SYSTEM } from './systems.js';
import type { Coding, Organization, Reference } from './types.js';

export type ProviderType = 'ziekenhuis' | 'umc' | 'zbc' | 'categoraal';

export interface ProviderFacts {
  agb: string;
  name: string;
  type: ProviderType;
  city: string;
  province: string | null;
  kvk: string | null;
}

const TYPE_DISPLAY: Record<ProviderType, string> = { ziekenhuis: 'Algemeen ziekenhuis', umc: 'Universitair medisch centrum', zbc: 'Zelfstandig behandelcentrum', categoraal: 'Categorale instelling' };
const NICTIZ_TYPE: Record<ProviderType, Coding> = {
  ziekenhuis: { system: NICTIZ_ORGANIZATION_TYPE_SYSTEM, code: 'V6', display: 'Algemeen ziekenhuis' },
  umc: { system: NICTIZ_ORGANIZATION_TYPE_SYSTEM, code: 'V5', display: 'Universitair Medisch Centrum' },
  zbc: { system: NICTIZ_ORGANIZATION_TYPE_SYSTEM, code: 'Z4', display: 'Zelfstandig behandelcentrum' },
  categoraal: { system: NICTIZ_ORGANIZATION_TYPE_SYSTEM, code: 'V4', display: 'Ziekenhuis' },
};

export function providerToOrganization(provider: ProviderFacts): Organization {
  return {
    resourceType: 'Organization',
    id: provider.agb,
    identifier: [{ system: AGB_SYSTEM, value: provider.agb }, ...(provider.kvk ? [{ system: KVK_SYSTEM, value: provider.kvk }] : [])],
    active: true,
    type: [{ coding: [{ system: PROVIDER_TYPE_SYSTEM, code: provider.type, display: TYPE_DISPLAY[provider.type] }, NICTIZ_TYPE[provider.type]], text: TYPE_DISPLAY[provider.type] }],
    name: provider.name,
    address: [{ use: 'work', type: 'physical', city: provider.city, ...(provider.province ? { state: provider.province } : {}), country: 'NL' }],
  };
}

/** A Reference to the provider's Organization (logical id and AGB identifier). */
export function organizationReference(provider: { agb: string; name: string }): Reference {
  return { reference: `Organization/${provider.agb}`, type: 'Organization', identifier: { system: AGB_SYSTEM, value: provider.agb }, display: provider.name };
}
