/**
 * Claims-control benchmark: `npm run bench:claims -- --rows 10000000 [--seed bench] [--workers 2]
 * [--repeat 1] [--skip-duckdb] [--verbose] [--prepare]`.
 *
 * Generates a seeded claim CSV with injected anomalies (demo generator, reused when present in the
 * temp dir for the same seed and size), then runs, each in its own child process so peak memory is
 * measured per engine: (1) `checkFile`, the batch engine, and (2) the same checks as SQL in DuckDB,
 * the tool an analyst would pick (read_csv with explicit types into a table, the same validation,
 * then window functions and self-joins per person). It prints seconds per phase, claims per
 * second, peak RSS, the ratio, whether both flag exactly the same claim ids (and amounts at stake)
 * per rule, and how the findings match the injected ground truth. With --rows 10000000 it runs
 * 1,000,000 first, to show how the cost grows. `--repeat N` runs each engine N times, alternating,
 * and reports the fastest run of each (the machine may be shared).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { checkFile } from '../src/claims-engine/check-file.js';
import { demoCeilings, demoReference, writeDemoClaimFile, type DemoFileTruth } from '../src/claims-engine/demo-file.js';
import { resolveCheckSettings, type CheckSettings } from '../src/domain/claims/check-claims.js';
import { selectiveRequirement } from '../src/domain/claims/checks/selective.js';
import { RULE_IDS, type CheckReference, type RuleId } from '../src/domain/claims/types.js';
import { expectOk } from '../src/domain/errors.js';
import type { AddOnPolicy, MszPolicy } from '../src/domain/policy/index.js';
import { demoDataset } from '../src/demo/index.js';
import { loadPolicyFile } from '../src/storage/policy-files.js';

interface Args {
  rows: number;
  seed: string;
  workers: number;
  dir: string;
  child: 'engine' | 'duckdb' | null;
  file: string;
  out: string;
  skipDuckdb: boolean;
  /** Only generate the files. */
  prepare: boolean;
  /** Print the time of each DuckDB statement. */
  verbose: boolean;
  /** Runs of each engine per size, alternating; the fastest of each is reported. */
  repeat: number;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const child = value('child');
  return {
    rows: Number(value('rows') ?? 1_000_000),
    seed: value('seed') ?? 'bench',
    workers: Number(value('workers') ?? 2),
    dir: value('dir') ?? join(tmpdir(), 'zorginkoop-claims-bench'),
    child: child === 'engine' || child === 'duckdb' ? child : null,
    file: value('file') ?? '',
    out: value('out') ?? '',
    skipDuckdb: argv.includes('--skip-duckdb'),
    prepare: argv.includes('--prepare'),
    verbose: argv.includes('--verbose'),
    repeat: Math.max(1, Number(value('repeat') ?? 1)),
  };
}

interface Phase {
  phase: string;
  seconds: number;
}

/** What a child reports: phases, counts, peak memory, and per rule the flagged ids with their amount at stake. */
interface RunReport {
  engine: string;
  phases: Phase[];
  totalSeconds: number;
  claims: number;
  rejected: number;
  peakRssBytes: number;
  flagged: Record<string, [string, number, string?][]>;
}

const truthPath = (file: string) => `${file}.truth.json`;
/** Bumped when the generated file or its truth changes shape, so an old cached file is not reused. */
const FILE_FORMAT = 2;

async function loadPolicies(): Promise<{ policy: MszPolicy; addOn: AddOnPolicy }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const policy = expectOk(await loadPolicyFile(join(root, 'policies/msz-2018.yaml')));
  const addOn = expectOk(await loadPolicyFile(join(root, 'policies/add-on-2022.yaml')));
  if (policy.kind !== 'msz' || addOn.kind !== 'add-on') throw new Error('unexpected policy kinds');
  return { policy, addOn };
}

function referenceFor(seed: string, truth: DemoFileTruth): CheckReference {
  return demoReference(demoDataset(seed), demoCeilings(truth));
}

function peakRss(sampled = 0): number {
  return Math.max(sampled, process.resourceUsage().maxRSS * 1024);
}

