// TLP arithmetic for exports: the most restrictive of several sources wins; a ceiling filters items.
import { TLP_ORDER, type Tlp } from '../../core/types.ts';

const rank = (t: Tlp) => TLP_ORDER.indexOf(t);

export function strictestTlp(tlps: Array<Tlp | null | undefined>, fallback: Tlp = 'clear'): Tlp {
  return tlps.reduce<Tlp>((w, t) => (t && TLP_ORDER.includes(t) && rank(t) > rank(w) ? t : w), fallback);
}

export function parseTlpFlag(v: string): Tlp {
  const t = v.toLowerCase().replace(/^tlp:/, '') as Tlp;
  if (!TLP_ORDER.includes(t)) throw new Error(`unknown TLP '${v}' (use ${TLP_ORDER.join(', ')})`);
  return t;
}
