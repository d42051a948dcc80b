// Scores found pairs against ground truth (the accuracy harness and the fixture test call this).
// Pairs match on the 5-tuples of both connections; `#n` reuse suffixes are ignored.

export interface TuplePair { inbound: string; outbound: string }
export interface RelayPairScore { precision: number; recall: number; fpPerThousandCandidates: number; tp: number; fp: number; fn: number }

const norm = (id: string) => id.replace(/#\d+$/, '');

export function scoreRelayPairs(found: TuplePair[], truth: TuplePair[], candidates = 0): RelayPairScore {
  const want = new Set(truth.map((p) => `${norm(p.inbound)} ${norm(p.outbound)}`));
  const got = new Set(found.map((p) => `${norm(p.inbound)} ${norm(p.outbound)}`));
  let tp = 0;
  for (const k of got) if (want.has(k)) tp++;
  const fp = got.size - tp, fn = want.size - tp;
  return {
    precision: got.size ? tp / got.size : 1,
    recall: want.size ? tp / want.size : 1,
    fpPerThousandCandidates: candidates ? (fp / candidates) * 1000 : 0,
    tp, fp, fn,
  };
}

/** `src:sport>dst:dport` of a ground-truth connection object. */
export function truthTuple(c: { src: string; sport: number; dst: string; dport: number }): string {
  const hp = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
  return `${hp(c.src, c.sport)}>${hp(c.dst, c.dport)}`;
}
