// hoptrace enrich IP... [--json] [--providers FILE]: offline IP → ASN, AS name, country, provider.
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { parseIp } from '../../core/ip.ts';
import { createEnricher } from '../../enrich/index.ts';
import { providersFromStore } from '../../enrich/store-providers.ts';
import { openCase } from '../case.ts';

interface Opts { json?: boolean; providers?: string; case?: string; cache: boolean }

export function register(program: Command): void {
  program.command('enrich')
    .description('IP → ASN, AS name, country and provider from offline data (and a provider directory CSV)')
    .argument('<ips...>', 'IPv4 or IPv6 addresses')
    .option('--json', 'print [{"ip","asn","as_name","country","provider"}]')
    .option('--providers <file>', 'provider directory CSV: asn,name,country,abuse_contact,legal_contact,tz,cidrs')
    .option('--case <dir>', 'also use the provider directory ingested into this case')
    .option('--no-cache', 'do not read or write the index cache')
    .action(async (ips: string[], o: Opts) => {
      const bad = ips.filter((ip) => !parseIp(ip));
      if (bad.length) throw new InputError(`not IP addresses: ${bad.join(', ')}`);
      const providers = o.case ? await caseProviders(o.case) : [];
      const enricher = createEnricher({ providersCsv: o.providers, providers, cacheDir: o.cache ? undefined : null });
      const rows = ips.map((ip) => enricher.lookup(ip)!);
      process.stderr.write(`${enricher.dataAsOf}\n`);
      if (o.json) {
        const out = rows.map((r) => ({ ip: r.ip, asn: r.asn, as_name: r.as_name, country: r.country, provider: r.provider }));
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      for (const r of rows) {
        process.stdout.write(`${r.ip}\t${r.asn != null ? `AS${r.asn}` : '-'}\t${r.as_name ?? '-'}\t${r.country ?? '-'}\t${r.provider ?? '-'}\n`);
      }
    });
}

async function caseProviders(dir: string) {
  const kase = await openCase(dir);
  try {
    return await providersFromStore(kase.store);
  } finally {
    await kase.close();
  }
}
