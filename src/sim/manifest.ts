// manifest.json: every generated file and how to ingest it (format, org/sensor tags, zone, provider, column map).
export type ManifestFormat = 'zeek' | 'nfdump' | 'pcap' | 'orgs' | 'accounts' | 'leases' | 'logins' | 'providers' | 'stix';

export interface ManifestEntry {
  path: string; // relative to the output directory
  format: ManifestFormat;
  org?: string;
  sensor?: string;
  tz?: string;
  provider?: string;
  map?: Record<string, string>;
  rows?: number;
  bytes?: number;
  note?: string;
}

export interface Manifest { generator: string; seed: number; options: Record<string, unknown>; files: ManifestEntry[] }

/** Ingest order that lets flows be classified: orgs and providers first, then everything else. */
export function ingestOrder(files: ManifestEntry[]): ManifestEntry[] {
  const rank = (f: ManifestEntry) => (f.format === 'orgs' ? 0 : f.format === 'providers' ? 1 : 2);
  return [...files].sort((a, b) => rank(a) - rank(b));
}
