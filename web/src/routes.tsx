/**
 * The route table. A new page is one entry here: its path pattern, title, who may open it, an
 * optional menu label, and the component. Order matters where patterns overlap (first match wins).
 */
import type { ReactNode } from 'react';
import type { Role, User } from './api';
import { GeoNamesCredit } from './components/layout';
import { AddonFiguresPage } from './pages/addon-figures-page';
import { ApplicationDetailPage } from './pages/application-detail-page';
import { ApplicationFormPage } from './pages/application-form-page';
import { ApplicationObjectionPage } from './pages/application-objection-page';
import { ApplicationsPage } from './pages/applications-page';
import { AuthorisationDetailPage } from './pages/authorisations-detail-page';
import { AuthorisationNewPage } from './pages/authorisations-new-page';
import { AuthorisationsPage } from './pages/authorisations-page';
import { CalendarPage } from './pages/calendar-page';
import { CeilingMonitorPage } from './pages/ceiling-monitor-page';
import { CeilingWarningReportPage } from './pages/ceiling-warning-report-page';
import { ClaimsPage } from './pages/claims-page';
import { ContractedPage } from './pages/contracted-page';
import { ContractingPipelinePage } from './pages/contracting-pipeline-page';
import { FindingPage } from './pages/finding-page';
import { LandingPage } from './pages/landing-page';
import { LoginPage } from './pages/login-page';
import { MirrorOverviewPage } from './pages/mirror-overview-page';
import { NotificationsPage } from './pages/notifications-page';
import { PoliciesPage } from './pages/policies-page';
import { PolicyDetailPage } from './pages/policy-detail-page';
import { PriceFinderPage } from './pages/price-finder-page';
import { ProviderDetailPage } from './pages/provider-detail-page';
import { ProviderImportPage } from './pages/provider-import-page';
import { ProvidersPage } from './pages/providers-page';
import { QualityPage } from './pages/quality-page';
import { SimulatorPage } from './pages/simulator-page';
import { matchPath } from './router';

/** `public`: anyone; `guest`: only when logged out (logged-in users go home); else logged-in roles. */
export type Access = 'public' | 'guest' | readonly Role[];

type Params = Record<string, string>;

export interface RouteDef {
  path: string;
  title: string | ((params: Params) => string);
  access: Access;
  /** Shown in the main menu under this label, to the roles that may open the page. */
  nav?: string;
  /** A credit for data the page shows (e.g. GeoNames), added to the site footer. */
  credit?: ReactNode;
  render(params: Params): ReactNode;
}

const everyone = ['purchaser', 'controller', 'medical-adviser', 'provider'] as const satisfies readonly Role[];
const insurerStaff = ['purchaser', 'controller', 'medical-adviser'] as const satisfies readonly Role[];

