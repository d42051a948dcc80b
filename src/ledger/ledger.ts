// Evidence ledger of a case: every input is hashed and copied into CASE/evidence/ before parsing, and
// each step (received, ingested, refused) is a hash-chained entry in CASE/ledger.jsonl.
import { createHash } from 'node:crypto';
import { constants, createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
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

export interface ReceivedFile {
  sha256: string; bytes: number; copy: string; absCopy: string;
  /** Wall-clock milliseconds of the copy and of hashing it (the ingest benchmark prints them). */
  ms: { copy: number; hash: number };
}

export class Ledger {
  readonly chain: HashChain<LedgerEntry>;
  constructor(readonly caseDir: string) {
    this.chain = new HashChain<LedgerEntry>(join(caseDir, 'ledger.jsonl'));
  }

  /**
   * Copies the file into the case (a reflink where the filesystem can, else an in-kernel copy), hashes the
   * copy — so the recorded hash is that of the bytes the case keeps — and names the copy by its hash.
   * `observe` sees every byte in order; a chunk is valid only during the call.
   */
  async receive(path: string, observe?: (chunk: Buffer) => void): Promise<ReceivedFile> {
    const dir = join(this.caseDir, 'evidence');
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.incoming-${process.pid}-${Date.now()}`);
    try {
      const t0 = performance.now();
      if (statSync(path).isFile()) await copyFile(path, tmp, constants.COPYFILE_FICLONE);
      else await pipeline(createReadStream(path), createWriteStream(tmp));
      const t1 = performance.now();
      const { sha256, bytes } = await hashFile(tmp, observe);
      const ms = { copy: t1 - t0, hash: performance.now() - t1 };
      const copy = join('evidence', sha256.slice(0, 2), `${sha256}-${basename(path)}`);
      const absCopy = join(this.caseDir, copy);
      mkdirSync(join(dir, sha256.slice(0, 2)), { recursive: true });
      renameSync(tmp, absCopy);
      return { sha256, bytes, copy, absCopy, ms };
    } finally {
      rmSync(tmp, { force: true });
    }
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
  return (await hashFile(path)).sha256;
}

const HASH_CHUNK = 4 << 20; // large reads: at 64 KiB stream chunks the reading cost more than SHA-256 itself

async function hashFile(path: string, observe?: (chunk: Buffer) => void): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(HASH_CHUNK);
  const fh = await open(path, 'r');
  let bytes = 0;
  try {
    for (let n; (n = (await fh.read(buf, 0, buf.length, null)).bytesRead) > 0; bytes += n) {
      const chunk = buf.subarray(0, n);
      hash.update(chunk);
      observe?.(chunk);
    }
  } finally {
    await fh.close();
  }
  return { sha256: hash.digest('hex'), bytes };
}
