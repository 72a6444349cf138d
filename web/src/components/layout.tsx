/** The frame of every page: skip link, header (product, user, log-out), navigation, main, footer. */
import { useEffect, useRef, type ReactNode } from 'react';
import type { User } from '../api';
import { roleLabels } from '../format';
import { Link } from '../router';
import { homeFor } from '../session';
import { NotificationsIndicator } from './notifications-indicator';

export interface NavItem {
  to: string;
  label: string;
}

interface LayoutProps {
  user: User | null;
  nav: NavItem[];
  pathname: string;
  onLogout(): void;
  /** The current page's credit for the data it shows, in the footer. */
  credit?: ReactNode;
  children: ReactNode;
}

export function Layout({ user, nav, pathname, onLogout, credit, children }: LayoutProps) {
  useFocusHeadingOnNavigation(pathname);
  const active = activeItem(nav, pathname);
  return (
    <>
      <a className="skip-link" href="#main">
        Naar de hoofdinhoud
      </a>
      <header className="site-header">
        <div className="container header-bar">
          <Link to={user ? homeFor(user) : '/'} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Zorginkoop
          </Link>
          {user ? (
            <div className="user-box">
              <span className="user-email">{user.email}</span>
              <span className="role-badge">{roleLabels[user.role]}</span>
              <NotificationsIndicator pathname={pathname} />
              <button type="button" className="button button-quiet" onClick={onLogout}>
                Uitloggen
              </button>
            </div>
          ) : (
            pathname !== '/login' && (
              <Link to="/login" className="button button-quiet">
                Inloggen
              </Link>
            )
          )}
        </div>
        {nav.length > 0 && (
          <nav className="main-nav" aria-label="Hoofdmenu">
            <ul className="container">
              {nav.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={item === active ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          Zorginkoop · inkoop van medisch-specialistische zorg voor Zilveren Kruis · open source (EUPL-1.2) ·{' '}
          <a href="/api/docs">API-documentatie</a>
          {credit && <p className="footer-credit">{credit}</p>}
        </div>
      </footer>
    </>
  );
}

/** The credit of the coordinates behind the price finder's distances (CC BY 4.0 asks for it). */
export function GeoNamesCredit() {
  return (
    <>
      Plaatsgegevens: <a href="https://www.geonames.org/">GeoNames</a>,{' '}
      <a href="https://creativecommons.org/licenses/by/4.0/deed.nl">CC BY 4.0</a>
    </>
  );
}

/** The menu item for the current page: the longest one whose path is the page's path or a parent of it. */
function activeItem(nav: NavItem[], pathname: string): NavItem | undefined {
  const matches = nav.filter((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  return matches.sort((a, b) => b.to.length - a.to.length)[0];
}

/** After a client-side navigation, focus moves to the new page's heading so screen readers announce it. */
function useFocusHeadingOnNavigation(pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [pathname]);
}
