// Address plan: only documentation / benchmarking space (RFC 5737, RFC 2544, RFC 3849) and private-use ASNs
// (RFC 5398), so no real organisation's addresses ever appear in a simulated case.
import { v4ToText, parseIpv4 } from '../core/ip.ts';

export const V4 = (s: string): number => parseIpv4(s)!;
export const ipText = v4ToText;

/** Victim public blocks come from 198.18.0.0/16; /24 each up to 256 victims, /26 beyond. */
export function victimBlock(index: number, victims: number): { base: number; bits: number } {
  const bits = victims <= 256 ? 24 : 26;
  return { base: V4('198.18.0.0') + index * 2 ** (32 - bits), bits };
}

/** Private blocks repeat across orgs on purpose (overlapping 10.x space behind separate sensors). */
export function privateBlock(slot: number): { base: number; bits: number } {
  return { base: V4('10.0.0.0') + (slot % 4) * 65536, bits: 16 };
}

export function cidr(base: number, bits: number): string {
  return `${v4ToText(base)}/${bits}`;
}

export function v6Block(index: number): string {
  return `2001:db8:${(0x1000 + index).toString(16)}::/48`;
}

export function v6Host(index: number, host: number): string {
  return `2001:db8:${(0x1000 + index).toString(16)}::${host.toString(16)}`;
}
