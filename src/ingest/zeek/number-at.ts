// Decimal number parsing straight from a line (no substring): Zeek times, intervals and counts.
// While the digits as an integer stay ≤ 2^53, the mantissa and 10^k are exact doubles, so one division gives the
// correctly rounded value — the same double as Number(text). Longer or unusual forms fall back to Number().

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_EXACT = 2 ** 53;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

export function numberAt(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && text.charCodeAt(i) === 45) { negative = true; i++; }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) fraction = 0;
    else return slowNumber(text, start, end);
  }
  if (digits === 0) return NaN;
  if (mantissa > MAX_EXACT) return slowNumber(text, start, end);
  const value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -value : value;
}

function slowNumber(text: string, start: number, end: number): number {
  const s = text.slice(start, end);
  return DECIMAL.test(s) ? Number(s) : NaN;
}
