// Append-only JSON-lines file where every entry carries the hash of the one before it.
// entry_hash = sha256(prev_hash + "\n" + canonical JSON of the entry without entry_hash).
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { sha256Hex } from '../core/ids.ts';

export const GENESIS = '0'.repeat(64);

export interface Chained { seq: number; prev_hash: string; entry_hash: string }

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function entryHash(prevHash: string, body: Record<string, unknown>): string {
  const { entry_hash: _ignored, ...rest } = body;
  return sha256Hex(`${prevHash}\n${canonicalJson(rest)}`);
}

export class HashChain<T extends object> {
  constructor(readonly path: string) {}

  entries(): Array<T & Chained> {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l, i) => {
      try {
        return JSON.parse(l) as T & Chained;
      } catch {
        throw new Error(`${this.path}:${i + 1}: not valid JSON`);
      }
    });
  }

  // The last entry, cached against the file size so another process's appends are noticed.
  private cached: { size: number; entry: (T & Chained) | null } | null = null;

  last(): (T & Chained) | null {
    const size = existsSync(this.path) ? statSync(this.path).size : 0;
    if (this.cached?.size === size) return this.cached.entry;
    const all = this.entries();
    const entry = all.length ? all[all.length - 1] : null;
    this.cached = { size, entry };
    return entry;
  }

  append(body: T): T & Chained {
    const prev = this.last();
    const partial = { ...body, seq: (prev?.seq ?? 0) + 1, prev_hash: prev?.entry_hash ?? GENESIS } as T & Chained;
    const entry = { ...partial, entry_hash: entryHash(partial.prev_hash, partial as Record<string, unknown>) };
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    this.cached = { size: statSync(this.path).size, entry };
    return entry;
  }

  /** First entry whose link or hash is wrong, with the reason; null when the chain holds. */
  verify(): { seq: number; line: number; reason: string } | null {
    let prevHash = GENESIS;
    const all = this.entries();
    for (let i = 0; i < all.length; i++) {
      const e = all[i];
      if (e.prev_hash !== prevHash) return { seq: e.seq, line: i + 1, reason: 'prev_hash does not match the entry before it' };
      if (entryHash(prevHash, e as Record<string, unknown>) !== e.entry_hash) {
        return { seq: e.seq, line: i + 1, reason: 'entry_hash does not match the entry content (entry altered)' };
      }
      prevHash = e.entry_hash;
    }
    return null;
  }
}