// ------------------------------------------------------------------------------------------------
// Child: the engine

async function runEngine(args: Args): Promise<RunReport> {
  const { policy, addOn } = await loadPolicies();
  const truth = JSON.parse(readFileSync(truthPath(args.file), 'utf8')) as DemoFileTruth;
  const reference = referenceFor(args.seed, truth);
  const result = await checkFile(args.file, { reference, policy, addOnPolicy: addOn, workers: args.workers });
  const flagged: Record<string, [string, number, string?][]> = Object.fromEntries(RULE_IDS.map((r) => [r, []]));
  for (const f of result.findings) flagged[f.rule]?.push([f.claimId, f.amountAtStakeCents, f.relatedClaimIds.join(' ')]);
  const total = result.timings.find((t) => t.phase === 'total')?.seconds ?? 0;
  return {
    engine: `checkFile (${args.workers} worker threads)`,
    phases: result.timings.filter((t) => t.phase !== 'total'),
    totalSeconds: total,
    claims: result.claims,
    rejected: result.rejected,
    peakRssBytes: peakRss(result.peakRssBytes),
    flagged,
  };
}

// ------------------------------------------------------------------------------------------------
// Child: DuckDB

/**
 * DuckDB is not a dependency of the product: the benchmark installs `@duckdb/node-api` (without
 * saving it to package.json) when it is missing. The few calls used here, typed locally, so the
 * type check does not need the package.
 */
const DUCKDB_PACKAGE = '@duckdb/node-api';
const DUCKDB_VERSION = '1.5.6-r.1';

interface DuckDbConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
}

interface DuckDbModule {
  DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDbConnection> }> };
  version(): string;
}

async function importDuckDb(): Promise<DuckDbModule | null> {
  const specifier: string = DUCKDB_PACKAGE;
  try {
    return (await import(specifier)) as DuckDbModule;
  } catch {
    return null;
  }
}

/** True when DuckDB can be loaded, after installing it with npm (--no-save) if needed. */
async function ensureDuckDb(): Promise<boolean> {
  if (await importDuckDb()) return true;
  console.log(`Installing ${DUCKDB_PACKAGE}@${DUCKDB_VERSION} for the comparison (npm install --no-save) ...`);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `${DUCKDB_PACKAGE}@${DUCKDB_VERSION}`], { cwd: root, stdio: 'inherit' });
  // A module that failed to load may stay failed in this process; the child processes load it fresh.
  return npm.status === 0 && existsSync(join(root, 'node_modules', ...DUCKDB_PACKAGE.split('/'), 'package.json'));
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The reference data as small DuckDB tables. */
function referenceSql(reference: CheckReference, settings: CheckSettings): string[] {
  const values = (rows: string[][]) => (rows.length === 0 ? null : rows.map((r) => `(${r.join(', ')})`).join(', '));
  const statements: string[] = [];
  const table = (name: string, columns: string, rows: string[][]) => {
    statements.push(`CREATE TEMP TABLE ${name} (${columns})`);
    const v = values(rows);
    if (v) statements.push(`INSERT INTO ${name} VALUES ${v}`);
  };
  table('products', 'product_code VARCHAR, bijlage4_item INTEGER, selective_id VARCHAR, parallel_exception BOOLEAN',
    [...reference.products].map(([code, p]) => [
      sqlText(code), p.bijlage4Item === null ? 'NULL' : String(p.bijlage4Item), p.selectiveId === null ? 'NULL' : sqlText(p.selectiveId),
      String(p.careKinds.some((k) => settings.parallelExceptions.includes(k))),
    ]));
  const selectiveIds = [...new Set([...reference.products.values()].map((p) => p.selectiveId).filter((s): s is string => s !== null))];
  table('selective_requirements', 'selective_id VARCHAR, kind VARCHAR, code VARCHAR',
    selectiveIds.map((id) => {
      const need = selectiveRequirement(id);
      return [sqlText(id), sqlText(need.kind), sqlText(need.code)];
    }));
  table('holdings', 'agb VARCHAR, kind VARCHAR, code VARCHAR', [...reference.providers].flatMap(([agb, p]) => [
    ...p.licences.map((c) => [sqlText(agb), `'licence'`, sqlText(c)]),
    ...p.programmes.map((c) => [sqlText(agb), `'programme'`, sqlText(c)]),
    ...p.minimumNorms.map((c) => [sqlText(agb), `'minimumNorm'`, sqlText(c)]),
  ]));
  table('drugs', 'zi_number VARCHAR, tariff_cents BIGINT, centres_only BOOLEAN',
    [...reference.drugs].map(([zi, d]) => [sqlText(zi), String(d.referenceTariffCents), String(d.specialisedCentresOnly)]));
  table('centres', 'agb VARCHAR', [...reference.specialisedCentres].map((a) => [sqlText(a)]));
  table('combinations', 'specialism VARCHAR, diagnosis_a VARCHAR, diagnosis_b VARCHAR', reference.diagnosisCombinations.flatMap((c) => [
    [sqlText(c.specialism), sqlText(c.diagnosisA), sqlText(c.diagnosisB)], [sqlText(c.specialism), sqlText(c.diagnosisB), sqlText(c.diagnosisA)],
  ]));
  table('ceilings', 'agb VARCHAR, plafond_cents BIGINT', [...reference.ceilings].map(([agb, cents]) => [sqlText(agb), String(cents)]));
  table('excluded_specialisms', 'specialism VARCHAR', settings.parallelExcludedSpecialisms.map((s) => [sqlText(s)]));
  return statements;
}

