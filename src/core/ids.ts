// Deterministic identifiers: SHA-256 for evidence, UUIDv5 for findings and STIX objects.
import { createHash } from 'node:crypto';

/** Namespace for every hoptrace UUIDv5 (a fixed random UUID; never change it: ids must stay stable). */
export const HOPTRACE_NAMESPACE = '5b0f4c6e-3f0a-4a4e-9c1b-2f1d8e6a7c30';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function uuidv5(name: string, namespace = HOPTRACE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function findingId(analyzer: string, kind: string, subject: string): string {
  return uuidv5(`finding|${analyzer}|${kind}|${subject}`);
}

export function stixId(type: string, key: string): string {
  return `${type}--${uuidv5(`stix|${type}|${key}`)}`;
}
