// Builds the org matcher from the orgs already in the case.
import { OrgMatcher } from '../../ingest/org-matcher.ts';
import type { Store } from '../../store/store.ts';

export async function loadOrgMatcher(store: Store): Promise<OrgMatcher> {
  const rows = await store.query<{ id: string; networks: string; sensors: string }>('SELECT id, networks, sensors FROM orgs');
  return new OrgMatcher(rows.map((r) => ({
    id: r.id,
    networks: r.networks ? JSON.parse(r.networks) : [],
    sensors: r.sensors ? JSON.parse(r.sensors) : [],
  })));
}
