// `hoptrace report providers`: per provider a CSV of IPs and exact windows plus a subscriber-information
// request letter (Markdown and HTML), from the leases analyzer's findings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../../../store/store.ts';
import { sqlFile } from '../../../store/sql-file.ts';
import { letterMarkdown, markdownToHtml, type ProviderContact } from './letter.ts';
import { requestRows, rowsCsv, type RequestRow } from './rows.ts';

function slug(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'provider';
}

export async function writeProviderReports(store: Store, outDir: string, opts: { caseRef?: string; today?: string } = {}): Promise<string[]> {
  const findings = [
    ...(await store.findings({ analyzer: 'leases', kind: 'lease-attribution' })),
    ...(await store.findings({ analyzer: 'leases', kind: 'lease-gap' })),
  ];
  const contacts = new Map((await store.query<ProviderContact>(sqlFile(import.meta.url, 'provider-contacts'))).map((p) => [p.name.toLowerCase(), p]));
  const byProvider = new Map<string, RequestRow[]>();
  for (const r of requestRows(findings)) byProvider.set(r.provider, [...(byProvider.get(r.provider) ?? []), r]);
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  for (const [name, rows] of byProvider) {
    const contact = contacts.get(name.toLowerCase()) ?? { name, asn: null, country: null, abuse_contact: null, legal_contact: null, tz: null };
    const base = join(outDir, slug(name));
    const md = letterMarkdown(contact, rows, opts.caseRef ?? 'hoptrace case', today);
    writeFileSync(`${base}.csv`, rowsCsv(rows));
    writeFileSync(`${base}-request.md`, md);
    writeFileSync(`${base}-request.html`, markdownToHtml(md, `Subscriber information request — ${name}`));
    files.push(`${base}.csv`, `${base}-request.md`, `${base}-request.html`);
  }
  const index = ['provider,rows,leased,gaps', ...[...byProvider].map(([n, r]) => `${n},${r.length},${r.filter((x) => x.status !== 'no-lease-on-record').length},${r.filter((x) => x.status === 'no-lease-on-record').length}`)];
  writeFileSync(join(outDir, 'providers.csv'), `${index.join('\n')}\n`);
  return [join(outDir, 'providers.csv'), ...files];
}
