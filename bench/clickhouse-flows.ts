// A Zeek conn.log with realistic column statistics for storage sizing: Zeek-style random 18-character uids,
// internal clients in a few /16s, external endpoints drawn Zipf-like from a large pool (popular services
// dominate), common ports, log-normal byte counts, timestamps at a steady rate with jitter. Deterministic.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIELDS = 'ts uid id.orig_h id.orig_p id.resp_h id.resp_p proto service duration orig_bytes resp_bytes conn_state local_orig local_resp missed_bytes history orig_pkts orig_ip_bytes resp_pkts resp_ip_bytes tunnel_parents';
const TYPES = 'time string addr port addr port enum string interval count count string bool bool count string count count count count set[string]';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PORTS: Array<[number, string, string]> = [
  [443, 'tcp', 'ssl'], [443, 'tcp', 'ssl'], [443, 'tcp', 'ssl'], [80, 'tcp', 'http'], [53, 'udp', 'dns'], [53, 'udp', 'dns'],
  [123, 'udp', '-'], [22, 'tcp', 'ssh'], [8080, 'tcp', 'http'], [993, 'tcp', 'ssl'], [25, 'tcp', 'smtp'], [3389, 'tcp', '-'],
];
const STATES = ['SF', 'SF', 'SF', 'SF', 'S0', 'REJ', 'RSTO', 'RSTR', 'SH', 'OTH'];
const HISTORY = ['ShADadFf', 'ShADadfF', 'Dd', 'S', 'ShR', 'ShADadR', 'D'];

export async function writeRealisticConnLog(path: string, rows: number, seed = 1): Promise<void> {
  const out = createWriteStream(path);
  out.write('#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n#open\t2024-01-01-00-00-00\n');
  out.write(`#fields\t${FIELDS.split(' ').join('\t')}\n#types\t${TYPES.split(' ').join('\t')}\n`);
  let x = (0x9e3779b9 ^ seed) >>> 0 || 1;
  const rnd = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 4294967296; };
  const normal = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const uid = () => { let s = 'C'; for (let i = 0; i < 17; i++) s += B62[(rnd() * 62) | 0]; return s; };
  const pool = 200_000; // external endpoints; rank r drawn with probability ~ 1/r
  const external = (r: number) => { const h = Math.imul(r + 1, 2654435761) >>> 0; return `${(h >>> 24) % 223 + 1}.${(h >>> 16) & 255}.${(h >>> 8) & 255}.${(h & 255) || 1}`; };
  let buf = '';
  let ts = 1704067200;
  for (let i = 0; i < rows; i++) {
    ts += rnd() * 0.02;
    const rank = Math.floor(Math.exp(rnd() * Math.log(pool))) - 1;
    const [port, proto, svc] = PORTS[(rnd() * PORTS.length) | 0];
    const state = STATES[(rnd() * STATES.length) | 0];
    const established = state === 'SF' || state === 'RSTO' || state === 'RSTR';
    const ob = established ? Math.round(Math.exp(6 + 1.5 * normal())) : 0;
    const rb = established ? Math.round(Math.exp(8 + 2 * normal())) : 0;
    const op = established ? 3 + ((ob / 1000) | 0) : 1 + ((rnd() * 3) | 0);
    const rp = established ? 3 + ((rb / 1400) | 0) : 0;
    const dur = established ? Math.exp(normal() * 2).toFixed(6) : '-';
    const src = `10.${(rnd() * 8) | 0}.${(rnd() * 256) | 0}.${(rnd() * 254 + 1) | 0}`;
    buf += `${ts.toFixed(6)}\t${uid()}\t${src}\t${(rnd() * 28000 + 32768) | 0}\t${external(rank)}\t${port}\t${proto}\t${svc}\t${dur}\t`
      + `${established ? ob : '-'}\t${established ? rb : '-'}\t${state}\tT\tF\t0\t${HISTORY[(rnd() * HISTORY.length) | 0]}\t${op}\t${ob + op * 40}\t${rp}\t${rb + rp * 40}\t-\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(`${buf}#close\t2024-01-02-00-00-00\n`);
  out.end();
  await once(out, 'finish');
}
