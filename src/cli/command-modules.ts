/**
 * The command groups of `zorginkoop`, each with the top-level command names it registers, so that a
 * call loads only the module(s) it needs: every module pulls in its use cases (and with them PDF,
 * Excel and chart libraries), and loading all of them costs more than most commands take to run.
 * `--help`, `--version` and unknown commands load them all. `command-modules.test.ts` checks the
 * names against what each module really registers.
 */
import type { Command } from 'commander';

export interface CommandModule {
  /** Top-level command names this module registers (or extends, as `addon figures` extends `addon`). */
  names: readonly string[];
  load(): Promise<(program: Command) => void>;
}

/** In help order; a module that extends another's group comes after it. */
export const COMMAND_MODULES: readonly CommandModule[] = [
  { names: ['db', 'audit'], load: async () => (await import('./commands/db.js')).registerDbCommands },
  { names: ['demo'], load: async () => (await import('./commands/demo.js')).registerDemoCommands },
  { names: ['policy'], load: async () => (await import('./commands/policy.js')).registerPolicyCommands },
  { names: ['providers'], load: async () => (await import('./commands/providers.js')).registerProviderCommands },
  { names: ['users'], load: async () => (await import('./commands/users.js')).registerUserCommands },
  {
    names: ['negotiation', 'agreement', 'proposal', 'settle', 'addon', 'ceilings'],
    load: async () => (await import('./commands/purchasing.js')).registerPurchasingCommands,
  },
  { names: ['addon'], load: async () => (await import('./commands/addon-figures.js')).registerAddonFiguresCommands },
  { names: ['applications'], load: async () => (await import('./commands/applications.js')).registerApplicationCommands },
  { names: ['authorisations'], load: async () => (await import('./commands/authorisations.js')).registerAuthorisationCommands },
  { names: ['calendar', 'jobs'], load: async () => (await import('./commands/contracting.js')).registerContractingCommands },
  { names: ['geo'], load: async () => (await import('./commands/geo.js')).registerGeoCommands },
  { names: ['claims'], load: async () => (await import('./commands/claims.js')).registerClaimsCommands },
  { names: ['mirror'], load: async () => (await import('./commands/mirror.js')).registerMirrorCommands },
  { names: ['serve'], load: async () => (await import('./commands/serve.js')).registerServeCommand },
];

/** The modules a command line needs: those registering its first word, or all of them. */
export function modulesFor(argv: readonly string[]): readonly CommandModule[] {
  const first = argv.find((a) => !a.startsWith('-'));
  const needed = first === undefined ? [] : COMMAND_MODULES.filter((m) => m.names.includes(first));
  return needed.length > 0 ? needed : COMMAND_MODULES;
}
