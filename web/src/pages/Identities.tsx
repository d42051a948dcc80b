import { useApi } from '../api.ts';
import { Empty, Failure, Loading, Page, Score } from '../components/ui.tsx';

interface Cluster {
  cluster_id: string; confidence: number; account_ids: string[]; explanation: unknown[];
  accounts: Array<Record<string, unknown>>;
  agreement: Array<{ field: string; groups: Array<{ value: string; accounts: number[] }>; agreement: number }>;
}

const SHOWN = ['name', 'email', 'phone', 'address', 'postcode', 'birth_date', 'payment_fp', 'signup_ip'];
const NORM: Record<string, string> = { name: 'name_norm', email: 'email_norm' };

export function Identities() {
  const { data, error, reload } = useApi<{ clusters: Cluster[] }>('/api/identities');
  if (error) return <Failure error={error} retry={reload} />;
  if (!data) return <Loading />;
  if (data.clusters.length === 0) return <Page title="Identities"><Empty title="No identity clusters yet">Ingest provider account exports and run <code>hoptrace analyze --case DIR --only identities</code>.</Empty></Page>;
  return (
    <Page title="Identities" subtitle="Provider accounts believed to belong to one renter. Highlighted cells agree with another account in the cluster. Contains personal data: analysts only.">
      {data.clusters.map((c) => {
        const agreeing = (field: string, i: number) => {
          const a = c.agreement.find((x) => x.field === (NORM[field] ?? field));
          return a?.groups.find((g) => g.accounts.includes(i)) ?? null;
        };
        return (
          <div className="cluster" key={c.cluster_id} data-testid="cluster">
            <div className="chain-head"><strong>{c.cluster_id}</strong> <Score value={c.confidence} label="confidence" /> <span className="muted">{c.accounts.length} accounts</span></div>
            <table className="matrix">
              <thead><tr><th>Field</th>{c.accounts.map((a, i) => <th key={i}>{String(a.provider ?? '?')}/{String(a.account_id)}</th>)}<th>Agreement</th></tr></thead>
              <tbody>
                {SHOWN.map((f) => {
                  const a = c.agreement.find((x) => x.field === (NORM[f] ?? f));
                  return (
                    <tr key={f}>
                      <th>{f}</th>
                      {c.accounts.map((acc, i) => {
                        const g = agreeing(f, i);
                        return <td key={i} className={g ? `agree agree-${a!.groups.indexOf(g) % 4}` : ''}>{acc[f] == null ? <span className="muted">—</span> : String(acc[f])}</td>;
                      })}
                      <td>{a && a.agreement > 0 ? `${Math.round(a.agreement * 100)}%` : <span className="muted">none</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {c.explanation.length ? <ul className="why">{c.explanation.map((e, i) => <li key={i}>{typeof e === 'string' ? e : JSON.stringify(e)}</li>)}</ul> : null}
          </div>
        );
      })}
    </Page>
  );
}
