import { Fragment, useState } from 'react';
import { useApi } from '../api.ts';
import { Details, Empty, Failure, Loading, Page, Score, Tlp } from '../components/ui.tsx';
import { bytes, num, when } from '../format.ts';

interface Endpoint {
  ip: string; score: number; tlp: string;
  explanation: Array<{ analyzer: string; kind: string; score: number; tlp: string; components: Record<string, number> | null; details: Record<string, unknown> }>;
  indicators: Array<{ id: string; type: string; tlp: string; source: string; intrusion_set: string | null }>;
  victims: { orgs: number; connections: number; bytes_out: number; first_seen: number; last_seen: number } | null;
  lease: { provider: string; asn: number | null; country: string | null; start: number; end: number | null; account_id?: string } | null;
}

export function Infrastructure() {
  const { data, error, reload } = useApi<{ total: number; endpoints: Endpoint[] }>('/api/infrastructure?limit=300');
  const [open, setOpen] = useState<string | null>(null);
  if (error) return <Failure error={error} retry={reload} />;
  if (!data) return <Loading />;
  return (
    <Page title="Infrastructure" subtitle="External endpoints flagged by the analyzers, ranked by combined score (1 − Π(1 − sᵢ) over every finding that names them). Click a row for the explanation.">
      {data.endpoints.length === 0 ? <Empty title="No flagged infrastructure yet">Run <code>hoptrace analyze --case DIR</code> after ingesting flow logs and intelligence.</Empty> : (
        <table className="rows" data-testid="infra-table">
          <thead><tr><th>#</th><th>Endpoint</th><th>Score</th><th>Marking</th><th className="r">Victims</th><th className="r">Connections</th><th className="r">Sent out</th><th>Leased from</th><th>Why</th></tr></thead>
          <tbody>
            {data.endpoints.map((e, i) => (
              <Fragment key={e.ip}>
                <tr className="clickable" onClick={() => setOpen(open === e.ip ? null : e.ip)} data-ip={e.ip}>
                  <td>{i + 1}</td><td className="mono">{e.ip}</td><td><Score value={e.score} /></td><td><Tlp tlp={e.tlp} /></td>
                  <td className="r">{num(e.victims?.orgs)}</td><td className="r">{num(e.victims?.connections)}</td><td className="r">{bytes(e.victims?.bytes_out)}</td>
                  <td>{e.lease ? `${e.lease.provider}${e.lease.asn ? ` (AS${e.lease.asn})` : ''}${e.lease.account_id ? ` · ${e.lease.account_id}` : ''}` : <span className="muted">unknown</span>}</td>
                  <td>{e.explanation.map((x) => `${x.analyzer} ${x.score.toFixed(2)}`).join(' · ') || `${e.indicators.length} indicator(s)`}</td>
                </tr>
                {open === e.ip ? (
                  <tr className="expanded"><td colSpan={9}>
                    <div className="explain">
                      {e.explanation.map((x) => (
                        <div className="explain-item" key={`${x.analyzer}-${x.kind}`}>
                          <div className="explain-head"><strong>{x.analyzer}</strong> · {x.kind} <Score value={x.score} /> <Tlp tlp={x.tlp} /></div>
                          {x.components ? (
                            <div className="components">{Object.entries(x.components).map(([k, v]) => typeof v === 'number'
                              ? <div key={k}><span>{k}</span><Score value={v} /></div> : null)}</div>
                          ) : null}
                          <Details value={x.details} hide={['components']} />
                        </div>
                      ))}
                      {e.indicators.length ? <div className="explain-item"><strong>Indicators</strong>
                        <ul>{e.indicators.map((x) => <li key={x.id}>{x.type} from {x.source} <Tlp tlp={x.tlp} />{x.intrusion_set ? ` · ${x.intrusion_set}` : ''}</li>)}</ul></div> : null}
                      {e.victims ? <p className="muted">First contact {when(e.victims.first_seen)}, last {when(e.victims.last_seen)}.</p> : null}
                      {e.lease ? <p className="muted">Lease {when(e.lease.start)} → {e.lease.end ? when(e.lease.end) : 'still active'} (the one active at first contact).</p> : null}
                    </div>
                  </td></tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
