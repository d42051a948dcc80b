// Cytoscape styles: one colour and shape per node type; labels only on small graphs or the selected node, and
// they fade out when zoomed out (keeps 10k nodes fast).
/** Above this many nodes the graph is "large": no labels, plain discs, and edges drawn by the canvas edge layer. */
export const LABEL_LIMIT = 2000;
import type cytoscape from 'cytoscape';

export const TYPE_STYLE: Record<string, { color: string; shape: cytoscape.Css.NodeShape; label: string }> = {
  org: { color: '#1971c2', shape: 'round-rectangle', label: 'Victim org' },
  host: { color: '#74c0fc', shape: 'ellipse', label: 'Internal host' },
  ip: { color: '#868e96', shape: 'ellipse', label: 'External endpoint' },
  provider: { color: '#2f9e44', shape: 'round-rectangle', label: 'Provider' },
  account: { color: '#e67700', shape: 'diamond', label: 'Account' },
  identity: { color: '#9c36b5', shape: 'hexagon', label: 'Identity' },
  indicator: { color: '#0c8599', shape: 'tag', label: 'Indicator' },
  actor: { color: '#c92a2a', shape: 'star', label: 'Actor' },
};

/** Edge looks shared by Cytoscape's edges (small graphs) and the canvas edge layer (large graphs). */
export const EDGE_STYLE: Record<string, { color: string; width: number; dash?: number[] }> = {
  contacted: { color: '#ced4da', width: 1 },
  relayed: { color: '#c92a2a', width: 2 },
  leased: { color: '#e67700', width: 1, dash: [6, 4] },
};
export const DEFAULT_EDGE = EDGE_STYLE.contacted;

export function stylesheet(): cytoscape.StylesheetJson {
  return [
    { selector: 'node', style: { 'background-color': '#868e96', 'font-size': 10, color: '#212529', 'text-valign': 'bottom', 'text-margin-y': 3, width: 18, height: 18, 'min-zoomed-font-size': 7 } },
    // Labels cost text measurement per node: drawn on small graphs, and on the selected node of large ones.
    { selector: 'node.labelled, node:selected', style: { label: 'data(label)' } },
    ...Object.entries(TYPE_STYLE).map(([t, s]) => ({ selector: `node[type = "${t}"]`, style: { 'background-color': s.color, shape: s.shape } })),
    { selector: 'node[?flagged]', style: { 'background-color': '#e8590c', 'border-width': 2, 'border-color': '#a61e4d', width: 24, height: 24 } },
    { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#212529' } },
    { selector: 'node:selected', style: { 'overlay-color': '#fab005', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: 'edge', style: { width: DEFAULT_EDGE.width, 'line-color': DEFAULT_EDGE.color, 'curve-style': 'haystack' } },
    { selector: 'edge[kind = "relayed"]', style: { 'line-color': EDGE_STYLE.relayed.color, width: EDGE_STYLE.relayed.width, 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': EDGE_STYLE.relayed.color } },
    { selector: 'edge[kind = "leased"]', style: { 'line-color': EDGE_STYLE.leased.color, width: EDGE_STYLE.leased.width, 'line-style': 'dashed', 'curve-style': 'straight' } },
    // Large graphs: plain discs without borders draw much faster; colour still tells the type apart.
    { selector: 'node.bulk', style: { shape: 'ellipse', 'border-width': 0 } },
    { selector: '.hidden', style: { display: 'none' } },
  ] as cytoscape.StylesheetJson;
}
