// Shell: sign-in by token, navigation by role, hash routing (#/page).
import { useEffect, useState } from 'react';
import { api, getToken, setToken, type Me } from './api.ts';
import { Evidence } from './pages/Evidence.tsx';
import { GraphPage } from './pages/Graph.tsx';
import { Identities } from './pages/Identities.tsx';
import { Indicators } from './pages/Indicators.tsx';
import { Infrastructure } from './pages/Infrastructure.tsx';
import { Overview } from './pages/Overview.tsx';
import { Relays } from './pages/Relays.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { Victims } from './pages/Victims.tsx';

const PAGES = [
  { id: 'overview', title: 'Overview', team: false, render: (me: Me) => <Overview me={me} /> },
  { id: 'infrastructure', title: 'Infrastructure', team: false, render: () => <Infrastructure /> },
  { id: 'graph', title: 'Graph', team: true, render: () => <GraphPage /> },
  { id: 'relays', title: 'Relays', team: false, render: () => <Relays /> },
  { id: 'identities', title: 'Identities', team: true, render: () => <Identities /> },
  { id: 'victims', title: 'Victims', team: false, render: (me: Me) => <Victims me={me} /> },
  { id: 'indicators', title: 'Indicators', team: false, render: () => <Indicators /> },
  { id: 'evidence', title: 'Evidence', team: true, render: () => <Evidence /> },
] as const;

function useHashPage(): string {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('?')[0] || 'overview';
  const [page, setPage] = useState(read);
  useEffect(() => {
    const on = () => setPage(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return page;
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(!!getToken());
  const page = useHashPage();

  useEffect(() => {
    if (getToken()) api<Me>('/api/me').then(setMe, () => setToken(null)).finally(() => setChecking(false));
    const out = () => { setToken(null); setMe(null); };
    window.addEventListener('hoptrace:signed-out', out);
    return () => window.removeEventListener('hoptrace:signed-out', out);
  }, []);

  if (checking) return <div className="loading">Checking your token…</div>;
  if (!me) return <SignIn onSignedIn={setMe} />;

  const partner = me.role === 'partner';
  const pages = PAGES.filter((p) => !partner || !p.team);
  const current = pages.find((p) => p.id === page) ?? pages[0];
  return (
    <div className={`shell ${partner ? 'partner' : ''}`}>
      <nav className="nav">
        <div className="brand">hop<span>trace</span></div>
        {pages.map((p) => (
          <a key={p.id} href={`#/${p.id}`} className={p.id === current.id ? 'active' : ''} data-page={p.id}>
            {partner && p.id === 'victims' ? 'My organisation' : p.title}
          </a>
        ))}
        <div className="who">
          <div><strong>{me.name}</strong> · {me.role}{me.org ? ` · ${me.org}` : ''}</div>
          <button className="link" onClick={() => { setToken(null); setMe(null); }}>Sign out</button>
        </div>
      </nav>
      <main>
        {partner ? (
          <div className="banner" data-testid="partner-banner">
            Partner view for <strong>{me.org}</strong>: you see {me.visibility}.
          </div>
        ) : null}
        {current.render(me)}
      </main>
    </div>
  );
}
