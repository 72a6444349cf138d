/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { expectOk } from '../errors.js';
import { parsePolicy, type Policy } from '../policy/index.js';
import type { ProviderAggregates } from './indicators.js';
import { mirrorReport } from './report.js';
import { MIRROR_SETTING_RULES, mirrorSettingsFromPolicy } from './settings.js';

const FILE = 'policies/msz-2018.yaml';
const raw = () => parse(mszYaml) as { parameters: { id: string; value: unknown }[] };
const policy = expectOk(parsePolicy(raw(), FILE));

/** The policy with one parameter set to another value (not validated again: the function is the guard). */
function withParameter(id: string, value: number | undefined): Policy {
  const parameters = policy.parameters.flatMap((p): Policy['parameters'] => (p.id !== id ? [p] : value === undefined || p.type !== 'integer' ? [] : [{ ...p, value }]));
  return { ...policy, parameters };
}

const hospital = (i: number): ProviderAggregates => ({
  agb: `peer-${i}`,
  type: 'ziekenhuis',
  claimLines: 200,
  patients: 50,
  subtrajects: 100 + i,
  followUps: 20 + i,
  creditLines: i,
  specialisms: [],
  findings: [],
});

describe('mirrorSettingsFromPolicy (decision mirror-information-minimums)', () => {
  it('reads the minimums from the parameters of the policy year', () => {
    const settings = expectOk(mirrorSettingsFromPolicy(policy));
    const expected = Object.fromEntries(
      Object.entries(MIRROR_SETTING_RULES).map(([field, rule]) => [field, policy.parameters.find((p) => p.id === rule.parameter)?.value]),
    );
    expect(settings).toEqual(expected);
    // The file documents each one with its source and the decision.
    for (const rule of Object.values(MIRROR_SETTING_RULES)) {
      expect(policy.parameters.find((p) => p.id === rule.parameter), rule.parameter).toMatchObject({ type: 'integer', source: 'ADD §8; MSZ §4A', decision: 'mirror-information-minimums' });
    }
    expect(policy.decisions.map((d) => d.id)).toContain('mirror-information-minimums');
  });

  it('another value in the policy changes who is compared and what is shown', () => {
    const own = { ...hospital(4), agb: 'own-1' };
    const population = [own, ...Array.from({ length: 6 }, (_, i) => hospital(i))];
    const shown = expectOk(mirrorReport({ year: 2018, own, population, settings: expectOk(mirrorSettingsFromPolicy(withParameter('mirror_min_peers', 5))) }));
    expect(shown.indicators.length).toBeGreaterThan(0);
    const stricter = expectOk(mirrorReport({ year: 2018, own, population, settings: expectOk(mirrorSettingsFromPolicy(withParameter('mirror_min_peers', 7))) }));
    expect(stricter.indicators).toEqual([]);
    expect(stricter.peer_group.min_peers).toBe(7);

    const fewerPatients = expectOk(mirrorReport({ year: 2018, own, population, settings: expectOk(mirrorSettingsFromPolicy(withParameter('mirror_min_patients', 60))) }));
    expect(fewerPatients.peer_group).toMatchObject({ providers: 0, min_patients: 60 });
    expect(fewerPatients.own.meets_minimum).toBe(false);
  });

  it('refuses fewer than 3 peers, naming the parameter and the policy', () => {
    const result = mirrorSettingsFromPolicy(withParameter('mirror_min_peers', 2));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'invalid_input', issues: [{ field: 'mirror_min_peers' }] });
    expect(result.error.message).toContain('msz-2018');
    expect(mirrorSettingsFromPolicy(withParameter('mirror_min_peers', 3)).ok).toBe(true);
  });

  it('the policy schema refuses such a file as well, with the path of the value', () => {
    const file = raw();
    const parameter = file.parameters.find((p) => p.id === 'mirror_min_peers')!;
    parameter.value = 2;
    const parsed = parsePolicy(file, FILE);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const index = file.parameters.indexOf(parameter);
    expect(parsed.error.issues).toEqual([expect.objectContaining({ file: FILE, path: `parameters[${index}].value`, message: expect.stringContaining('minimum 3') })]);
  });

  it('says which parameter is missing', () => {
    const result = mirrorSettingsFromPolicy(withParameter('mirror_min_specialism_patients', undefined));
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', issues: [{ field: 'mirror_min_specialism_patients' }] } });
  });
});
