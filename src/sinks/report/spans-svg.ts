// A dependency-free Gantt-style SVG: one labelled row per item, a bar from its first to its last time,
// optional tick marks for single events, date ticks along the bottom (UTC).
import { esc } from './html.ts';

export interface Span { label: string; start: number; end: number; color: string; note?: string; marks?: number[] }

export function spansSvg(spans: Span[], opts: { width?: number; labelWidth?: number; legend?: Array<{ label: string; color: string }> } = {}): string {
  if (spans.length === 0) return '<p class="sub">nothing to chart</p>';
  const width = opts.width ?? 960, labelW = opts.labelWidth ?? 220, row = 20, top = opts.legend ? 24 : 6, axis = 30;
  const t0 = Math.min(...spans.map((s) => s.start)), t1 = Math.max(...spans.map((s) => s.end));
  const span = Math.max(t1 - t0, 3600);
  const x = (t: number) => labelW + ((t - t0) / span) * (width - labelW - 16);
  const height = top + spans.length * row + axis;
  const rows = spans.map((s, i) => {
    const y = top + i * row;
    const w = Math.max(x(s.end) - x(s.start), 6);
    const title = `${s.label}: ${iso(s.start)} → ${iso(s.end)}${s.note ? ` — ${s.note}` : ''}`;
    const marks = (s.marks ?? []).map((m) => `<line x1="${x(m).toFixed(1)}" x2="${x(m).toFixed(1)}" y1="${y + 2}" y2="${y + row - 4}" stroke="#1d2430" stroke-width="1.5"/>`).join('');
    return `<text x="0" y="${y + 13}" font-size="12">${esc(s.label.slice(0, 34))}</text>`
      + `<rect x="${x(s.start).toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" rx="2" fill="${s.color}"><title>${esc(title)}</title></rect>${marks}`;
  }).join('\n');
  const step = [3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400, 30 * 86400].find((st) => span / st <= 8) ?? 30 * 86400;
  const label = (t: number) => (step < 86400 ? `${iso(t).slice(5, 10)} ${iso(t).slice(11, 16)}` : iso(t).slice(5, 10));
  const ticks: string[] = [];
  for (let t = Math.ceil(t0 / step) * step; t <= t1; t += step) {
    ticks.push(`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top}" y2="${height - axis + 4}" stroke="#e3e7ec"/><text x="${x(t).toFixed(1)}" y="${height - axis + 18}" font-size="11" fill="#5a6575" text-anchor="middle">${label(t)}</text>`);
  }
  const legend = (opts.legend ?? []).map((l, i) => `<rect x="${labelW + i * 180}" y="4" width="10" height="10" fill="${l.color}"/><text x="${labelW + 14 + i * 180}" y="13" font-size="11">${esc(l.label)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="timeline" viewBox="0 0 ${width} ${height}" width="100%">${legend}${ticks.join('')}
${rows}<text x="${width - 4}" y="${height - 4}" font-size="11" fill="#5a6575" text-anchor="end">UTC</text></svg>`;
}

const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ');
