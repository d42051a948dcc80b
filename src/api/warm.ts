// Fills the team's caches in the background when the server starts, so the first analyst does not wait for
// the scans of a large case (overview timeline, flagged endpoints, the graph's contact index).
import type { ApiContext } from './context.ts';
import { flaggedEndpoints } from './flagged.ts';
import { contactIndex } from './graph/contacts.ts';
import { buildOverview } from './routes/overview.ts';
import type { ApiUser } from './users.ts';

const TEAM: ApiUser = { id: 'warm-up', name: 'warm-up', role: 'analyst', org: null };

export async function warmUp(ctx: ApiContext): Promise<number> {
  const started = Date.now();
  await flaggedEndpoints(ctx, TEAM);
  await ctx.cachedJson(TEAM, 'overview', () => buildOverview(ctx, TEAM));
  await contactIndex(ctx, TEAM);
  return (Date.now() - started) / 1000;
}
