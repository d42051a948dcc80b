// Baseline: DuckDB's own read_csv of the Zeek conn.log into a plain table (all columns, typed). Prints JSON.
import { DuckDBInstance } from '@duckdb/node-api';
import { rmSync } from 'node:fs';

const [file, db] = process.argv.slice(2);
rmSync(db, { force: true });
const inst = await DuckDBInstance.create(db);
const c = await inst.connect();
const cols = `{'ts':'DOUBLE','uid':'VARCHAR','orig_h':'VARCHAR','orig_p':'INTEGER','resp_h':'VARCHAR','resp_p':'INTEGER',
  'proto':'VARCHAR','service':'VARCHAR','duration':'DOUBLE','orig_bytes':'BIGINT','resp_bytes':'BIGINT','conn_state':'VARCHAR',
  'local_orig':'VARCHAR','local_resp':'VARCHAR','missed_bytes':'BIGINT','history':'VARCHAR','orig_pkts':'BIGINT',
  'orig_ip_bytes':'BIGINT','resp_pkts':'BIGINT','resp_ip_bytes':'BIGINT','tunnel_parents':'VARCHAR'}`;
const t = performance.now();
const cpu0 = process.cpuUsage();
await c.run(`CREATE TABLE conn AS SELECT * FROM read_csv($f, delim='\t', comment='#', header=false, nullstr='-',
  quote='', escape='', auto_detect=false, columns=${cols})`, { f: file });
const rows = Number((await c.runAndReadAll('SELECT count(*) AS n FROM conn')).getRowObjectsJS()[0].n);
c.closeSync();
inst.closeSync();
const cpu = process.cpuUsage(cpu0);
console.log(JSON.stringify({ seconds: (performance.now() - t) / 1000, rows, maxRssMiB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