const DUPLICATE_SQL: Record<string, string> = {
  insured_id: 'bsn', provider_agb: 'agb', declaration_code: 'decl', start_date: 'start_date', end_date: 'end_date',
  amount_cents: 'amount_cents', care_type: 'care_type', specialism: 'specialism', diagnosis: 'diagnosis', uzovi: 'uzovi',
};

/** The checks as SQL over `claims` (valid lines): one temp table per rule with (claim_id, at_stake). */
function checksSql(settings: CheckSettings): string[] {
  const dupKey = ['is_addon', ...settings.duplicateFields.map((f) => DUPLICATE_SQL[f] as string)].join(', ');
  const paidShare = settings.ceilingPaidShare;
  const rejectRules = RULE_IDS.filter((r) => r !== 'ceiling' && settings.rules[r].action === 'reject').map((r) => `SELECT claim_id FROM f_${r.replace(/-/g, '_')}`);
  const rejected = rejectRules.length > 0 ? rejectRules.join(' UNION ') : 'SELECT NULL::VARCHAR AS claim_id WHERE false';
  const overlap = 'a.start_date <= b.end_date AND b.start_date <= a.end_date';
  const serial = `a.care_type = ${sqlText(settings.initialCareType)} AND a.diagnosis = b.diagnosis AND b.end_date < a.start_date AND a.start_date - b.end_date <= ${settings.serialWindowDays}`;
  return [
    `CREATE TEMP VIEW valid_claims AS SELECT *, zi_number IS NOT NULL AS is_addon,
       CASE WHEN zi_number IS NULL THEN 'dbc:' || product_code ELSE 'zi:' || zi_number END AS decl
     FROM claims WHERE claim_id NOT IN (SELECT claim_id FROM invalid)`,
    // Credits: the i-th credit (claim-id order) cancels the i-th identical line with the opposite amount; only keys that have a credit.
    `CREATE TEMP TABLE settled AS
     WITH credit_keys AS (SELECT DISTINCT bsn, agb, decl, start_date, end_date, -amount_cents AS amount FROM valid_claims WHERE amount_cents < 0),
     candidates AS (
       SELECT s.claim_id, s.amount_cents,
         row_number() OVER (PARTITION BY s.bsn, s.agb, s.decl, s.start_date, s.end_date, abs(s.amount_cents), s.amount_cents < 0 ORDER BY s.claim_id) AS rk,
         count(*) FILTER (WHERE s.amount_cents < 0) OVER w AS credits,
         count(*) FILTER (WHERE s.amount_cents > 0) OVER w AS positives
       FROM valid_claims s SEMI JOIN credit_keys k
         ON s.bsn = k.bsn AND s.agb = k.agb AND s.decl = k.decl AND s.start_date = k.start_date AND s.end_date = k.end_date AND abs(s.amount_cents) = k.amount
       WINDOW w AS (PARTITION BY s.bsn, s.agb, s.decl, s.start_date, s.end_date, abs(s.amount_cents)))
     SELECT claim_id FROM candidates WHERE (amount_cents > 0 AND rk <= credits) OR (amount_cents < 0 AND rk <= positives)`,
    `CREATE TEMP VIEW live AS SELECT * FROM valid_claims WHERE amount_cents >= 0 AND claim_id NOT IN (SELECT claim_id FROM settled)`,
    // Duplicates: later lines of a key that occurs more than once.
    `CREATE TEMP TABLE f_duplicate AS
     WITH keys AS (SELECT ${dupKey} FROM live GROUP BY ALL HAVING count(*) > 1),
     ranked AS (SELECT l.claim_id, l.amount_cents, row_number() OVER (PARTITION BY ${dupKey.split(', ').map((c) => `l.${c}`).join(', ')} ORDER BY l.claim_id) AS rk
                FROM live l SEMI JOIN keys USING (${dupKey}))
     SELECT claim_id, greatest(amount_cents, 0) AS at_stake FROM ranked WHERE rk > 1`,
    `CREATE TEMP VIEW sub AS SELECT claim_id, bsn, agb, specialism, diagnosis, product_code, care_type, start_date, end_date, amount_cents
     FROM live WHERE NOT is_addon AND claim_id NOT IN (SELECT claim_id FROM f_duplicate)`,
    // One self-join per person, provider and specialism serves parallelity (overlap) and seriality (same diagnosis, gap 1..N).
    `CREATE TEMP TABLE near AS
     SELECT a.claim_id, a.amount_cents, a.specialism, a.diagnosis AS diagnosis_a, b.diagnosis AS diagnosis_b, a.product_code AS product_a, b.product_code AS product_b,
            ${overlap} AS is_overlap
     FROM sub a JOIN sub b ON a.bsn = b.bsn AND a.agb = b.agb AND a.specialism = b.specialism
     WHERE a.claim_id <> b.claim_id AND ((${overlap}) OR (${serial}))`,
    `CREATE TEMP TABLE f_parallel AS SELECT DISTINCT claim_id, greatest(amount_cents, 0) AS at_stake FROM near WHERE is_overlap AND diagnosis_a = diagnosis_b`,
    `CREATE TEMP TABLE f_parallel_combination AS SELECT DISTINCT p.claim_id, greatest(p.amount_cents, 0) AS at_stake FROM near p
     SEMI JOIN combinations c ON c.specialism = p.specialism AND c.diagnosis_a = p.diagnosis_a AND c.diagnosis_b = p.diagnosis_b
     WHERE p.is_overlap AND p.diagnosis_a <> p.diagnosis_b`,
    `CREATE TEMP TABLE f_parallel_specialism AS SELECT DISTINCT p.claim_id, greatest(p.amount_cents, 0) AS at_stake FROM near p
     LEFT JOIN products pa ON pa.product_code = p.product_a LEFT JOIN products pb ON pb.product_code = p.product_b
     WHERE p.is_overlap AND p.specialism IN (SELECT specialism FROM excluded_specialisms)
       AND NOT coalesce(pa.parallel_exception, false) AND NOT coalesce(pb.parallel_exception, false)`,
    `CREATE TEMP TABLE f_serial AS SELECT DISTINCT claim_id, greatest(amount_cents, 0) AS at_stake FROM near WHERE NOT is_overlap`,
    `CREATE TEMP TABLE f_non_evidence AS SELECT l.claim_id, greatest(l.amount_cents, 0) AS at_stake FROM live l
     JOIN products p ON p.product_code = l.product_code WHERE NOT l.is_addon AND p.bijlage4_item IS NOT NULL`,
    `CREATE TEMP TABLE f_selective AS SELECT l.claim_id, greatest(l.amount_cents, 0) AS at_stake FROM live l
     JOIN products p ON p.product_code = l.product_code JOIN selective_requirements r ON r.selective_id = p.selective_id
     ANTI JOIN holdings h ON h.agb = l.agb AND h.kind = r.kind AND h.code = r.code
     WHERE NOT l.is_addon`,
    `CREATE TEMP TABLE f_addon_tariff AS SELECT l.claim_id, CAST(round(l.amount_cents - l.units * d.tariff_cents, 0) AS BIGINT) AS at_stake FROM live l
     JOIN drugs d ON d.zi_number = l.zi_number WHERE l.is_addon AND l.amount_cents > l.units * d.tariff_cents`,
    `CREATE TEMP TABLE f_addon_centre AS SELECT l.claim_id, greatest(l.amount_cents, 0) AS at_stake FROM live l
     JOIN drugs d ON d.zi_number = l.zi_number WHERE l.is_addon AND d.centres_only AND l.agb NOT IN (SELECT agb FROM centres)`,
    // Ceiling: payable subtraject lines (and unmatched credits) per provider in start-date order.
    `CREATE TEMP TABLE f_ceiling AS
     WITH rejected AS (${rejected}),
     lines AS (SELECT s.claim_id, s.agb, s.start_date, s.amount_cents FROM valid_claims s
               SEMI JOIN ceilings c ON c.agb = s.agb
               WHERE NOT s.is_addon AND s.claim_id NOT IN (SELECT claim_id FROM settled) AND s.claim_id NOT IN (SELECT claim_id FROM rejected)),
     running AS (SELECT *, sum(amount_cents) OVER (PARTITION BY agb ORDER BY start_date, claim_id ROWS UNBOUNDED PRECEDING) AS cumulative FROM lines),
     over AS (SELECT r.claim_id, least(r.amount_cents, r.cumulative - c.plafond_cents) AS over_cents FROM running r JOIN ceilings c USING (agb)
              WHERE r.amount_cents > 0 AND r.cumulative > c.plafond_cents)
     SELECT claim_id, over_cents - CAST(round(over_cents * ${paidShare}::DECIMAL(18, 6), 0) AS BIGINT) AS at_stake FROM over
     WHERE over_cents - CAST(round(over_cents * ${paidShare}::DECIMAL(18, 6), 0) AS BIGINT) > 0`,
  ];
}

