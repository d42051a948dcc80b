// Writes an N-row Zeek conn.log (TSV, real header) with deterministic pseudo-random content.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIELDS = 'ts uid id.orig_h id.orig_p id.resp_h id.resp_p proto service duration orig_bytes resp_bytes conn_state local_orig local_resp missed_bytes history orig_pkts orig_ip_bytes resp_pkts resp_ip_bytes tunnel_parents';
const TYPES = 'time string addr port addr port enum string interval count count string bool bool count string count count count count set[string]';

export async function writeConnLog(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2017-01-01-00-00-00\n`);
  out.write(`#fields\t${FIELDS.split(' ').join('\t')}\n#types\t${TYPES.split(' ').join('\t')}\n`);
  let x = 0x9e3779b9;
  const rnd = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 4294967296; };
  const services = ['ssl', 'dns', 'http', '-', 'ssh'];
  const states = ['SF', 'S0', 'REJ', 'RSTO', 'SF', 'SF'];
  let buf = '';
  const t0 = 1483228800;
  for (let i = 0; i < rows; i++) {
    const ts = (t0 + i * 0.05 + rnd()).toFixed(6);
    const src = `10.${(rnd() * 4) | 0}.${(rnd() * 256) | 0}.${(rnd() * 254 + 1) | 0}`;
    const dst = `198.${18 + ((rnd() * 2) | 0)}.${(rnd() * 256) | 0}.${(rnd() * 254 + 1) | 0}`;
    const svc = services[(rnd() * 5) | 0];
    const ob = (rnd() * 5000) | 0, rb = (rnd() * 90000) | 0;
    buf += `${ts}\tC${i.toString(36)}x\t${src}\t${(rnd() * 60000 + 1024) | 0}\t${dst}\t${[443, 53, 80, 22, 8080][(rnd() * 5) | 0]}\ttcp\t${svc}\t${(rnd() * 30).toFixed(6)}\t${ob}\t${rb}\t${states[(rnd() * 6) | 0]}\tT\tF\t0\tShADadFf\t${(rnd() * 40) | 0}\t${ob + 800}\t${(rnd() * 80) | 0}\t${rb + 1600}\t-\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(`${buf}#close\t2017-01-02-00-00-00\n`);
  out.end();
  await once(out, 'finish');
}
