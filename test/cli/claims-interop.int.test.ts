import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDataset, generateClaims, generateClaimsWithTruth, type DemoClaim } from '../../src/demo/index.js';
import { canonicalUnits, CLAIM_FIELDS } from '../../src/domain/claims/claim-line.js';
import { RULE_IDS, type Claim } from '../../src/domain/claims/types.js';
import { expectOk } from '../../src/domain/errors.js';
import { zh308Field } from '../../src/interop/vektis/zh308-layout.js';
import { readZh308, writeZh308 } from '../../src/interop/vektis/zh308.js';
import { checkZh309 } from '../../src/interop/vektis/zh309.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const dataset = demoDataset('zorginkoop');
const toClaim = (c: DemoClaim): Claim => ({
  claimId: c.claimId, uzovi: c.uzovi, agb: c.agb, bsn: c.bsn, careType: c.careType, specialism: c.specialism, diagnosis: c.diagnosis, productCode: c.productCode,
  startDate: c.startDate, endDate: c.endDate, amountCents: c.amountCents, ziNumber: c.ziNumber ?? null, units: c.units === undefined ? null : canonicalUnits(String(c.units)),
});
const csvLine = (c: DemoClaim) => [c.claimId, c.uzovi, c.agb, c.bsn, c.careType, c.specialism, c.diagnosis, c.productCode, c.startDate, c.endDate, String(c.amountCents), c.ziNumber ?? '', c.units === undefined ? '' : String(c.units)].join(',');
const providersOf = (agbs: string[]) => dataset.providers.filter((p) => agbs.includes(p.agb));

