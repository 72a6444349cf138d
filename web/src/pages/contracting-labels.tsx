/**
 * The words of the contracting year, shared by the calendar, the contract tab, the pipeline and the
 * notifications: Dutch labels of states, steps, actors and day counts, and the link to a provider's
 * contract section. The badges reuse the stylesheet's tinted badge colours.
 */
import type { ContractEventType, ContractState, DayStatus } from '../api-contracting';

export const contractStateLabels: Record<ContractState, string> = {
  invited: 'Uitgenodigd',
  'concept-out': 'Conceptovereenkomst uitgezet',
  'proposal-sent': 'Voorstel verstuurd',
  'provider-responded': 'Reactie ontvangen',
  negotiating: 'In onderhandeling',
  onderhandelakkoord: 'Onderhandelakkoord',
  signed: 'Ondertekend',
  'price-list-fixed': 'Prijslijst vastgesteld',
  published: 'Gepubliceerd',
  'no-agreement': 'Geen overeenkomst',
};

/** What happened, for the history (the start of the year is no state-machine event). */
export const contractEventLabels: Record<ContractEventType | 'start', string> = {
  start: 'Contracteringsjaar gestart',
  'publish-concept': 'Conceptovereenkomst gepubliceerd',
  'give-concept-feedback': 'Feedback op de conceptovereenkomst gegeven',
  'concept-deadline': 'Termijn feedback verstreken: akkoord door stilzwijgen',
  'send-proposal': 'Voorstel verstuurd',
  respond: 'Gereageerd op het voorstel',
  'response-deadline': 'Reactietermijn verstreken',
  'start-negotiation': 'Onderhandeling gestart',
  'record-onderhandelakkoord': 'Onderhandelakkoord vastgelegd',
  'negotiation-deadline': 'Geen onderhandelakkoord binnen de termijn',
  sign: 'Ondertekend',
  'fix-price-list': 'Prijslijst vastgesteld',
  publish: 'Overeenkomst gepubliceerd',
  decline: 'Geen overeenkomst vastgelegd',
  'signing-deadline': 'Niet getekend binnen de termijn',
};

export const actorRoleLabels: Record<string, string> = {
  purchaser: 'Zorginkoper',
  provider: 'Zorgaanbieder',
  job: 'Automatisch (termijn)',
};

export const overdueKindLabels: Record<string, string> = {
  'proposal-not-sent': 'Voorstel niet verstuurd',
  'response-overdue': 'Reactie te laat',
  'onderhandelakkoord-missing': 'Onderhandelakkoord ontbreekt',
  'signature-missing': 'Handtekening ontbreekt',
  'price-list-not-fixed': 'Prijslijst niet vastgesteld',
};

export const dayStatusLabels: Record<DayStatus, string> = { past: 'Voorbij', today: 'Vandaag', upcoming: 'Komend' };

const dayStatusBadge: Record<DayStatus, string> = { past: 'badge-finding-open', today: 'badge-finding-sent', upcoming: 'badge-finding-responded' };

export function DayStatusBadge({ status }: { status: DayStatus }) {
  return <span className={`badge ${dayStatusBadge[status]}`}>{dayStatusLabels[status]}</span>;
}

export function ContractStateBadge({ state }: { state: ContractState }) {
  const tint = state === 'published' || state === 'signed' || state === 'price-list-fixed' ? 'badge-finding-withdrawn' : state === 'no-agreement' ? 'badge-finding-upheld' : 'badge-finding-responded';
  return <span className={`badge ${tint}`}>{contractStateLabels[state]}</span>;
}

/** Calendar days from `from` to `to` (`YYYY-MM-DD`, the server's days): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const days = (n: number) => `${n} ${n === 1 ? 'dag' : 'dagen'}`;

/** `nog 3 dagen`, `vandaag`, `2 dagen geleden`, from calendar days relative to the server's today. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return 'vandaag';
  return daysLeft > 0 ? `nog ${days(daysLeft)}` : `${days(-daysLeft)} geleden`;
}

export const daysOverdueText = (n: number): string => `${days(n)} te laat`;

/** The contract section of a provider's page (the tab `contract`; the year only when not the default). */
export function contractLink(agb: string, year?: number, defaultYear = 2018): string {
  return `/providers/${encodeURIComponent(agb)}?tab=contract${year !== undefined && year !== defaultYear ? `&year=${year}` : ''}`;
}

/**
 * A link the server wrote into a notification (`/providers/…?year=2018#contract`), as the app's own
 * address of that place (the contract tab). Anything not local stays out.
 */
export function appLinkOf(link: string | null): string | null {
  if (link === null || !link.startsWith('/') || link.startsWith('//')) return null;
  const url = new URL(link, 'http://app.invalid');
  const provider = /^\/providers\/([^/]+)$/.exec(url.pathname);
  if (provider && url.hash === '#contract') {
    const year = Number(url.searchParams.get('year'));
    return contractLink(decodeURIComponent(provider[1] as string), Number.isInteger(year) && year > 0 ? year : undefined);
  }
  return url.pathname + url.search + url.hash;
}
