/** The app: resolves the route, guards it by role, and renders it inside the layout. */
import { useEffect } from 'react';
import { Layout } from './components/layout';
import { ErrorMessage, Loading } from './components/status';
import { ForbiddenPage, NotFoundPage } from './pages/not-found-page';
import { Redirect, safeLocalPath, useLocation } from './router';
import { mayOpen, navFor, resolveRoute, titleOf } from './routes';
import { homeFor, useSession } from './session';

export function App() {
  const session = useSession();
  const location = useLocation();
  const user = session.user;
  const match = resolveRoute(location.pathname);
  const title = match ? titleOf(match.route, match.params) : 'Pagina niet gevonden';

  useEffect(() => {
    document.title = `${title} – Zorginkoop`;
  }, [title]);


  let content;
  if (session.state.status === 'loading') {
    content = <Loading what="Sessie" />;
  } else if (session.state.status === 'failed') {
    content = <ErrorMessage title="De server is niet bereikbaar">{session.state.message}</ErrorMessage>;
  } else if (!match) {
    content = <NotFoundPage />;
  } else if (match.route.access === 'guest' && user) {
    content = <Redirect to={safeLocalPath(location.search.get('next')) ?? homeFor(user)} />;
  } else if (!user && match.route.access !== 'public' && match.route.access !== 'guest') {
    content = <Redirect to={`/login?next=${encodeURIComponent(location.href)}`} />;
  } else if (!mayOpen(match.route.access, user)) {
    content = <ForbiddenPage />;
  } else {
    content = match.route.render(match.params);
  }

  return (
    <Layout user={user} nav={navFor(user)} pathname={location.pathname} credit={match?.route.credit} onLogout={() => void session.logout()}>
      {content}
    </Layout>
  );
}
