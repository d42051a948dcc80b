// TLP 2.0 visibility: analysts and admins see everything in the case; a partner sees TLP:CLEAR and
// TLP:GREEN, plus AMBER / AMBER+STRICT objects addressed to its own organisation. RED never leaves the
// case team. When an object combines several markings, the most restrictive one wins.
import { TLP_ORDER, type Tlp } from '../core/types.ts';
import type { ApiUser } from './users.ts';

export function tlpRank(t: string | null | undefined): number {
  const i = TLP_ORDER.indexOf(normalizeTlp(t));
  return i < 0 ? TLP_ORDER.length - 1 : i; // unknown markings are treated as RED
}

export function normalizeTlp(t: string | null | undefined): Tlp {
  const s = String(t ?? 'amber').trim().toLowerCase().replace(/^tlp:/, '').replace('white', 'clear');
  return (TLP_ORDER as string[]).includes(s) ? (s as Tlp) : 'red';
}

/** The most restrictive of several markings (an empty list counts as AMBER: unmarked is not public). */
export function strictest(...markings: Array<string | null | undefined>): Tlp {
  if (markings.length === 0) return 'amber';
  return TLP_ORDER[Math.max(...markings.map(tlpRank))];
}

export function isFullAccess(user: ApiUser): boolean {
  return user.role === 'admin' || user.role === 'analyst';
}

/** May this user see an object with this marking, optionally addressed to an organisation? */
export function canSee(user: ApiUser, tlp: string | null | undefined, addressedTo?: string | null): boolean {
  if (isFullAccess(user)) return true;
  const rank = tlpRank(tlp);
  if (rank <= tlpRank('green')) return true;
  if (rank >= tlpRank('red')) return false;
  return !!user.org && !!addressedTo && addressedTo === user.org;
}

/** Highest marking a partner may receive without addressing (used to push filters into SQL). */
export function publicTlps(): Tlp[] {
  return ['clear', 'green'];
}
