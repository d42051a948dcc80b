// Edges of large graphs, drawn on one canvas under Cytoscape's own. Nodes stay Cytoscape elements (tap,
// select, drag, type filter); only edges move here once a graph passes LABEL_LIMIT nodes. Why: Cytoscape
// spends ~80 µs of main-thread time per edge element (style cascade, bounds, events, texture caches), so
// 15k edges cost ~1.3 s before the first frame; one canvas path per edge kind draws them in a few ms and
// is redrawn on every viewport change, node drag or filter change.
import type cytoscape from 'cytoscape';
import { DEFAULT_EDGE, EDGE_STYLE } from './style.ts';

export interface LayerEdge { id: string; source: string; target: string; kind: string }

/** Where an endpoint is drawn; null when it is hidden or gone (its edges are skipped). */
export type EndpointAt<N> = (node: N) => { x: number; y: number } | null;

interface Placed<N = cytoscape.NodeSingular> { kind: string; s: N; t: N }

/** Line segments per edge kind in model coordinates: [x1, y1, x2, y2, ...]. */
export function segmentsByKind<N>(edges: Iterable<Placed<N>>, at: EndpointAt<N>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of edges) {
    const a = at(e.s);
    const b = a && at(e.t);
    if (!a || !b) continue;
    let list = out.get(e.kind);
    if (!list) out.set(e.kind, (list = []));
    list.push(a.x, a.y, b.x, b.y);
  }
  return out;
}

const visibleAt: EndpointAt<cytoscape.NodeSingular> = (n) => (n.removed() || n.hasClass('hidden') ? null : n.position());

export class EdgeLayer {
  private readonly edges = new Map<string, Placed>();
  private readonly canvas: HTMLCanvasElement;
  private frame = 0;
  private readonly redraw = () => this.schedule();

  constructor(private readonly cy: cytoscape.Core, private readonly host: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'edge-layer';
    this.canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none';
    host.style.position = 'relative';
    host.prepend(this.canvas); // before Cytoscape's canvases, so under them
    cy.on('viewport resize position', this.redraw);
  }

  get size(): number {
    return this.edges.size;
  }

  has(id: string): boolean {
    return this.edges.has(id);
  }

  /** Adds edges whose endpoints are in the graph (others are dropped, as Cytoscape would refuse them); draws now. */
  add(edges: LayerEdge[]): void {
    if (edges.length === 0) return;
    const nodes = new Map<string, cytoscape.NodeSingular>();
    this.cy.nodes().forEach((n) => { nodes.set(n.id(), n); });
    for (const e of edges) {
      const s = nodes.get(e.source);
      const t = nodes.get(e.target);
      if (s && t && !this.edges.has(e.id)) this.edges.set(e.id, { kind: e.kind, s, t });
    }
    this.draw();
  }

  schedule(): void {
    if (this.frame || this.edges.size === 0) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.draw(); });
  }

  draw(): void {
    const { canvas, cy } = this;
    const w = this.host.clientWidth;
    const h = this.host.clientHeight;
    if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const zoom = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(zoom, 0, 0, zoom, pan.x, pan.y);
    for (const [kind, xy] of segmentsByKind(this.edges.values(), visibleAt)) {
      const style = EDGE_STYLE[kind] ?? DEFAULT_EDGE;
      ctx.strokeStyle = style.color;
      ctx.lineWidth = Math.max(style.width, 0.5 / zoom); // at least half a screen pixel, so a zoomed-out graph keeps its shape
      ctx.setLineDash(style.dash ? style.dash.map((d) => d / zoom) : []);
      ctx.beginPath();
      for (let i = 0; i < xy.length; i += 4) { ctx.moveTo(xy[i], xy[i + 1]); ctx.lineTo(xy[i + 2], xy[i + 3]); }
      ctx.stroke();
    }
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.cy.off('viewport resize position', this.redraw);
    this.canvas.remove();
  }
}