async function runDuckdb(args: Args): Promise<RunReport> {
  const duckdb = await importDuckDb();
  if (!duckdb) throw new Error(`${DUCKDB_PACKAGE} is not installed`);
  const { DuckDBInstance, version } = duckdb;
  const { policy, addOn } = await loadPolicies();
  const settings = expectOk(resolveCheckSettings(policy, addOn));
  const truth = JSON.parse(readFileSync(truthPath(args.file), 'utf8')) as DemoFileTruth;
  const reference = referenceFor(args.seed, truth);
  const instance = await DuckDBInstance.create(':memory:', { threads: String(args.workers) });
  const db = await instance.connect();
  const phases: Phase[] = [];
  const started = performance.now();
  let t = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push({ phase: name, seconds: (now - t) / 1000 });
    t = now;
  };
  // read_csv with explicit types (it checks numbers and calendar dates), then the same validation
  // as parseClaimRecord; the invalid lines (none in a generated file) are left out of the checks.
  await db.run(`CREATE TABLE claims AS SELECT * FROM read_csv(${sqlText(args.file)}, header = true, delim = ',', quote = '"', auto_detect = false,
    columns = {'claim_id': 'VARCHAR', 'uzovi': 'VARCHAR', 'agb': 'VARCHAR', 'bsn': 'VARCHAR', 'care_type': 'VARCHAR', 'specialism': 'VARCHAR',
               'diagnosis': 'VARCHAR', 'product_code': 'VARCHAR', 'start_date': 'DATE', 'end_date': 'DATE', 'amount_cents': 'BIGINT',
               'zi_number': 'VARCHAR', 'units': 'DECIMAL(12,3)'})`);
  phase('load (read_csv into a table)');
  const elfproef = [9, 8, 7, 6, 5, 4, 3, 2, -1].map((w, i) => `${w} * (ascii(substr(bsn, ${i + 1}, 1)) - 48)`).join(' + ');
  await db.run(`CREATE TEMP TABLE invalid AS SELECT claim_id FROM claims WHERE NOT coalesce(
        regexp_full_match(claim_id, '[A-Za-z0-9._/-]{1,64}') AND regexp_full_match(uzovi, '[0-9]{4}') AND regexp_full_match(agb, '[0-9]{8}')
        AND regexp_full_match(bsn, '[0-9]{9}') AND bsn <> '000000000' AND (${elfproef}) % 11 = 0
        AND care_type IN ('11', '21') AND regexp_full_match(specialism, '[0-9]{4}') AND regexp_full_match(diagnosis, '[0-9]{1,4}')
        AND regexp_full_match(product_code, '[0-9]{9}') AND end_date >= start_date AND year(start_date) BETWEEN 1900 AND 2999 AND year(end_date) BETWEEN 1900 AND 2999
        AND amount_cents IS NOT NULL
        AND (zi_number IS NULL) = (units IS NULL) AND (zi_number IS NULL OR regexp_full_match(zi_number, '[0-9]{8}')) AND (units IS NULL OR units > 0), false)`);
  const invalid = await db.runAndReadAll('SELECT (SELECT count(*) FROM invalid), (SELECT count(*) FROM claims)');
  const [invalidCount, total] = (invalid.getRows()[0] ?? [0n, 0n]).map((v) => Number(v));
  phase('validate (SQL)');
  for (const statement of referenceSql(reference, settings)) await db.run(statement);
  for (const statement of checksSql(settings)) {
    const s0 = performance.now();
    await db.run(statement);
    if (args.verbose) console.error(`    ${((performance.now() - s0) / 1000).toFixed(2)} s  ${statement.replace(/\s+/g, ' ').slice(0, 90)}`);
  }
  phase('checks (SQL)');
  const flagged: Record<string, [string, number, string?][]> = {};
  for (const rule of RULE_IDS) {
    const reader = await db.runAndReadAll(`SELECT claim_id, at_stake FROM f_${rule.replace(/-/g, '_')} ORDER BY claim_id`);
    flagged[rule] = reader.getRows().map(([id, stake]) => [String(id), Number(stake)]);
  }
  phase('fetch findings');
  return {
    engine: `DuckDB ${version()} (${args.workers} threads)`,
    phases, totalSeconds: (performance.now() - started) / 1000, claims: total ?? 0, rejected: invalidCount ?? 0, peakRssBytes: peakRss(), flagged,
  };
}

