import { useApi, type Me } from '../api.ts';
import { Empty, Failure, Loading, Page } from '../components/ui.tsx';
import { Timeline, type TimelineData } from '../components/Timeline.tsx';
import { duration, num } from '../format.ts';

interface OverviewData {
  audience: string;
  counts: Record<string, number>;
  findings_by_analyzer: Record<string, number>;
  notifications: Record<string, number>;
  timeline: TimelineData & { victims?: number };
}

const LABELS: Record<string, string> = {
  orgs: 'Organisations', flows: 'Flows', evidence: 'Evidence files', indicators: 'Indicators', accounts: 'Provider accounts',
  leases: 'Leases', identities: 'Identity clusters', flagged_endpoints: 'Flagged endpoints', visible_findings: 'Findings',
};

export function Overview({ me }: { me: Me }) {
  const { data, error, reload } = useApi<OverviewData>('/api/overview');
  if (error) return <Failure error={error} retry={reload} />;
  if (!data) return <Loading />;
  const counts = Object.entries(data.counts).filter(([k]) => LABELS[k]);
  const analyzers = Object.entries(data.findings_by_analyzer);
  return (
    <Page title="Overview" subtitle={`Case ${me.case} · ${data.audience}`}>
      <div className="cards">
        {counts.map(([k, v]) => <div className="card" key={k} data-count={k}><div className="n">{num(v)}</div><div className="l">{LABELS[k]}</div></div>)}
      </div>
      <h2>Attack timeline across victims</h2>
      {data.timeline.times.length === 0
        ? <Empty title="No contact with flagged infrastructure yet">Ingest flow logs and run <code>hoptrace analyze --case DIR</code>; the timeline shows when each victim talked to flagged endpoints.</Empty>
        : <>
          <p className="muted">Connections per {duration(data.timeline.bucket)} between each victim and flagged endpoints{data.timeline.victims ? ` (${data.timeline.victims} victims)` : ''}.</p>
          <Timeline data={data.timeline} />
        </>}
      <div className="two">
        <div>
          <h2>Findings by analyzer</h2>
          {analyzers.length === 0 ? <Empty title="No findings yet">Run <code>hoptrace analyze --case DIR</code>.</Empty> : (
            <table><thead><tr><th>Analyzer</th><th className="r">Findings</th></tr></thead>
              <tbody>{analyzers.map(([a, n]) => <tr key={a}><td>{a}</td><td className="r">{num(n)}</td></tr>)}</tbody></table>
          )}
        </div>
        <div>
          <h2>Notifications</h2>
          {Object.keys(data.notifications).length === 0 ? <Empty title="No notifications yet">{me.role === 'partner' ? 'Nothing has been sent to your organisation.' : 'Open one from the Victims page, or run hoptrace notify.'}</Empty> : (
            <table><thead><tr><th>Status</th><th className="r">Count</th></tr></thead>
              <tbody>{Object.entries(data.notifications).map(([s, n]) => <tr key={s}><td><span className={`status status-${s}`}>{s}</span></td><td className="r">{n}</td></tr>)}</tbody></table>
          )}
        </div>
      </div>
    </Page>
  );
}