describe.each(databaseKinds)('zorginkoop claims import --format, export, zh309 and check-file on %s', (kind) => {
  let t: TestDatabase | undefined;
  let env: Record<string, string | undefined>;
  let own: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'zk-claims-interop-'));
  const file = (name: string) => path.join(dir, name);
  const cli = async (args: string[]) => {
    const result = await runCli(args, env);
    const out = result.stdout.trim();
    return { ...result, json: out.startsWith('{') || out.startsWith('[') ? JSON.parse(out) : null };
  };

  beforeAll(async () => {
    if (kind === 'postgres') {
      t = await createTestDatabase('postgres', { migrate: false });
      env = cliEnv({ url: t.url });
    } else {
      env = cliEnv({ url: null, dataDir: file('data') });
    }
    const seeded = await cli(['demo', 'seed', '--claims', '60', '--json']);
    expect(seeded.code, seeded.stderr).toBe(0);
    own = seeded.json.demoProviderAgb;
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a ZH308 file with --format zh308 (the CSV report) and writes its ZH309 answer', async () => {
    const demo = [...generateClaims({ seed: 'cli-zh308', count: 40, year: 2018, providers: providersOf([own]), products: dataset.products, drugs: dataset.drugs, idPrefix: 'CLI-' })];
    writeFileSync(file('claims.zh308'), expectOk(writeZh308(demo.map(toClaim), { agb: own, invoiceNumber: 'CLI1', invoiceDate: '2019-02-01' })), 'latin1');
    const imported = await cli(['claims', 'import', file('claims.zh308'), '--format', 'zh308', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.json).toMatchObject({ file: 'claims.zh308', format: 'zh308', accepted: 40, rejected: 0, stored: 40, duplicate_file: false, errors: [] });

    const other = [...generateClaims({ seed: 'cli-csv', count: 5, year: 2018, providers: providersOf([own]), products: dataset.products, drugs: dataset.drugs, idPrefix: 'CSV-' })];
    writeFileSync(file('claims.csv'), [CLAIM_FIELDS.join(','), ...other.map(csvLine), csvLine({ ...other[0]!, claimId: 'CSV-BAD', bsn: '123456789' })].join('\n') + '\n');
    const csv = await cli(['claims', 'import', file('claims.csv'), '--json']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.json).toMatchObject({ format: 'csv', accepted: 5, rejected: 1, errors: [{ line: 7, field: 'bsn', code: 'ZK-109', message: expect.any(String) }] });
    expect(Object.keys(csv.json).sort()).toEqual(Object.keys(imported.json).sort());

    const answer = await cli(['claims', 'zh309', String(imported.json.import_id), '--out', file('answer.zh309'), '--json']);
    expect(answer.code, answer.stderr).toBe(0);
    expect(answer.json).toMatchObject({ import_id: imported.json.import_id, records: 40, accepted: 40, rejected: 0 });
    expect(checkZh309(readFileSync(file('answer.zh309'), 'latin1'))).toMatchObject({ ok: true, value: { records: 40, accepted: 40 } });

    const csvAnswer = await cli(['claims', 'zh309', String(csv.json.import_id), '--agb', own, '--out', file('csv.zh309'), '--json']);
    expect(csvAnswer.json).toMatchObject({ records: 6, accepted: 5, rejected: 1 });
    expect(checkZh309(readFileSync(file('csv.zh309'), 'latin1')).ok).toBe(true);
  });

  it('refuses a ZH308 file whose sluitrecord does not add up (exit 1, line and field), and an unknown format', async () => {
    const demo = [...generateClaims({ seed: 'cli-bad', count: 10, year: 2018, providers: providersOf([own]), products: dataset.products, drugs: dataset.drugs, idPrefix: 'CLB-' })];
    const lines = expectOk(writeZh308(demo.map(toClaim), { agb: own, invoiceNumber: 'CLI2', invoiceDate: '2019-02-01' })).split('\r\n').slice(0, -1);
    const total = zh308Field('9909');
    const last = lines.at(-1)!;
    lines[lines.length - 1] = last.slice(0, total.start - 1) + '00000000007' + last.slice(total.end);
    writeFileSync(file('bad.zh308'), lines.map((l) => `${l}\r\n`).join(''), 'latin1');
    const refused = await cli(['claims', 'import', file('bad.zh308'), '--format', 'zh308', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.json.error.issues).toEqual([expect.objectContaining({ file: 'bad.zh308', line: lines.length, field: '9909 Totaal declaratiebedrag (pos 46-56)', code: 'ZK-212' })]);
    const unknown = await cli(['claims', 'import', file('bad.zh308'), '--format', 'xml', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.json.error.issues).toEqual([expect.objectContaining({ field: 'format' })]);
  });

  it('exports the stored claims: csv of all, zh308 of one provider that reads back, fhir as a Bundle', async () => {
    const csv = await cli(['claims', 'export', '--format', 'csv', '--out', file('all.csv'), '--json']);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = readFileSync(file('all.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe(CLAIM_FIELDS.join(','));
    expect(rows.length - 1).toBe(csv.json.claims);
    expect(csv.json.claims).toBeGreaterThan(45);

    const several = await cli(['claims', 'export', '--format', 'zh308', '--out', file('all.zh308'), '--json']);
    expect(several.code).toBe(1);
    expect(several.json.error.issues).toEqual([expect.objectContaining({ field: 'agb' })]);

    const zh308 = await cli(['claims', 'export', '--format', 'zh308', '--agb', own, '--year', '2018', '--out', file('own.zh308'), '--json']);
    expect(zh308.code, zh308.stderr).toBe(0);
    const items = readZh308(readFileSync(file('own.zh308'), 'latin1'));
    expect(items).toHaveLength(zh308.json.claims);
    expect(items.every((i) => i.issues === undefined && i.record?.agb === own && (i.record.start_date ?? '').startsWith('2018'))).toBe(true);

    const fhir = await cli(['claims', 'export', '--format', 'fhir', '--agb', own, '--year', '2018', '--out', file('own.json'), '--json']);
    expect(fhir.code, fhir.stderr).toBe(0);
    const bundle = JSON.parse(readFileSync(file('own.json'), 'utf8'));
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(bundle.entry).toHaveLength(zh308.json.claims);
  });

  it('claims check-file: checks a file, naming bad lines; the findings do not depend on the number of workers', async () => {
    const truth = [...generateClaimsWithTruth({ seed: 'cli-check-file', count: 400, year: 2018, providers: providersOf([own, ...dataset.providers.filter((p) => p.type === 'ziekenhuis' && p.agb !== own).slice(0, 2).map((p) => p.agb)]), products: dataset.products, drugs: dataset.drugs, anomalyRate: 0.05, idPrefix: 'CHK-' })];
    const lines = truth.map((t) => csvLine(t.claim));
    const bad = truth.findIndex((t) => t.injected === undefined);
    lines[bad] = csvLine({ ...truth[bad]!.claim, endDate: '2018-02-30' });
    writeFileSync(file('check.csv'), [CLAIM_FIELDS.join(','), ...lines].join('\n') + '\n');

    const one = await cli(['claims', 'check-file', file('check.csv'), '--year', '2018', '--workers', '1', '--json']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.json).toMatchObject({ year: 2018, claims: 400, accepted: 399, rejected: 1, error_count: 1 });
    expect(one.json.errors).toEqual([expect.objectContaining({ line: bad + 2, field: 'end_date', code: 'ZK-121' })]);
    expect(Object.keys(one.json.findings).sort()).toEqual([...RULE_IDS].sort());
    const injectedDuplicates = truth.filter((t) => t.injected === 'duplicate').length;
    expect(injectedDuplicates).toBeGreaterThan(0);
    expect(one.json.findings.duplicate).toBeGreaterThanOrEqual(injectedDuplicates);

    const two = await cli(['claims', 'check-file', file('check.csv'), '--year', '2018', '--workers', '2', '--json']);
    expect(two.json.findings).toEqual(one.json.findings);
    const missing = await cli(['claims', 'check-file', file('no-such.csv'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.json.error.issues).toEqual([expect.objectContaining({ message: 'Bestand niet gevonden.' })]);
  });
});
