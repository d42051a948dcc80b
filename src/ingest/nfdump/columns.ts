// nfdump CSV column layouts. nfdump 1.6 `-o csv` prints short token names
// (ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,…) and a `Summary` trailer; nfdump 1.7 names
// the columns after its csv token table (firstSeen,lastSeen,duration,srcAddr,dstAddr,…,inPackets,inBytes,…)
// and its fast csv (`cnt,af,firstSeen,lastSeen,proto,srcAddr,…,packets,bytes`) gives times as epoch msec.

export type Field = 'ts' | 'te' | 'td' | 'sa' | 'da' | 'sp' | 'dp' | 'pr' | 'flg' | 'ipkt' | 'ibyt' | 'opkt' | 'obyt';

const ALIASES: Record<Field, string[]> = {
  ts: ['ts', 'firstseen', 'tstart'],
  te: ['te', 'lastseen', 'tend'],
  td: ['td', 'duration'],
  sa: ['sa', 'srcaddr'],
  da: ['da', 'dstaddr'],
  sp: ['sp', 'srcport'],
  dp: ['dp', 'dstport'],
  pr: ['pr', 'proto'],
  flg: ['flg', 'flags'],
  ipkt: ['ipkt', 'inpackets', 'packets', 'pkt'],
  ibyt: ['ibyt', 'inbytes', 'bytes', 'byt'],
  opkt: ['opkt', 'outpackets'],
  obyt: ['obyt', 'outbytes'],
};

export type ColumnMap = Record<Field, number>;

/** Positions of the known fields in a header line, or null when it is not an nfdump CSV header. */
export function columnMap(headerLine: string): ColumnMap | null {
  const names = headerLine.split(',').map((n) => n.trim().toLowerCase());
  const map = {} as ColumnMap;
  for (const [field, aliases] of Object.entries(ALIASES) as Array<[Field, string[]]>) {
    map[field] = names.findIndex((n) => aliases.includes(n));
  }
  return map.ts >= 0 && map.sa >= 0 && map.da >= 0 ? map : null;
}

/** The header lines of the layouts `nfdump -q -o csv` prints without one (1.6 and 1.7.0–1.7.2; 1.7.3+). */
const DEFAULT_HEADERS = [
  'ts,te,td,sa,da,sp,dp,pr,flg,fwd,stos,ipkt,ibyt,opkt,obyt,in,out,sas,das,smk,dmk,dtos,dir,nh,nhb,svln,dvln,ismc,odmc,idmc,osmc,' +
    'mpls1,mpls2,mpls3,mpls4,mpls5,mpls6,mpls7,mpls8,mpls9,mpls10,cl,sl,al,ra,eng,exid,tr',
  'firstSeen,duration,proto,srcAddr,srcPort,dstAddr,dstPort,packets,bytes,flows',
];
const NFDUMP_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{3})?$/;

/**
 * The default header for a data line written without one (`-q`): the line must have the exact column count of
 * a default layout and start with an nfdump time (both times, for the 1.6 layout).
 */
export function defaultHeaderFor(line: string): string | null {
  const cells = line.split(',');
  for (const header of DEFAULT_HEADERS) {
    const names = header.split(',');
    if (cells.length !== names.length || !NFDUMP_TIME.test(cells[0])) continue;
    if (names[1] === 'te' && !NFDUMP_TIME.test(cells[1])) continue;
    return header;
  }
  return null;
}

export function looksLikeHeader(line: string): boolean {
  return line.startsWith('ts,te,td,sa,da') || line.startsWith('cnt,af,firstSeen') || (line.includes('firstSeen') && line.includes('srcAddr'));
}

const PROTOCOLS: Record<string, string> = { 1: 'icmp', 2: 'igmp', 6: 'tcp', 17: 'udp', 47: 'gre', 50: 'esp', 51: 'ah', 58: 'icmp', 132: 'sctp' };

/** nfdump prints TCP/UDP/ICMP/ICMP6 names or numbers; the store uses Zeek's lower-case names. */
export function protoName(text: string): string {
  const t = text.trim();
  if (/^\d+$/.test(t)) return PROTOCOLS[t] ?? t;
  const lower = t.toLowerCase();
  return lower === 'icmp6' || lower === 'ipv6-icmp' ? 'icmp' : lower;
}
