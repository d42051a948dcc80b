// In-memory index of victim contacts with flagged endpoints, so graph expansions never rescan the flows.
import { sqlFile } from '../../store/sql-file.ts';
import type { ApiContext } from '../context.ts';
import { flaggedEndpoints, keyList } from '../flagged.ts';
import type { ApiUser } from '../users.ts';

export interface Contact { org: string; host: number; ext: number; n: number; bytes_out: number }
export interface ContactIndex { byOrg: Map<string, Contact[]>; byExt: Map<number, Contact[]>; byHost: Map<string, Contact[]> }

export async function contactIndex(ctx: ApiContext, user: ApiUser): Promise<ContactIndex> {
  return ctx.cache.get(`contacts:${ctx.audienceKey(user)}`, async () => {
    const keys = keyList([...(await flaggedEndpoints(ctx, user)).keys()]);
    return indexContacts(await ctx.store.query<Contact>(sqlFile(import.meta.url, 'contacts'), { keys }));
  });
}

export function indexContacts(rows: Contact[]): ContactIndex {
  const idx: ContactIndex = { byOrg: new Map(), byExt: new Map(), byHost: new Map() };
  const push = <K>(m: Map<K, Contact[]>, k: K, c: Contact) => { const l = m.get(k); if (l) l.push(c); else m.set(k, [c]); };
  for (const c of rows) {
    push(idx.byOrg, c.org, c);
    push(idx.byExt, c.ext, c);
    push(idx.byHost, `${c.org}|${c.host}`, c);
  }
  return idx;
}

/** Sums contact counts by a key and returns the busiest first (ties by key), at most `limit`. */
export function top<K extends string | number>(contacts: Contact[], key: (c: Contact) => K, limit: number): Array<{ key: K; n: number }> {
  const sums = new Map<K, number>();
  for (const c of contacts) sums.set(key(c), (sums.get(key(c)) ?? 0) + c.n);
  return [...sums.entries()].map(([k, n]) => ({ key: k, n }))
    .sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
}
