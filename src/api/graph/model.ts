// Graph explorer model: typed node ids (`type|part|part`) and the node / edge shapes the UI draws.
export const NODE_TYPES = ['org', 'host', 'ip', 'provider', 'account', 'identity', 'indicator', 'actor'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export interface GraphNode { id: string; type: NodeType; label: string; score?: number; tlp?: string; flagged?: boolean; data?: Record<string, unknown> }
export interface GraphEdge { id: string; source: string; target: string; kind: string; label?: string; weight?: number }
export interface Neighbourhood { nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean }

export function nodeId(type: NodeType, ...parts: string[]): string {
  return [type, ...parts].join('|');
}

export function parseNodeId(id: string): { type: NodeType; parts: string[] } | null {
  const [type, ...parts] = id.split('|');
  if (!(NODE_TYPES as readonly string[]).includes(type) || parts.length === 0 || parts.some((p) => p === '')) return null;
  const want: Record<NodeType, number> = { org: 1, host: 2, ip: 1, provider: 1, account: 2, identity: 1, indicator: 1, actor: 1 };
  if (parts.length !== want[type as NodeType]) return null;
  return { type: type as NodeType, parts };
}

export function edge(source: string, target: string, kind: string, label?: string, weight?: number): GraphEdge {
  return { id: `${source}~${kind}~${target}`, source, target, kind, ...(label ? { label } : {}), ...(weight != null ? { weight } : {}) };
}

/** Collects a neighbourhood without duplicates, stopping at the node limit. */
export class NeighbourhoodBuilder {
  private nodes = new Map<string, GraphNode>();
  private edges = new Map<string, GraphEdge>();
  truncated = false;
  constructor(private readonly limit: number, center?: GraphNode) {
    if (center) this.nodes.set(center.id, center);
  }

  /** Adds a neighbour and the edge to it; false once the limit is reached. */
  add(node: GraphNode, e: GraphEdge): boolean {
    if (!this.nodes.has(node.id)) {
      if (this.nodes.size >= this.limit + 1) { this.truncated = true; return false; }
      this.nodes.set(node.id, node);
    }
    this.edges.set(e.id, e);
    return true;
  }

  result(): Neighbourhood {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], truncated: this.truncated };
  }
}
