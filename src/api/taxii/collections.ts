// TAXII collections of a case: one per TLP marking, plus one per victim org holding the indicators its own
// network was seen talking to (addressed to that org, up to TLP:AMBER+STRICT). A partner gets CLEAR, GREEN
// and its own org's collection; the team gets all of them.
import { uuidv5 } from '../../core/ids.ts';
import type { Tlp } from '../../core/types.ts';
import type { ApiContext } from '../context.ts';
import type { ApiUser } from '../users.ts';

export interface Collection { id: string; title: string; description: string; tlps: Tlp[]; org: string | null }

const TLP_COLLECTIONS: Tlp[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export function collectionId(name: string): string {
  return uuidv5(`taxii-collection|${name}`);
}

export async function collectionsFor(ctx: ApiContext, user: ApiUser): Promise<Collection[]> {
  const team = user.role !== 'partner';
  const tlps = team ? TLP_COLLECTIONS : (['clear', 'green'] as Tlp[]);
  const out: Collection[] = tlps.map((t) => ({
    id: collectionId(`tlp|${t}`), title: `Indicators TLP:${t.toUpperCase()}`, tlps: [t], org: null,
    description: `Every indicator of the case marked TLP:${t.toUpperCase()}`,
  }));
  const orgs = await ctx.store.query<{ id: string; name: string }>(
    "SELECT id, name FROM orgs WHERE ($org = '' OR id = $org) ORDER BY id", { org: team ? '' : user.org ?? '-' });
  for (const o of orgs) {
    out.push({ id: collectionId(`org|${o.id}`), title: `Indicators seen at ${o.name}`, tlps: ['clear', 'green', 'amber', 'amber+strict'], org: o.id,
      description: `Indicators that ${o.name}'s own network was seen talking to (addressed to ${o.id}; TLP up to AMBER+STRICT)` });
  }
  return out;
}

/** Keys of the external endpoints an org's network talked to (cached: one flows scan per org). */
export async function orgEndpointKeys(ctx: ApiContext, org: string): Promise<number[]> {
  return ctx.cache.get(`org-endpoints:${org}`, async () => {
    const rows = await ctx.store.query<{ k: number }>(
      // portable SQL (GROUP BY, not DISTINCT: 18.16 returns duplicates for DISTINCT over an IN-filtered Distributed subquery)
      `SELECT k FROM (SELECT CASE WHEN src_int = 1 THEN dst ELSE src END AS k FROM flows WHERE org = $org)
       WHERE k IN (SELECT ip FROM indicators WHERE ip IS NOT NULL) GROUP BY k ORDER BY k`, { org });
    return rows.map((r) => r.k);
  });
}
