/**
 * Log-in with e-mail and password. On success the app sends the user on (to `?next=` or the role's
 * home). Controller and medical adviser see claim and patient data: their second step asks the
 * 6-digit code from their authenticator app, or, the first time, shows a QR code to set one up.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, api, errorMessage, type SecondFactorEnrolment, type SessionInfo } from '../api';
import { useSession } from '../session';

export function LoginPage() {
  const { pending } = useSession();
  return pending ? <SecondFactorStep pending={pending} /> : <PasswordStep />;
}

function ErrorAlert({ title, message }: { title: string; message: string | null }) {
  return (
    <div aria-live="assertive">
      {message && (
        <div className="alert alert-error" id="login-error">
          <p className="alert-title">{title}</p>
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}

function PasswordStep() {
  const { setSession } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSession(await api.login(email.trim(), password));
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
      <ErrorAlert title="Inloggen mislukt" message={error} />
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

/** The second step: the code (or, without a confirmed authenticator app yet, its set-up first). */
function SecondFactorStep({ pending }: { pending: SessionInfo }) {
  const { setSession } = useSession();
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const enrolling = pending.secondFactor === 'enrolment-required';

  const cancel = async () => {
    try {
      await api.logout();
    } finally {
      setSession(null);
    }
  };

  /** A refused code: the message, and back to the password when the server ended the session. */
  const refused = async (failure: unknown) => {
    setError(errorMessage(failure));
    if (failure instanceof ApiError && failure.status === 401) {
      const still = await api.me().catch(() => undefined);
      if (still === null) setSession(null);
    }
  };

  const startEnrolment = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await api.enrolSecondFactor());
    } catch (failure) {
      await refused(failure);
    } finally {
      setBusy(false);
    }
  };

  const submitCode = async (code: string) => {
    setBusy(true);
    setError(null);
    try {
      setSession(await (enrolling ? api.confirmSecondFactor(code) : api.secondFactor(code)));
    } catch (failure) {
      setBusy(false);
      await refused(failure);
    }
  };

  const cancelButton = (
    <button type="button" className="button button-secondary" onClick={() => void cancel()}>
      Annuleren
    </button>
  );

  if (enrolling && !enrolment) {
    return (
      <article className="login">
        <h1>Tweede factor instellen</h1>
        <p>
          U bent ingelogd als <strong>{pending.user.email}</strong>. Omdat u declaratie- en patiëntgegevens kunt inzien, logt u in met een tweede
          factor: een verificatiecode uit een authenticator-app op uw telefoon (bijvoorbeeld FreeOTP, Google Authenticator of Microsoft Authenticator).
        </p>
        <ErrorAlert title="Instellen mislukt" message={error} />
        <div className="actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void startEnrolment()}>
            {busy ? 'Bezig…' : 'Authenticator-app instellen'}
          </button>
          {cancelButton}
        </div>
      </article>
    );
  }

  return (
    <article className="login">
      <h1>{enrolling ? 'Tweede factor instellen' : 'Verificatiecode'}</h1>
      {enrolment ? (
        <>
          <p>Scan deze QR-code met uw authenticator-app en vul daarna de code van 6 cijfers in die de app toont.</p>
          <img src={enrolment.qr_code} alt="QR-code om Zorginkoop aan uw authenticator-app toe te voegen" width={220} height={220} />
          <p className="hint">
            Kunt u niet scannen? Voer dan deze sleutel met de hand in: <span className="code">{enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}</span>
          </p>
        </>
      ) : (
        <p>
          Open de authenticator-app op uw telefoon en vul de code van 6 cijfers in die bij Zorginkoop ({pending.user.email}) staat.
        </p>
      )}
      <ErrorAlert title="Code niet geaccepteerd" message={error} />
      <CodeForm busy={busy} invalid={error !== null} onSubmit={(code) => void submitCode(code)} extra={cancelButton} />
    </article>
  );
}

function CodeForm({ busy, invalid, onSubmit, extra }: { busy: boolean; invalid: boolean; onSubmit: (code: string) => void; extra: ReactNode }) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(code.replace(/\s/g, ''));
    setCode('');
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="totp-code">Verificatiecode</label>
        <p className="hint" id="totp-code-hint">
          6 cijfers; de code verandert elke 30 seconden.
        </p>
        <input
          id="totp-code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-describedby={invalid ? 'totp-code-hint login-error' : 'totp-code-hint'}
          aria-invalid={invalid ? true : undefined}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Bezig met controleren…' : 'Bevestigen'}
        </button>
        {extra}
      </div>
    </form>
  );
}
