import { describe, expect, it } from 'vitest';
import type { FieldIssue, Result } from '../errors.js';
import {
  calendarEvent,
  calendarFor,
  claimsRule,
  findPolicy,
  formatPath,
  parameterValue,
  parsePath,
  parsePolicy,
  policyDecision,
  policyParameter,
  summarisePolicy,
  type Policy,
} from './index.js';

const src = (section: string) => `ADD §${section}`;

/** A small but complete add-on policy; each test breaks one thing in a fresh copy. */
function validAddOn(): Record<string, unknown> {
  return {
    id: 'add-on-2022',
    version: 1,
    kind: 'add-on',
    title: 'Inkoopbeleid add-on geneesmiddelen 2022',
    document: { insurer: 'Zilveren Kruis', title: 'Inkoopbeleid add-on geneesmiddelen 2022', published: '2021-04-01', seed_file: 'x.txt', cite_as: 'ADD' },
    policy_year: 2022,
    contracting_year: 2021,
    changes: [{ id: 'wijziging', text: 'Iets is gewijzigd.', source: src('1') }],
    goals: [{ id: 'doel', title: 'Een doel', source: src('2') }],
    agreement: {
      type: 'fda', title: 'FDA', years_parameter: 'term_years', addendum_to: 'msz-agreement',
      requires_msz_agreement: true, also_under_multi_year_msz: true, text: 'Een jaar.', source: src('3'),
    },
    specialised_centres: { quality_conditions_by: 'CieBAG', consulted: [], claims_rule: 'addon-centre', text: 'Centra.', source: src('3') },
    innovation: { strategy: 'Zorg dichterbij', url: 'https://example.org/innovatie', text: 'Innovatie.', source: src('3') },
    tariffs: {
      reference_tariffs: {
        negotiable: false, available_event: 'tarieven', follows_wgp_maximum_prices: true,
        max_claimable_parameter: 'tariff_cap', text: 'Referentietarieven.', source: src('4'),
      },
      joint_negotiation: { with_other_insurers: true, legally_reviewed: true, text: 'Samen.', source: src('4') },
      rounding_parameter: 'rounding_rule',
      source: src('4'),
    },
    volume: { basis: 'claims', quarterly_figures: ['realisation', 'prognosis'], demography_adjustment: true, text: 'Volume.', source: src('5') },
    nacalculatie: {
      level: 'cluster', covered_share_parameter: 'covered_share', efficiency_based_for_some_drugs: true,
      efficiency_rule_parameter: 'efficiency_rule', text: 'Nacalculatie.', all_conditions_required: true, source: src('5'),
      conditions: [
        { id: 'omzet', number: 1, title: 'Omzet', text: 'Meer dan EUR 100.000,00.', parameters: ['revenue_threshold_cents'], otherwise: 'no-nacalculatie', source: src('5') },
        { id: 'cijfers', number: 2, title: 'Cijfers', text: 'Tijdig.', parameters: [], otherwise: 'no-nacalculatie', deadline_event: 'cijfers-q2', source: src('5') },
      ],
    },
    efficiency: { mirror_information: true, additional_prescribing_agreements: true, treatmeds: true, text: 'Doelmatig.', source: src('5') },
    contracting_process: {
      channel: 'vecozo-zorginkoopportaal', digital_procedure: true, all_providers: true, certificate_required: true,
      access_request_working_days_parameter: 'access_days', access_request_url: 'https://www.vecozo.nl/',
      fda_available_via: ['contactpersoon'], zorgverlenersportaal_url: 'https://www.zorgverlenersportaal.nl/',
      text: 'Digitaal.', questions: 'Vragen.', source: src('6'),
    },
    calendar: [
      { id: 'publicatie', table_row: 1, date: '2021-04-01', title: 'Publicatie inkoopbeleid', paths: ['all'], kind: 'publication', actor: 'insurer', source: src('7') },
      { id: 'fda', table_row: 2, date: '2021-10-15', title: 'FDA opvraagbaar', paths: ['all'], kind: 'publication', actor: 'insurer', source: src('7') },
      { id: 'cijfers-q2', table_row: null, date: '2021-06-30', date_precision: 'approximate', title: 'Cijfers Q2', paths: ['all'], kind: 'deadline', actor: 'provider', source: src('5') },
      { id: 'tarieven', table_row: null, date: '2021-09-01', date_precision: 'month', title: 'Tarieven', paths: ['all'], kind: 'publication', actor: 'insurer', source: src('4') },
    ],
    claims_control: {
      text: 'Controle.',
      control_kinds: [{ id: 'naleving', title: 'Naleving', source: src('8') }],
      rules: [
        { id: 'addon-tariff', title: 'Tarief', description: 'Boven referentietarief.', action: 'reject', parameters: ['tariff_cap'], source: src('4') },
        { id: 'addon-centre', title: 'Centrum', description: 'Niet aangewezen.', action: 'reject', parameters: [], source: src('3') },
      ],
      mirror_information: {
        topics: [{ id: 'doelmatigheid', title: 'Doelmatigheid' }],
        shared_before_control: true, insufficient_improvement_leads_to_control: true, text: 'Spiegelen.', source: src('8'),
      },
      source: src('8'),
    },
    related_policies: { items: ['MSZ'], source: src('9') },
    amendments: { text: 'Wijzigingen.', source: src('10') },
    parameters: [
      { id: 'term_years', type: 'integer', value: 1, unit: 'year', description: 'Looptijd.', source: src('3') },
      { id: 'revenue_threshold_cents', type: 'money', value: 10000000, unit: 'cent', description: 'Drempel.', source: src('5') },
      { id: 'covered_share', type: 'decimal', value: '1.00', unit: 'share', description: 'Deel.', source: src('5'), decision: 'deel' },
      { id: 'efficiency_rule', type: 'enum', value: 'per-drug', allowed: ['per-drug', 'scale'], unit: 'rule', description: 'Regel.', source: src('5') },
      { id: 'tariff_cap', type: 'enum', value: 'reference-tariff', allowed: ['reference-tariff'], unit: 'rule', description: 'Max.', source: src('4') },
      { id: 'rounding_rule', type: 'enum', value: 'half-up', allowed: ['half-up', 'down'], unit: 'cent', description: 'Afronding.', source: src('4') },
      { id: 'access_days', type: 'integer', value: 5, unit: 'working-day', description: 'Aanvraag.', source: src('6') },
      { id: 'q2_deadline', type: 'date', value: '2021-06-30', unit: 'date', description: 'Q2.', source: src('5') },
    ],
    decisions: [{ id: 'deel', question: 'Welk deel?', decision: 'Alles.', why: 'Omdat.', source: src('5') }],
  };
}

