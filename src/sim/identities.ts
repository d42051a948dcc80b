// Subscriber identities: the group's renters under false names (sharing some strong traits, never all) and
// honest customers, some deliberately similar to the false identities (decoys sharing a trait or two).
import { BUILDINGS, FREEMAIL, GIVEN, SURNAMES, renderName, type NameForm, type NamePart } from './names.ts';
import { providerHost } from './internet.ts';
import type { Rng } from './random.ts';

export interface AccountRec {
  provider: string; account_id: string; name: string; email: string; phone: string;
  address: string; postcode: string; birth_date: string; payment_fp: string;
  signup_ip: string; signup_ts: number;
  person: string; // truth: P1, P2 (renters) or honest-N
  kind: 'renter' | 'honest' | 'decoy';
}

export interface PersonTruth { id: string; description: string; accounts: string[]; decoy: boolean }

interface Traits {
  sur: NamePart; given: NamePart; birth: string; building: (typeof BUILDINGS)[number];
  phones: string[]; fps: string[]; signupIps: string[]; mailStem: string;
}

const fp = (r: Rng) => `fp_${r.hex(16)}`;
// The 0x0-0xxx blocks are used so no generated number is likely to be someone's real mobile number.
const mobile = (r: Rng) => `0${r.pick(['80', '90', '70'])}-0${r.int(100, 999)}-${r.int(1000, 9999)}`;
const birth = (r: Rng) => `${r.int(1970, 1996)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

export function accountKey(provider: string, accountId: string): string {
  return `${provider}:${accountId}`;
}

function traits(r: Rng, signupIps: string[]): Traits {
  const sur = r.pick(SURNAMES);
  const given = r.pick(GIVEN);
  const b = birth(r);
  return {
    sur, given, birth: b, building: r.pick(BUILDINGS.slice(0, 5)), phones: [mobile(r), `+86 138 0000 ${r.int(1000, 9999)}`, mobile(r)],
    fps: [fp(r), fp(r)], signupIps, mailStem: `${given.latin[0][0].toLowerCase()}.${sur.latin[0].toLowerCase()}${b.slice(2, 4)}`,
  };
}

interface Draft { name: [NameForm, number, boolean?]; phone: number; fp: number; ip: number; room: number; ja: boolean; mail: string; birthSwap?: boolean }

/** P1's four false identities: each pair shares something, no pair shares everything. */
const P1_PLAN: Draft[] = [
  { name: ['kanji', 0], phone: 0, fp: 0, ip: 0, room: 805, ja: true, mail: '{stem}@{m0}' },
  { name: ['latin-given-first', 0], phone: 0, fp: 1, ip: 1, room: 805, ja: false, mail: '{stem}.jp@{m1}' },
  { name: ['latin-family-first', 1], phone: 1, fp: 0, ip: 0, room: 1203, ja: false, mail: '{stem}x@{m2}' },
  { name: ['kanji', 0, true], phone: 2, fp: 1, ip: 0, room: 806, ja: true, mail: '{alt}@{m0}', birthSwap: true },
];

export function buildIdentities(rng: Rng, providersForP1: string[], providersForP2: string[], originIp: string):
{ accounts: AccountRec[]; persons: PersonTruth[] } {
  const accounts: AccountRec[] = [];
  const persons: PersonTruth[] = [];
  const r1 = rng.fork('P1');
  const t1 = traits(r1, [originIp, providerHost('vpn-exit', r1.int(0, 40))]);
  const alt = { sur: r1.pick(SURNAMES.filter((s) => s !== t1.sur)), given: r1.pick(GIVEN.filter((g) => g !== t1.given)) };
  const p1: PersonTruth = { id: 'P1', description: 'systems engineer renting servers under false names (sold the credentials on)', accounts: [], decoy: false };
  providersForP1.forEach((prov, k) => {
    const d = P1_PLAN[k % P1_PLAN.length];
    const [form, variant, useAlt] = d.name;
    const name = useAlt ? renderName(alt.sur, alt.given, form, variant) : renderName(t1.sur, t1.given, form, variant);
    const altStem = `${alt.given.latin[0][0].toLowerCase()}.${alt.sur.latin[0].toLowerCase()}${t1.birth.slice(2, 4)}`;
    const a = account(r1, prov, 'P1', 'renter', {
      name, phone: t1.phones[d.phone], payment_fp: t1.fps[d.fp], signup_ip: t1.signupIps[d.ip],
      email: d.mail.replace('{stem}', t1.mailStem).replace('{alt}', altStem).replace(/\{m(\d)\}/, (_, i) => FREEMAIL[Number(i)]),
      ...addressOf(t1.building, d.room, d.ja), birth_date: d.birthSwap ? swapMonthDay(t1.birth) : t1.birth,
    });
    accounts.push(a);
    p1.accounts.push(accountKey(prov, a.account_id));
  });
  persons.push(p1);
  const r2 = rng.fork('P2');
  const dorm = BUILDINGS[5];
  const t2 = traits(r2, [providerHost('jp-isp', r2.int(0, 50))]);
  const p2: PersonTruth = { id: 'P2', description: 'exchange student renting servers on instructions', accounts: [], decoy: false };
  providersForP2.forEach((prov, k) => {
    const a = account(r2, prov, 'P2', 'renter', {
      name: renderName(t2.sur, t2.given, k === 0 ? 'kana' : 'latin-family-first'), phone: t2.phones[0], payment_fp: t2.fps[k % 2],
      signup_ip: t2.signupIps[0], email: `${t2.mailStem}${k === 0 ? '' : '.student'}@${FREEMAIL[(k + 1) % 4]}`,
      ...addressOf(dorm, 210 + k, k === 0), birth_date: t2.birth,
    });
    accounts.push(a);
    p2.accounts.push(accountKey(prov, a.account_id));
  });
  persons.push(p2);
  addDecoys(rng.fork('decoys'), t1, t2, accounts, persons);
  return { accounts, persons };
}

function addDecoys(r: Rng, t1: Traits, t2: Traits, accounts: AccountRec[], persons: PersonTruth[]): void {
  const provs = ['hanami', 'kumo', 'pacific', 'harbour'];
  const decoys: Array<Partial<AccountRec>> = [
    { name: renderName(t1.sur, t1.given, 'kanji') }, // a common name, nothing else shared
    { name: renderName(t1.sur, t1.given, 'latin-given-first', 1), signup_ip: t1.signupIps[1] }, // same VPN exit
    { ...addressOf(t1.building, 402, true) }, // same building, other flat
    { name: renderName(t2.sur, t2.given, 'latin-given-first') },
    { signup_ip: t2.signupIps[0] }, // another student in the same dorm network
  ];
  decoys.forEach((over, k) => {
    const id = `honest-d${k + 1}`;
    const base = randomPerson(r);
    const a = account(r, provs[(k + 1) % provs.length], id, 'decoy', { ...base, ...over });
    accounts.push(a);
    persons.push({ id, description: 'honest customer resembling a false identity', accounts: [accountKey(a.provider, a.account_id)], decoy: true });
  });
}

export function randomPerson(r: Rng): Omit<AccountRec, 'provider' | 'account_id' | 'signup_ts' | 'person' | 'kind'> {
  const sur = r.pick(SURNAMES);
  const given = r.pick(GIVEN);
  const form = r.pick(['kanji', 'kanji', 'kana', 'latin-given-first'] as NameForm[]);
  const b = r.pick(BUILDINGS);
  const bd = birth(r);
  return {
    name: renderName(sur, given, form, r.int(0, 2)), phone: mobile(r), payment_fp: fp(r),
    signup_ip: `198.19.${64 + r.int(0, 63)}.${r.int(1, 254)}`,
    email: `${given.latin[0].toLowerCase()}${r.int(1, 999)}@${r.pick(FREEMAIL)}`,
    ...addressOf({ ...b, ja: b.ja.replace(/\d+-\d+-\d+/, `${r.int(1, 5)}-${r.int(1, 20)}-${r.int(1, 30)}`), en: b.en }, r.int(101, 1500), r.chance(0.7)),
    birth_date: bd,
  };
}

function addressOf(b: { ja: string; en: string; postcode: string }, room: number, ja: boolean): { address: string; postcode: string } {
  return ja ? { address: `${b.ja}${room}号室`, postcode: b.postcode } : { address: `${b.en} #${room}`, postcode: b.postcode.replace('-', '') };
}

function swapMonthDay(d: string): string {
  const [y, m, day] = d.split('-');
  return Number(day) <= 12 ? `${y}-${day}-${m}` : `${y}-${m}-${String(Number(day) - 1).padStart(2, '0')}`;
}

function account(r: Rng, provider: string, person: string, kind: AccountRec['kind'],
  f: Omit<AccountRec, 'provider' | 'account_id' | 'signup_ts' | 'person' | 'kind'>): AccountRec {
  return { provider, account_id: accountId(r, provider), signup_ts: 0, person, kind, ...f };
}

export function accountId(r: Rng, provider: string): string {
  const n = r.int(100000, 999999);
  switch (provider) {
    case 'hanami': return `HN-${n}`;
    case 'kumo': return `K${n}`;
    case 'pacific': return `PC${n}`;
    default: return `hv${n.toString(36)}`;
  }
}
