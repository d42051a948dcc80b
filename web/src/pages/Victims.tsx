import { useState } from 'react';
import { api, useApi, type Me } from '../api.ts';
import { Details, Empty, Failure, Loading, Page, Score, Tlp } from '../components/ui.tsx';
import { bytes, num, when } from '../format.ts';

interface Victim {
  id: string; name: string; sector: string | null; country: string | null; networks: string[];
  exposure: { connections: number; endpoints: number; hosts: number; bytes_out: number; first_seen: number; last_seen: number } | null;
  impact: Array<{ id: string; analyzer: string; kind: string; score: number; tlp: string; details: Record<string, unknown> }>;
  impact_score: number;
  notification: { id: string; status: string; tlp: string; updated_at: number } | null;
}

const NEXT: Record<string, { action: string; label: string; partner: boolean }> = {
  draft: { action: 'approve', label: 'Approve', partner: false },
  approved: { action: 'send', label: 'Send', partner: false },
  sent: { action: 'acknowledge', label: 'Acknowledge receipt', partner: true },
  acknowledged: { action: 'remediate', label: 'Mark remediated', partner: true },
};

export function Victims({ me }: { me: Me }) {
  const { data, error, reload } = useApi<{ total: number; orgs: number; victims: Victim[] }>('/api/victims');
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const partner = me.role === 'partner';

  async function act(path: string, body: unknown, label: string) {
    setBusy(path);
    setMessage(null);
    try {
      await api(path, { method: 'POST', body });
      setMessage(`${label}: done (recorded in the audit log).`);
      reload();
    } catch (e) {
      setMessage(`${label} failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  }

  if (error) return <Failure error={error} retry={reload} />;
  if (!data) return <Loading />;
  return (
    <Page title={partner ? 'My organisation' : 'Victims'} subtitle={partner ? 'What the investigation found about your organisation, and the notification sent to you.' : `${data.total} of ${data.orgs} organisations show contact with flagged infrastructure or have a notification.`}>
      {message ? <div className="notice" role="status">{message}</div> : null}
      {data.victims.length === 0 ? <Empty title={partner ? 'Nothing addressed to your organisation yet' : 'No victims found yet'}>
        {partner ? 'When the investigators send you a notification it appears here.' : 'Ingest the organisations directory and flow logs, then run hoptrace analyze.'}</Empty> : (
        <table className="rows" data-testid="victims-table">
          <thead><tr><th>Organisation</th><th>Impact</th><th className="r">Connections</th><th className="r">Hosts</th><th className="r">Sent out</th><th>Contact</th><th>Notification</th><th>Action</th></tr></thead>
          <tbody>
            {data.victims.map((v) => {
              const n = v.notification;
              const step = n ? NEXT[n.status] : null;
              const allowed = step && (!partner || step.partner);
              return (
                <tr key={v.id} data-org={v.id}>
                  <td><strong>{v.name}</strong><div className="muted">{v.id} · {v.sector ?? '—'} · {v.country ?? '—'}</div></td>
                  <td>{v.impact_score ? <Score value={v.impact_score} /> : <span className="muted">—</span>}
                    {v.impact.length ? <details><summary>{v.impact.length} finding(s)</summary>{v.impact.map((f) => <div key={f.id} className="explain-item"><strong>{f.analyzer}</strong> · {f.kind} <Tlp tlp={f.tlp} /><Details value={f.details} /></div>)}</details> : null}</td>
                  <td className="r">{num(v.exposure?.connections)}</td><td className="r">{num(v.exposure?.hosts)}</td><td className="r">{bytes(v.exposure?.bytes_out)}</td>
                  <td>{v.exposure ? `${when(v.exposure.first_seen)} → ${when(v.exposure.last_seen)}` : '—'}</td>
                  <td>{n ? <><span className={`status status-${n.status}`} data-status={n.status}>{n.status}</span> <Tlp tlp={n.tlp} /></> : <span className="muted">none</span>}</td>
                  <td>
                    {n && allowed ? <button disabled={busy !== null} data-action={step.action} onClick={() => act(`/api/notifications/${encodeURIComponent(n.id)}/${step.action}`, {}, `${step.label} ${v.id}`)}>{!partner && step.partner ? `Record: ${step.action}d` : step.label}</button> : null}
                    {!n && !partner ? <button disabled={busy !== null} data-action="create" onClick={() => act('/api/notifications', { org: v.id, tlp: 'amber' }, `Draft notification for ${v.id}`)}>Draft notification</button> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Page>
  );
}
