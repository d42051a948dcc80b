// Graph explorer: starts from the seed view, expands a node's neighbourhood on click (server-side, bounded),
// filters by node type. Preset positions, textures while panning, no labels on large graphs and their edges
// on a canvas layer (graph/edge-layer.ts) keep it usable at 10k nodes.
import { useEffect, useRef, useState } from 'react';
import cytoscape from 'cytoscape';
import { api, ApiFailure } from '../api.ts';
import { Details, Failure, Page, Tlp } from '../components/ui.tsx';
import { EdgeLayer } from '../graph/edge-layer.ts';
import { concentricByType, grid, outwardAngle, ringsAround, type Point } from '../graph/layout.ts';
import { LABEL_LIMIT, stylesheet, TYPE_STYLE } from '../graph/style.ts';

interface GNode { id: string; type: string; label: string; score?: number; tlp?: string; flagged?: boolean; data?: Record<string, unknown> }
interface GEdge { id: string; source: string; target: string; kind: string; label?: string; weight?: number }
interface Hood { nodes: GNode[]; edges: GEdge[]; truncated: boolean }

declare global {
  interface Window {
    __hoptraceGraph?: { load(nodes: GNode[], edges: GEdge[]): Promise<number>; count(): number; edges(): { cytoscape: number; layer: number }; rendered(id: string): { x: number; y: number } | null };
  }
}

const TYPES = Object.keys(TYPE_STYLE);

