import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FieldIssue, Result } from '../domain/errors.js';
import { parameterValue, summarisePolicy, type AddOnPolicy, type MszPolicy, type Policy } from '../domain/policy/index.js';
import { defaultPolicyDir, loadPolicies, loadPolicyFile, parsePolicyYaml, repoRoot } from './policy-files.js';

const policyDir = defaultPolicyDir();
const mszFile = join(policyDir, 'msz-2018.yaml');
let msz: MszPolicy;
let addOn: AddOnPolicy;
let mszText: string;

beforeAll(async () => {
  const result = await loadPolicies();
  if (!result.ok) throw new Error(JSON.stringify(result.error, null, 2));
  msz = result.value.find((p): p is MszPolicy => p.kind === 'msz') as MszPolicy;
  addOn = result.value.find((p): p is AddOnPolicy => p.kind === 'add-on') as AddOnPolicy;
  mszText = await readFile(mszFile, 'utf8');
});

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zorginkoop-policy-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  expect(index, `'${needle}' staat niet in de tekst`).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split('\n').length;
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `'${from}' komt niet precies één keer voor`).toBe(1);
  return text.replace(from, to);
}

function issuesOf(result: Result<unknown>): FieldIssue[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.error.issues ?? [];
}

describe('the real policy files', () => {
  it('load and validate from the repository', async () => {
    expect(existsSync(join(repoRoot(), 'package.json'))).toBe(true);
    const result = await loadPolicies();
    expect(result.ok && result.value.map((p) => p.id)).toEqual(['add-on-2022', 'msz-2018']);
  });

  it('msz-2018 holds every section with the counts of the document', () => {
    expect(summarisePolicy(msz).counts).toEqual({
      agreement_types: 5,
      calendar: 16,
      parameters: msz.parameters.length,
      decisions: msz.decisions.length,
      claims_rules: 8,
      multi_year_adjustments: 5,
      selective_purchasing: 8,
      volume_corrections: 8,
      general_conditions: 23,
      purchasing_specifications: 13,
      minimum_norm_treatments: 43,
      conditional_admissions: 11,
      non_evidence_based: 18,
    });
    expect(msz.agreement_types.map((a) => a.id)).toEqual(['transitie-3', 'plafond-2-regulier', 'plafond-2-digitaal', 'plafond-1', 'geen']);
    expect(msz.claims_control.rules.map((r) => r.id)).toEqual([
      'duplicate', 'parallel', 'parallel-combination', 'parallel-specialism', 'serial', 'non-evidence', 'selective', 'ceiling',
    ]);
    expect(msz.calendar.filter((e) => e.table_row !== null)).toHaveLength(14);
    expect(msz.quality.general_conditions.articles.map((a) => a.id)).toEqual(['1', '2', '3.a', '3.b', '4', '5', '6']);
    expect(msz.price.umc_surcharge.categories.map((c) => c.id)).toEqual(['algemeen', 'complex', 'topklinisch', 'topreferent']);
    expect(msz.prior_authorisation.adult_requires_authorisation).toHaveLength(4);
    expect(msz.claims_control.mirror_information.topics).toHaveLength(5);
  });

  it('add-on-2022 holds its conditions, dates and checks', () => {
    expect(summarisePolicy(addOn).counts).toMatchObject({ calendar: 5, claims_rules: 2, nacalculatie_conditions: 3 });
    expect(addOn.claims_control.rules.map((r) => r.id)).toEqual(['addon-tariff', 'addon-centre']);
    expect(addOn.calendar.map((e) => [e.id, e.date])).toEqual([
      ['publicatie-inkoopbeleid', '2021-04-01'],
      ['fda-prijslijst-opvraagbaar', '2021-10-15'],
      ['deadline-cijfers-q2', '2021-06-30'],
      ['toelichting-doelmatigheidseisen', '2021-07-15'],
      ['referentietarieven-opvraagbaar', '2021-09-01'],
    ]);
    expect(parameterValue(addOn, 'addon_revenue_threshold_cents', 'money')).toEqual({ ok: true, value: 10000000 });
    expect(parameterValue(addOn, 'vecozo_access_request_working_days', 'integer')).toEqual({ ok: true, value: 5 });
    expect(parameterValue(addOn, 'fda_term_years', 'integer')).toEqual({ ok: true, value: 1 });
  });

  it('hold the numbers the code reads, as parameters', () => {
    expect(parameterValue(msz, 'revenue_threshold_cents', 'money')).toEqual({ ok: true, value: 1000000000 });
    expect(parameterValue(msz, 'revenue_threshold_boundary', 'enum')).toEqual({ ok: true, value: 'exactly-threshold-counts-as-below' });
    expect(parameterValue(msz, 'kernregio_partial_agreement_outcome', 'enum')).toEqual({ ok: true, value: 'plafond-1' });
    expect(parameterValue(msz, 'transition_shortfall_paid_share', 'decimal')).toEqual({ ok: true, value: '0.50' });
    expect(parameterValue(msz, 'transition_growth_marginal_cost_share', 'decimal')).toEqual({ ok: true, value: '0.70' });
    expect(parameterValue(msz, 'home_haemodialysis_min_share', 'decimal')).toEqual({ ok: true, value: '0.10' });
    expect(parameterValue(msz, 'serial_window_days', 'integer')).toEqual({ ok: true, value: 120 });
    expect(parameterValue(msz, 'prior_auth_decision_working_days', 'integer')).toEqual({ ok: true, value: 10 });
    expect(parameterValue(msz, 'prior_auth_age_limit_inclusive', 'integer')).toEqual({ ok: true, value: 18 });
  });

  it('give every vague parameter a decision that explains it', () => {
    for (const policy of [msz, addOn] as Policy[]) {
      const decisions = new Set(policy.decisions.map((d) => d.id));
      for (const id of ['rounding_rule']) expect(decisions.has(policy.parameters.find((p) => p.id === id)?.decision ?? '')).toBe(true);
      for (const decision of policy.decisions) expect(decision.why.length).toBeGreaterThan(20);
    }
    for (const id of ['revenue_threshold_boundary', 'transition_shortfall_paid_share', 'ceiling_early_warning_share', 'practice_variation_percentile']) {
      expect(msz.parameters.find((p) => p.id === id)?.decision, id).toBeDefined();
    }
    expect(addOn.parameters.find((p) => p.id === 'q2_figures_deadline')?.decision).toBe('q2-figures-deadline');
  });

  it('cite a document section for every entry', () => {
    const citation = /^(MSZ|ADD) (§\d|Bijlage \d)/;
    let checked = 0;
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}[${i}]`));
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        if (key === 'source' || (key.endsWith('_source') && key !== 'for_source')) {
          expect(child, path).toMatch(citation);
          checked += 1;
        }
        visit(child, `${path}.${key}`);
      }
    };
    for (const policy of [msz, addOn] as Policy[]) {
      visit(policy, policy.id);
      // every top-level section (an object or a list of entries) carries sources
      for (const [key, section] of Object.entries(policy)) {
        if (key === 'document' || section === null || typeof section !== 'object') continue;
        const entries = Array.isArray(section) ? section : [section];
        for (const entry of entries) expect(typeof (entry as { source?: unknown }).source, `${policy.id}.${key}`).toBe('string');
      }
    }
    expect(checked).toBeGreaterThan(350);
    for (const item of msz.quality.general_conditions.items) {
      expect(item.source).toBe(`MSZ Bijlage 1 art. ${item.article} item ${item.number}`);
    }
    for (const t of msz.non_evidence_based.treatments) expect(t.source).toBe(`MSZ Bijlage 4 item ${t.number}`);
    for (const p of msz.conditional_admissions.projects) expect(p.source).toBe(`MSZ Bijlage 3 project ${p.number}`);
  });

  it('keep the reconstructed columns of the minimum-norm table', () => {
    const sources = (id: string) => msz.minimum_norms.treatments.find((t) => t.id === id)?.norm_sources;
    expect(sources('mammacarcinoom')).toEqual(['nvvh-5-0', 'soncos-5']);
    expect(sources('niercelcarcinoom')).toEqual(['soncos-5']);
    expect(sources('testiscarcinoom')).toEqual(['soncos-5', 'nvu']);
    expect(sources('radiotherapie-algemeen')).toEqual(['nvro']);
    expect(sources('thi')).toEqual(['nvvc']);
    expect(sources('uveamelanoom')).toEqual([]);
    expect(sources('bekken-acetabulumfractuur')).toEqual(['nvvh-5-0']);
    const perGroup = Object.fromEntries(msz.minimum_norms.groups.map((g) => [g.id, msz.minimum_norms.treatments.filter((t) => t.group === g.id).length]));
    expect(perGroup).toEqual({ oncologie: 29, gastrointestinaal: 4, 'hart-en-vaten': 6, kinderchirurgie: 2, traumachirurgie: 2 });
  });

  it('keep the conditional admissions and non-evidence list as in the text', () => {
    const projects = msz.conditional_admissions.projects;
    expect(projects.filter((p) => p.inclusion === 'closed').map((p) => p.number)).toEqual([1, 3]);
    expect(projects[8]?.hospitals).toHaveLength(31);
    expect(projects[7]?.hospitals.find((h) => h.name === 'Boerhave MC')?.implanted_at).toBe('EMC');
    expect(msz.non_evidence_based.treatments.filter((t) => t.exception !== null)).toHaveLength(11);
    expect(msz.non_evidence_based.not_exhaustive).toBe(true);
  });
});

describe('loading a broken policy file', () => {
  it('names the path and the line of a broken field', async () => {
    const dir = await tempDir();
    const broken = replaceOnce(mszText, 'date: 2017-06-01', 'date: 2017-06-31');
    const file = join(dir, 'msz-2018.yaml');
    await writeFile(file, broken);
    const result = await loadPolicyFile(file);
    expect(result.ok || result.error.code).toBe('invalid_input');
    expect(issuesOf(result)).toContainEqual(expect.objectContaining({
      file, path: 'calendar[2].date', line: lineOf(broken, 'date: 2017-06-31'),
    }));
  });

  it('rejects an unknown key with its line', async () => {
    const broken = replaceOnce(mszText, '  cite_as: MSZ\n', '  cite_as: MSZ\n  colour: rood\n');
    expect(issuesOf(parsePolicyYaml(broken, 'msz.yaml'))).toContainEqual(expect.objectContaining({
      path: 'document.colour', code: 'unknown_key', line: lineOf(broken, 'colour: rood'),
    }));
  });

  it('rejects a duplicate calendar id', () => {
    const broken = replaceOnce(mszText, 'id: zorgverlenersportaal-open', 'id: publicatie-inkoopbeleid');
    expect(issuesOf(parsePolicyYaml(broken, 'msz.yaml'))).toContainEqual(expect.objectContaining({
      path: 'calendar[1].id', line: lineOf(broken, 'id: publicatie-inkoopbeleid\n    table_row: 2'),
    }));
  });

  it('rejects a gap in the numbering of Bijlage 4 and of items 1-23', () => {
    const gap4 = replaceOnce(mszText, '    - number: 5\n      treatment: "Hysterectomie', '    - number: 6\n      treatment: "Hysterectomie');
    expect(issuesOf(parsePolicyYaml(gap4, 'msz.yaml'))).toContainEqual(expect.objectContaining({ path: 'non_evidence_based.treatments[4].number' }));
    const gapItems = replaceOnce(mszText, '      - number: 23\n', '      - number: 24\n');
    expect(issuesOf(parsePolicyYaml(gapItems, 'msz.yaml'))).toContainEqual(expect.objectContaining({
      path: 'quality.general_conditions.items[22].number', line: lineOf(gapItems, '- number: 24'),
    }));
  });

  it('rejects a parameter whose decision does not exist', () => {
    const broken = replaceOnce(mszText, '    decision: revenue-threshold-boundary\n', '    decision: revenue-boundary-typo\n');
    expect(issuesOf(parsePolicyYaml(broken, 'msz.yaml'))).toContainEqual(expect.objectContaining({
      path: 'parameters[1].decision', line: lineOf(broken, 'revenue-boundary-typo'),
    }));
  });

  it('names file and line of a YAML syntax error', async () => {
    const dir = await tempDir();
    const file = join(dir, 'broken.yaml');
    await writeFile(file, 'id: msz-2018\nversion: 1\ntitle: [niet gesloten\nkind: msz\n');
    const issues = issuesOf(await loadPolicyFile(file));
    expect(issues[0]).toMatchObject({ file, message: expect.stringMatching(/^YAML-syntaxfout/) });
    expect(issues[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects two files with the same policy id', async () => {
    const dir = await tempDir();
    await copyFile(mszFile, join(dir, 'msz-2018.yaml'));
    await copyFile(mszFile, join(dir, 'msz-2018-copy.yaml'));
    const result = await loadPolicies(dir);
    expect(result.ok || result.error.code).toBe('invalid_input');
    expect(issuesOf(result)).toContainEqual({
      file: join(dir, 'msz-2018.yaml'),
      path: 'id',
      code: 'duplicate_policy_id',
      message: `beleids-id 'msz-2018' komt ook voor in ${join(dir, 'msz-2018-copy.yaml')}`,
    });
  });

  it('reports a missing file or folder as not_found', async () => {
    const dir = await tempDir();
    const missingFile = await loadPolicyFile(join(dir, 'nope.yaml'));
    expect(missingFile.ok || missingFile.error.code).toBe('not_found');
    const missingDir = await loadPolicies(join(dir, 'nope'));
    expect(missingDir.ok || missingDir.error.code).toBe('not_found');
  });
});
