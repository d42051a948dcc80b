// Real public data: OTRF lsass-campaign-05 Zeek logs against real public IOC lists (maltrail's Tick trail,
// ESET's Zebrocy MISP event, CIRCL's Sednit event, the OASIS C2 example). None of them meet: the capture is an
// isolated lab (192.168.56.0/24, 10.0.5.14, AD domain pandalab.com) that never talks to the internet.
// A hand-written positive control (labelled as such) shows the same pipeline does match when values meet.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/types.ts';
import type { Format } from '../../ingest/contract.ts';
import { openInput } from '../../ingest/detect.ts';
import { iocsFormat } from '../../ingest/iocs/format.ts';
import { parseText } from '../../ingest/iocs/testing.ts';
import { mispFormat } from '../../ingest/misp/format.ts';
import { stixFormat } from '../../ingest/stix/format.ts';
import { zeekFormat } from '../../ingest/zeek/format.ts';
import { engineFactories } from '../../store/engines.testing.ts';
import type { Store } from '../../store/store.ts';
import { iocMatchAnalyzer } from './analyzer.ts';

const REAL = process.env.HOPTRACE_REAL_SAMPLES ?? join(process.cwd(), '../shared/data/real-samples');
const LSASS = join(REAL, 'zeek-otrf-lsass05');
const fixture = (p: string) => new URL(p, import.meta.url);

async function load(store: Store, format: Format, path: string | URL, evidence: string, org?: string) {
  const input = openInput(typeof path === 'string' ? path : path.pathname);
  for await (const b of format.parse(input, { file: String(path), tlp: 'clear' })) {
    for (const [t, rows] of Object.entries(b.rows)) {
      await store.append(t as never, (rows ?? []).map((r) => ({ ...r, evidence_id: evidence, ...(org ? { org, src_int: 1, dst_int: 1 } : {}) })));
    }
  }
}

async function run(store: Store): Promise<Finding[]> {
  const out: Finding[] = [];
  const ctx = { store, params: iocMatchAnalyzer.params.parse({}), caseDir: '', findingsOf: async () => [], log: () => {} };
  for await (const f of iocMatchAnalyzer.run(ctx)) out.push(f);
  return out;
}

describe.runIf(existsSync(join(LSASS, 'conn.log')))('real data: OTRF lsass05 Zeek vs public IOC lists', () => {
  let store: Store;
  beforeAll(async () => {
    store = await engineFactories()[0].create();
    for (const log of ['conn', 'dns', 'ssl']) await load(store, zeekFormat, join(LSASS, `${log}.log`), `zeek-${log}`, 'otrf-lab');
    await load(store, iocsFormat, fixture('./fixtures/real/maltrail-apt_tick.txt'), 'maltrail');
    await load(store, mispFormat, fixture('./fixtures/real/eset-sednit-2018-11-20_Zebrocy.json'), 'eset');
    await load(store, mispFormat, fixture('../../ingest/misp/fixtures/circl-sednit-event-trimmed.json'), 'circl');
    await load(store, stixFormat, fixture('../../ingest/stix/fixtures/indicator-for-c2-ip-address.json'), 'oasis');
  });
  afterAll(async () => { await store.close(); });

  it('loads the real inputs', async () => {
    const n = await store.query<{ t: string; n: number }>(
      "SELECT 'flows' AS t, count(*) AS n FROM flows UNION ALL SELECT 'dns', count(*) FROM dns UNION ALL SELECT 'indicators', count(*) FROM indicators ORDER BY t");
    expect(n).toEqual([{ t: 'dns', n: 2872 }, { t: 'flows', n: 895 }, { t: 'indicators', n: 15 + 27 + 7 + 1 }]);
  });

  it('finds nothing: the lab capture never reaches any listed infrastructure', async () => {
    expect(await run(store)).toEqual([]);
  });

  it('matches once a (hand-written, clearly labelled) control list names values the capture contains', async () => {
    const csv = 'value,type,source,valid_from,valid_until\n10.0.5.14,ip,positive-control,,\npandalab[.]com,domain,positive-control,,\n'
      + '192.168.56.4,ip,positive-control,2019-01-01,2019-12-31\n';
    const r = await parseText(iocsFormat, csv);
    await store.append('indicators', r.rows.indicators.map((x) => ({ ...x, evidence_id: 'control' })));
    const found = (await run(store)).map((f) => [f.kind, f.subject, f.details.hits, f.details.stale_hits]);
    expect(found).toEqual(expect.arrayContaining([
      ['ioc-hit', 'domain:pandalab.com@otrf-lab', 1, 0],
      ['ioc-hit', 'ipv4:10.0.5.14@otrf-lab', 6, 0],
      ['ioc-stale', 'ipv4:192.168.56.4@otrf-lab', 0, 455],
    ]));
    expect(found).toHaveLength(3);
  });
});