type Data = Record<string, unknown>;
const at = (data: Data, key: string) => data[key] as Data[] & Data;

function issuesOf(result: Result<Policy>): FieldIssue[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.error.issues ?? [];
}

function expectIssueAt(data: unknown, path: string, message?: RegExp): FieldIssue {
  const issues = issuesOf(parsePolicy(data, 'policies/test.yaml'));
  const issue = issues.find((i) => i.path === path);
  expect(issue, `verwacht een fout op ${path}, kreeg ${JSON.stringify(issues)}`).toBeDefined();
  expect(issue?.file).toBe('policies/test.yaml');
  if (message) expect(issue?.message).toMatch(message);
  return issue as FieldIssue;
}

function parsed(data: unknown = validAddOn()): Policy {
  const result = parsePolicy(data, 'policies/test.yaml');
  if (!result.ok) throw new Error(JSON.stringify(result.error.issues));
  return result.value;
}

describe('parsePolicy', () => {
  it('accepts a complete policy and fills the defaults', () => {
    const policy = parsed();
    expect(policy.kind).toBe('add-on');
    expect(calendarEvent(policy, 'publicatie')?.date_precision).toBe('day');
    expect(calendarEvent(policy, 'tarieven')?.date_precision).toBe('month');
  });

  it('rejects an unknown key at the top and deep inside, with the exact path', () => {
    expectIssueAt({ ...validAddOn(), colour: 'rood' }, 'colour', /onbekend veld 'colour'/);
    const data = validAddOn();
    (at(data, 'calendar')[0] as Data).colour = 'rood';
    expectIssueAt(data, 'calendar[0].colour', /onbekend veld/);
  });

  it('rejects a date that does not exist, naming calendar[1].date', () => {
    const data = validAddOn();
    (at(data, 'calendar')[1] as Data).date = '2021-02-30';
    expectIssueAt(data, 'calendar[1].date', /JJJJ-MM-DD/);
  });

  it('rejects an unknown kind', () => {
    expectIssueAt({ ...validAddOn(), kind: 'ggz' }, 'kind', /msz.*add-on/);
  });

  it('rejects money that is not whole cents and a share above 1', () => {
    const data = validAddOn();
    (at(data, 'parameters')[1] as Data).value = 100000.5;
    expectIssueAt(data, 'parameters[1].value');
    const other = validAddOn();
    (at(other, 'parameters')[2] as Data).value = '1.50';
    expectIssueAt(other, 'parameters[2].value', /tussen 0 en 1/);
  });

  it('rejects an enum value outside allowed', () => {
    const data = validAddOn();
    (at(data, 'parameters')[3] as Data).value = 'sometimes';
    expectIssueAt(data, 'parameters[3].value', /allowed/);
  });

  it('rejects a duplicate calendar id', () => {
    const data = validAddOn();
    (at(data, 'calendar')[1] as Data).id = 'publicatie';
    expectIssueAt(data, 'calendar[1].id', /dubbele id 'publicatie'/);
  });

  it('rejects a gap in the table rows of the planning', () => {
    const data = validAddOn();
    (at(data, 'calendar')[1] as Data).table_row = 3;
    expectIssueAt(data, 'calendar[1].table_row', /verwacht 2/);
  });

  it('rejects numbering with a gap', () => {
    const data = validAddOn();
    ((at(data, 'nacalculatie') as Data).conditions as Data[])[1]!.number = 3;
    expectIssueAt(data, 'nacalculatie.conditions[1].number', /zonder gaten/);
  });

  it('rejects a reference to a parameter, event, decision or claims rule that does not exist', () => {
    const noParameter = validAddOn();
    (at(noParameter, 'agreement') as Data).years_parameter = 'missing_years';
    expectIssueAt(noParameter, 'agreement.years_parameter', /parameter 'missing_years'/);

    const noDecision = validAddOn();
    (at(noDecision, 'parameters')[0] as Data).decision = 'onbekend';
    expectIssueAt(noDecision, 'parameters[0].decision', /beslissing/);

    const noEvent = validAddOn();
    ((at(noEvent, 'nacalculatie') as Data).conditions as Data[])[1]!.deadline_event = 'nergens';
    expectIssueAt(noEvent, 'nacalculatie.conditions[1].deadline_event', /kalendermoment/);

    const noRule = validAddOn();
    (at(noRule, 'specialised_centres') as Data).claims_rule = 'addon-nope';
    expectIssueAt(noRule, 'specialised_centres.claims_rule', /controleregel/);

    const listRef = validAddOn();
    ((at(listRef, 'claims_control') as Data).rules as Data[])[0]!.parameters = ['tariff_cap', 'ghost'];
    expectIssueAt(listRef, 'claims_control.rules[0].parameters[1]', /parameter 'ghost'/);
  });

  it('rejects an empty source', () => {
    const data = validAddOn();
    (at(data, 'goals')[0] as Data).source = '  ';
    expectIssueAt(data, 'goals[0].source', /bron/);
  });

  it('ties the id, the years and the citation to the kind', () => {
    expectIssueAt({ ...validAddOn(), id: 'add-on-2023' }, 'id', /add-on-2022/);
    expectIssueAt({ ...validAddOn(), contracting_year: 2022 }, 'contracting_year', /2021/);
    const data = validAddOn();
    (data.document as Data).cite_as = 'MSZ';
    expectIssueAt(data, 'document.cite_as', /ADD/);
  });

  it('returns invalid_input with a Dutch summary', () => {
    const result = parsePolicy({ ...validAddOn(), colour: 1 }, 'policies/test.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/Beleidsbestand policies\/test.yaml is ongeldig \(1 fout\)/);
    }
  });
});

