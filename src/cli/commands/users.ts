import type { Command } from 'commander';
import { systemActor } from '../../domain/auth/actor.js';
import { addUser } from '../../app/users/add-user.js';
import { resetSecondFactor } from '../../app/users/second-factor.js';
import { listUsers } from '../../storage/repositories/users.js';
import { withActor } from '../../storage/context.js';
import { printJson, unwrap, withDatabase } from '../io.js';
import type { UserRole } from '../../storage/schema.js';

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('Gebruikers');
  users
    .command('add')
    .description('Voeg een gebruiker toe')
    .requiredOption('--email <email>', 'e-mailadres')
    .requiredOption('--password <password>', 'wachtwoord (8 tot 128 tekens, geen veelgebruikt wachtwoord)')
    .requiredOption('--role <role>', 'purchaser | controller | medical-adviser | provider')
    .option('--agb <agb>', 'AGB-code (verplicht voor rol provider)')
    .option('--signatory', 'tekenbevoegd voor de zorgaanbieder')
    .option('--name <name>', 'weergavenaam')
    .option('--totp-secret <base32>', 'TOTP-geheim (base32, minstens 128 bits) voor controller en medisch adviseur; anders een nieuw willekeurig geheim')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { email: string; password: string; role: string; agb?: string; signatory?: boolean; name?: string; totpSecret?: string; json?: boolean }) => {
      await withDatabase(async (db) => {
        const created = unwrap(
          await addUser({ db, actor: systemActor('cli') }, { email: opts.email, password: opts.password, role: opts.role as UserRole, agb: opts.agb ?? null, signatory: opts.signatory === true, displayName: opts.name ?? null, totpSecret: opts.totpSecret ?? null }),
          opts.json === true,
        );
        const { totpUri, ...user } = created;
        if (opts.json) return printJson(totpUri ? { ...user, totp_uri: totpUri } : user);
        console.log(`Gebruiker ${created.email} (${created.role}${created.agb ? `, AGB ${created.agb}` : ''}) toegevoegd.`);
        if (totpUri) {
          console.log('Tweede factor (TOTP): geef de gebruiker deze URI, via een veilig kanaal, voor de authenticator-app:');
          console.log(`  ${totpUri}`);
        }
      });
    });
  users
    .command('reset-second-factor')
    .description('Laat een controller of medisch adviseur de tweede factor opnieuw instellen (verloren telefoon): wist het geheim en beëindigt de sessies')
    .requiredOption('--email <email>', 'e-mailadres')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { email: string; json?: boolean }) => {
      await withDatabase(async (db) => {
        const reset = unwrap(await resetSecondFactor({ db, actor: systemActor('cli') }, opts.email), opts.json === true);
        if (opts.json) return printJson(reset);
        console.log(`Tweede factor van ${reset.email} gewist; bij de volgende keer inloggen stelt de gebruiker die opnieuw in.`);
      });
    });
  users
    .command('list')
    .description('Toon alle gebruikers')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(async (db) => {
        const list = await withActor(db, systemActor('cli'), (tx) => listUsers(tx));
        if (opts.json) return printJson(list);
        for (const u of list) console.log(`${u.email.padEnd(36)} ${u.role.padEnd(10)} ${u.agb ?? ''}${u.is_signatory ? ' (tekenbevoegd)' : ''}`);
      });
    });
}
