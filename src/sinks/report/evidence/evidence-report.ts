// Chain-of-custody report for prosecutors: every evidence file with its SHA-256, when it was received and
// what became of it, the hash-chained ledger entries, the verification result, and the audit trail.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isoUtc } from '../../../core/time.ts';
import type { AuditLog } from '../../../ledger/audit.ts';
import type { Ledger } from '../../../ledger/ledger.ts';
import type { Store } from '../../../store/store.ts';
import { csv, esc, kv, page, table } from '../html.ts';

interface RejectSummary { evidence_id: string; n: number; first_reason: string }

export async function writeEvidenceReport(input: { store: Store; ledger: Ledger; audit: AuditLog; caseName: string }, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const entries = input.ledger.entries();
  const verify = await input.ledger.verify();
  const auditBroken = input.audit.verify();
  const rejects = await input.store.query<RejectSummary>(
    'SELECT evidence_id, count(*) AS n, min(reason) AS first_reason FROM rejects GROUP BY evidence_id');
  const rejectBy = new Map(rejects.map((r) => [r.evidence_id, r]));
  const files = entries.filter((e) => e.action === 'received');
  const outcome = (sha: string) => [...entries].reverse().find((e) => e.sha256 === sha && e.action !== 'received' && e.action !== 'duplicate');
  const rows = files.map((e) => {
    const o = outcome(e.sha256);
    return {
      seq: e.seq, received_utc: isoUtc(e.ts), name: e.name, bytes: e.bytes, sha256: e.sha256, copy: e.copy,
      outcome: o?.action ?? 'pending', format: o?.format ?? '', rows_read: o?.rows_read ?? '', rows_stored: o?.rows_stored ?? '',
      rows_rejected: o?.rows_rejected ?? '', reason: o?.reason ?? rejectBy.get(e.sha256)?.first_reason ?? '', entry_hash: e.entry_hash,
    };
  });
  const columns = ['seq', 'received_utc', 'name', 'bytes', 'sha256', 'copy', 'outcome', 'format', 'rows_read', 'rows_stored', 'rows_rejected', 'reason', 'entry_hash'];
  writeFileSync(join(outDir, 'evidence.csv'), csv(rows, columns));
  const status = verify.ok && !auditBroken
    ? `<p class="ok">Verified ${isoUtc(Date.now() / 1000)}: ${verify.entries} ledger entries chain correctly and all ${verify.files} evidence files re-hash to their recorded SHA-256; the audit chain is intact.</p>`
    : `<p class="bad">Verification FAILED: ${esc(!verify.ok ? `ledger entry ${verify.seq}: ${verify.reason}` : '')} ${esc(auditBroken ? `audit entry ${auditBroken.seq}: ${auditBroken.reason}` : '')}</p>`;
  const auditEntries = input.audit.chain.entries();
  const body = `
<div class="box">${status}
${kv([['case', input.caseName], ['evidence files', files.length], ['ledger entries', entries.length], ['audit entries', auditEntries.length],
    ['ledger head hash', entries.at(-1)?.entry_hash ?? '—']])}
<p class="sub">Each ledger entry stores the SHA-256 of the previous entry; changing any entry or any evidence byte breaks the chain.
Re-check at any time with <code>hoptrace verify --case DIR</code>.</p></div>
<h2>Evidence files</h2>
${table(rows, [
    { head: '#', cell: (r) => r.seq, num: true }, { head: 'received (UTC)', cell: (r) => r.received_utc },
    { head: 'file', cell: (r) => r.name }, { head: 'bytes', cell: (r) => r.bytes, num: true },
    { head: 'SHA-256', cell: (r) => `<span class="mono">${esc(r.sha256)}</span>`, raw: true },
    { head: 'outcome', cell: (r) => r.outcome }, { head: 'read / stored / rejected', cell: (r) => r.rows_read === '' ? '' : `${r.rows_read} / ${r.rows_stored} / ${r.rows_rejected}` },
    { head: 'note', cell: (r) => r.reason },
  ], 'no evidence received yet')}
<h2>Ledger (hash chain)</h2>
${table(entries, [
    { head: '#', cell: (e) => e.seq, num: true }, { head: 'time (UTC)', cell: (e) => isoUtc(e.ts) }, { head: 'action', cell: (e) => e.action },
    { head: 'file', cell: (e) => e.name }, { head: 'previous hash', cell: (e) => `<span class="mono">${esc(e.prev_hash.slice(0, 16))}…</span>`, raw: true },
    { head: 'entry hash', cell: (e) => `<span class="mono">${esc(e.entry_hash.slice(0, 16))}…</span>`, raw: true },
  ])}
<h2>Audit trail</h2>
${table(auditEntries, [
    { head: '#', cell: (e) => e.seq, num: true }, { head: 'time (UTC)', cell: (e) => isoUtc(e.ts) }, { head: 'actor', cell: (e) => e.actor },
    { head: 'action', cell: (e) => e.action }, { head: 'object', cell: (e) => e.object },
  ], 'no audited actions yet')}`;
  writeFileSync(join(outDir, 'evidence.html'), page(`Evidence and chain of custody — ${input.caseName}`, body, { subtitle: 'hoptrace evidence ledger report' }));
  return [join(outDir, 'evidence.html'), join(outDir, 'evidence.csv')];
}
