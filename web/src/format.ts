// Display helpers.
export function when(ts: number | null | undefined): string {
  if (ts == null) return '—';
  return new Date(ts * 1000).toISOString().replace('T', ' ').slice(0, 16) + 'Z';
}

export function bytes(n: number | null | undefined): string {
  if (n == null) return '—';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${v.toFixed(v < 10 && i > 0 ? 1 : 0)} ${units[i]}`;
}

export function num(n: number | null | undefined): string {
  return n == null ? '—' : n.toLocaleString('en');
}

export function duration(seconds: number): string {
  if (Math.abs(seconds) < 1) return `${Math.round(seconds * 1000)} ms`;
  if (Math.abs(seconds) < 120) return `${seconds.toFixed(1)} s`;
  return `${Math.round(seconds / 60)} min`;
}