// ------------------------------------------------------------------------------------------------
// Parent

async function ensureFile(args: Args, rows: number): Promise<{ file: string; truth: DemoFileTruth; generatedSeconds: number | null }> {
  mkdirSync(args.dir, { recursive: true });
  const file = join(args.dir, `claims-${args.seed}-${rows}.v${FILE_FORMAT}.csv`);
  if (existsSync(file) && existsSync(truthPath(file))) {
    return { file, truth: JSON.parse(readFileSync(truthPath(file), 'utf8')) as DemoFileTruth, generatedSeconds: null };
  }
  const t = performance.now();
  const truth = await writeDemoClaimFile(`${file}.partial`, { seed: args.seed, rows });
  renameSync(`${file}.partial`, file);
  writeFileSync(truthPath(file), JSON.stringify(truth));
  return { file, truth, generatedSeconds: (performance.now() - t) / 1000 };
}

function runChild(args: Args, role: 'engine' | 'duckdb', file: string): Promise<RunReport> {
  const out = join(args.dir, `result-${role}-${process.pid}.json`);
  const self = fileURLToPath(import.meta.url);
  const argv = [...process.execArgv, self, '--child', role, '--file', file, '--out', out, '--seed', args.seed, '--workers', String(args.workers), ...(args.verbose ? ['--verbose'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`${role} child exited with ${code}`));
      else {
        const report = JSON.parse(readFileSync(out, 'utf8')) as RunReport;
        rmSync(out, { force: true });
        resolve(report);
      }
    });
  });
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function printRun(report: RunReport, rows: number): void {
  console.log(`  ${report.engine}`);
  for (const p of report.phases) console.log(`    ${pad(p.phase, 66)} ${lpad(fmt(p.seconds, 2), 8)} s`);
  console.log(`    ${pad('total', 66)} ${lpad(fmt(report.totalSeconds, 2), 8)} s   ${fmt(rows / report.totalSeconds)} claims/s   peak RSS ${mb(report.peakRssBytes)}`);
}

