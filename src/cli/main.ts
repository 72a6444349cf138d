#!/usr/bin/env node
/**
 * The command-line door `zorginkoop`. Every command has --help, --json where it prints data, and
 * exits 0 on success, 1 on bad input, 2 on any other failure.
 */
import { Command, CommanderError } from 'commander';
import { modulesFor } from './command-modules.js';
import { CliExit } from './io.js';

/** The program with the command groups `args` (the words after `zorginkoop`) needs; all by default. */
export async function buildProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('zorginkoop')
    .description('Zorginkoop: inkoop medisch-specialistische zorg en add-on geneesmiddelen')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const module of modulesFor(args)) (await module.load())(program);
  const override = (command: Command) => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv.slice(2))).parseAsync(argv);
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
