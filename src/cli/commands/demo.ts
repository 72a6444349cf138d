import type { Command } from 'commander';
import { DEFAULT_DEMO_CLAIMS, seedDemo } from '../../app/demo/seed-demo.js';
import { CliExit, printJson, unwrap, withDatabase } from '../io.js';

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('Demodata')
    .command('seed')
    .description('Laad de deterministische demodata (zorgaanbieders, zorgproducten, add-on geneesmiddelen, declaraties, demo-gebruikers)')
    .option('--claims <n>', 'aantal declaratieregels', String(DEFAULT_DEMO_CLAIMS))
    .option('--seed <s>', 'seed van de generator', 'zorginkoop')
    .option('--if-empty', 'niets doen als er al zorgaanbieders zijn')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { claims: string; seed: string; ifEmpty?: boolean; json?: boolean }) => {
      const claims = Number(opts.claims);
      if (!Number.isSafeInteger(claims) || claims < 0) {
        console.error(`--claims moet een geheel getal ≥ 0 zijn (gekregen: ${opts.claims}).`);
        throw new CliExit(1);
      }
      await withDatabase(async (db) => {
        const report = unwrap(
          await seedDemo(db, { seed: opts.seed, claims, ifEmpty: opts.ifEmpty === true, onProgress: opts.json ? undefined : (m) => console.log(`  ${m}`) }),
          opts.json === true,
        );
        if (opts.json) return printJson(report);
        if (report.skipped) console.log('Demodata staat er al; niets gewijzigd.');
        else console.log(`Demodata geladen: ${report.providers.created} nieuwe zorgaanbieders, ${report.claims.inserted} declaraties, ${report.users.created} gebruikers.`);
      });
    });
}
