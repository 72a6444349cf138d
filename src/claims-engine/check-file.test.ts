import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClaimRecord } from '../domain/claims/claim-line.js';
import { checkClaims } from '../domain/claims/check-claims.js';
import type { CheckReference, Claim, Finding } from '../domain/claims/types.js';
import { expectOk } from '../domain/errors.js';
import type { AddOnPolicy, MszPolicy } from '../domain/policy/index.js';
import { demoDataset } from '../demo/index.js';
import { loadPolicyFile } from '../storage/policy-files.js';
import { checkFile } from './check-file.js';
import { CLAIM_CSV_HEADER, demoCeilings, demoReference, writeDemoClaimFile, type DemoFileTruth } from './demo-file.js';
import { splitCsvLine } from './csv.js';

let dir: string;
let policy: MszPolicy;
let addOn: AddOnPolicy;
const dataset = demoDataset('engine-test');

/** The file's lines as `Claim`s, through the reference parser. */
function claimsOf(path: string): Claim[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const columns = (lines[0] ?? '').split(',');
  const claims: Claim[] = [];
  lines.slice(1).forEach((text, i) => {
    if (text === '') return;
    const fields = splitCsvLine(text) ?? [];
    const record = Object.fromEntries(columns.map((c, k) => [c, fields[k] ?? '']));
    const parsed = parseClaimRecord(record, i + 2);
    if (parsed.ok) claims.push(parsed.value);
  });
  return claims;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claims-engine-'));
  const msz = expectOk(await loadPolicyFile('policies/msz-2018.yaml'));
  const add = expectOk(await loadPolicyFile('policies/add-on-2022.yaml'));
  if (msz.kind !== 'msz' || add.kind !== 'add-on') throw new Error('policy kinds');
  policy = msz;
  addOn = add;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkFile on a generated file of 50,000 lines', () => {
  let path: string;
  let truth: DemoFileTruth;
  let reference: CheckReference;
  let expected: Finding[];

  beforeAll(async () => {
    path = join(dir, 'claims-50k.csv');
    truth = await writeDemoClaimFile(path, { seed: 'engine-test', rows: 50_000, anomalyRate: 0.02 }, dataset);
    reference = demoReference(dataset, demoCeilings(truth, 0.97));
    expected = checkClaims(claimsOf(path), reference, policy, addOn);
  });

  it('gives exactly the findings of checkClaims, with 2 workers and with 1', async () => {
    const result = await checkFile(path, { reference, policy, addOnPolicy: addOn, workers: 2, chunkBytes: 256 * 1024 });
    expect(result).toMatchObject({ claims: 50_000, accepted: 50_000, rejected: 0, errors: [], errorCount: 0 });
    expect(result.findings.length).toBe(expected.length);
    expect(result.findings).toEqual(expected);
    for (const rule of ['duplicate', 'parallel', 'serial', 'non-evidence', 'selective', 'ceiling', 'addon-tariff'] as const) {
      expect(result.byRule[rule], rule).toBeGreaterThan(0);
    }
    const single = await checkFile(path, { reference, policy, addOnPolicy: addOn, workers: 1 });
    expect(single.findings).toEqual(expected);
  });

  it('gives the same findings for the columns in another order, with an extra column (the general parser)', async () => {
    const lines = readFileSync(path, 'utf8').split('\n');
    const permuted = lines.map((line, i) => {
      if (line === '') return line;
      const f = line.split(',');
      return [i === 0 ? 'note' : 'x', ...f.slice(1).reverse(), f[0]].join(',');
    });
    const other = join(dir, 'claims-50k-permuted.csv');
    writeFileSync(other, permuted.join('\n'));
    const result = await checkFile(other, { reference, policy, addOnPolicy: addOn, workers: 2 });
    expect(result).toMatchObject({ claims: 50_000, accepted: 50_000, rejected: 0 });
    expect(result.findings).toEqual(expected);
  });

  it('gives the same findings when every person goes through the domain path (smallGroupLimit 0)', async () => {
    const result = await checkFile(path, { reference, policy, addOnPolicy: addOn, workers: 2, smallGroupLimit: 0 });
    expect(result.findings).toEqual(expected);
  });

  it('finds every injected anomaly, and flags nothing else but their counterparts', async () => {
    const result = await checkFile(path, { reference, policy, addOnPolicy: addOn, workers: 2 });
    const ruleOf = { duplicate: 'duplicate', serial: 'serial', parallel: 'parallel', bijlage4: 'non-evidence', selective: 'selective', 'addon-above-tariff': 'addon-tariff' } as const;
    for (const [kind, rule] of Object.entries(ruleOf)) {
      const injected = new Set(truth.injected.filter(([, k]) => k === kind).map(([id]) => id));
      const flagged = result.findings.filter((f) => f.rule === rule);
      const flaggedIds = new Set(flagged.map((f) => f.claimId));
      expect(injected.size, kind).toBeGreaterThan(0);
      // Found: the injected line, or (duplicates: the shuffle put the copy first) its original pointing at it.
      // A credit in the same episode may cancel what the anomaly refers to; then it is rightly not flagged.
      const affected = new Set(truth.creditAffected);
      const missed = [...injected].filter((id) => !flaggedIds.has(id) && !flagged.some((f) => f.relatedClaimIds.includes(id)));
      expect(missed.filter((id) => !affected.has(id)), kind).toEqual([]);
      expect(missed.length, kind).toBeLessThanOrEqual(Math.ceil(injected.size * 0.1));
      // Anything else flagged is the counterpart of an injected line (the overlapped subtraject, the original).
      const extra = flagged.filter((f) => !injected.has(f.claimId) && !f.relatedClaimIds.some((id) => injected.has(id)));
      expect(extra.map((f) => f.claimId), kind).toEqual([]);
    }
  });
});

