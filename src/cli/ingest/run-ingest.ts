// Ingest of one file into a case: receive (hash + copy + ledger) → detect → parse → classify → append,
// then reconcile rows read = stored + rejected and seal it with an `evidence` row and a ledger entry.
// Rows are tagged with the evidence id, so a run killed half-way leaves rows that the next run removes.
import { InputError } from '../../core/errors.ts';
import type { Reject } from '../../core/types.ts';
import type { FormatName, ParseOptions } from '../../ingest/contract.ts';
import { WrongFormatError } from '../../ingest/contract.ts';
import { detectFormat, openInput } from '../../ingest/detect.ts';
import { FORMATS } from '../../ingest/formats.ts';
import { OrgMatcher, classifyRow } from '../../ingest/org-matcher.ts';
import type { TableName } from '../../store/schema.ts';
import type { Row } from '../../store/store.ts';
import type { Case } from '../case.ts';
import { progress } from '../progress.ts';
import { loadOrgMatcher } from './org-directory.ts';

export interface IngestOptions extends Omit<ParseOptions, 'file'> { format?: FormatName | 'auto'; quiet?: boolean }

export interface IngestResult {
  file: string;
  status: 'ingested' | 'duplicate' | 'refused';
  format?: string;
  evidenceId: string;
  read: number;
  stored: number;
  rejected: number;
  tables: Record<string, number>;
  reason?: string;
}

const CLASSIFIED: TableName[] = ['flows', 'dns', 'tls'];
const REJECT_RAW_MAX = 200;

export async function ingestFile(kase: Case, path: string, opts: IngestOptions): Promise<IngestResult> {
  const { store, ledger } = kase;
  const received = await ledger.receive(path);
  const evidenceId = received.sha256;
  const base = { file: path, evidenceId, read: 0, stored: 0, rejected: 0, tables: {} };
  const already = await store.query<{ n: number }>('SELECT count(*) AS n FROM evidence WHERE id = $id', { id: evidenceId });
  if (already[0].n > 0) {
    ledger.record({ action: 'duplicate', sha256: evidenceId, name: path, bytes: received.bytes, copy: received.copy });
    return { ...base, status: 'duplicate', reason: `already ingested (sha256 ${evidenceId.slice(0, 16)}…): nothing to do` };
  }
  ledger.record({ action: 'received', sha256: evidenceId, name: path, bytes: received.bytes, copy: received.copy, org: opts.org ?? null });
  for (const orphan of await store.orphanEvidenceIds()) await store.deleteEvidenceRows(orphan);

  let format: FormatName;
  try {
    format = await chooseFormat(received.absCopy, path, opts.format);
  } catch (e) {
    ledger.record({ action: 'refused', sha256: evidenceId, name: path, bytes: received.bytes, copy: received.copy, reason: (e as Error).message });
    throw e;
  }
  const parser = FORMATS.find((f) => f.name === format)!;
  const matcher = CLASSIFIED.length ? await loadOrgMatcher(store) : new OrgMatcher([]);
  const counts = { read: 0, rejected: 0, tables: {} as Record<string, number> };
  const bar = progress(`ingest ${path}`, received.bytes, !!opts.quiet);
  try {
    const input = openInput(received.absCopy);
    for await (const batch of parser.parse(input, { ...opts, file: path })) {
      if (batch.rejects.length > batch.read) throw new Error(`parser ${format} reported more rejects than records read`);
      counts.read += batch.read;
      counts.rejected += batch.rejects.length;
      for (const [table, rows] of Object.entries(batch.rows) as Array<[TableName, Row[]]>) {
        if (!rows?.length) continue;
        for (const r of rows) {
          r.evidence_id = evidenceId;
          if (CLASSIFIED.includes(table)) classifyRow(matcher, r, opts.org ?? null);
        }
        await store.append(table, rows);
        counts.tables[table] = (counts.tables[table] ?? 0) + rows.length;
      }
      if (batch.rejects.length) await store.append('rejects', batch.rejects.map((r) => rejectRow(evidenceId, r)));
      bar.update(counts.read, batch.bytesDone);
    }
  } catch (e) {
    bar.done();
    await store.deleteEvidenceRows(evidenceId);
    const wrong = e instanceof WrongFormatError;
    const reason = wrong ? InputError.format(e.message, path, { line: e.line, offset: e.offset }) : (e as Error).message;
    ledger.record({ action: 'refused', sha256: evidenceId, name: path, bytes: received.bytes, copy: received.copy, format, reason });
    if (wrong || e instanceof InputError) throw new InputError(`${reason} — nothing stored`);
    throw e;
  }
  bar.done();
  await checkStored(kase, evidenceId, counts.tables);
  const stored = counts.read - counts.rejected;
  const entry = ledger.record({
    action: 'ingested', sha256: evidenceId, name: path, bytes: received.bytes, copy: received.copy, format,
    org: opts.org ?? null, rows_read: counts.read, rows_stored: stored, rows_rejected: counts.rejected,
  });
  await store.append('evidence', [{
    id: evidenceId, sha256: evidenceId, name: path, bytes: received.bytes, format, org: opts.org ?? null,
    sensor: opts.sensor ?? null, received_at: entry.ts, rows_read: counts.read, rows_stored: stored,
    rows_rejected: counts.rejected, tlp: opts.tlp ?? null, prev_hash: entry.prev_hash, entry_hash: entry.entry_hash,
  }]);
  return { ...base, status: 'ingested', format, read: counts.read, stored, rejected: counts.rejected, tables: counts.tables };
}

async function chooseFormat(absPath: string, shownPath: string, wanted?: FormatName | 'auto'): Promise<FormatName> {
  if (wanted && wanted !== 'auto') {
    if (!FORMATS.some((f) => f.name === wanted)) {
      throw new InputError(`unknown format '${wanted}' (known: ${FORMATS.map((f) => f.name).join(', ')})`);
    }
    return wanted;
  }
  try {
    return (await detectFormat(absPath)).format;
  } catch (e) {
    throw new InputError((e as Error).message.replaceAll(absPath, shownPath));
  }
}

function rejectRow(evidenceId: string, r: Reject): Row {
  return {
    evidence_id: evidenceId, file: r.file, line_or_offset: r.line ?? r.offset ?? 0,
    reason: r.reason, raw: r.raw === undefined ? null : r.raw.slice(0, REJECT_RAW_MAX),
  };
}

/** The store must hold exactly the rows handed to it for this evidence id. */
async function checkStored(kase: Case, evidenceId: string, tables: Record<string, number>): Promise<void> {
  for (const [table, n] of Object.entries(tables)) {
    const have = await kase.store.count(table as TableName, { column: 'evidence_id', value: evidenceId });
    if (have !== n) {
      await kase.store.deleteEvidenceRows(evidenceId);
      throw new Error(`reconcile failed for ${table}: appended ${n} rows, store holds ${have}; rolled back`);
    }
  }
}
