import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/ApiError';
import { CrmApi } from '../api/CrmApi';

/** Checks the key against the service before keeping it: a channel key cannot read customers and is refused here. */
export function SignInPage({ onSignedIn }: { onSignedIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const entered = key.trim();
    if (entered.length === 0) {
      setError('Enter an agent or admin key.');
      return;
    }
    setChecking(true);
    setError(null);
    try {
      await new CrmApi(entered).stats();
      onSignedIn(entered);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 401
          ? 'This key is not valid or was revoked.'
          : failure instanceof ApiError && failure.status === 403
            ? 'This key may not use the dashboard: sign in with an agent or admin key.'
            : `Could not reach the service: ${(failure as Error).message}`,
      );
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} noValidate>
        <h1>Crm</h1>
        <p className="muted">Sign in with an agent or admin key. It is kept for this browser tab only.</p>
        <label className="field">
          <span>API key</span>
          <input
            name="apiKey"
            type="password"
            autoComplete="off"
            autoFocus
            value={key}
            onChange={(event) => setKey(event.target.value)}
            aria-invalid={error !== null}
          />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
