/** The logged-in user, shared with every page; a 401 from any API call ends the session. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setUnauthenticatedHandler, type Role, type User } from './api';
import { navigate } from './router';

export type SessionState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; user: User | null };

interface Session {
  state: SessionState;
  user: User | null;
  setUser(user: User | null): void;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (user) => setState({ status: 'ready', user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'failed', message: error instanceof Error ? error.message : 'Onbekende fout.' });
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => setState({ status: 'ready', user: null }));
    return () => setUnauthenticatedHandler(null);
  }, []);

  const setUser = useCallback((user: User | null) => setState({ status: 'ready', user }), []);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The session ends here anyway; the server drops an expired one on its own.
    }
    // Same tick, so React renders both at once: the public landing page, logged out.
    setState({ status: 'ready', user: null });
    navigate('/');
  }, []);

  const value = useMemo<Session>(
    () => ({ state, user: state.status === 'ready' ? state.user : null, setUser, logout }),
    [state, setUser, logout],
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
