// Progress on stderr for long work: rows/s, bytes, ETA. Silent when stderr is not a terminal or --quiet.
export interface Progress { update(rows: number, bytesDone?: number): void; done(): void }

export function progress(label: string, totalBytes: number | undefined, quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY) return { update() {}, done() {} };
  const start = Date.now();
  let last = 0;
  const draw = (rows: number, bytes: number | undefined, force = false) => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    const secs = Math.max((now - start) / 1000, 0.001);
    const rate = rows / secs;
    let tail = '';
    if (totalBytes && bytes) {
      const frac = Math.min(bytes / totalBytes, 1);
      const eta = frac > 0 ? secs / frac - secs : 0;
      tail = ` ${(bytes / 1048576).toFixed(1)}/${(totalBytes / 1048576).toFixed(1)} MiB ${(frac * 100).toFixed(0)}% ETA ${eta.toFixed(0)}s`;
    }
    process.stderr.write(`\r${label}: ${rows.toLocaleString('en')} rows ${Math.round(rate).toLocaleString('en')} rows/s${tail}\x1b[K`);
  };
  let rowsSeen = 0, bytesSeen: number | undefined;
  return {
    update(rows, bytesDone) { rowsSeen = rows; bytesSeen = bytesDone; draw(rows, bytesDone); },
    done() { draw(rowsSeen, bytesSeen, true); process.stderr.write('\n'); },
  };
}