export const routes: RouteDef[] = [
  { path: '/', title: 'Welkom', access: 'guest', render: () => <LandingPage /> },
  { path: '/login', title: 'Inloggen', access: 'guest', render: () => <LoginPage /> },
  { path: '/providers', title: 'Zorgaanbieders', access: everyone, nav: 'Zorgaanbieders', render: () => <ProvidersPage /> },
  { path: '/providers/import', title: 'Zorgaanbieders importeren', access: ['purchaser'], nav: 'Importeren', render: () => <ProviderImportPage /> },
  { path: '/providers/:agb', title: (p) => `Zorgaanbieder ${p.agb ?? ''}`, access: everyone, render: (p) => <ProviderDetailPage agb={p.agb ?? ''} /> },
  // Quality questionnaire, improvement agreements and selection (MSZ Bijlage 1, 2): the provider itself answers, purchasers read and apply.
  { path: '/providers/:agb/kwaliteit', title: (p) => `Kwaliteit ${p.agb ?? ''}`, access: ['purchaser', 'provider'], render: (p) => <QualityPage agb={p.agb ?? ''} /> },
  // New providers (MSZ §5): applying and objecting are public; purchasers assess.
  { path: '/aanmeldingen', title: 'Aanmeldingen nieuwe zorgaanbieders', access: ['purchaser'], nav: 'Aanmeldingen', render: () => <ApplicationsPage /> },
  { path: '/aanmeldingen/:id', title: 'Aanmelding nieuwe zorgaanbieder', access: ['purchaser'], render: (p) => <ApplicationDetailPage id={p.id ?? ''} /> },
  // The contracting year (MSZ §5, §7): the calendar for everyone, the pipeline for purchasers, each user's notifications.
  { path: '/kalender', title: 'Inkoopkalender', access: everyone, nav: 'Kalender', render: () => <CalendarPage /> },
  { path: '/contractering', title: 'Contractering', access: ['purchaser'], nav: 'Contractering', render: () => <ContractingPipelinePage /> },
  { path: '/meldingen', title: 'Meldingen', access: everyone, render: () => <NotificationsPage /> },
  { path: '/monitoring', title: 'Plafondmonitor', access: insurerStaff, nav: 'Plafondmonitor', render: () => <CeilingMonitorPage /> },
  // Add-on quarterly figures (ADD §5) and the provider's report of a threatened plafond overrun (MSZ §4).
  { path: '/addon-cijfers', title: 'Kwartaalcijfers add-on', access: everyone, nav: 'Add-on-cijfers', render: () => <AddonFiguresPage /> },
  { path: '/plafondmelding', title: 'Plafondmelding', access: ['provider'], nav: 'Plafondmelding', render: () => <CeilingWarningReportPage /> },
  // Naleving & controle: controllers and medical advisers act; purchasers read.
  { path: '/claims', title: 'Declaratiecontrole', access: insurerStaff, nav: 'Declaratiecontrole', render: () => <ClaimsPage /> },
  { path: '/claims/findings/:id', title: (p) => `Bevinding ${p.id ?? ''}`, access: insurerStaff, render: (p) => <FindingPage id={p.id ?? ''} /> },
  // Prior authorisations, oral surgery (MSZ Bijlage 1 art. 6): the provider its own requests, medical advisers and controllers the queue. No purchasers: patient data.
  { path: '/machtigingen', title: 'Machtigingen', access: ['provider', 'medical-adviser', 'controller'], nav: 'Machtigingen', render: () => <AuthorisationsPage /> },
  { path: '/machtigingen/nieuw', title: 'Nieuwe machtigingsaanvraag', access: ['provider'], render: () => <AuthorisationNewPage /> },
  { path: '/machtigingen/:id', title: (p) => `Machtigingsaanvraag ${p.id ?? ''}`, access: ['provider', 'medical-adviser', 'controller'], render: (p) => <AuthorisationDetailPage id={p.id ?? ''} /> },
  { path: '/mirror', title: 'Spiegelinformatie', access: insurerStaff, nav: 'Spiegelinformatie', render: () => <MirrorOverviewPage /> },
  { path: '/simulator', title: 'Afrekening simuleren', access: insurerStaff, nav: 'Afrekening simuleren', render: () => <SimulatorPage /> },
  // Public transparency (MSZ §1, §5): for insured customers, no log-in.
  { path: '/prijzen', title: 'Prijszoeker', access: 'public', nav: 'Prijszoeker', credit: <GeoNamesCredit />, render: () => <PriceFinderPage /> },
  { path: '/gecontracteerd', title: 'Gecontracteerde zorgaanbieders', access: 'public', nav: 'Gecontracteerde zorg', render: () => <ContractedPage /> },
  { path: '/aanmelden', title: 'Aanmelden als nieuwe zorgaanbieder', access: 'public', nav: 'Aanmelden nieuwe zorgaanbieder', render: () => <ApplicationFormPage /> },
  { path: '/aanmelden/:id/bezwaar', title: 'Bezwaar of verzoek om toelichting', access: 'public', render: (p) => <ApplicationObjectionPage id={p.id ?? ''} /> },
  // The purchasing policy is a published document: readable without logging in.
  { path: '/policies', title: 'Inkoopbeleid', access: 'public', nav: 'Inkoopbeleid', render: () => <PoliciesPage /> },
  { path: '/policies/:id', title: (p) => `Inkoopbeleid ${p.id ?? ''}`, access: 'public', render: (p) => <PolicyDetailPage id={p.id ?? ''} /> },
];

export function resolveRoute(pathname: string): { route: RouteDef; params: Params } | null {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

export function mayOpen(access: Access, user: User | null): boolean {
  if (access === 'public') return true;
  if (access === 'guest') return user === null;
  return user !== null && access.includes(user.role);
}

/** The menu: pages with a menu label that this user (or a visitor) may open. */
export const navFor = (user: User | null) =>
  routes.filter((r) => r.nav && r.access !== 'guest' && mayOpen(r.access, user)).map((r) => ({ to: r.path, label: r.nav as string }));

export const titleOf = (route: RouteDef, params: Params) => (typeof route.title === 'function' ? route.title(params) : route.title);
