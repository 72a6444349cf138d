import { describe, expect, it } from 'vitest';
import { isCareProductCode, isZiNumber, ziCheckDigitValid } from '../domain/identifiers/index.js';
import { demoAddOnDrugs } from './addon-drugs.js';
import { demoCareProducts, demoDiagnosisCombinations } from './care-products.js';
import { SPECIALISMS } from './specialisms.js';
import { VT_PROJECTS } from './vocabulary.js';

const products = demoCareProducts('zorginkoop');

describe('demoCareProducts', () => {
  it('is deterministic in prices and fixed in codes and names', () => {
    expect(JSON.stringify(demoCareProducts('zorginkoop'))).toBe(JSON.stringify(products));
    const other = demoCareProducts('other');
    expect(other).not.toEqual(products);
    expect(other.map((p) => [p.code, p.name])).toEqual(products.map((p) => [p.code, p.name]));
  });

  it('has about 120 products with unique 9-digit codes', () => {
    expect(products.length).toBeGreaterThanOrEqual(110);
    expect(products.length).toBeLessThanOrEqual(140);
    expect(new Set(products.map((p) => p.code)).size).toBe(products.length);
    for (const p of products) expect(isCareProductCode(p.code)).toBe(true);
  });

  it('uses known specialisms and 3-4 digit diagnoses', () => {
    for (const p of products) {
      expect(SPECIALISMS[p.specialism]).toBe(p.specialismName);
      expect(p.diagnosis).toMatch(/^\d{3,4}$/);
    }
  });

  it('prices in integer cents, the standard price between cost and market price', () => {
    for (const p of products) {
      for (const cents of [p.costPriceCents, p.marketPriceCents, p.standardPriceCents]) {
        expect(Number.isSafeInteger(cents) && cents > 0).toBe(true);
      }
      expect(p.standardPriceCents).toBeGreaterThanOrEqual(p.costPriceCents);
      expect(p.standardPriceCents).toBeLessThanOrEqual(p.marketPriceCents);
    }
  });

  it('sets the haemodialysis standard price at cost price (MSZ §3)', () => {
    const dialysis = products.filter((p) => p.careKinds.some((k) => k.startsWith('hemodialyse')));
    expect(dialysis.map((p) => p.careKinds[0]).sort()).toEqual(['hemodialyse-centrum', 'hemodialyse-thuis']);
    for (const p of dialysis) expect(p.standardPriceCents).toBe(p.costPriceCents);
  });

  it('maps one product to each of the 18 Bijlage 4 treatments', () => {
    const items = products.map((p) => p.bijlage4Item).filter((i): i is number => i !== null);
    expect(items.sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it('has the selective products of MSZ §2 and one per conditional admission', () => {
    const ids = new Set(products.map((p) => p.selectiveId));
    for (const id of ['mr-clean-trombectomie', 'protonentherapie', 'rivm-darmkanker-coloscopie', 'wbmv-pci', 'mohs', ...Object.keys(VT_PROJECTS)]) {
      expect(ids.has(id as never), id).toBe(true);
    }
    expect([...ids].some((id) => id?.startsWith('minimumnorm:'))).toBe(true);
    expect(products.find((p) => p.selectiveId === 'protonentherapie')?.name).toBe('Protonentherapie');
  });

  it('tags expensive non-plannable transplants, obstetrics, ELV substitution and oncology', () => {
    for (const kind of ['transplantatie', 'obstetrie', 'elv-substitueerbaar', 'oncologie'] as const) {
      expect(products.some((p) => p.careKinds.includes(kind)), kind).toBe(true);
    }
  });
});

describe('demoDiagnosisCombinations', () => {
  it('pairs two different diagnoses of one specialism that occur in the catalogue', () => {
    const combinations = demoDiagnosisCombinations();
    expect(combinations.length).toBeGreaterThan(5);
    for (const c of combinations) {
      expect(c.diagnosisA).not.toBe(c.diagnosisB);
      expect(products.some((p) => p.specialism === c.specialism && p.diagnosis === c.diagnosisA)).toBe(true);
      expect(products.some((p) => p.specialism === c.specialism && p.diagnosis === c.diagnosisB)).toBe(true);
    }
  });
});

describe('demoAddOnDrugs', () => {
  const drugs = demoAddOnDrugs('zorginkoop');

  it('is deterministic and differs by seed', () => {
    expect(JSON.stringify(demoAddOnDrugs('zorginkoop'))).toBe(JSON.stringify(drugs));
    expect(demoAddOnDrugs('other')).not.toEqual(drugs);
  });

  it('has about 30 drugs with unique ZI numbers that pass the check digit', () => {
    expect(drugs.length).toBeGreaterThanOrEqual(25);
    expect(new Set(drugs.map((d) => d.ziNumber)).size).toBe(drugs.length);
    for (const d of drugs) {
      expect(isZiNumber(d.ziNumber, { checkDigit: true })).toBe(true);
      expect(ziCheckDigitValid(d.ziNumber)).toBe(true);
    }
  });

  it('prices per mg in integer cents and flags a few drugs', () => {
    for (const d of drugs) {
      expect(d.unit).toBe('mg');
      expect(Number.isSafeInteger(d.referenceTariffCents) && d.referenceTariffCents > 0).toBe(true);
    }
    expect(drugs.filter((d) => d.specialisedCentresOnly).length).toBeGreaterThanOrEqual(3);
    expect(drugs.filter((d) => d.efficiencyRequirement).length).toBeGreaterThanOrEqual(3);
    expect(drugs.map((d) => d.name)).toEqual(expect.arrayContaining(['nivolumab', 'pembrolizumab', 'infliximab', 'ocrelizumab', 'eculizumab']));
  });
});
