import { useState } from 'react';
import { api, useApi } from '../api.ts';
import { Empty, Failure, Loading, Page, Tlp } from '../components/ui.tsx';
import { bytes, num, when } from '../format.ts';

interface EvidenceRow { id: string; name: string; bytes: number; format: string; org: string | null; received_at: number; rows_read: number; rows_stored: number; rows_rejected: number; tlp: string | null; rejects_kept: number }
interface LedgerEntry { seq: number; ts: number; action: string; name: string; sha256: string; entry_hash: string; reason?: string }
interface VerifyResult { ok: boolean; ledger: { ok: boolean; entries?: number; files?: number; reason?: string }; audit: { ok: boolean; entries?: number; reason?: string }; checked_at: number; seconds: number }

export function Evidence() {
  const { data, error, reload } = useApi<{ evidence: EvidenceRow[]; ledger: LedgerEntry[]; ledger_entries: number; last_verify: VerifyResult | null }>('/api/evidence');
  const [verify, setVerify] = useState<VerifyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [fail, setFail] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setFail(null);
    try { setVerify(await api<VerifyResult>('/api/evidence/verify', { method: 'POST', body: {} })); } catch (e) { setFail((e as Error).message); } finally { setBusy(false); }
  }
  if (error) return <Failure error={error} retry={reload} />;
  if (!data) return <Loading />;
  const v = verify ?? data.last_verify;
  return (
    <Page title="Evidence" subtitle="Every input is hashed into a hash-chained ledger before parsing; verification re-hashes the files and checks the ledger and audit chains.">
      <div className={`verify ${v ? (v.ok ? 'ok' : 'bad') : ''}`} data-testid="verify-status">
        {v ? (v.ok ? <span>✔ Verified {when(v.checked_at)}: {v.ledger.entries} ledger entries, {v.ledger.files} evidence files, {v.audit.entries} audit entries intact.</span>
          : <span>✘ Verification failed: {v.ledger.reason ?? v.audit.reason}</span>) : <span>Not verified in this session.</span>}
        <button onClick={run} disabled={busy}>{busy ? 'Verifying…' : 'Verify now'}</button>
        {fail ? <span className="failure-inline">{fail}</span> : null}
      </div>
      <h2>Evidence files</h2>
      {data.evidence.length === 0 ? <Empty title="No evidence yet">Add files with <code>hoptrace ingest --case DIR FILE…</code>.</Empty> : (
        <table className="rows"><thead><tr><th>File</th><th>Format</th><th>Org</th><th>Received</th><th className="r">Size</th><th className="r">Read</th><th className="r">Stored</th><th className="r">Rejected</th><th>Marking</th><th>SHA-256</th></tr></thead>
          <tbody>{data.evidence.map((e) => (
            <tr key={e.id}><td>{e.name}</td><td>{e.format}</td><td>{e.org ?? '—'}</td><td>{when(e.received_at)}</td><td className="r">{bytes(e.bytes)}</td>
              <td className="r">{num(e.rows_read)}</td><td className="r">{num(e.rows_stored)}</td><td className="r">{num(e.rows_rejected)}</td><td>{e.tlp ? <Tlp tlp={e.tlp} /> : '—'}</td><td className="mono small">{e.id.slice(0, 16)}…</td></tr>
          ))}</tbody></table>
      )}
      <h2>Ledger ({data.ledger_entries} entries, newest first)</h2>
      <table className="rows"><thead><tr><th>#</th><th>When</th><th>Action</th><th>File</th><th>Entry hash</th></tr></thead>
        <tbody>{data.ledger.slice(0, 100).map((l) => <tr key={l.seq}><td>{l.seq}</td><td>{when(l.ts)}</td><td>{l.action}{l.reason ? ` — ${l.reason}` : ''}</td><td>{l.name}</td><td className="mono small">{l.entry_hash.slice(0, 16)}…</td></tr>)}</tbody></table>
    </Page>
  );
}
