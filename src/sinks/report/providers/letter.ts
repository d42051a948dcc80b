// The subscriber-information request letter, in Markdown and HTML, for one provider.
import type { RequestRow } from './rows.ts';

export interface ProviderContact { name: string; asn: number | null; country: string | null; abuse_contact: string | null; legal_contact: string | null; tz: string | null }

const ASKED = [
  'subscriber / account holder name(s) and any identity documents or verification records on file',
  'postal and billing addresses, e-mail addresses and telephone numbers given at sign-up or later',
  'payment method details (processor token or fingerprint, card brand and last four digits, billing name) — not full card numbers',
  'sign-up IP address, time and user agent; login / API / console access logs (IP, time, action) from 7 days before to 7 days after each window',
  'other accounts sharing any of the above (payment fingerprint, phone, e-mail, sign-up or login IPs)',
  'server / instance identifiers, creation and deletion times, and any snapshots or images',
];

function table(rows: RequestRow[]): string {
  const head = '| IP | from (UTC) | to (UTC) | from (provider local) | to (provider local) | ports | reason | your account / server | status |';
  const sep = '|---|---|---|---|---|---|---|---|---|';
  const body = rows.map((r) => `| ${r.ip} | ${r.start_utc} | ${r.end_utc} | ${r.start_local || '—'} | ${r.end_local || '—'} | ${r.ports || '—'} | ${r.reasons} | ${[r.account_id, r.server_id].filter(Boolean).join(' / ') || '—'} | ${r.status} |`);
  return [head, sep, ...body].join('\n');
}

export function letterMarkdown(provider: ProviderContact, rows: RequestRow[], caseRef: string, today: string): string {
  const to = provider.legal_contact || provider.abuse_contact || '(legal / law-enforcement contact not on file)';
  const tzNote = provider.tz ? `Times are given in UTC and in your local time (${provider.tz}).` : 'Times are given in UTC (your time zone is not on file).';
  return `# Request for subscriber information and preservation

**To:** ${provider.name}${provider.asn ? ` (AS${provider.asn})` : ''} — ${to}
**Reference:** ${caseRef}
**Date:** ${today}

We are investigating unauthorised access to computer systems. The connections listed below came from IP
addresses announced by your network. ${tzNote} Each window is exact to the second; ports are the
destination ports the activity used.

${table(rows)}

Rows marked *no-lease-on-record* are moments for which the lease records you provided show no holder; please tell us
who held the address then rather than the holder before or after.

## Requested for each row
${ASKED.map((a, i) => `${i + 1}. ${a}`).join('\n')}

## Preservation
Please preserve the records above, and the servers' data if still available, for 90 days while the formal request
follows through the appropriate legal channel. Please do not notify the account holder.
`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small, dependency-free Markdown subset → HTML (headings, bold, tables, lists, paragraphs). */
export function markdownToHtml(md: string, title: string): string {
  const out: string[] = [];
  const inline = (s: string) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\*(.+?)\*/g, '<em>$1</em>');
  const blocks = md.split(/\n\n+/);
  for (const b of blocks) {
    const lines = b.split('\n');
    if (b.startsWith('# ')) out.push(`<h1>${inline(b.slice(2))}</h1>`);
    else if (b.startsWith('## ')) {
      out.push(`<h2>${inline(lines[0].slice(3))}</h2>`);
      if (lines.length > 1) out.push(listHtml(lines.slice(1), inline));
    } else if (b.startsWith('|')) {
      const cells = (l: string) => l.split('|').slice(1, -1).map((c) => c.trim());
      out.push(`<table><thead><tr>${cells(lines[0]).map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>`
        + lines.slice(2).map((l) => `<tr>${cells(l).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('') + '</tbody></table>');
    } else if (/^\d+\. /.test(b)) out.push(listHtml(lines, inline));
    else out.push(`<p>${lines.map(inline).join('<br>')}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.25rem .5rem;font-size:.9rem}</style>
</head><body>${out.join('\n')}</body></html>\n`;
}

function listHtml(lines: string[], inline: (s: string) => string): string {
  return `<ol>${lines.map((l) => `<li>${inline(l.replace(/^\d+\. /, ''))}</li>`).join('')}</ol>`;
}
