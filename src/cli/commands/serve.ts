import type { Command } from 'commander';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { buildServer } from '../../http/server.js';
import { databaseConfigFromEnv, openDatabase } from '../../storage/database.js';
import { migrate } from '../../storage/migrate.js';
import { CliExit, unwrap } from '../io.js';
import { DEMO_LOGINS } from '../../app/demo/demo-users.js';
import { startJobWorker } from '../../jobs/worker.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start de webapp en de API')
    .option('--port <port>', 'poort', process.env.PORT ?? '3000')
    .option('--host <host>', 'adres', process.env.HOST ?? '127.0.0.1')
    .action(async (opts: { port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`Ongeldige poort: ${opts.port}`);
        throw new CliExit(1);
      }
      const policies = unwrap(await loadPolicyCatalogue(), false);
      const db = await openDatabase(databaseConfigFromEnv());
      await migrate(db);
      const app = await buildServer({ db, policies, logger: process.env.ZORGINKOOP_LOG !== 'off' });
      // The deadlines act by themselves: the job worker (pg-boss) sweeps them every minute.
      const worker = await startJobWorker({ db, policies });
      const shutdown = async () => {
        await app.close();
        await worker.stop();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      await app.listen({ port, host: opts.host });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      console.log(`\nZorginkoop draait op http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${actualPort}/  (database: ${db.description})`);
      console.log(`API-documentatie: http://${opts.host}:${actualPort}/api/docs`);
      console.log('Demo-inlogs:');
      for (const u of DEMO_LOGINS) console.log(`  ${u.label.padEnd(26)} ${u.email}  /  ${u.password}`);
      await new Promise(() => {});
    });
}
