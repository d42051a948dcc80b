// Server rentals over time: the group's servers (leased by its renters), honest customers' servers, and
// re-leasing of an address to an honest customer after the group's contract ends. Plus control-panel logins.
import { DAY } from './config.ts';
import { accountId, randomPerson, type AccountRec } from './identities.ts';
import { provider, providerHost } from './internet.ts';
import type { Rng } from './random.ts';

export interface LeaseRec {
  provider: string; ip: string; start: number; end: number | null; account_id: string; server_id: string;
  attackerServer: string | null; // S1.. when the group held it
}

export interface LoginRec { provider: string; account_id: string; ts: number; ip: string; action: string }

export interface AttackServer {
  id: string; provider: string; ip: string; server_id: string; account_id: string; person: string;
  start: number; end: number | null;
}

export interface Rentals {
  servers: AttackServer[]; leases: LeaseRec[]; logins: LoginRec[]; honestAccounts: AccountRec[];
  /** Honest leases that follow a group lease on the same address (time-aware joins must separate them). */
  reLeases: LeaseRec[];
}

const serverId = (r: Rng, prov: string) => `${prov.slice(0, 2)}-vps-${r.int(10000, 99999)}`;

export function buildRentals(rng: Rng, renters: AccountRec[], t0: number, days: number, operatorIps: string[]): Rentals {
  const W = days * DAY;
  const t1 = t0 + W;
  const used = new Map<string, Set<number>>();
  const takeIp = (r: Rng, prov: string): string => {
    const set = used.get(prov) ?? new Set<number>();
    used.set(prov, set);
    let n = r.int(0, 120);
    while (set.has(n)) n = (n + 1) % 121;
    set.add(n);
    return providerHost(prov, n);
  };
  const servers: AttackServer[] = [];
  const leases: LeaseRec[] = [];
  const logins: LoginRec[] = [];
  const honestAccounts: AccountRec[] = [];
  const reLeases: LeaseRec[] = [];
  const ids = new Set(renters.map((a) => `${a.provider}:${a.account_id}`));
  const newHonest = (r: Rng, prov: string, signupBefore: number): AccountRec => {
    let id = accountId(r, prov);
    while (ids.has(`${prov}:${id}`)) id = accountId(r, prov);
    ids.add(`${prov}:${id}`);
    const a: AccountRec = { provider: prov, account_id: id, signup_ts: signupBefore - r.range(2, 300) * DAY, person: '', kind: 'honest', ...randomPerson(r) };
    a.person = `honest-${prov}-${id}`;
    honestAccounts.push(a);
    logins.push({ provider: prov, account_id: id, ts: a.signup_ts, ip: a.signup_ip, action: 'signup' });
    return a;
  };

  const order = rng.fork('order').shuffle(renters.map((_, i) => i));
  order.forEach((ai, k) => {
    const r = rng.fork(`server${k}`);
    const acc = renters[ai];
    const start = Math.round(t0 + W * (-0.08 + (0.78 * k) / Math.max(1, renters.length - 1)) + r.range(-0.03, 0.03) * W);
    let end: number | null = Math.round(start + W * r.range(0.35, 0.55));
    if (end > t1 + 2 * DAY) end = null;
    acc.signup_ts = start - Math.round(r.range(0.2, 3) * DAY);
    const ip = takeIp(r, acc.provider);
    const s: AttackServer = { id: `S${k + 1}`, provider: acc.provider, ip, server_id: serverId(r, acc.provider), account_id: acc.account_id, person: acc.person, start, end };
    servers.push(s);
    leases.push({ provider: s.provider, ip, start, end, account_id: acc.account_id, server_id: s.server_id, attackerServer: s.id });
    logins.push({ provider: acc.provider, account_id: acc.account_id, ts: acc.signup_ts, ip: acc.signup_ip, action: 'signup' });
    logins.push({ provider: acc.provider, account_id: acc.account_id, ts: start - 600, ip: acc.signup_ip, action: 'server_create' });
    for (let n = 0; n < r.int(2, 5); n++) {
      const ts = start + r.range(0.05, 0.9) * ((end ?? t1) - start);
      logins.push({ provider: acc.provider, account_id: acc.account_id, ts: Math.round(ts), ip: r.pick(operatorIps), action: r.pick(['login', 'console', 'ssh_key_add']) });
    }
    const before = newHonest(r, acc.provider, start - 40 * DAY);
    const bStart = start - Math.round(r.range(20, 60) * DAY);
    leases.push({ provider: s.provider, ip, start: bStart, end: start - Math.round(r.range(0.5, 3) * DAY), account_id: before.account_id, server_id: serverId(r, s.provider), attackerServer: null });
    if (end !== null && end < t1) {
      const after = newHonest(r, acc.provider, end);
      const l: LeaseRec = { provider: s.provider, ip, start: end + Math.round(r.range(0.5, 2.5) * DAY), end: null, account_id: after.account_id, server_id: serverId(r, s.provider), attackerServer: null };
      leases.push(l);
      reLeases.push(l);
      logins.push({ provider: s.provider, account_id: after.account_id, ts: l.start - 900, ip: after.signup_ip, action: 'server_create' });
    }
  });

  for (const pkey of ['hanami', 'kumo', 'pacific', 'harbour']) {
    const r = rng.fork(`honest-${pkey}`);
    provider(pkey);
    for (let n = 0; n < 22; n++) {
      const acc = newHonest(r, pkey, t0);
      const ip = takeIp(r, pkey);
      let start = t0 - Math.round(r.range(5, 200) * DAY);
      for (let seg = 0; seg < 3 && start < t1; seg++) {
        const len = Math.round(r.range(0.3, 1.5) * W);
        const end = start + len > t1 + DAY ? null : start + len;
        const owner = seg === 0 ? acc : newHonest(r, pkey, start);
        leases.push({ provider: pkey, ip, start, end, account_id: owner.account_id, server_id: serverId(r, pkey), attackerServer: null });
        if (r.chance(0.5)) logins.push({ provider: pkey, account_id: owner.account_id, ts: Math.max(start, t0) + r.int(0, DAY), ip: owner.signup_ip, action: 'login' });
        if (end === null) break;
        start = end + Math.round(r.range(0.5, 5) * DAY);
      }
    }
  }
  leases.sort((a, b) => a.start - b.start || a.ip.localeCompare(b.ip));
  logins.sort((a, b) => a.ts - b.ts || a.account_id.localeCompare(b.account_id));
  return { servers, leases, logins, honestAccounts, reLeases };
}

/** The lease holding `ip` at time `ts`, if any. */
export function leaseAt(leases: LeaseRec[], ip: string, ts: number): LeaseRec | undefined {
  return leases.find((l) => l.ip === ip && l.start <= ts && (l.end === null || ts < l.end));
}
