// Provider directory entries from a case store (the providers table has no address blocks: those entries
// name the provider of an ASN found in the public data; blocks come from a providers CSV).
import { sqlFile } from '../store/sql-file.ts';
import type { Store } from '../store/store.ts';
import type { ProviderEntry } from './providers.ts';

interface Row { asn: number; name: string; country: string | null; abuse_contact: string | null; legal_contact: string | null; tz: string | null }

export async function providersFromStore(store: Store): Promise<ProviderEntry[]> {
  const rows = await store.query<Row>(sqlFile(import.meta.url, 'store-providers'));
  return rows.map((r) => ({ asn: r.asn, name: r.name, country: r.country ?? '', abuse_contact: r.abuse_contact ?? '',
    legal_contact: r.legal_contact ?? '', tz: r.tz ?? 'UTC', cidrs: [] }));
}
