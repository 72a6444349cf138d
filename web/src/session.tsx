/**
 * The logged-in user, shared with every page; a 401 from any API call ends the session. A session
 * that still needs its second factor (controller, medical adviser) is `pending`: the app treats it
 * as logged out, and the log-in page asks for the code (or the enrolment) to finish it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler, type Role, type SessionInfo, type User } from './api';
import { navigate } from './router';

export type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; user: User | null; pending: SessionInfo | null };

interface Session {
  state: SessionState;
  /** The user of a full session; null when logged out or while the second factor is pending. */
  user: User | null;
  /** A session waiting for its second factor (`required` or `enrolment-required`). */
  pending: SessionInfo | null;
  setUser(user: User | null): void;
  /** After log-in, second factor or enrolment: a full session becomes `user`, else `pending`. */
  setSession(session: SessionInfo | null): void;
  logout(): Promise<void>;
}

const isFull = (session: SessionInfo) => session.secondFactor === 'not-required' || session.secondFactor === 'verified';
const readyState = (session: SessionInfo | null): SessionState =>
  session === null ? { status: 'ready', user: null, pending: null } : isFull(session) ? { status: 'ready', user: session.user, pending: null } : { status: 'ready', user: null, pending: session };

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (session) => setState(readyState(session)),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'failed', message: error instanceof Error ? error.message : 'Onbekende fout.' });
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setState(readyState(null)));
    return () => setUnauthenticatedHandler(null);
  }, []);

  const setUser = useCallback((user: User | null) => setState({ status: 'ready', user, pending: null }), []);
  const setSession = useCallback((session: SessionInfo | null) => setState(readyState(session)), []);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session ends here anyway; the server drops an expired one on its own.
    }
    // Same tick, so React renders both at once: the public landing page, logged out.
    setState(readyState(null));
    navigate('/');
  }, []);

  const value = useMemo<Session>(
    () => ({ state, user: state.status === 'ready' ? state.user : null, pending: state.status === 'ready' ? state.pending : null, setUser, setSession, logout }),
    [state, setUser, setSession, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The page each role lands on after logging in (a provider user's list holds its own provider only). */
const homes: Record<Role, string> = {
  purchaser: '/providers',
  controller: '/providers',
  'medical-adviser': '/claims',
  provider: '/providers',
};

export const homeFor = (user: { role: Role }): string => homes[user.role];
