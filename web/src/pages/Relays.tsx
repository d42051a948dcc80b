import { useApi } from '../api.ts';
import { Details, Empty, Failure, Loading, Page, Score, Tlp } from '../components/ui.tsx';
import { duration, when } from '../format.ts';

interface Chain { id: string; kind: string; subject: string; score: number; tlp: string; first_seen: number | null; details: Record<string, unknown>; path: Array<{ ip: string; at: number | null }> }
interface Pair { id: string; subject: string; score: number; tlp: string; details: Record<string, unknown> }

export function Relays() {
  const { data, error, reload } = useApi<{ chains: Chain[]; pairs: Pair[] }>('/api/relays');
  if (error) return <Failure error={error} retry={reload} />;
  if (!data) return <Loading />;
  if (data.chains.length === 0 && data.pairs.length === 0) {
    return <Page title="Relays"><Empty title="No relay chains found yet">The relays analyzer needs packet timing (pcaps of relay hosts) or flows from both sides of a relay. Ingest them and run <code>hoptrace analyze --case DIR --only relays</code>.</Empty></Page>;
  }
  return (
    <Page title="Relays" subtitle="Interactive sessions carried through stepping stones: origin → relay … → target, with when each hop started.">
      <h2>Chains</h2>
      {data.chains.length === 0 ? <Empty title="No multi-hop chains" /> : data.chains.map((c) => (
        <div className="chain" key={c.id} data-testid="chain">
          <div className="chain-head"><Score value={c.score} /> <Tlp tlp={c.tlp} /> <span className="muted">{c.kind} · first seen {when(c.first_seen)}</span></div>
          <div className="hops">
            {c.path.map((h, i) => (
              <span className="hop-wrap" key={`${h.ip}-${i}`}>
                {i > 0 ? <span className="arrow">→{h.at != null && c.path[0].at != null ? <small>{i === 1 ? when(h.at).slice(11) : `+${duration(h.at - (c.path[1].at as number))}`}</small> : null}</span> : null}
                <span className={`hop ${i === 0 ? 'origin' : i === c.path.length - 1 ? 'target' : 'relay'}`}>
                  <small>{i === 0 ? 'origin' : i === c.path.length - 1 ? 'target' : `relay ${i}`}</small>{h.ip}
                </span>
              </span>
            ))}
          </div>
          <details><summary>Evidence and timing</summary><Details value={c.details} /></details>
        </div>
      ))}
      <h2>Relay pairs</h2>
      {data.pairs.length === 0 ? <Empty title="No pairs" /> : (
        <table className="rows"><thead><tr><th>Relay</th><th>Score</th><th>Marking</th><th>Details</th></tr></thead>
          <tbody>{data.pairs.map((p) => <tr key={p.id}><td className="mono">{String(p.details.relay ?? p.subject)}</td><td><Score value={p.score} /></td><td><Tlp tlp={p.tlp} /></td><td><Details value={p.details} /></td></tr>)}</tbody></table>
      )}
    </Page>
  );
}
