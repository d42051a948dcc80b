// Evidence ledger of a case: every input is hashed and copied into CASE/evidence/ before parsing, and
// each step (received, ingested, refused) is a hash-chained entry in CASE/ledger.jsonl.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { HashChain, type Chained } from './hash-chain.ts';

export type LedgerAction = 'received' | 'ingested' | 'refused' | 'duplicate';

export interface LedgerEntry {
  ts: number;
  action: LedgerAction;
  sha256: string;
  name: string;
  bytes: number;
  /** Path of the evidence copy, relative to the case directory. */
  copy: string;
  format?: string;
  org?: string | null;
  rows_read?: number;
  rows_stored?: number;
  rows_rejected?: number;
  reason?: string;
  actor?: string;
}

export interface ReceivedFile { sha256: string; bytes: number; copy: string; absCopy: string }

export class Ledger {
  readonly chain: HashChain<LedgerEntry>;
  constructor(readonly caseDir: string) {
    this.chain = new HashChain<LedgerEntry>(join(caseDir, 'ledger.jsonl'));
  }

  /** Hashes the file while copying it into the case (one read), then names the copy by its hash. */
  async receive(path: string, observe?: (chunk: Buffer) => void): Promise<ReceivedFile> {
    const dir = join(this.caseDir, 'evidence');
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.incoming-${process.pid}-${Date.now()}`);
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) { hash.update(chunk); observe?.(chunk); bytes += chunk.length; cb(null, chunk); },
    });
    await pipeline(createReadStream(path), tap, createWriteStream(tmp));
    const sha256 = hash.digest('hex');
    const copy = join('evidence', sha256.slice(0, 2), `${sha256}-${basename(path)}`);
    const absCopy = join(this.caseDir, copy);
    mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
    renameSync(tmp, absCopy);
    return { sha256, bytes, copy, absCopy };
  }

  record(entry: Omit<LedgerEntry, 'ts'> & { ts?: number }): LedgerEntry & Chained {
    return this.chain.append({ ...entry, ts: entry.ts ?? Date.now() / 1000 });
  }

  entries(): Array<LedgerEntry & Chained> {
    return this.chain.entries();
  }

  /** Recomputes the chain and the hash of every evidence copy; returns the first failure. */
  async verify(): Promise<{ ok: true; entries: number; files: number } | { ok: false; seq: number; reason: string }> {
    const broken = this.chain.verify();
    if (broken) return { ok: false, seq: broken.seq, reason: `ledger.jsonl line ${broken.line}: ${broken.reason}` };
    const checked = new Set<string>();
    for (const e of this.entries()) {
      if (e.action !== 'received' || checked.has(e.copy)) continue;
      checked.add(e.copy);
      const abs = join(this.caseDir, e.copy);
      if (!existsSync(abs)) return { ok: false, seq: e.seq, reason: `evidence file ${e.copy} is missing` };
      if (statSync(abs).size !== e.bytes) return { ok: false, seq: e.seq, reason: `evidence file ${e.copy} changed size` };
      const actual = await sha256File(abs);
      if (actual !== e.sha256) return { ok: false, seq: e.seq, reason: `evidence file ${e.copy}: sha256 ${actual} ≠ recorded ${e.sha256}` };
    }
    return { ok: true, entries: this.entries().length, files: checked.size };
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
