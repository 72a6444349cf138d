/** Pages for an unknown address and for a page the user's role may not open. */
import { Link } from '../router';
import { homeFor, useSession } from '../session';

export function NotFoundPage() {
  const { user } = useSession();
  return (
    <article>
      <h1>Pagina niet gevonden</h1>
      <p>Deze pagina bestaat niet (meer). Controleer het adres.</p>
      <p>
        <Link to={user ? homeFor(user) : '/'}>Naar de startpagina</Link>
      </p>
    </article>
  );
}

export function ForbiddenPage() {
  const { user } = useSession();
  return (
    <article>
      <h1>Geen toegang</h1>
      <p>U heeft met uw rol geen toegang tot deze pagina.</p>
      <p>
        <Link to={user ? homeFor(user) : '/'}>Naar de startpagina</Link>
      </p>
    </article>
  );
}
