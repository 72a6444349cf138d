/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import mszYaml from '../../../policies/msz-2018.yaml?raw';
import { selectiveViolation } from '../claims/checks/selective.js';
import type { CheckReference } from '../claims/types.js';
import { expectOk } from '../errors.js';
import { parsePolicy, type MszPolicy } from '../policy/index.js';
import type { StoredAnswer } from './questionnaire.js';
import { selectionStatus, type SelectionProvider } from './selection.js';

function loadMsz(): MszPolicy {
  const policy = expectOk(parsePolicy(parse(mszYaml), 'policies/msz-2018.yaml'));
  if (policy.kind !== 'msz') throw new Error('verwacht een MSZ-beleid');
  return policy;
}
const policy = loadMsz();
const row = (id: string) => policy.minimum_norms.treatments.findIndex((t) => t.id === id) + 1;
const norm = (id: string, answer: StoredAnswer['answer']): StoredAnswer => ({ kind: 'minimum-norm', number: row(id), answer });

const provider: SelectionProvider = {
  agb: '06010001',
  licences: ['wbmv-pci', 'mohs'],
  programmes: ['rivm-darmkanker', 'vt-7'],
  minimumNorms: ['mammacarcinoom', 'colorectaal', 'longcarcinoom'],
};

describe('selectionStatus: minimum norms per Bijlage 2 treatment', () => {
  it('a declaration decides; without any answer the recorded fact stands', () => {
    const s = selectionStatus(policy, provider, [norm('mammacarcinoom', 'no'), norm('maagcarcinoom', 'yes')]);
    const t = (id: string) => s.treatments.find((x) => x.id === id)!;
    expect(t('mammacarcinoom')).toMatchObject({ selected: false, determined_by: 'answers' });
    expect(t('maagcarcinoom')).toMatchObject({ selected: true, determined_by: 'answers' });
    expect(t('longcarcinoom')).toMatchObject({ selected: true, determined_by: 'recorded' });
    expect(t('blaaskanker')).toMatchObject({ selected: false, determined_by: 'recorded' });
    expect(t('uveamelanoom')).toMatchObject({ selected: true, determined_by: 'no-norm', number: null });
    for (const x of s.treatments) expect(x.reasons.length).toBeGreaterThan(0);
    // 'colorectaal' is not a treatment id of the policy: kept as it is.
    expect(s.minimum_norms).toEqual(['colorectaal', 'longcarcinoom', 'maagcarcinoom']);
    expect(s.changes.minimum_norms).toEqual({ added: ['maagcarcinoom'], removed: ['mammacarcinoom'] });
  });

  it('PCI and ICD need the WBMV licence and the NVVC white list (item 7); THI the TAVI licence', () => {
    const s = selectionStatus(policy, provider, [{ kind: 'general', number: 7, answer: 'yes' }, norm('thi', 'yes')]);
    const t = (id: string) => s.treatments.find((x) => x.id === id)!;
    expect(t('pci')).toMatchObject({ selected: true, determined_by: 'answers' }); // item 7 stands in for the declaration
    expect(t('icd')).toMatchObject({ selected: false }); // no wbmv-icd licence
    expect(t('icd').reasons.map((r) => r.rule)).toContain('selection.minimum-norm.licence');
    expect(t('thi')).toMatchObject({ selected: false });
    expect(s.programmes).toContain('nvvc-witte-lijst');

    const offList = selectionStatus(policy, provider, [{ kind: 'general', number: 7, answer: 'no' }, norm('pci', 'yes')]);
    const pci = offList.treatments.find((x) => x.id === 'pci')!;
    expect(pci.selected).toBe(false);
    expect(pci.reasons.map((r) => r.rule)).toContain('selection.minimum-norm.general-condition');
    expect(offList.programmes).not.toContain('nvvc-witte-lijst');
  });

  it('reads the prerequisites from the policy (minimum_norms.prerequisites), each with its source', () => {
    const prerequisites = policy.minimum_norms.prerequisites ?? [];
    expect(prerequisites.map((p) => [p.treatment, p.licence, p.general_item])).toEqual([
      ['pci', 'wbmv-pci', 7],
      ['icd', 'wbmv-icd', 7],
      ['thi', 'wbmv-tavi', 8],
      ['radiotherapie-algemeen', 'wbmv-radiotherapie', undefined],
    ]);
    const noLicence = selectionStatus(policy, provider, [norm('icd', 'yes')]).treatments.find((x) => x.id === 'icd')!;
    expect(noLicence.reasons.find((r) => r.rule === 'selection.minimum-norm.licence')?.source).toBe(prerequisites[1]?.source);

    // Another licence in the policy changes the outcome: with ICD needing the licence the provider holds, it is selected.
    const relaxed: MszPolicy = {
      ...policy,
      minimum_norms: { ...policy.minimum_norms, prerequisites: prerequisites.map((p) => (p.treatment === 'icd' ? { ...p, licence: 'wbmv-pci' } : p)) },
    };
    expect(selectionStatus(relaxed, provider, [norm('icd', 'yes')]).treatments.find((x) => x.id === 'icd')).toMatchObject({ selected: true, determined_by: 'answers' });
    // Without a general item for PCI, the white-list answer no longer stands in for the declaration.
    const noItem: MszPolicy = { ...policy, minimum_norms: { ...policy.minimum_norms, prerequisites: prerequisites.map((p) => (p.treatment === 'pci' ? { ...p, general_item: undefined } : p)) } };
    expect(selectionStatus(noItem, provider, [{ kind: 'general', number: 7, answer: 'yes' }]).treatments.find((x) => x.id === 'pci')).toMatchObject({ determined_by: 'recorded', selected: false });
  });

  it('the programme of a Bijlage 1 item comes from the policy (item 7: the NVVC white list)', () => {
    expect(policy.quality.general_conditions.items.filter((i) => i.programme).map((i) => [i.number, i.programme])).toEqual([[7, 'nvvc-witte-lijst']]);
    const items = policy.quality.general_conditions.items.map((i) => (i.number === 7 ? { ...i, programme: 'witte-lijst-test' } : i));
    const renamed: MszPolicy = { ...policy, quality: { ...policy.quality, general_conditions: { ...policy.quality.general_conditions, items } } };
    const s = selectionStatus(renamed, provider, [{ kind: 'general', number: 7, answer: 'yes' }]);
    expect(s.programmes).toContain('witte-lijst-test');
    expect(s.programmes).not.toContain('nvvc-witte-lijst');
  });

  it('a provider with no answers keeps exactly what is recorded', () => {
    const s = selectionStatus(policy, provider, []);
    expect(s.minimum_norms).toEqual(provider.minimumNorms);
    expect(s.programmes).toEqual(provider.programmes);
    expect(s.changes).toEqual({ minimum_norms: { added: [], removed: [] }, programmes: { added: [], removed: [] } });
  });
});