describe('paths', () => {
  it('formats and parses field paths both ways', () => {
    expect(formatPath(['calendar', 3, 'date'])).toBe('calendar[3].date');
    expect(formatPath([])).toBe('');
    expect(parsePath('calendar[3].date')).toEqual(['calendar', 3, 'date']);
    expect(parsePath('quality.general_conditions.items[22].sub_items[0].text')).toEqual([
      'quality', 'general_conditions', 'items', 22, 'sub_items', 0, 'text',
    ]);
  });
});

describe('policy accessors', () => {
  it('reads a parameter value of the expected type', () => {
    const policy = parsed();
    expect(parameterValue(policy, 'revenue_threshold_cents', 'money')).toEqual({ ok: true, value: 10000000 });
    expect(parameterValue(policy, 'covered_share', 'decimal')).toEqual({ ok: true, value: '1.00' });
    const wrongType = parameterValue(policy, 'covered_share', 'integer');
    expect(wrongType.ok || wrongType.error.code).toBe('invalid_input');
    const missing = parameterValue(policy, 'nope', 'integer');
    expect(missing.ok || missing.error.code).toBe('not_found');
    expect(policyParameter(policy, 'access_days')?.value).toBe(5);
  });

  it('finds calendar events, decisions and claim rules', () => {
    const policy = parsed();
    expect(calendarFor(policy, 'regular').map((e) => e.id)).toEqual(['publicatie', 'cijfers-q2', 'tarieven', 'fda']);
    expect(policyDecision(policy, 'deel')?.decision).toBe('Alles.');
    expect(claimsRule(policy, 'addon-centre')?.action).toBe('reject');
    expect(calendarEvent(policy, 'nope')).toBeUndefined();
    const found = findPolicy([policy], 'msz-2018');
    expect(found.ok || found.error.code).toBe('not_found');
  });

  it('summarises a policy for listings', () => {
    expect(summarisePolicy(parsed())).toEqual({
      id: 'add-on-2022',
      version: 1,
      kind: 'add-on',
      title: 'Inkoopbeleid add-on geneesmiddelen 2022',
      policy_year: 2022,
      counts: { calendar: 4, parameters: 8, decisions: 1, claims_rules: 2, nacalculatie_conditions: 2 },
    });
  });
});
