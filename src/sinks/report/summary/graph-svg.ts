// Draws the attribution graph in layered columns (left to right), nodes sorted to keep edges short.
import { esc } from '../html.ts';
import { COLUMNS, type AttributionGraph, type GraphNode } from './attribution-graph.ts';

const FILL: Record<string, string> = { victim: '#e8f0fb', infrastructure: '#fde8e6', account: '#fff4d6', identity: '#efe6fb', actor: '#1d2430' };
const STROKE: Record<string, string> = { victim: '#3a6ea5', infrastructure: '#b3261e', account: '#b38300', identity: '#6a3fb5', actor: '#1d2430' };

export function graphSvg(g: AttributionGraph, width = 1060): string {
  if (g.nodes.length === 0) return '<p class="sub">no findings to draw yet</p>';
  const colW = width / COLUMNS.length, boxW = colW - 28, boxH = 30, gap = 8, top = 40;
  const cols = COLUMNS.map((c) => order(g, c.id));
  const pos = new Map<string, { x: number; y: number }>();
  const tallest = Math.max(...cols.map((c) => c.length));
  const height = top + tallest * (boxH + gap) + 30;
  cols.forEach((col, ci) => {
    const offset = ((tallest - col.length) * (boxH + gap)) / 2;
    col.forEach((n, i) => pos.set(n.id, { x: ci * colW + 14, y: top + offset + i * (boxH + gap) }));
  });
  const colOf = new Map(g.nodes.map((n) => [n.id, COLUMNS.findIndex((c) => c.id === n.column)]));
  const long = (e: { from: string; to: string }) => Math.abs(colOf.get(e.from)! - colOf.get(e.to)!) > 1;
  const draw = (e: AttributionGraph['edges'][number]) => {
    const a = pos.get(e.from)!, b = pos.get(e.to)!;
    const [l, r] = a.x < b.x ? [a, b] : [b, a];
    const x1 = l.x + boxW, y1 = l.y + boxH / 2, x2 = r.x, y2 = r.y + boxH / 2, mx = (x1 + x2) / 2;
    const style = long(e) ? 'stroke="#1d2430" stroke-width="1.3" stroke-dasharray="5 3" opacity=".55"' : 'stroke="#9aa4b1" stroke-width="1.1" opacity=".75"';
    return `<path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" fill="none" ${style}><title>${esc(e.label)}</title></path>`;
  };
  const edges = g.edges.filter((e) => !long(e)).map(draw).join('\n');
  const overlay = g.edges.filter(long).map(draw).join('\n');
  const boxes = g.nodes.map((n) => {
    const p = pos.get(n.id)!;
    const text = n.column === 'actor' ? '#fff' : '#1d2430';
    return `<g><rect x="${p.x}" y="${p.y}" width="${boxW}" height="${boxH}" rx="5" fill="${FILL[n.column]}" stroke="${STROKE[n.column]}"/>`
      + `<text x="${p.x + 6}" y="${p.y + 13}" font-size="11.5" font-weight="600" fill="${text}">${esc(n.label.slice(0, 28))}</text>`
      + `<text x="${p.x + 6}" y="${p.y + 25}" font-size="9.5" fill="${n.column === 'actor' ? '#d5dae1' : '#5a6575'}">${esc(n.note.slice(0, 38))}</text><title>${esc(`${n.label}: ${n.note}`)}</title></g>`;
  }).join('\n');
  const heads = COLUMNS.map((c, i) => `<text x="${i * colW + 14}" y="16" font-size="12.5" font-weight="700">${esc(c.title)}</text>`
    + (g.hidden[c.id] ? `<text x="${i * colW + 14}" y="30" font-size="10.5" fill="#5a6575">+${g.hidden[c.id]} more not drawn</text>` : '')).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="attribution graph" viewBox="0 0 ${width} ${height}" width="100%">${heads}\n${edges}\n${boxes}\n${overlay}</svg>`;
}

/** Column order: by the mean position of neighbours already placed (one barycentre sweep), then by label. */
function order(g: AttributionGraph, column: string): GraphNode[] {
  const col = g.nodes.filter((n) => n.column === column);
  const infraRank = new Map(g.nodes.filter((n) => n.column === 'infrastructure').sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label)).map((n, i) => [n.id, i]));
  if (column === 'infrastructure') return col.sort((a, b) => infraRank.get(a.id)! - infraRank.get(b.id)!);
  const bary = (n: GraphNode) => {
    const near = g.edges.filter((e) => e.from === n.id || e.to === n.id).map((e) => (e.from === n.id ? e.to : e.from));
    const ranks = near.map((id) => infraRank.get(id)).filter((r): r is number => r != null);
    return ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : 1e9;
  };
  return col.sort((a, b) => bary(a) - bary(b) || a.label.localeCompare(b.label));
}
