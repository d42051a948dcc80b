// Small shared pieces: TLP badge, score bar, empty / error / loading states, generic details view.
import type { ReactNode } from 'react';
import type { ApiFailure } from '../api.ts';
import { when } from '../format.ts';

const TIME_KEY = /(^|_)(ts|start|end|seen|first_seen|last_seen|time|at|contact|first_contact|last_contact)$/;

export function Tlp({ tlp }: { tlp: string }) {
  const t = tlp.toLowerCase();
  return <span className={`tlp tlp-${t.replace('+', '-')}`} data-tlp={t}>TLP:{t.toUpperCase()}</span>;
}

export function Score({ value, label }: { value: number; label?: string }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <span className="score" title={`${label ?? 'score'} ${value.toFixed(3)}`}>
      <span className="score-bar"><span style={{ width: `${pct}%` }} /></span>
      <span className="score-num">{value.toFixed(2)}</span>
    </span>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return <div className="empty"><strong>{title}</strong>{children ? <p>{children}</p> : null}</div>;
}

export function Failure({ error, retry }: { error: ApiFailure; retry?: () => void }) {
  const hint = error.status === 403 ? 'Your role may not open this page; ask an admin for an analyst token.'
    : error.status === 0 ? 'Start it again with `hoptrace serve --case DIR`, then retry.'
      : error.status >= 500 ? 'The server log has the details.' : '';
  return (
    <div className="failure" role="alert">
      <strong>Could not load: {error.message}</strong>
      {hint ? <p>{hint}</p> : null}
      {retry ? <button onClick={retry}>Retry</button> : null}
    </div>
  );
}

export function Loading() {
  return <div className="loading">Loading…</div>;
}

export function Page({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <section className="page">
      <header className="page-head"><h1>{title}</h1>{subtitle ? <p className="sub">{subtitle}</p> : null}</header>
      {children}
    </section>
  );
}

/** Renders any finding `details` object as a compact key → value list. */
export function Details({ value, depth = 0, name = '', hide = [] }: { value: unknown; depth?: number; name?: string; hide?: string[] }) {
  if (value == null) return <span className="muted">—</span>;
  if (typeof value === 'number' && TIME_KEY.test(name) && value > 1e8 && value < 1e10) return <span title={String(value)}>{when(value)}</span>;
  if (typeof value === 'number' && !Number.isInteger(value)) return <span>{value.toFixed(3)}</span>;
  if (typeof value !== 'object') return <span>{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object')) return <span>{value.map(String).join(', ') || '—'}</span>;
    return <ol className="details-list">{value.slice(0, 20).map((v, i) => <li key={i}><Details value={v} depth={depth + 1} /></li>)}</ol>;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !hide.includes(k));
  if (depth > 3) return <span className="muted">{`{${entries.length} fields}`}</span>;
  return (
    <dl className="details">
      {entries.map(([k, v]) => <div key={k}><dt>{k}</dt><dd><Details value={v} depth={depth + 1} name={k} /></dd></div>)}
    </dl>
  );
}
