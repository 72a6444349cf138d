import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { priceList, proposalLetter, settlementStatementPdf } from '../../app/purchasing/documents.js';
import { systemActor } from '../../domain/auth/actor.js';
import { fail, type Result } from '../../domain/errors.js';
import type { Reason } from '../../domain/explain.js';
import { formatEuro, parseEuroAmount } from '../../domain/money/index.js';
import { loadPolicyCatalogue, type PolicyCatalogue } from '../../app/policies.js';
import { addonFor, eligibilityFor, parseEligibilityInput } from '../../app/purchasing/addon.js';
import { ceilingMonitor } from '../../app/purchasing/ceiling-monitor.js';
import { parseFact, setNegotiation } from '../../app/purchasing/negotiation.js';
import { proposalFor } from '../../app/purchasing/proposal.js';
import { decideAgreementFor } from '../../app/purchasing/provider-year.js';
import { settlementFor, simulateSettlement } from '../../app/purchasing/settlement.js';
import type { Database } from '../../storage/database.js';
import { printJson, unwrap, withDatabase } from '../io.js';

interface ProviderYearOptions {
  provider: string;
  year: string;
  json?: boolean;
}

async function policies(json: boolean): Promise<PolicyCatalogue> {
  return unwrap(await loadPolicyCatalogue(), json);
}

function printReasons(reasons: Reason[]): void {
  for (const r of reasons) console.log(`  - ${r.message}  [${r.rule}; ${r.source}]`);
}

/** Runs a provider-year use case as the CLI's system actor and prints JSON or a summary. */
function providerYearAction<T>(run: (deps: { db: Database; actor: ReturnType<typeof systemActor>; policies: PolicyCatalogue }, agb: string, year: string) => Promise<Result<T>>, summary: (value: T) => void) {
  return async (opts: ProviderYearOptions) => {
    const json = opts.json === true;
    const catalogue = await policies(json);
    await withDatabase(async (db) => {
      const value = unwrap(await run({ db, actor: systemActor('cli'), policies: catalogue }, opts.provider, opts.year), json);
      if (json) printJson(value);
      else summary(value);
    });
  };
}

const providerYear = (command: Command) =>
  command.requiredOption('--provider <agb>', 'AGB-code van de zorgaanbieder').requiredOption('--year <year>', 'contractjaar').option('--json', 'uitvoer als JSON');

