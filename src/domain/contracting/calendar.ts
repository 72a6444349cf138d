/**
 * The published calendar of a policy year (MSZ §7, with the §5 dates the table lacks): every event
 * with what it means in Dutch, what zorginkoop does on that date (the state machine's deadlines), and
 * whether it lies in the past, today or ahead relative to a given day. Pure.
 */
import { policyDecision, type CalendarEvent, type Policy } from '../policy/index.js';
import { contractDeadlines, dutchDate, type ContractDeadlines, type ContractPath, type DeadlineKey, type LocalDate } from './deadlines.js';

export type CalendarPath = CalendarEvent['paths'][number];
export type CalendarStatus = 'past' | 'today' | 'upcoming';

export interface CalendarItem {
  id: string;
  date: LocalDate;
  title: string;
  kind: CalendarEvent['kind'];
  paths: CalendarPath[];
  actor: CalendarEvent['actor'];
  /** Dutch: what the date means for the provider and the insurer, and what zorginkoop does then. */
  meaning: string;
  source: string;
  status: CalendarStatus;
  note: string | null;
  /** The policy's decision where the text was vague (e.g. which day counts), if any. */
  decision: { id: string; decision: string } | null;
}

export interface CalendarOptions {
  /** The day the statuses are relative to (in the policy's time zone). */
  today: LocalDate;
  /** Only events of this path (events for `all` paths included); all events when absent. */
  path?: Exclude<CalendarPath, 'all'>;
}

/** What the process does on each kind of date (the guards and job events of the state machine). */
function effect(key: DeadlineKey, path: ContractPath, deadlines: ContractDeadlines): string {
  const upTo = deadlines.inclusive ? 'tot en met' : 'tot';
  const hard = deadlines.dates.negotiation;
  switch (key) {
    case 'conceptPublication':
      return 'Vanaf deze dag staat de conceptovereenkomst klaar voor elke uitgenodigde aanbieder.';
    case 'conceptFeedback':
      return `Feedback op de conceptovereenkomst kan ${upTo} deze dag; daarna legt zorginkoop bij wie niet reageerde "akkoord door stilzwijgen" vast en weigert het latere feedback.`;
    case 'proposal':
      return path === 'regular'
        ? 'Een voorstel dat na deze dag nog niet is verstuurd, staat als achterstallig in de pijplijn van de zorginkopers.'
        : 'Vanaf deze dag kan het voorstel in het Zorgverlenersportaal worden geplaatst.';
    case 'response':
      return `Reageren op het voorstel kan ${upTo} deze dag; zonder reactie noteert zorginkoop de reactie als te laat en gaat het voorstel in onderhandeling.`;
    case 'negotiationPlanned':
      return hard && hard.event !== 'onderhandelingen-afgerond'
        ? `Gepland einde van de onderhandelingen; zorginkoop rekent met de harde termijn van ${dutchDate(hard.date)}.`
        : 'Einde van de onderhandelingen.';
    case 'negotiation':
      return `Een onderhandelakkoord kan ${upTo} deze dag worden vastgelegd; een onderhandeling zonder akkoord eindigt daarna zonder overeenkomst.`;
    case 'publication':
      return 'Vanaf deze dag publiceert zorginkoop elke overeenkomst met een vastgestelde prijslijst.';
    case 'signing':
      return path === 'digital'
        ? `Digitaal ondertekenen kan ${upTo} deze dag; een overeenkomst die dan niet is getekend, eindigt zonder overeenkomst.`
        : `Ondertekenen kan ${upTo} deze dag; een overeenkomst die dan niet is getekend, eindigt zonder overeenkomst.`;
  }
}

function base(event: CalendarEvent, upTo: string): string {
  const who = { insurer: 'Zilveren Kruis', provider: 'de zorgaanbieder', both: 'Zilveren Kruis en de zorgaanbieder' }[event.actor];
  switch (event.kind) {
    case 'publication':
      return `Zilveren Kruis publiceert op ${dutchDate(event.date)}.`;
    case 'milestone':
      return `Gepland moment voor ${who}: ${dutchDate(event.date)}.`;
    case 'deadline':
      return `Termijn voor ${who}: ${upTo} ${dutchDate(event.date)}.`;
  }
}

/** The calendar of `policy` for `options.path` (or every path), sorted by date, with statuses. */
export function policyCalendar(policy: Policy, options: CalendarOptions): CalendarItem[] {
  const processes: ContractDeadlines[] = [];
  if (policy.kind === 'msz') {
    for (const path of ['regular', 'digital'] as const) {
      if (options.path && options.path !== path) continue;
      const deadlines = contractDeadlines(policy, path);
      if (deadlines.ok) processes.push(deadlines.value);
    }
  }
  const inclusive = processes[0]?.inclusive ?? true;
  const events = policy.calendar
    .filter((e) => !options.path || e.paths.includes('all') || e.paths.includes(options.path))
    .toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.table_row ?? 99) - (b.table_row ?? 99)));
  return events.map((event) => {
    const effects = new Set<string>();
    for (const deadlines of processes) {
      for (const deadline of Object.values(deadlines.dates)) {
        if (deadline.event === event.id) effects.add(effect(deadline.key, deadlines.path, deadlines));
      }
    }
    const parts = [base(event, inclusive ? 'tot en met' : 'tot')];
    if (event.consent_on_silence) parts.push('Zonder tijdige reactie geldt de zorgaanbieder als akkoord en zijn wijzigingen daarna niet meer mogelijk.');
    parts.push(...effects);
    const decision = event.decision ? policyDecision(policy, event.decision) : undefined;
    return {
      id: event.id,
      date: event.date,
      title: event.title,
      kind: event.kind,
      paths: [...event.paths],
      actor: event.actor,
      meaning: parts.join(' '),
      source: event.source,
      status: event.date < options.today ? 'past' : event.date === options.today ? 'today' : 'upcoming',
      note: event.note ?? null,
      decision: decision ? { id: decision.id, decision: decision.decision } : null,
    };
  });
}
