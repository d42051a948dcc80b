import { useState } from 'react';
import { useApi } from '../api.ts';
import { Empty, Failure, Loading, Page, Tlp } from '../components/ui.tsx';
import { when } from '../format.ts';

interface Indicator { id: string; type: string; value: string; source: string; tlp: string; confidence: number | null; intrusion_set: string | null; last_seen: number | null }

export function Indicators() {
  const [q, setQ] = useState('');
  const { data, error, reload } = useApi<{ total: number; indicators: Indicator[] }>(`/api/indicators?limit=500${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  if (error) return <Failure error={error} retry={reload} />;
  return (
    <Page title="Indicators" subtitle="Indicators of compromise known to the case (your role's TLP view). Partners can also pull them over TAXII 2.1 at /taxii2/.">
      <input className="search" placeholder="Filter by value…" value={q} onChange={(e) => setQ(e.target.value)} />
      {!data ? <Loading /> : data.indicators.length === 0 ? <Empty title="No indicators">Ingest STIX, MISP or IOC lists with <code>hoptrace ingest</code>.</Empty> : (
        <table className="rows" data-testid="indicators-table"><thead><tr><th>Type</th><th>Value</th><th>Marking</th><th>Source</th><th className="r">Confidence</th><th>Actor</th><th>Last seen</th></tr></thead>
          <tbody>{data.indicators.map((i) => <tr key={i.id}><td>{i.type}</td><td className="mono">{i.value}</td><td><Tlp tlp={i.tlp} /></td><td>{i.source}</td><td className="r">{i.confidence ?? '—'}</td><td>{i.intrusion_set ?? '—'}</td><td>{when(i.last_seen)}</td></tr>)}</tbody></table>
      )}
    </Page>
  );
}