export function registerPurchasingCommands(program: Command): void {
  program
    .command('negotiation')
    .description('Onderhandelingsstand per zorgaanbieder en jaar (MSZ §2)')
    .command('set')
    .description('Leg de onderhandelingsstand vast')
    .requiredOption('--provider <agb>', 'AGB-code')
    .requiredOption('--year <year>', 'contractjaar')
    .option('--price-volume <state>', 'overeenstemming over prijs en volume: agreed | rejected | open')
    .option('--kernregio-conditions <state>', 'kernregio-voorwaarden: agreed | rejected | open')
    .option('--multi-year <state>', 'inhoud meerjarenafspraak: agreed | rejected | open')
    .option('--new-provider', 'nieuwe aanbieder')
    .option('--no-new-provider', 'geen nieuwe aanbieder')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { provider: string; year: string; priceVolume?: string; kernregioConditions?: string; multiYear?: string; newProvider?: boolean; json?: boolean }) => {
      const json = opts.json === true;
      const priceVolume = unwrap(parseFact(opts.priceVolume, 'price-volume'), json);
      const kernregioConditions = unwrap(parseFact(opts.kernregioConditions, 'kernregio-conditions'), json);
      const multiYear = unwrap(parseFact(opts.multiYear, 'multi-year'), json);
      await withDatabase(async (db) => {
        const state = unwrap(
          await setNegotiation({ db, actor: systemActor('cli') }, opts.provider, opts.year, {
            ...(priceVolume ? { priceVolume } : {}),
            ...(kernregioConditions ? { kernregioConditions } : {}),
            ...(multiYear ? { multiYearContent: multiYear } : {}),
            ...(opts.newProvider !== undefined ? { newProvider: opts.newProvider } : {}),
          }),
          json,
        );
        if (json) return printJson(state);
        console.log(`Onderhandelingsstand ${state.agb} ${state.year}: prijs/volume ${state.price_volume}, kernregio-voorwaarden ${state.kernregio_conditions}, meerjarig ${state.multi_year_content ?? '(afgeleid)'}, nieuwe aanbieder ${state.new_provider ? 'ja' : 'nee'}.`);
      });
    });

  providerYear(program.command('agreement').description('Afspraaksoort (MSZ §2)').command('decide').description('Welke afspraak krijgt deze aanbieder, en waarom')).action(
    providerYearAction(decideAgreementFor, (d) => {
      console.log(`${d.title}: ${d.type}, ${d.years} jaar, ${d.path === 'digital' ? 'digitaal' : 'regulier'} (${d.status === 'final' ? 'definitief' : 'voorlopig'})`);
      printReasons(d.reasons);
    }),
  );

  providerYear(program.command('proposal').description('Prijs- en volumevoorstel en financiële afspraak (MSZ §3, §4)'))
    .option('--pdf <file>', 'schrijf ook de voorstelbrief (PDF)')
    .option('--xlsx <file>', 'schrijf ook de prijslijst (Excel)')
    .action(async (opts: ProviderYearOptions & { pdf?: string; xlsx?: string }) => {
      await showProposal(opts);
      if (!opts.pdf && !opts.xlsx) return;
      const catalogue = await policies(opts.json === true);
      await withDatabase(async (db) => {
        const deps = { db, actor: systemActor('cli'), policies: catalogue };
        if (opts.pdf) await writeFile(opts.pdf, unwrap(await proposalLetter(deps, opts.provider, opts.year, new Date()), opts.json === true));
        if (opts.xlsx) await writeFile(opts.xlsx, unwrap(await priceList(deps, opts.provider, opts.year, new Date(), 'xlsx'), opts.json === true));
      });
    });
  const showProposal = providerYearAction(proposalFor, (p) => {
      console.log(`${p.provider.name} (${p.provider.agb}) ${p.year}: ${p.decision.title}`);
      console.log(`  ${p.financial.amount_kind}: ${formatEuro(p.financial.amount_cents)} per jaar (${p.financial.years.join(', ')}), prijsindex ${p.financial.price_index}`);
      for (const line of p.volume.lines) console.log(`  ${line.label.padEnd(50)} ${formatEuro(line.amount_cents).padStart(20)}  [${line.source}]`);
      for (const flag of p.volume.flags) console.log(`  ! ${flag.message}`);
  });

  // `settle --provider --year` and `settle simulate`: the parent's options cannot be mandatory, or the
  // subcommand would demand them too; the action checks them instead.
  const settle = program
    .command('settle')
    .description('Afrekening per aanbieder en jaar (MSZ §2 Fig. 1, §4); of: settle simulate')
    .option('--provider <agb>', 'AGB-code van de zorgaanbieder')
    .option('--year <year>', 'jaar')
    .option('--json', 'uitvoer als JSON')
    .option('--pdf <file>', 'schrijf ook de afrekening (PDF)');
  const settleProvider = providerYearAction(settlementFor, (s) => {
      const st = s.settlement;
      console.log(`${s.provider.name} ${s.year} (${s.decision.title})`);
      console.log(`  gerealiseerd ${formatEuro(st.realised_cents)}, ${st.type === 'transitie' ? 'richtpunt' : 'plafond'} ${formatEuro(st.target_cents)}, te betalen ${formatEuro(st.payable_cents)} (verschil ${formatEuro(st.difference_cents)})`);
      for (const line of st.lines) console.log(`  ${line.label.padEnd(50)} ${formatEuro(line.amount_cents).padStart(20)}  [${line.rule}; ${line.source}]`);
  });
  settle.action(async (opts: Partial<ProviderYearOptions> & { pdf?: string }) => {
    if (!opts.provider || !opts.year) {
      unwrap(fail('invalid_input', 'Geef --provider <agb> en --year <jaar>, of gebruik: settle simulate.', [{ field: opts.provider ? 'year' : 'provider', message: 'Verplicht.' }]), opts.json === true);
    }
    await settleProvider(opts as ProviderYearOptions);
    if (opts.pdf) {
      const pdfFile = opts.pdf;
      const catalogue = await policies(opts.json === true);
      await withDatabase(async (db) => {
        await writeFile(pdfFile, unwrap(await settlementStatementPdf({ db, actor: systemActor('cli'), policies: catalogue }, opts.provider!, opts.year!, new Date()), opts.json === true));
      });
    }
  });
  settle
    .command('simulate')
    .description('Reken een afrekening door zonder aanbieder')
    .requiredOption('--type <type>', 'transitie | plafond')
    .requiredOption('--target-eur <T>', 'richtpunt of plafond in euro')
    .requiredOption('--realised-eur <R>', 'gerealiseerde omzet in euro (inclusief uitgezonderde zorg)')
    .option('--under-share <u>', 'deel van de onderschrijding dat wordt betaald (transitie)')
    .option('--growth-share <m>', 'deel van de groei boven het richtpunt dat wordt betaald (transitie)')
    .option('--excluded-eur <E>', 'uitgezonderde UMC-zorg in euro (deel van de realisatie, altijd volledig betaald)')
    .option('--json', 'uitvoer als JSON')
    .action(async (_local: { type: string }, command: Command) => {
      // `--json` may have been taken by the parent `settle` command: read the merged options.
      const opts = command.optsWithGlobals<{ type: string; targetEur: string; realisedEur: string; underShare?: string; growthShare?: string; excludedEur?: string; year?: string; json?: boolean }>();
      const json = opts.json === true;
      if (opts.type !== 'transitie' && opts.type !== 'plafond') unwrap(fail('invalid_input', `--type moet transitie of plafond zijn (gekregen: '${opts.type}').`, [{ field: 'type', message: 'Onbekend type.' }]), json);
      const target = unwrap(parseEuroAmount(opts.targetEur, 'target-eur'), json);
      const realised = unwrap(parseEuroAmount(opts.realisedEur, 'realised-eur'), json);
      const excluded = opts.excludedEur === undefined ? undefined : unwrap(parseEuroAmount(opts.excludedEur, 'excluded-eur'), json);
      const result = unwrap(
        simulateSettlement(await policies(json), {
          year: Number(opts.year ?? '2018'),
          type: opts.type as 'transitie' | 'plafond',
          targetCents: target,
          realisedCents: realised,
          ...(excluded !== undefined ? { excludedCents: excluded } : {}),
          ...(opts.underShare !== undefined ? { underShare: opts.underShare } : {}),
          ...(opts.growthShare !== undefined ? { growthShare: opts.growthShare } : {}),
        }),
        json,
      );
      if (json) return printJson({ ...result.settlement, curve: result.curve });
      console.log(`Te betalen: ${formatEuro(result.settlement.payable_cents)}`);
      for (const line of result.settlement.lines) console.log(`  ${line.label.padEnd(50)} ${formatEuro(line.amount_cents).padStart(20)}  [${line.rule}; ${line.source}]`);
    });

  const addon = program.command('addon').description('Add-on geneesmiddelen (ADD)');
  addon
    .command('eligibility')
    .description('Komt de aanbieder in aanmerking voor nacalculatie? (ADD §5)')
    .requiredOption('--expected-revenue-eur <x>', 'verwachte add-on-omzet in euro')
    .requiredOption('--q2-figures <state>', 'on-time | late | incorrect')
    .requiredOption('--efficiency <state>', 'met | not-met | no-requirement')
    .option('--year <year>', 'beleidsjaar', '2022')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { expectedRevenueEur: string; q2Figures: string; efficiency: string; year: string; json?: boolean }) => {
      const json = opts.json === true;
      const input = unwrap(parseEligibilityInput(opts), json);
      const result = unwrap(eligibilityFor(await policies(json), Number(opts.year), input), json);
      if (json) return printJson(result);
      console.log(result.nacalculatie ? 'Nacalculatie: ja (FDA met nacalculatie)' : 'Nacalculatie: nee (plafond tegen referentietarieven)');
      for (const c of result.conditions) console.log(`  ${c.met ? '✓' : '✗'} ${c.reason.message}  [${c.reason.source}]`);
    });
  providerYear(addon.command('show').description('FDA, nacalculatie-toets en nacalculatie per cluster van een aanbieder')).action(
    providerYearAction(addonFor, (a) => {
      if (!a.agreement) return console.log(`Geen financiële deelafspraak add-on voor ${a.agb} in ${a.year}.`);
      console.log(`FDA ${a.year}: verwachte omzet ${formatEuro(a.agreement.expected_revenue_cents)}, nacalculatie ${a.eligibility?.nacalculatie ? 'ja' : 'nee'}`);
      for (const c of a.post_calculation?.clusters ?? []) console.log(`  ${c.cluster.padEnd(30)} budget ${formatEuro(c.agreed_budget_cents)}  te betalen ${formatEuro(c.payable_cents)}`);
    }),
  );

  program
    .command('ceilings')
    .description('Plafondmonitor (MSZ §4)')
    .command('monitor')
    .description('Prognose per plafondafspraak en vroegtijdige waarschuwing')
    .requiredOption('--year <year>', 'jaar')
    .requiredOption('--as-of <date>', 'peildatum JJJJ-MM-DD')
    .option('--json', 'uitvoer als JSON')
    .action(async (opts: { year: string; asOf: string; json?: boolean }) => {
      const json = opts.json === true;
      const catalogue = await policies(json);
      await withDatabase(async (db) => {
        const result = unwrap(await ceilingMonitor({ db, actor: systemActor('cli'), policies: catalogue }, opts.year, opts.asOf), json);
        if (json) return printJson(result);
        for (const r of result.providers) {
          console.log(`${r.status.padEnd(17)} ${(Number(r.utilisation) * 100).toFixed(1).padStart(7)}%  ${formatEuro(r.forecast_cents).padStart(18)} / ${formatEuro(r.ceiling_cents).padStart(18)}  ${r.name}`);
          for (const other of r.providers_with_room ?? []) console.log(`    ruimte: ${other.name} (${formatEuro(other.room_cents)})`);
        }
      });
    });
}
