// Small HTML toolkit for printable reports: escaping, one stylesheet, tables, key/value lists.
export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2430; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d5dae1; padding-bottom: .2rem; }
  .sub { color: #5a6575; margin-top: 0; } .tlp { display: inline-block; padding: .1rem .5rem; font-weight: 700; background: #000; border-radius: 3px; }
  .tlp-clear { color: #fff; } .tlp-green { color: #33ff00; } .tlp-amber, .tlp-amber\\+strict { color: #ffc000; } .tlp-red { color: #ff2b2b; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: 13px; } th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e3e7ec; vertical-align: top; }
  th { background: #f3f5f8; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; } code, .mono { font-family: ui-monospace, Menlo, monospace; font-size: 12px; word-break: break-all; }
  .ok { color: #137333; font-weight: 600; } .bad { color: #b3261e; font-weight: 600; } .box { border: 1px solid #d5dae1; border-radius: 6px; padding: .8rem 1rem; background: #fafbfc; }
  dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.kv dt { color: #5a6575; } dl.kv dd { margin: 0; }
  @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table { page-break-inside: auto; } }`;

export function page(title: string, body: string, opts: { tlp?: string; subtitle?: string } = {}): string {
  const tlp = opts.tlp ? `<p><span class="tlp tlp-${esc(opts.tlp)}">TLP:${esc(opts.tlp.toUpperCase())}</span></p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body>${tlp}<h1>${esc(title)}</h1>${opts.subtitle ? `<p class="sub">${esc(opts.subtitle)}</p>` : ''}
${body}
</body></html>
`;
}

export interface ColumnSpec<T> { head: string; cell: (row: T) => unknown; num?: boolean; raw?: boolean }

export function table<T>(rows: T[], cols: ColumnSpec<T>[], empty = 'none'): string {
  if (rows.length === 0) return `<p class="sub">${esc(empty)}</p>`;
  const head = cols.map((c) => `<th${c.num ? ' class="num"' : ''}>${esc(c.head)}</th>`).join('');
  const body = rows.map((r) => `<tr>${cols.map((c) => {
    const v = c.cell(r);
    return `<td${c.num ? ' class="num"' : ''}>${c.raw ? String(v) : esc(v)}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export function kv(pairs: Array<[string, unknown]>): string {
  return `<dl class="kv">${pairs.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

export function csv(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cell = (v: unknown) => {
    const s = v == null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => cell(r[c])).join(',')).join('\n')}${rows.length ? '\n' : ''}`;
}
