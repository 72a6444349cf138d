import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, modulesFor } from './command-modules.js';

const topLevel = (program: Command) => program.commands.map((c) => c.name());

describe('command modules', () => {
  it('each module registers exactly the top-level names the table gives it', async () => {
    for (const module of COMMAND_MODULES) {
      const program = new Command('zorginkoop');
      // A module that extends a group finds it or creates it, so it is checked on its own too.
      (await module.load())(program);
      expect(new Set(topLevel(program)), module.names.join(',')).toEqual(new Set(module.names));
    }
  });

  it('loading all modules gives every name once, and a command line loads only what registers its first word', async () => {
    const program = new Command('zorginkoop');
    for (const module of COMMAND_MODULES) (await module.load())(program);
    const names = topLevel(program);
    expect(names.length).toBe(new Set(names).size);
    expect(new Set(names)).toEqual(new Set(COMMAND_MODULES.flatMap((m) => m.names)));

    expect(modulesFor(['users', 'add', '--email', 'x']).map((m) => m.names)).toEqual([['users']]);
    expect(modulesFor(['addon', 'figures', 'upload']).length).toBe(2);
    expect(modulesFor(['--help'])).toBe(COMMAND_MODULES);
    expect(modulesFor(['no-such-command'])).toBe(COMMAND_MODULES);
    expect(modulesFor([])).toBe(COMMAND_MODULES);
  });
});
