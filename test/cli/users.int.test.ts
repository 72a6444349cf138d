/**
 * The `zorginkoop users` contract from a clean database on every database: `db migrate`, then
 * `users add` for each role (a controller or medical adviser gets a TOTP secret and its otpauth
 * URI), clear refusals with exit 1, `users reset-second-factor`, and the users log in over the
 * real HTTP API afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyCatalogue } from '../../src/app/policies.js';
import { systemActor } from '../../src/domain/auth/actor.js';
import { totpCode, totpStep } from '../../src/domain/auth/second-factor.js';
import { expectOk } from '../../src/domain/errors.js';
import { buildServer } from '../../src/http/server.js';
import { withActor } from '../../src/storage/context.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { cliEnv, runCli } from '../support/cli.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';

const PROVIDER_AGB = '06099001';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const users = {
  purchaser: { email: 'inkoper@test.nl', password: 'Inkoop-Test-2018' },
  controller: { email: 'controller@test.nl', password: 'Controle-Test-2018' },
  adviser: { email: 'adviseur@test.nl', password: 'Advies-Test-2018' },
  provider: { email: 'aanbieder@test.nl', password: 'Aanbod-Test-2018' },
};

describe.each(databaseKinds)('zorginkoop users on %s', (kind) => {
  let t: TestDatabase | undefined;
  let env: Record<string, string | undefined>;
  const dir = mkdtempSync(path.join(tmpdir(), 'zk-users-'));
  let controllerUri: string;

  const cli = async (args: string[]) => {
    const result = await runCli(args, env);
    const out = result.stdout.trim();
    return { ...result, json: out.startsWith('{') || out.startsWith('[') ? JSON.parse(out) : null };
  };
  const add = (user: { email: string; password: string }, ...rest: string[]) => cli(['users', 'add', '--email', user.email, '--password', user.password, ...rest]);

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

  it('migrates a clean database and adds a user of every role', async () => {
    expect((await cli(['db', 'migrate'])).code).toBe(0);
    const file = path.join(dir, 'providers.csv');
    writeFileSync(file, `agb,name,type,city,kernregio,zk_revenue_eur\n${PROVIDER_AGB},Ziekenhuis Test,ziekenhuis,Zwolle,ja,100\n`);
    expect((await cli(['providers', 'import', file, '--json'])).code).toBe(0);

    const purchaser = await add(users.purchaser, '--role', 'purchaser', '--json');
    expect(purchaser.code).toBe(0);
    expect(purchaser.json).toEqual({ id: expect.any(Number), email: users.purchaser.email, role: 'purchaser', agb: null });

    const controller = await add(users.controller, '--role', 'controller');
    expect(controller.code).toBe(0);
    expect(controller.stdout).toMatch(/controller@test\.nl \(controller\) toegevoegd/);
    controllerUri = /otpauth:\/\/totp\/\S+/.exec(controller.stdout)![0];
    expect(new URL(controllerUri).searchParams.get('secret')).toMatch(/^[A-Z2-7]{32}$/);

    const adviser = await add(users.adviser, '--role', 'medical-adviser', '--totp-secret', SECRET.toLowerCase(), '--json');
    expect(adviser.code).toBe(0);
    expect(adviser.json).toMatchObject({ role: 'medical-adviser', totp_uri: expect.stringMatching(/^otpauth:\/\/totp\/Zorginkoop:adviseur%40test\.nl\?/) });
    expect(new URL(adviser.json.totp_uri).searchParams.get('secret')).toBe(SECRET);

    const provider = await add(users.provider, '--role', 'provider', '--agb', PROVIDER_AGB, '--signatory', '--json');
    expect(provider.code).toBe(0);
    expect(provider.json).toEqual({ id: expect.any(Number), email: users.provider.email, role: 'provider', agb: PROVIDER_AGB });
  });

  /** Each case must exit 1 with the message on stderr. */
  const refuses = async (cases: [string[], RegExp][]) => {
    for (const [args, message] of cases) {
      const result = await cli(['users', 'add', ...args]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  };

  it('refuses a bad role, a provider without AGB and an unknown AGB with exit 1', async () => {
    await refuses([
      [['--email', 'x@test.nl', '--password', 'Goed-Wachtwoord-1', '--role', 'beheerder'], /Rol moet purchaser, controller, medical-adviser of provider zijn/],
      [['--email', 'x@test.nl', '--password', 'Goed-Wachtwoord-1', '--role', 'provider'], /AGB-code nodig \(--agb\)/],
      [['--email', 'x@test.nl', '--password', 'Goed-Wachtwoord-1', '--role', 'provider', '--agb', '06099999'], /AGB-code 06099999 bestaat niet/],
    ]);
  });

  it('refuses a weak password, a duplicate e-mail and a bad TOTP secret with exit 1', async () => {
    await refuses([
      [['--email', 'x@test.nl', '--password', 'wachtwoord1', '--role', 'purchaser'], /te gangbaar/],
      [['--email', users.purchaser.email.toUpperCase(), '--password', 'Goed-Wachtwoord-1', '--role', 'purchaser'], /bestaat al een gebruiker/],
      [['--email', 'x@test.nl', '--password', 'Goed-Wachtwoord-1', '--role', 'controller', '--totp-secret', 'ABC1'], /base32/],
    ]);
  });

  it('resets the second factor of a controller or medical adviser, and of no one else', async () => {
    const reset = await cli(['users', 'reset-second-factor', '--email', users.adviser.email, '--json']);
    expect(reset.code).toBe(0);
    expect(reset.json).toMatchObject({ email: users.adviser.email, second_factor: 'enrolment-required' });
    const purchaser = await cli(['users', 'reset-second-factor', '--email', users.purchaser.email]);
    expect(purchaser.code).toBe(1);
    expect(purchaser.stderr).toMatch(/geen tweede factor/);
    expect((await cli(['users', 'reset-second-factor', '--email', 'niemand@test.nl'])).code).toBe(1);
  });

  it('lets the users log in over HTTP: 200 and a cookie, 401 otherwise; the second factor as set up', async () => {
    const db: Database = t ? t.db : await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'data') });
    const app = await buildServer({ db, policies: expectOk(await loadPolicyCatalogue()) });
    try {
      // Nothing of the refused commands was stored.
      const stored = await withActor(db, systemActor('test'), (tx) => tx.selectFrom('users').select('email').orderBy('email').execute());
      expect(stored.map((u) => u.email)).toEqual(Object.values(users).map((u) => u.email).sort());
      const login = (body: Record<string, string>) => app.inject({ method: 'POST', url: '/api/auth/login', payload: body });
      for (const user of [users.purchaser, users.provider]) {
        const ok = await login(user);
        expect(ok.statusCode).toBe(200);
        expect(String(ok.headers['set-cookie'])).toMatch(/zk_session=/);
        expect(ok.json()).toMatchObject({ user: { email: user.email }, second_factor: 'not-required' });
      }
      const wrong = await login({ email: users.purchaser.email, password: 'niet-het-wachtwoord' });
      const unknown = await login({ email: 'niemand@test.nl', password: 'niet-het-wachtwoord' });
      expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
      expect(wrong.headers['set-cookie']).toBeUndefined();
      expect(wrong.json()).toEqual(unknown.json());

      expect((await login(users.controller)).json()).toMatchObject({ second_factor: 'required' });
      const secret = new URL(controllerUri).searchParams.get('secret')!;
      const both = await login({ ...users.controller, totp: totpCode(secret, totpStep(new Date())) });
      expect(both.statusCode).toBe(200);
      expect(both.json()).toMatchObject({ second_factor: 'verified' });
      expect((await login(users.adviser)).json()).toMatchObject({ second_factor: 'enrolment-required' });
    } finally {
      await app.close();
      if (!t) await db.close();
    }
  });
});
