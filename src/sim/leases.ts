// Server rentals over time: the group's servers (leased by its renters), honest customers' servers, and
// re-leasing of an address to an honest customer after the group's contract ends. Plus control-panel logins.
import { DAY } from './config.ts';
import { accountId, randomPerson, type AccountRec } from './identities.ts';
import { providerHost } from './internet.ts';
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

/** Address pool and account book shared by the group's and honest customers' rentals. */
class Book {
  readonly used = new Map<string, Set<number>>();
  readonly ids: Set<string>;
  readonly out: Rentals = { servers: [], leases: [], logins: [], honestAccounts: [], reLeases: [] };
  constructor(renters: AccountRec[]) {
    this.ids = new Set(renters.map((a) => `${a.provider}:${a.account_id}`));
  }

  takeIp(r: Rng, prov: string): string {
    const set = this.used.get(prov) ?? new Set<number>();
    this.used.set(prov, set);
    let n = r.int(0, 120);
    while (set.has(n)) n = (n + 1) % 121;
    set.add(n);
    return providerHost(prov, n);
  }

  honest(r: Rng, prov: string, signupBefore: number): AccountRec {
    let id = accountId(r, prov);
    while (this.ids.has(`${prov}:${id}`)) id = accountId(r, prov);
    this.ids.add(`${prov}:${id}`);
    const a: AccountRec = { provider: prov, account_id: id, signup_ts: signupBefore - r.range(2, 300) * DAY, person: '', kind: 'honest', ...randomPerson(r) };
    a.person = `honest-${prov}-${id}`;
    this.out.honestAccounts.push(a);
    this.out.logins.push({ provider: prov, account_id: id, ts: a.signup_ts, ip: a.signup_ip, action: 'signup' });
    return a;
  }
}

export function buildRentals(rng: Rng, renters: AccountRec[], t0: number, days: number, operatorIps: string[], decoys: AccountRec[] = []): Rentals {
  const book = new Book([...renters, ...decoys]);
  const order = rng.fork('order').shuffle(renters.map((_, i) => i));
  order.forEach((ai, k) => rentServer(rng.fork(`server${k}`), book, renters[ai], k, renters.length, t0, days, operatorIps));
  decoys.forEach((d, k) => decoyLease(rng.fork(`decoy${k}`), book, d, t0, days));
  for (const pkey of ['hanami', 'kumo', 'pacific', 'harbour']) honestLeases(rng.fork(`honest-${pkey}`), book, pkey, t0, days);
  const { leases, logins } = book.out;
  leases.sort((a, b) => a.start - b.start || a.ip.localeCompare(b.ip));
  logins.sort((a, b) => a.ts - b.ts || a.account_id.localeCompare(b.account_id));
  return book.out;
}

/** The k-th of n group servers: staggered over the window, with honest tenants before and after it. */
function rentServer(r: Rng, book: Book, acc: AccountRec, k: number, n: number, t0: number, days: number, operatorIps: string[]): void {
  const W = days * DAY;
  const t1 = t0 + W;
  const { servers, leases, logins, reLeases } = book.out;
  const start = Math.round(t0 + W * (-0.08 + (0.78 * k) / Math.max(1, n - 1)) + r.range(-0.03, 0.03) * W);
  let end: number | null = Math.round(start + W * r.range(0.35, 0.55));
  if (end > t1 + 2 * DAY) end = null;
  acc.signup_ts = start - Math.round(r.range(0.2, 3) * DAY);
  const ip = book.takeIp(r, acc.provider);
  const s: AttackServer = { id: `S${k + 1}`, provider: acc.provider, ip, server_id: serverId(r, acc.provider), account_id: acc.account_id, person: acc.person, start, end };
  servers.push(s);
  leases.push({ provider: s.provider, ip, start, end, account_id: acc.account_id, server_id: s.server_id, attackerServer: s.id });
  logins.push({ provider: acc.provider, account_id: acc.account_id, ts: acc.signup_ts, ip: acc.signup_ip, action: 'signup' });
  logins.push({ provider: acc.provider, account_id: acc.account_id, ts: start - 600, ip: acc.signup_ip, action: 'server_create' });
  for (let i = 0; i < r.int(2, 5); i++) {
    const ts = start + r.range(0.05, 0.9) * ((end ?? t1) - start);
    logins.push({ provider: acc.provider, account_id: acc.account_id, ts: Math.round(ts), ip: r.pick(operatorIps), action: r.pick(['login', 'console', 'ssh_key_add']) });
  }
  const before = book.honest(r, acc.provider, start - 40 * DAY);
  const bStart = start - Math.round(r.range(20, 60) * DAY);
  leases.push({ provider: s.provider, ip, start: bStart, end: start - Math.round(r.range(0.5, 3) * DAY), account_id: before.account_id, server_id: serverId(r, s.provider), attackerServer: null });
  if (end !== null && end < t1) {
    const after = book.honest(r, acc.provider, end);
    const l: LeaseRec = { provider: s.provider, ip, start: end + Math.round(r.range(0.5, 2.5) * DAY), end: null, account_id: after.account_id, server_id: serverId(r, s.provider), attackerServer: null };
    leases.push(l);
    reLeases.push(l);
    logins.push({ provider: s.provider, account_id: after.account_id, ts: l.start - 900, ip: after.signup_ip, action: 'server_create' });
  }
}

/** An honest look-alike customer: signed up a while ago and rents an ordinary server during the window. */
function decoyLease(r: Rng, book: Book, acc: AccountRec, t0: number, days: number): void {
  const start = t0 + Math.round(r.range(0, 0.6) * days * DAY);
  acc.signup_ts = start - Math.round(r.range(3, 200) * DAY);
  const ip = book.takeIp(r, acc.provider);
  book.out.leases.push({ provider: acc.provider, ip, start, end: null, account_id: acc.account_id, server_id: serverId(r, acc.provider), attackerServer: null });
  book.out.logins.push({ provider: acc.provider, account_id: acc.account_id, ts: acc.signup_ts, ip: acc.signup_ip, action: 'signup' });
  book.out.logins.push({ provider: acc.provider, account_id: acc.account_id, ts: start - 300, ip: acc.signup_ip, action: 'server_create' });
}

/** 22 honest customers per provider, each address passing through up to three tenants. */
function honestLeases(r: Rng, book: Book, pkey: string, t0: number, days: number): void {
  const W = days * DAY;
  const t1 = t0 + W;
  for (let n = 0; n < 22; n++) {
    const acc = book.honest(r, pkey, t0);
    const ip = book.takeIp(r, pkey);
    let start = t0 - Math.round(r.range(5, 200) * DAY);
    for (let seg = 0; seg < 3 && start < t1; seg++) {
      const len = Math.round(r.range(0.3, 1.5) * W);
      const end = start + len > t1 + DAY ? null : start + len;
      const owner = seg === 0 ? acc : book.honest(r, pkey, start);
      book.out.leases.push({ provider: pkey, ip, start, end, account_id: owner.account_id, server_id: serverId(r, pkey), attackerServer: null });
      if (r.chance(0.5)) book.out.logins.push({ provider: pkey, account_id: owner.account_id, ts: Math.max(start, t0) + r.int(0, DAY), ip: owner.signup_ip, action: 'login' });
      if (end === null) break;
      start = end + Math.round(r.range(0.5, 5) * DAY);
    }
  }
}

/** The lease holding `ip` at time `ts`, if any. */
export function leaseAt(leases: LeaseRec[], ip: string, ts: number): LeaseRec | undefined {
  return leases.find((l) => l.ip === ip && l.start <= ts && (l.end === null || ts < l.end));
}
