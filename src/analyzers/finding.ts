import { findingId } from '../core/ids.ts';
import type { Finding } from '../core/types.ts';
import type { FindingInput } from './contract.ts';

export function makeFinding(f: FindingInput): Finding {
  return {
    ...f,
    id: findingId(f.analyzer, f.kind, f.subject),
    tlp: f.tlp ?? 'amber',
    confidence: f.confidence ?? f.score,
    evidence_ids: f.evidence_ids ?? [],
  };
}
