// Time helpers. Everything stored is UTC epoch seconds; local provider times are converted with IANA zones.

export function isoUtc(epochSeconds: number): string {
  return new Date(Math.round(epochSeconds * 1000)).toISOString();
}

/** Offset of `zone` from UTC in minutes at the given UTC instant (e.g. Asia/Tokyo → 540). */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const dtf = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const parts = Object.fromEntries(dtf.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses a date-time written in `zone` (unless the text carries its own offset or Z) into UTC epoch seconds.
 * Accepts ISO-like `YYYY-MM-DD[ T]HH:MM[:SS[.fff]]`, slashes, and epoch seconds. Returns null when unparseable
 * or impossible (month 13, 31 February).
 */
export function parseLocalTime(text: string, zone = 'UTC'): number | null {
  const t = text.trim();
  if (/^\d{9,10}(\.\d+)?$/.test(t)) return Number(t);
  const m = LOCAL.exec(t);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1, 7);
  const frac = m[7] ? Number(m[7]) : 0;
  const naive = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const check = new Date(naive);
  if (check.getUTCFullYear() !== +y || check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 60) {
    return null;
  }
  const off = m[8];
  if (off) {
    if (off === 'Z') return naive / 1000 + frac;
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const mins = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return naive / 1000 - mins * 60 + frac;
  }
  // Two passes settle the offset across DST transitions.
  let guess = naive - zoneOffsetMinutes(zone, naive) * 60000;
  guess = naive - zoneOffsetMinutes(zone, guess) * 60000;
  return guess / 1000 + frac;
}

/** Local wall-clock text (YYYY-MM-DD HH:MM:SS) of an instant in `zone`, with its UTC offset. */
export function formatInZone(epochSeconds: number, zone: string): string {
  const ms = Math.round(epochSeconds * 1000);
  const off = zoneOffsetMinutes(zone, ms);
  const local = new Date(ms + off * 60000).toISOString().replace('T', ' ').slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${local} ${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
