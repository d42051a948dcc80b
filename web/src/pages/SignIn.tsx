import { useState, type FormEvent } from 'react';
import { api, ApiFailure, setToken, type Me } from '../api.ts';

export function SignIn({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const [token, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('/api/me', { token: token.trim() });
      setToken(token.trim());
      onSignedIn(me);
    } catch (err) {
      setError((err as ApiFailure).status === 401
        ? 'That token is not valid for this case. Create one with: hoptrace user add NAME --role analyst --case DIR'
        : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="signin">
      <form onSubmit={submit}>
        <div className="brand big">hop<span>trace</span></div>
        <p>Sign in with the token <code>hoptrace user add</code> printed for you.</p>
        <label htmlFor="token">Access token</label>
        <input id="token" name="token" type="password" autoComplete="off" value={token} onChange={(e) => setValue(e.target.value)} placeholder="ht_…" autoFocus />
        <button type="submit" disabled={busy || token.trim() === ''}>{busy ? 'Checking…' : 'Sign in'}</button>
        {error ? <div className="failure" role="alert">{error}</div> : null}
      </form>
    </div>
  );
}
