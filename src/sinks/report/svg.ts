// Dependency-free SVG charts for reports: a time histogram and horizontal bars.
import { esc } from './html.ts';

export interface Series { label: string; color: string; times: number[] }

/** Stacked daily (or hourly for short spans) histogram of event times. */
export function timelineSvg(series: Series[], opts: { width?: number; height?: number; title?: string } = {}): string {
  const width = opts.width ?? 960, height = opts.height ?? 220, padL = 48, padB = 36, padT = 24;
  const all = series.flatMap((s) => s.times);
  if (all.length === 0) return '<p class="sub">no events to chart</p>';
  const t0 = Math.min(...all), t1 = Math.max(...all);
  const span = Math.max(t1 - t0, 1);
  const bin = span > 3 * 86400 ? 86400 : 3600;
  const start = Math.floor(t0 / bin) * bin;
  const nBins = Math.max(1, Math.ceil((t1 - start + 1) / bin));
  const counts = series.map((s) => {
    const c = new Array(nBins).fill(0);
    for (const t of s.times) c[Math.min(nBins - 1, Math.floor((t - start) / bin))]++;
    return c;
  });
  const totals = Array.from({ length: nBins }, (_, i) => counts.reduce((a, c) => a + c[i], 0));
  const max = Math.max(...totals, 1);
  const bw = (width - padL - 10) / nBins, ph = height - padB - padT;
  let bars = '';
  for (let i = 0; i < nBins; i++) {
    let y = height - padB;
    counts.forEach((c, si) => {
      if (!c[i]) return;
      const h = (c[i] / max) * ph;
      y -= h;
      bars += `<rect x="${(padL + i * bw).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(bw - 1, 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${series[si].color}"><title>${esc(series[si].label)}: ${c[i]} on ${new Date((start + i * bin) * 1000).toISOString().slice(0, bin === 86400 ? 10 : 13)}</title></rect>`;
    });
  }
  const ticks = [0, Math.floor(nBins / 2), nBins - 1].filter((v, i, a) => a.indexOf(v) === i).map((i) =>
    `<text x="${(padL + i * bw).toFixed(1)}" y="${height - padB + 16}" font-size="11" fill="#5a6575">${new Date((start + i * bin) * 1000).toISOString().slice(0, 10)}</text>`).join('');
  const legend = series.map((s, i) => `<rect x="${padL + i * 170}" y="4" width="10" height="10" fill="${s.color}"/><text x="${padL + 14 + i * 170}" y="13" font-size="11">${esc(s.label)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(opts.title ?? 'timeline')}" viewBox="0 0 ${width} ${height}" width="100%">
${legend}<line x1="${padL}" y1="${height - padB}" x2="${width - 10}" y2="${height - padB}" stroke="#9aa4b1"/>
<text x="4" y="${padT + 10}" font-size="11" fill="#5a6575">${max}</text><text x="4" y="${height - padB}" font-size="11" fill="#5a6575">0</text>
${bars}${ticks}<text x="${width - 10}" y="${height - 6}" font-size="11" fill="#5a6575" text-anchor="end">per ${bin === 86400 ? 'day' : 'hour'} (UTC)</text></svg>`;
}

export function barsSvg(items: Array<{ label: string; value: number; note?: string }>, opts: { width?: number; color?: string } = {}): string {
  if (items.length === 0) return '<p class="sub">nothing to chart</p>';
  const width = opts.width ?? 960, row = 22, labelW = 260, max = Math.max(...items.map((i) => i.value), 1e-9);
  const body = items.map((it, i) => {
    const w = ((width - labelW - 170) * it.value) / max;
    return `<text x="0" y="${i * row + 15}" font-size="12">${esc(it.label.slice(0, 40))}</text>
<rect x="${labelW}" y="${i * row + 4}" width="${Math.max(w, 1).toFixed(1)}" height="14" fill="${opts.color ?? '#3a6ea5'}"><title>${esc(it.note ?? String(it.value))}</title></rect>
<text x="${labelW + w + 6}" y="${i * row + 15}" font-size="11" fill="#5a6575">${esc(it.note ?? String(it.value))}</text>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${items.length * row + 6}" width="100%">${body}</svg>`;
}
