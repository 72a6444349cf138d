#!/usr/bin/env node
/**
 * The command-line door `zorginkoop`. Every command has --help, --json where it prints data, and
 * exits 0 on success, 1 on bad input, 2 on any other failure.
 */
import { Command, CommanderError } from 'commander';
import { registerAddonFiguresCommands } from './commands/addon-figures.js';
import { registerApplicationCommands } from './commands/applications.js';
import { registerAuthorisationCommands } from './commands/authorisations.js';
import { registerClaimsCommands } from './commands/claims.js';
import { registerContractingCommands } from './commands/contracting.js';
import { registerDbCommands } from './commands/db.js';
import { registerDemoCommands } from './commands/demo.js';
import { registerGeoCommands } from './commands/geo.js';
import { registerMirrorCommands } from './commands/mirror.js';
import { registerPolicyCommands } from './commands/policy.js';
import { registerProviderCommands } from './commands/providers.js';
import { registerPurchasingCommands } from './commands/purchasing.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommands } from './commands/users.js';
import { CliExit } from './io.js';

export function buildProgram(): Command {
  const program = new Command('zorginkoop')
    .description('Zorginkoop: inkoop medisch-specialistische zorg en add-on geneesmiddelen')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerDbCommands(program);
  registerDemoCommands(program);
  registerPolicyCommands(program);
  registerProviderCommands(program);
  registerUserCommands(program);
  registerPurchasingCommands(program);
  registerAddonFiguresCommands(program);
  registerApplicationCommands(program);
  registerAuthorisationCommands(program);
  registerContractingCommands(program);
  registerGeoCommands(program);
  registerClaimsCommands(program);
  registerMirrorCommands(program);
  registerServeCommand(program);
  const override = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 1; // unknown option, missing argument: bad input (commander has printed why)
    }
    console.error(`Interne fout: ${(error as Error).message}`);
    if (process.env.ZORGINKOOP_DEBUG) console.error(error);
    return 2;
  }
}

// A closed pipe (`zorginkoop … | head`) ends the output, not the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