const TRUTH_RULE: Record<string, RuleId> = {
  duplicate: 'duplicate', parallel: 'parallel', serial: 'serial', bijlage4: 'non-evidence', selective: 'selective', 'addon-above-tariff': 'addon-tariff',
};

interface SizeResult {
  rows: number;
  engine: RunReport;
  duckdb: RunReport | null;
  sameIds: boolean;
  truthOk: boolean;
}

/**
 * Per rule: does DuckDB flag the same ids with the same amounts, and how do the engine's findings
 * match the injected anomalies. An injected line counts as found when it is flagged, or when a
 * flagged line names it as related (a duplicate copy that the shuffle put before its original
 * leaves the original flagged; a parallel subtraject's partner is flagged too). A miss is excused
 * only when a credit in the same episode cancelled what the anomaly refers to; a flagged line that
 * is neither injected nor related to an injected one (nor in such a credited episode) is a false
 * positive.
 */
function compare(engine: RunReport, duckdb: RunReport | null, truth: DemoFileTruth): { sameIds: boolean; truthOk: boolean } {
  const affected = new Set(truth.creditAffected);
  let sameIds = true;
  let truthOk = true;
  console.log(`  ${pad('rule', 22)} ${lpad('engine', 9)} ${lpad('duckdb', 9)}  ${pad('same ids', 9)} ${pad('same at stake', 14)} ground truth: injected, found, missed (after a credit), false positives`);
  for (const rule of RULE_IDS) {
    const mine = engine.flagged[rule] ?? [];
    const theirs = duckdb?.flagged[rule] ?? null;
    const ids = mine.map(([id]) => id).sort();
    const same = theirs === null ? null : JSON.stringify(ids) === JSON.stringify(theirs.map(([id]) => id).sort());
    const theirStake = new Map((theirs ?? []).map(([id, stake]) => [id, stake]));
    const sameStake = theirs === null ? null : same === true && mine.every(([id, stake]) => theirStake.get(id) === stake);
    if (same === false || sameStake === false) sameIds = false;
    let truthText = '';
    const kind = Object.keys(TRUTH_RULE).find((k) => TRUTH_RULE[k] === rule);
    if (kind) {
      const injected = new Set(truth.injected.filter(([, k]) => k === kind).map(([id]) => id));
      const flagged = new Set(ids);
      const named = new Set(mine.flatMap(([, , related]) => (related ? related.split(' ') : [])));
      const found = [...injected].filter((id) => flagged.has(id) || named.has(id));
      const missed = [...injected].filter((id) => !flagged.has(id) && !named.has(id));
      const missedUnexcused = missed.filter((id) => !affected.has(id));
      const falsePositives = mine.filter(([id, , related]) => !injected.has(id) && !affected.has(id) && !(related ?? '').split(' ').some((r) => injected.has(r)));
      if (missedUnexcused.length > 0 || falsePositives.length > 0) truthOk = false;
      if (missed.length === 0) truthText = `${fmt(injected.size)}, ${fmt(found.length)}, 0, ${fmt(falsePositives.length)}`;
      else if (missedUnexcused.length === 0) truthText = `${fmt(injected.size)}, ${fmt(found.length)}, ${fmt(missed.length)} (all after a credit), ${fmt(falsePositives.length)}`;
      else truthText = `${fmt(injected.size)}, ${fmt(found.length)}, ${fmt(missed.length)} (${fmt(missedUnexcused.length)} NOT after a credit), ${fmt(falsePositives.length)}`;
    }
    console.log(`  ${pad(rule, 22)} ${lpad(fmt(mine.length), 9)} ${lpad(theirs === null ? '-' : fmt(theirs.length), 9)}  ${pad(same === null ? '-' : same ? 'yes' : 'NO', 9)} ${pad(sameStake === null ? '-' : sameStake ? 'yes' : 'NO', 14)} ${truthText}`);
  }
  return { sameIds, truthOk };
}

