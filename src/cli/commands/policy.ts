import type { Command } from 'commander';
import { loadPolicyCatalogue } from '../../app/policies.js';
import { printJson, unwrap } from '../io.js';

export function registerPolicyCommands(program: Command): void {
  const policy = program.command('policy').description('Inkoopbeleid: de beleidsbestanden in policies/');

  policy
    .command('list')
    .description('Toon alle beleidsbestanden (gevalideerd tegen het schema)')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { json?: boolean }) => {
      const catalogue = unwrap(await loadPolicyCatalogue(), opts.json === true);
      const list = catalogue.list();
      if (opts.json) return printJson(list);
      for (const p of list) console.log(`${p.id.padEnd(14)} v${p.version}  ${p.policy_year}  ${p.title}`);
    });

  policy
    .command('show <id>')
    .description('Toon één beleidsbestand volledig')
    .option('--json', 'uitvoer als JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const catalogue = unwrap(await loadPolicyCatalogue(), opts.json === true);
      const policy = unwrap(catalogue.get(id), opts.json === true);
      if (opts.json) return printJson(policy);
      const { stringify } = await import('yaml');
      process.stdout.write(stringify(policy));
    });
}
