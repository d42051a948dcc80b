// GET /api/relays — stepping-stone chains (origin → relay … → target) and relay pairs with timing.
import type { FastifyInstance } from 'fastify';
import { ALL, actor } from '../auth.ts';
import type { ApiContext } from '../context.ts';
import { visibleFindings } from '../flagged.ts';

interface Hop { src?: string; dst?: string; dport?: number; start?: number; end?: number }

export function relayRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/relays', {
    config: { roles: ALL },
    schema: { summary: 'Relay chains and pairs with timing', tags: ['analysis'] },
  }, async (req) => {
    const list = (await visibleFindings(ctx, actor(req))).filter((f) => f.analyzer === 'relays' || f.kind.startsWith('relay'));
    const chains = list.filter((f) => f.kind !== 'relay-pair').map((f) => ({ ...f, path: chainPath(f.subject, f.details) }));
    const pairs = list.filter((f) => f.kind === 'relay-pair');
    return { chains, pairs };
  });
}

/** Addresses a relay finding links, in order: a pair's origin → relay → onward, or a chain's hops. */
export function relayIps(f: { kind: string; subject: string; details: Record<string, unknown> }): string[] {
  const d = f.details as { inbound?: Hop; outbound?: Hop; relay?: string };
  if (f.kind === 'relay-pair' && d.inbound?.src && d.outbound?.dst) return [String(d.inbound.src), String(d.relay ?? d.inbound.dst), String(d.outbound.dst)];
  return chainPath(f.subject, f.details).map((h) => h.ip);
}

/** Addresses of a chain in order, from details.hops when present, else from a `a>b>c` subject. */
export function chainPath(subject: string, details: Record<string, unknown>): Array<{ ip: string; at: number | null }> {
  const hops = Array.isArray(details.hops) ? (details.hops as Hop[]) : null;
  if (hops && hops.length > 0 && hops.every((h) => h && typeof h === 'object' && h.src && h.dst)) {
    return [{ ip: String(hops[0].src), at: hops[0].start ?? null }, ...hops.map((h) => ({ ip: String(h.dst), at: h.start ?? null }))];
  }
  return subject.split(/\s*(?:>|→|->)\s*/).filter(Boolean).map((ip) => ({ ip, at: null }));
}
