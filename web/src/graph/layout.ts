// Positions without a force layout (stays fast at 10k nodes): the seed view is concentric by node type,
// and each expansion places the new neighbours on rings around the node that was expanded, away from
// positions already taken.
export interface Point { x: number; y: number }

const RING_ORDER = ['actor', 'identity', 'account', 'provider', 'ip', 'indicator', 'host', 'org'];

export function concentricByType(nodes: Array<{ id: string; type: string }>, spacing = 90): Map<string, Point> {
  const out = new Map<string, Point>();
  const byType = new Map<string, string[]>();
  for (const n of nodes) byType.set(n.type, [...(byType.get(n.type) ?? []), n.id]);
  let radius = 0;
  const types = [...byType.keys()].sort((a, b) => RING_ORDER.indexOf(a) - RING_ORDER.indexOf(b));
  for (const t of types) {
    const ids = byType.get(t)!;
    radius = Math.max(radius + spacing * 1.6, (ids.length * spacing) / (2 * Math.PI));
    ids.forEach((id, i) => {
      const a = (2 * Math.PI * i) / ids.length - Math.PI / 2;
      out.set(id, { x: radius * Math.cos(a), y: radius * Math.sin(a) });
    });
  }
  return out;
}

/** Rings of new nodes around `center`; ring k holds up to 8k nodes at radius k * step. */
export function ringsAround(center: Point, count: number, step = 70, startAngle = 0): Point[] {
  const out: Point[] = [];
  let ring = 1;
  while (out.length < count) {
    const capacity = 8 * ring;
    const here = Math.min(capacity, count - out.length);
    for (let i = 0; i < here; i++) {
      const a = startAngle + (2 * Math.PI * i) / here;
      out.push({ x: center.x + ring * step * Math.cos(a), y: center.y + ring * step * Math.sin(a) });
    }
    ring++;
  }
  return out;
}

/** A direction pointing away from the graph's centre of mass, so expansions grow outwards. */
export function outwardAngle(center: Point, mass: Point): number {
  const dx = center.x - mass.x;
  const dy = center.y - mass.y;
  return dx === 0 && dy === 0 ? 0 : Math.atan2(dy, dx);
}

/** A square-ish grid (for bulk loads such as the 10k-node render benchmark). */
export function grid(count: number, step = 40): Point[] {
  const cols = Math.ceil(Math.sqrt(count));
  return Array.from({ length: count }, (_, i) => ({ x: (i % cols) * step, y: Math.floor(i / cols) * step }));
}
