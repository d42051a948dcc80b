// Offline IP → ASN / AS name / country data from the npm packages @ip-location-db/asn (CC BY 4.0: RouteViews,
// DB-IP, NRO) and @ip-location-db/geo-whois-asn-country (CC0), read from their numeric CSVs into sorted typed
// arrays on first use and cached (v8-serialised) in the user's cache dir, keyed by the package versions.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { buildV4, buildV6, type V4Ranges, type V6Ranges } from './range-index.ts';

export interface AsnData {
  v4: V4Ranges; v6: V6Ranges; // values → index into asns/names
  asns: Uint32Array; names: string[];
  c4: V4Ranges | null; c6: V6Ranges | null; // values → index into countries
  countries: string[];
  asOf: string; // e.g. "@ip-location-db/asn 2.3.2026061719 (data of 2026-06-17)"
}

export interface AsnDataOptions { asnDir?: string; countryDir?: string | null; cacheDir?: string | null }

const require = createRequire(import.meta.url);
const CACHE_FORMAT = 1;

function packageDir(name: string): string | null {
  try { return dirname(require.resolve(`${name}/package.json`)); } catch { return null; }
}

function versionOf(dir: string): string {
  try { return String(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version); } catch { return 'unknown'; }
}

/** "2.3.2026061719" → "2026-06-17" (the packages encode their build date in the patch number). */
export function dataDate(version: string): string | null {
  const m = /\.(\d{4})(\d{2})(\d{2})\d{0,2}$/.exec(version);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

export function defaultCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'hoptrace');
}

export function loadAsnData(opts: AsnDataOptions = {}): AsnData {
  const asnDir = opts.asnDir ?? packageDir('@ip-location-db/asn');
  if (!asnDir || !existsSync(join(asnDir, 'asn-ipv4-num.csv'))) throw new Error('IP-to-ASN data not found: install @ip-location-db/asn or pass its folder');
  const countryDir = opts.countryDir === null ? null : opts.countryDir ?? packageDir('@ip-location-db/geo-whois-asn-country');
  const asnVersion = versionOf(asnDir), countryVersion = countryDir ? versionOf(countryDir) : 'none';
  const cacheDir = opts.cacheDir === null ? null : opts.cacheDir ?? defaultCacheDir();
  const cacheFile = cacheDir ? join(cacheDir, `asn-index-${CACHE_FORMAT}-${asnVersion}-${countryVersion}.bin`) : null;
  if (cacheFile && existsSync(cacheFile) && !opts.asnDir) {
    try { return deserialize(readFileSync(cacheFile)) as AsnData; } catch { /* rebuild below */ }
  }
  const data = buildAsnData(asnDir, countryDir, asnVersion);
  if (cacheFile && !opts.asnDir) {
    try { mkdirSync(cacheDir!, { recursive: true }); writeFileSync(cacheFile, serialize(data)); } catch { /* cache is optional */ }
  }
  return data;
}

function buildAsnData(asnDir: string, countryDir: string | null, asnVersion: string): AsnData {
  const entries = new Map<string, number>();
  const asns: number[] = [], names: string[] = [];
  const entry = (asn: number, name: string) => {
    const key = `${asn}|${name}`;
    let i = entries.get(key);
    if (i === undefined) { i = asns.length; entries.set(key, i); asns.push(asn); names.push(name); }
    return i;
  };
  const v4Rows: Array<[number, number, number]> = [];
  eachCsvRow(join(asnDir, 'asn-ipv4-num.csv'), (a, b, c, d) => v4Rows.push([Number(a), Number(b), entry(Number(c), d)]));
  const v6Rows: Array<[bigint, bigint, number]> = [];
  const v6File = join(asnDir, 'asn-ipv6-num.csv');
  if (existsSync(v6File)) eachCsvRow(v6File, (a, b, c, d) => v6Rows.push([BigInt(a), BigInt(b), entry(Number(c), d)]));
  const countries: string[] = [];
  const country = (cc: string) => { let i = countries.indexOf(cc); if (i < 0) { i = countries.length; countries.push(cc); } return i; };
  let c4: V4Ranges | null = null, c6: V6Ranges | null = null;
  if (countryDir) {
    const rows4: Array<[number, number, number]> = [];
    eachCsvRow(join(countryDir, 'geo-whois-asn-country-ipv4-num.csv'), (a, b, c) => rows4.push([Number(a), Number(b), country(c)]));
    const rows6: Array<[bigint, bigint, number]> = [];
    eachCsvRow(join(countryDir, 'geo-whois-asn-country-ipv6-num.csv'), (a, b, c) => rows6.push([BigInt(a), BigInt(b), country(c)]));
    c4 = buildV4(rows4); c6 = buildV6(rows6);
  }
  const date = dataDate(asnVersion);
  return {
    v4: buildV4(v4Rows), v6: buildV6(v6Rows), asns: Uint32Array.from(asns), names, c4, c6, countries,
    asOf: `@ip-location-db/asn ${asnVersion}${date ? ` (data of ${date})` : ''}${countryDir ? ', country from @ip-location-db/geo-whois-asn-country' : ''}`,
  };
}

/** start,end,third[,rest-of-line] rows; a quoted last field is unquoted ("" → "). */
function eachCsvRow(file: string, fn: (a: string, b: string, c: string, d: string) => void): void {
  const text = readFileSync(file, 'utf8');
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    pos = end + 1;
    if (line === '') continue;
    const i1 = line.indexOf(','), i2 = line.indexOf(',', i1 + 1);
    let i3 = line.indexOf(',', i2 + 1);
    if (i3 < 0) i3 = line.length;
    let rest = line.slice(i3 + 1);
    if (rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1).replace(/""/g, '"');
    fn(line.slice(0, i1), line.slice(i1 + 1, i2), line.slice(i2 + 1, i3), rest);
  }
}
