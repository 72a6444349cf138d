/** Log-in with e-mail and password. On success the app sends the user on (to `?next=` or the role's home). */
import { useState, type FormEvent } from 'react';
import { ApiError, api, errorMessage } from '../api';
import { useSession } from '../session';

export function LoginPage() {
  const { setUser } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setUser(await api.login(email.trim(), password));
    } catch (failure) {
      setPassword('');
      setError(failure instanceof ApiError && failure.status === 401 ? 'E-mailadres of wachtwoord onjuist.' : errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <article className="login">
      <h1>Inloggen</h1>
      <p>Log in met het e-mailadres en wachtwoord van uw Zorginkoop-account.</p>
      <div aria-live="assertive">
        {error && (
          <div className="alert alert-error" id="login-error">
            <p className="alert-title">Inloggen mislukt</p>
            <p>{error}</p>
          </div>
        )}
      </div>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="email">E-mailadres</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-describedby={error ? 'login-error' : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Wachtwoord</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Bezig met inloggen…' : 'Inloggen'}
        </button>
      </form>
    </article>
  );
}