export function GraphPage() {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const layerRef = useRef<EdgeLayer | null>(null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<GNode | null>(null);
  const [stats, setStats] = useState({ nodes: 0, edges: 0 });
  const [error, setError] = useState<ApiFailure | null>(null);
  const [note, setNote] = useState<string>('Click a node to expand its neighbourhood.');
  const hiddenRef = useRef(hidden);
  hiddenRef.current = hidden;

  const refreshStats = () => {
    const cy = cyRef.current;
    if (cy) setStats({ nodes: cy.nodes().length, edges: cy.edges().length + (layerRef.current?.size ?? 0) });
  };

  function addElements(nodes: GNode[], edges: GEdge[], positions: Map<string, Point>) {
    const cy = cyRef.current!;
    const layer = layerRef.current!;
    let layerEdges: GEdge[] = [];
    cy.batch(() => {
      // hasElementWithId is a map lookup; getElementById would build a collection per call (slow at 10k).
      const has = (id: string) => cy.hasElementWithId(id) || layer.has(id);
      const fresh = nodes.filter((n) => !has(n.id));
      const labelled = cy.nodes().length + fresh.length <= LABEL_LIMIT;
      const newEdges = edges.filter((e) => !has(e.id));
      if (!labelled) {
        // The graph became large: labels off, nodes as plain discs, and every edge onto the canvas layer.
        cy.nodes('.labelled').removeClass('labelled').addClass('bulk');
        const moved = cy.edges();
        layerEdges = [...moved.map((e) => e.data() as GEdge), ...newEdges];
        moved.remove();
      }
      const ids = new Set(fresh.map((n) => n.id));
      const known = (id: string) => ids.has(id) || cy.hasElementWithId(id);
      // One add call for nodes and edges: Cytoscape then updates styles and edge caches once.
      cy.add([
        ...fresh.map((n) => ({ group: 'nodes' as const, data: { ...n.data, ...n, data: undefined }, position: positions.get(n.id) ?? { x: 0, y: 0 },
          classes: [hiddenRef.current.has(n.type) ? 'hidden' : '', labelled ? 'labelled' : 'bulk'].join(' ').trim() })),
        ...(labelled ? newEdges.filter((e) => known(e.source) && known(e.target)).map((e) => ({ group: 'edges' as const, data: { ...e } })) : []),
      ]);
    });
    layer.add(layerEdges);
    refreshStats();
  }

  async function expand(node: cytoscape.NodeSingular) {
    const cy = cyRef.current!;
    const types = TYPES.filter((t) => !hiddenRef.current.has(t));
    setNote(`Expanding ${node.data('label')}…`);
    try {
      const hood = await api<Hood>(`/api/graph/expand?node=${encodeURIComponent(node.id())}&limit=60${types.length < TYPES.length ? `&types=${types.join(',')}` : ''}`);
      const fresh = hood.nodes.filter((n) => !cy.hasElementWithId(n.id));
      const mass = centroid(cy);
      const pts = ringsAround(node.position(), fresh.length, 70, outwardAngle(node.position(), mass));
      addElements(hood.nodes, hood.edges, new Map(fresh.map((n, i) => [n.id, pts[i]])));
      node.data('expanded', true);
      setNote(`${node.data('label')}: ${fresh.length} new neighbour(s)${hood.truncated ? ' — more exist; the server caps each expansion at 60' : ''}.`);
    } catch (e) {
      setError(e as ApiFailure);
    }
  }

  useEffect(() => {
    const cy = cytoscape({
      container: box.current, style: stylesheet(), layout: { name: 'preset' },
      textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1, minZoom: 0.02, maxZoom: 4,
    });
    cyRef.current = cy;
    layerRef.current = new EdgeLayer(cy, box.current!);
    cy.on('tap', 'node', (ev) => {
      const n = ev.target as cytoscape.NodeSingular;
      setSelected(n.data() as GNode);
      if (!n.data('expanded')) void expand(n);
    });
    window.__hoptraceGraph = {
      load: async (nodes, edges) => {
        const t0 = performance.now();
        const pts = grid(nodes.length);
        addElements(nodes, edges, new Map(nodes.map((n, i) => [n.id, pts[i]])));
        const t1 = performance.now();
        fitPoints(cy, pts, 20); // from known positions: cy.fit() would measure every label's bounding box
        const t2 = performance.now();
        await new Promise<void>((resolve) => { cy.one('render', () => resolve()); cy.forceRender(); });
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))); // the frame holding both canvases
        const t3 = performance.now();
        console.log(`graph load: add ${(t1 - t0).toFixed(0)} ms, fit ${(t2 - t1).toFixed(0)} ms, first frame ${(t3 - t2).toFixed(0)} ms`);
        return t3 - t0;
      },
      count: () => cy.nodes().length,
      edges: () => ({ cytoscape: cy.edges().length, layer: layerRef.current?.size ?? 0 }),
      rendered: (id) => { const n = cy.getElementById(id); return n.empty() ? null : n.renderedPosition(); },
    };
    api<Hood>('/api/graph/seed?limit=60').then((seed) => {
      addElements(seed.nodes, seed.edges, concentricByType(seed.nodes));
      cy.fit(undefined, 40);
      if (seed.nodes.length === 0) setNote('No flagged infrastructure yet: run hoptrace analyze --case DIR, then reload.');
    }, (e) => setError(e));
    return () => { layerRef.current?.destroy(); layerRef.current = null; cy.destroy(); cyRef.current = null; delete window.__hoptraceGraph; };
  }, []);

  function toggle(t: string) {
    const next = new Set(hidden);
    if (next.has(t)) next.delete(t); else next.add(t);
    setHidden(next);
    cyRef.current?.batch(() => cyRef.current!.nodes(`[type = "${t}"]`).toggleClass('hidden', next.has(t)));
    layerRef.current?.draw();
  }

  return (
    <Page title="Graph explorer" subtitle="Victims, hosts, external endpoints, providers, accounts, identities, indicators and actors. Each click asks the server for at most 60 neighbours.">
      {error ? <Failure error={error} retry={() => setError(null)} /> : null}
      <div className="graph-tools">
        {TYPES.map((t) => (
          <label key={t} className="type-toggle">
            <input type="checkbox" checked={!hidden.has(t)} onChange={() => toggle(t)} data-type={t} />
            <span className="swatch" style={{ background: TYPE_STYLE[t].color }} />{TYPE_STYLE[t].label}
          </label>
        ))}
        <button onClick={() => cyRef.current?.fit(undefined, 30)}>Fit</button>
        <span className="muted" data-testid="graph-stats">{stats.nodes} nodes · {stats.edges} edges</span>
      </div>
      <div className="graph-wrap">
        <div className="graph" ref={box} data-testid="graph" />
        <aside className="graph-side">
          <p className="muted" data-testid="graph-note">{note}</p>
          {selected ? (
            <div>
              <h3>{selected.label}</h3>
              <div className="muted">{TYPE_STYLE[selected.type]?.label ?? selected.type}{selected.score != null ? ` · score ${Number(selected.score).toFixed(2)}` : ''}</div>
              {selected.tlp ? <Tlp tlp={selected.tlp} /> : null}
              <Details value={Object.fromEntries(Object.entries(selected).filter(([k]) => !['id', 'label', 'type', 'expanded', 'tlp', 'score', 'data'].includes(k)))} />
            </div>
          ) : null}
        </aside>
      </div>
    </Page>
  );
}

function fitPoints(cy: cytoscape.Core, pts: Point[], padding: number): void {
  if (pts.length === 0) return;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of pts) { x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y); }
  const zoom = Math.min((cy.width() - 2 * padding) / Math.max(1, x1 - x0), (cy.height() - 2 * padding) / Math.max(1, y1 - y0), 2);
  cy.viewport({ zoom, pan: { x: (cy.width() - zoom * (x0 + x1)) / 2, y: (cy.height() - zoom * (y0 + y1)) / 2 } });
}

function centroid(cy: cytoscape.Core): Point {
  const n = cy.nodes();
  if (n.length === 0) return { x: 0, y: 0 };
  let x = 0, y = 0;
  n.forEach((v) => { x += v.position('x'); y += v.position('y'); });
  return { x: x / n.length, y: y / n.length };
}
