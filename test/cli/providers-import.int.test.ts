import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../support/cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const header = 'agb,name,type,city,kernregio,zk_revenue_eur';
const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => `0601${String(i + 1).padStart(4, '0')},Ziekenhuis ${i + 1},ziekenhuis,Zwolle,${i % 2 ? 'ja' : 'nee'},${12_000_000 + i}.50`);

describe.each(databaseKinds)('zorginkoop providers import on %s', (kind) => {
  let t: TestDatabase | undefined;
  let env: Record<string, string | undefined>;
  const dir = mkdtempSync(path.join(tmpdir(), 'zk-providers-'));

  beforeAll(async () => {
    if (kind === 'postgres') {
      t = await createTestDatabase('postgres', { migrate: false });
      env = cliEnv({ url: t.url });
    } else {
      env = cliEnv({ url: null, dataDir: path.join(dir, 'data') });
    }
  });
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const list = async () => JSON.parse((await runCli(['providers', 'list', '--json'], env)).stdout) as { agb: string; name: string; kernregio: boolean }[];

  it('refuses a file with a bad AGB on line 7, naming line 7, and stores nothing', async () => {
    const lines = [header, ...rows(10)];
    lines[6] = lines[6]!.replace(/^\d{8}/, '0601X07'); // line 7 of the file
    const file = path.join(dir, 'bad.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = await runCli(['providers', 'import', file, '--json'], env);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([expect.objectContaining({ line: 7, column: 'agb' })]);
    expect(report.errors[0].message).toMatch(/8 cijfers/);
    expect(await list()).toEqual([]);
  });

  it('imports a valid file in full, and a second import changes nothing', async () => {
    const file = path.join(dir, 'good.csv');
    writeFileSync(file, [header, ...rows(10)].join('\n') + '\n');
    const first = await runCli(['providers', 'import', file, '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 10, created: 10, updated: 0, errors: [] });
    const second = await runCli(['providers', 'import', file, '--json'], env);
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, unchanged: 10, errors: [] });
    const providers = await list();
    expect(providers).toHaveLength(10);
    expect(providers.find((p) => p.agb === '06010002')).toMatchObject({ kernregio: true, zk_revenue_cents: 1_200_000_150 });
  });

  it('leaves stored providers untouched when a later file is refused', async () => {
    const file = path.join(dir, 'update-bad.csv');
    writeFileSync(file, [header, '06010001,Nieuwe naam,ziekenhuis,Zwolle,ja,1.00', '06010002,Tweede,kliniek,Zwolle,nee,abc'].join('\n'));
    const result = await runCli(['providers', 'import', file, '--json'], env);
    expect(result.code).toBe(1);
    const errors = JSON.parse(result.stdout).errors as { line: number; column: string }[];
    expect(errors.map((e) => [e.line, e.column])).toEqual([[3, 'type'], [3, 'zk_revenue_eur']]);
    expect((await list()).find((p) => p.agb === '06010001')?.name).toBe('Ziekenhuis 1');
  });

  it('reads the same columns from an Excel workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Zorgaanbieders');
    sheet.addRow(header.split(','));
    sheet.addRow(['22001234', 'Oogkliniek Test', 'zbc', 'Utrecht', 'nee', 850000.25]);
    const file = path.join(dir, 'zbc.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await runCli(['providers', 'import', file, '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: 1 });
    expect((await list()).find((p) => p.agb === '22001234')).toMatchObject({ name: 'Oogkliniek Test', zk_revenue_cents: 85_000_025 });
  });

  it('refuses a missing column and an unknown one on line 1', async () => {
    const file = path.join(dir, 'header.csv');
    writeFileSync(file, 'agb,naam,type,city,kernregio,zk_revenue_eur\n06019999,X,umc,Leiden,ja,1\n');
    const result = await runCli(['providers', 'import', file, '--json'], env);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: 1, column: 'name' }), expect.objectContaining({ line: 1, column: 'naam' })]),
    );
  });
});