async function parent(args: Args): Promise<void> {
  const duckdbReady = args.skipDuckdb || args.prepare ? false : await ensureDuckDb();
  if (!args.skipDuckdb && !args.prepare && !duckdbReady) console.log(`DuckDB (${DUCKDB_PACKAGE}) could not be installed: the comparison is skipped.`);
  const sizes = args.rows >= 10_000_000 ? [1_000_000, args.rows] : [args.rows];
  console.log(`Claims control benchmark: seed '${args.seed}', ${args.workers} workers / DuckDB threads on ${availableParallelism()} cores, Node ${process.version}`);
  console.log(`Load average at start (other processes on this machine): ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`Files in ${args.dir}`);
  const results: SizeResult[] = [];
  for (const rows of sizes) {
    console.log(`\n== ${fmt(rows)} claim lines ==`);
    const { file, truth, generatedSeconds } = await ensureFile(args, rows);
    console.log(`  file ${mb(statSync(file).size)}, ${generatedSeconds === null ? 'reused' : `generated in ${fmt(generatedSeconds, 1)} s`}; injected anomalies ${fmt(truth.injected.length)}`);
    if (args.prepare) continue;
    const engineRuns: RunReport[] = [];
    const duckdbRuns: RunReport[] = [];
    for (let run = 0; run < args.repeat; run++) {
      engineRuns.push(await runChild(args, 'engine', file));
      if (duckdbReady) duckdbRuns.push(await runChild(args, 'duckdb', file));
    }
    const fastest = (reports: RunReport[]) => reports.reduce<RunReport | null>((best, r) => (best === null || r.totalSeconds < best.totalSeconds ? r : best), null);
    const totals = (reports: RunReport[]) => reports.map((r) => `${fmt(r.totalSeconds, 2)} s`).join(', ');
    const engine = fastest(engineRuns) as RunReport;
    const duckdb = fastest(duckdbRuns);
    printRun(engine, rows);
    if (args.repeat > 1) console.log(`    (${args.repeat} runs: ${totals(engineRuns)}; the fastest is shown)`);
    console.log(`    (load average after: ${loadavg()[0]?.toFixed(2)})`);
    if (duckdb) {
      printRun(duckdb, rows);
      if (args.repeat > 1) console.log(`    (${args.repeat} runs: ${totals(duckdbRuns)}; the fastest is shown)`);
      console.log(`    (load average after: ${loadavg()[0]?.toFixed(2)})`);
      console.log(`  engine / DuckDB: ${fmt(duckdb.totalSeconds / engine.totalSeconds, 2)}x faster; rejected lines ${fmt(engine.rejected)} / ${fmt(duckdb.rejected)}`);
    }
    const { sameIds, truthOk } = compare(engine, duckdb, truth);
    console.log(`  same claim ids and amounts per rule as DuckDB: ${duckdb ? (sameIds ? 'yes' : 'NO') : '-'}; matches injected ground truth: ${truthOk ? 'yes' : 'NO'}`);
    results.push({ rows, engine, duckdb, sameIds, truthOk });
  }
  if (results.length > 1) {
    console.log('\n== growth ==');
    for (const r of results) {
      const perMillion = r.engine.totalSeconds / (r.rows / 1e6);
      const duckPerMillion = r.duckdb ? r.duckdb.totalSeconds / (r.rows / 1e6) : NaN;
      console.log(`  ${lpad(fmt(r.rows), 11)} rows: engine ${fmt(perMillion, 3)} s per million rows, peak RSS ${mb(r.engine.peakRssBytes)}; DuckDB ${fmt(duckPerMillion, 3)} s per million rows, peak RSS ${r.duckdb ? mb(r.duckdb.peakRssBytes) : '-'}`);
    }
  }
}

const args = parseArgs(process.argv.slice(2));
if (args.child) {
  const report = args.child === 'engine' ? await runEngine(args) : await runDuckdb(args);
  writeFileSync(args.out, JSON.stringify(report));
  process.exit(0);
} else {
  await parent(args);
}