describe('selectionStatus: selective purchasing (MSZ §2)', () => {
  const s = selectionStatus(policy, provider, []);
  const entry = (id: string) => s.selective_purchasing.find((x) => x.id === id)!;

  it('has one status with a reason per entry of the policy', () => {
    expect(s.selective_purchasing.map((x) => x.id)).toEqual(policy.selective_purchasing.map((x) => x.id));
    for (const x of s.selective_purchasing) expect(x.reason.message.length).toBeGreaterThan(10);
  });

  it('reads licences and programmes by the claim checks’ vocabulary', () => {
    expect(entry('wbmv')).toMatchObject({ selected: true, holds: ['wbmv-pci'] });
    expect(entry('mohs')).toMatchObject({ selected: true, holds: ['mohs'] });
    expect(entry('bevolkingsonderzoek-darmkanker')).toMatchObject({ selective: true, selected: true, holds: ['rivm-darmkanker'] });
    expect(entry('intra-arteriele-trombectomie')).toMatchObject({ selected: false, holds: [] });
    expect(entry('protonentherapie')).toMatchObject({ selected: false });
    expect(entry('voorwaardelijke-toelating')).toMatchObject({ selected: true, holds: ['vt-7'] });
    expect(entry('minimumnormen')).toMatchObject({ selected: true, holds: ['mammacarcinoom', 'longcarcinoom'] });
  });

  it('prostate surgery is not selective before 2019 (decision prostate-selection-timing)', () => {
    expect(entry('prostaatkankeroperaties')).toMatchObject({ selective: false, selected: true });
  });
});

describe('the status feeds the claim checks', () => {
  it('a treatment deselected by the answers is flagged by the selective check, a selected one passes', () => {
    const s = selectionStatus(policy, provider, [norm('mammacarcinoom', 'no'), norm('maagcarcinoom', 'yes')]);
    const reference = (minimumNorms: readonly string[]): CheckReference => ({
      products: new Map([
        ['000000001', { bijlage4Item: null, selectiveId: 'minimumnorm:mammacarcinoom', careKinds: [] }],
        ['000000002', { bijlage4Item: null, selectiveId: 'minimumnorm:maagcarcinoom', careKinds: [] }],
      ]),
      providers: new Map([[provider.agb, { type: 'ziekenhuis', licences: provider.licences, programmes: s.programmes, minimumNorms, certificates: [] }]]),
      drugs: new Map(),
      specialisedCentres: new Set(),
      diagnosisCombinations: [],
      ceilings: new Map(),
    });
    expect(selectiveViolation(reference(provider.minimumNorms), provider.agb, '000000001')).toBeNull();
    expect(selectiveViolation(reference(s.minimum_norms), provider.agb, '000000001')).toBe('minimumnorm:mammacarcinoom');
    expect(selectiveViolation(reference(s.minimum_norms), provider.agb, '000000002')).toBeNull();
  });
});
