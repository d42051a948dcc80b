// Audit log of a case: who did what, hash-chained like the ledger (CASE/audit.jsonl).
import { join } from 'node:path';
import { HashChain } from './hash-chain.ts';

export interface AuditEntry { ts: number; actor: string; action: string; object: string; detail?: Record<string, unknown> }

export class AuditLog {
  readonly chain: HashChain<AuditEntry>;
  constructor(caseDir: string) {
    this.chain = new HashChain<AuditEntry>(join(caseDir, 'audit.jsonl'));
  }
  record(actor: string, action: string, object: string, detail?: Record<string, unknown>) {
    return this.chain.append({ ts: Date.now() / 1000, actor, action, object, detail });
  }
  verify() {
    return this.chain.verify();
  }
}
