// Writes each victim sensor's Zeek logs day by day: benign traffic generated for the day merged with the
// planned attack events, in time order. Only one sensor-day is held in memory, so any scale streams.
import { DAY } from './config.ts';
import type { AttackEvent } from './activity.ts';
import { benignDay, type BenignContext } from './benign.ts';
import { byTime, type Conn } from './conn.ts';
import type { ManifestEntry } from './manifest.ts';
import type { VictimOrg } from './orgs.ts';
import type { Rng } from './random.ts';
import { ZeekWriter } from './zeek-writer.ts';

export interface SensorStats { conn: number; dns: number; ssl: number }

/** `onConn` sees every benign conn so routers can mirror the ones that cross them. */
export function writeSensors(rng: Rng, outDir: string, orgs: VictimOrg[], ctx: BenignContext, events: AttackEvent[],
  t0: number, days: number, onBenign: (c: Conn) => void): { files: ManifestEntry[]; stats: SensorStats } {
  const files: ManifestEntry[] = [];
  const stats: SensorStats = { conn: 0, dns: 0, ssl: 0 };
  const bySensor = new Map<string, AttackEvent[]>();
  for (const e of events) {
    const list = bySensor.get(e.sensor) ?? [];
    list.push(e);
    bySensor.set(e.sensor, list);
  }
  for (const org of orgs) {
    org.sensors.forEach((sensor, si) => {
      const ext = sensor.style === 'tsv' ? 'log' : 'json';
      const dir = `zeek/${org.id}/${sensor.id}`;
      const writers = {
        conn: new ZeekWriter(`${outDir}/${dir}/conn.${ext}`, 'conn', sensor.style),
        dns: new ZeekWriter(`${outDir}/${dir}/dns.${ext}`, 'dns', sensor.style),
        ssl: new ZeekWriter(`${outDir}/${dir}/ssl.${ext}`, 'ssl', sensor.style),
      };
      const attacks = bySensor.get(sensor.id) ?? [];
      let ai = 0;
      for (let d = 0; d < days; d++) {
        const dayStart = t0 + d * DAY;
        const r = rng.fork(`${sensor.id}/d${d}`);
        const conns = benignDay(r, ctx, org, sensor, si, dayStart);
        for (const c of conns) onBenign(c);
        while (ai < attacks.length && attacks[ai].conn.ts < dayStart + DAY) conns.push(attacks[ai++].conn);
        conns.sort(byTime);
        for (const c of conns) {
          if (c.ts < t0 || c.ts >= t0 + days * DAY) continue;
          writers.conn.write(c);
          if (c.dns) writers.dns.write(c);
          if (c.tls) writers.ssl.write(c);
        }
      }
      for (const kind of ['conn', 'dns', 'ssl'] as const) {
        const w = writers[kind];
        const bytes = w.close(t0);
        stats[kind] += w.rows;
        if (bytes === null) continue;
        files.push({ path: `${dir}/${kind}.${ext}`, format: 'zeek', org: org.id, sensor: sensor.id, rows: w.rows, bytes,
          note: sensor.style === 'tsv' ? 'Zeek TSV' : sensor.style === 'json-iso' ? 'Zeek JSON, dotted keys, ISO-8601 ts' : 'Zeek JSON, underscore keys, epoch ts' });
      }
    });
  }
  return { files, stats };
}
