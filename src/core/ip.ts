// IP addresses: parsing, canonical text, CIDR membership, and the integer key the store uses.
// Key scheme (same in every engine): IPv4 → 0..2^32-1; IPv6 → -(1 + first 52 bits of md5(canonical text)).
// Both fit a signed 64-bit column and a JS number exactly; IPv6 text is kept in the store's ip6 dictionary.
import { createHash } from 'node:crypto';

export type IpVersion = 4 | 6;
export interface ParsedIp { version: IpVersion; value: bigint; text: string }

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseIpv4(s: string): number | null {
  const m = V4.exec(s);
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const o = Number(m[i]);
    if (o > 255 || (m[i].length > 1 && m[i][0] === '0')) return null;
    n = n * 256 + o;
  }
  return n;
}

export function v4ToText(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export function parseIpv6(input: string): bigint | null {
  let s = input;
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (!s.includes(':')) return null;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIpv4(last);
    if (v4 == null) return null;
    s = `${s.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const parse = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const groups: number[] = [];
  for (const g of [...head, ...rest]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
  }
  const total = head.length + rest.length;
  if (halves.length === 1 && total !== 8) return null;
  if (halves.length === 2 && total > 7) return null;
  groups.push(...head.map((g) => parseInt(g, 16)));
  if (halves.length === 2) for (let i = 0; i < 8 - total; i++) groups.push(0);
  groups.push(...rest.map((g) => parseInt(g, 16)));
  let v = 0n;
  for (const g of groups) v = (v << 16n) | BigInt(g);
  return v;
}

/** RFC 5952 canonical text of a 128-bit address. */
export function v6ToText(v: bigint): string {
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  return v6GroupsToText(g);
}

/** RFC 5952 text of eight 16-bit groups (the longest run of two or more zero groups becomes ::). */
export function v6GroupsToText(g: number[]): string {
  let bestStart = -1, bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Parses either family; IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes IPv4. Returns null when not an address. */
export function parseIp(s: string): ParsedIp | null {
  const t = s.trim();
  const v4 = parseIpv4(t);
  if (v4 != null) return { version: 4, value: BigInt(v4), text: t };
  const v6 = parseIpv6(t);
  if (v6 == null) return null;
  if (v6 >> 32n === 0xffffn) {
    const n = Number(v6 & 0xffffffffn);
    return { version: 4, value: BigInt(n), text: v4ToText(n) };
  }
  return { version: 6, value: v6, text: v6ToText(v6) };
}

export function canonicalIp(s: string): string | null {
  return parseIp(s)?.text ?? null;
}

/** Store key of an address given as text, or null when the text is not an address. */
export function ipKey(s: string): number | null {
  const p = parseIp(s);
  if (!p) return null;
  return p.version === 4 ? Number(p.value) : v6Key(p.text);
}

export function v6Key(canonicalText: string): number {
  const h = createHash('md5').update(canonicalText).digest('hex').slice(0, 13);
  return -(1 + parseInt(h, 16));
}

/** Text of a key; IPv6 keys need the dictionary (returns null without it). */
export function keyToIp(key: number, v6dict?: Map<number, string>): string | null {
  if (key >= 0) return v4ToText(key);
  return v6dict?.get(key) ?? null;
}

export interface Cidr { version: IpVersion; base: bigint; bits: number; text: string }

export function parseCidr(s: string): Cidr | null {
  const [addr, len] = s.trim().split('/');
  const p = parseIp(addr);
  if (!p) return null;
  const max = p.version === 4 ? 32 : 128;
  const bits = len === undefined ? max : Number(len);
  if (!Number.isInteger(bits) || bits < 0 || bits > max || (len !== undefined && !/^\d+$/.test(len))) return null;
  const shift = BigInt(max - bits);
  const base = (p.value >> shift) << shift;
  const baseText = p.version === 4 ? v4ToText(Number(base)) : v6ToText(base);
  return { version: p.version, base, bits, text: `${baseText}/${bits}` };
}

export function cidrContains(c: Cidr, ip: ParsedIp): boolean {
  if (c.version !== ip.version) return false;
  const shift = BigInt((c.version === 4 ? 32 : 128) - c.bits);
  return ip.value >> shift === c.base >> shift;
}

/** IPv4 range of a CIDR as [lo, hi] keys (for SQL range joins). */
export function cidrRangeV4(c: Cidr): [number, number] {
  const size = 2 ** (32 - c.bits);
  return [Number(c.base), Number(c.base) + size - 1];
}

const PRIVATE = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '::1/128']
  .map((c) => parseCidr(c)!);

export function isPrivate(ip: ParsedIp): boolean {
  return PRIVATE.some((c) => cidrContains(c, ip));
}