describe('checkFile on bad input', () => {
  it('reports 3 bad lines among 1,000 with line, field and code, and checks the rest', async () => {
    const path = join(dir, 'bad.csv');
    await writeDemoClaimFile(path, { seed: 'bad-lines', rows: 1_000 }, dataset);
    const lines = readFileSync(path, 'utf8').split('\n');
    const spoil = (line: number, column: number, value: string) => {
      const fields = (lines[line - 1] as string).split(',');
      fields[column] = value;
      lines[line - 1] = fields.join(',');
    };
    spoil(11, 3, '123456789'); // bsn fails the elfproef
    spoil(502, 8, '2018-02-30'); // start_date does not exist
    spoil(1001, 10, '12.50'); // amount with a decimal point
    writeFileSync(path, lines.join('\n'));
    const reference = demoReference(dataset);
    const result = await checkFile(path, { reference, policy, addOnPolicy: addOn, workers: 2, chunkBytes: 8 * 1024 });
    expect(result.errors.map(({ line, field, code }) => ({ line, field, code }))).toEqual([
      { line: 11, field: 'bsn', code: 'ZK-109' },
      { line: 502, field: 'start_date', code: 'ZK-119' },
      { line: 1001, field: 'amount_cents', code: 'ZK-124' },
    ]);
    expect(result).toMatchObject({ claims: 1_000, accepted: 997, rejected: 3, errorCount: 3 });
    expect(result.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('stops at a header without a required column (ZK-190); reads quoted fields, CRLF and blank lines', async () => {
    const missing = join(dir, 'no-bsn.csv');
    writeFileSync(missing, 'claim_id,agb\nC1,06000001\n');
    const reference = demoReference(dataset);
    const stopped = await checkFile(missing, { reference, policy, addOnPolicy: addOn, workers: 1 });
    expect(stopped.claims).toBe(0);
    expect(stopped.errors.map((e) => `${e.line}:${e.field}:${e.code}`)).toContain('1:bsn:ZK-190');

    const odd = join(dir, 'odd.csv');
    const provider = dataset.providers[0]?.agb ?? '';
    const product = dataset.products[0];
    const row = (id: string, bsn: string) => `"${id}",3311,${provider},${bsn},11,${product?.specialism},${product?.diagnosis},${product?.code},2018-01-01,2018-01-31,1000,,`;
    writeFileSync(odd, `\uFEFF${CLAIM_CSV_HEADER}\r\n${row('X1', '111222333')}\r\n\r\n${row('X2', '111222333')}\r\n"X3,4`);
    const result = await checkFile(odd, { reference, policy, addOnPolicy: addOn, workers: 2 });
    expect(result).toMatchObject({ claims: 3, accepted: 2, rejected: 1 });
    expect(result.errors.map((e) => `${e.line}:${e.code}`)).toEqual(['5:ZK-191']);
    expect(result.findings.map((f) => `${f.claimId}:${f.rule}`)).toEqual(['X2:duplicate']);
  });
});
