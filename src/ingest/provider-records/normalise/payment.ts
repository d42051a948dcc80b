// Payment data: only fingerprints (tokens, hashes, last-4 + brand) may be stored. A value that is a
// raw card number (13–19 digits, Luhn-valid, spaces/dashes allowed) is refused by the caller.
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * True when the text contains something that looks like a full card number (PAN): a stand-alone run of
 * 13–19 digits (spaces/dashes allowed) passing Luhn. Digit runs inside a longer token (hex fingerprints
 * such as fp_5b5063953277947b or fp_4903279480922749, joined by `_`) are not card numbers.
 */
export function looksLikeCardNumber(text: string): boolean {
  const runs = text.normalize('NFKC').match(/(?<![0-9A-Za-z_])\d[\d -]{11,23}\d(?![0-9A-Za-z_])/g) ?? [];
  return runs.some((run) => {
    const digits = run.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
  });
}

export function normaliseFingerprint(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}
