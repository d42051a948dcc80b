// The internet around the victims: providers (ASN table), popular services, CDNs, update servers, public
// DNS, research scanners, ordinary clients. Fixed catalogue; the seed only varies which addresses are used.
import { V4, ipText } from './addresses.ts';
import type { Rng } from './random.ts';

export interface ProviderRec {
  key: string; asn: number; name: string; country: string; tz: string;
  abuse: string; legal: string; cidrs: string[];
  hosting: boolean; // rents servers (has accounts, leases, a border router export)
}

export interface Service {
  name: string; kind: 'cdn' | 'popular' | 'update' | 'dns' | 'mail';
  domain: string; ips: string[]; ip6?: string; port: number; proto: 'tcp' | 'udp'; service: string;
  weight: number; tls: boolean;
}

export const PROVIDERS: ProviderRec[] = [
  { key: 'hanami', asn: 64500, name: 'Hanami Cloud K.K.', country: 'JP', tz: 'Asia/Tokyo', abuse: 'abuse@hanami-cloud.example', legal: 'legal@hanami-cloud.example', cidrs: ['203.0.113.0/25'], hosting: true },
  { key: 'kumo', asn: 64501, name: 'Kumo Hosting Inc.', country: 'JP', tz: 'Asia/Tokyo', abuse: 'abuse@kumo-hosting.example', legal: 'lea@kumo-hosting.example', cidrs: ['203.0.113.128/25'], hosting: true },
  { key: 'pacific', asn: 64502, name: 'Pacific Colo LLC', country: 'US', tz: 'America/Los_Angeles', abuse: 'abuse@pacificcolo.example', legal: 'subpoena@pacificcolo.example', cidrs: ['198.51.100.0/25'], hosting: true },
  { key: 'harbour', asn: 64503, name: 'Harbour VPS Ltd', country: 'HK', tz: 'Asia/Hong_Kong', abuse: 'noc@harbourvps.example', legal: 'legal@harbourvps.example', cidrs: ['198.51.100.128/25'], hosting: true },
  { key: 'origin-isp', asn: 64510, name: 'Eastern Broadband Telecom', country: 'CN', tz: 'Asia/Shanghai', abuse: 'abuse@ebt.example', legal: 'legal@ebt.example', cidrs: ['192.0.2.0/25'], hosting: false },
  { key: 'vpn-exit', asn: 64511, name: 'ShieldTunnel VPN', country: 'SG', tz: 'Asia/Singapore', abuse: 'abuse@shieldtunnel.example', legal: 'legal@shieldtunnel.example', cidrs: ['192.0.2.128/26'], hosting: false },
  { key: 'jp-isp', asn: 64505, name: 'Sakuranet Consumer ISP', country: 'JP', tz: 'Asia/Tokyo', abuse: 'abuse@sakuranet.example', legal: 'legal@sakuranet.example', cidrs: ['192.0.2.192/26'], hosting: false },
  { key: 'cdn-a', asn: 65536, name: 'Globe Edge CDN', country: 'US', tz: 'UTC', abuse: 'abuse@globeedge.example', legal: 'legal@globeedge.example', cidrs: ['198.19.0.0/20', '2001:db8:ffff::/48'], hosting: false },
  { key: 'cdn-b', asn: 65537, name: 'Nimbus Delivery Network', country: 'JP', tz: 'Asia/Tokyo', abuse: 'abuse@nimbus-cdn.example', legal: 'legal@nimbus-cdn.example', cidrs: ['198.19.16.0/20'], hosting: false },
  { key: 'saas', asn: 65538, name: 'Omni Services Corp', country: 'US', tz: 'UTC', abuse: 'abuse@omni.example', legal: 'legal@omni.example', cidrs: ['198.19.32.0/20'], hosting: false },
  { key: 'updates', asn: 65539, name: 'Software Update Mirrors', country: 'JP', tz: 'Asia/Tokyo', abuse: 'abuse@mirrors.example', legal: 'legal@mirrors.example', cidrs: ['198.19.48.0/24'], hosting: false },
  { key: 'dns', asn: 65542, name: 'Open Resolver Project', country: 'US', tz: 'UTC', abuse: 'abuse@resolver.example', legal: 'legal@resolver.example', cidrs: ['198.19.53.0/24'], hosting: false },
  { key: 'scan-a', asn: 65540, name: 'Internet Census Research', country: 'US', tz: 'UTC', abuse: 'optout@census-research.example', legal: 'legal@census-research.example', cidrs: ['198.19.60.0/25'], hosting: false },
  { key: 'scan-b', asn: 65541, name: 'University Scan Lab', country: 'DE', tz: 'Europe/Berlin', abuse: 'scan@uni-scanlab.example', legal: 'legal@uni-scanlab.example', cidrs: ['198.19.60.128/25'], hosting: false },
  { key: 'clients', asn: 65543, name: 'Various Consumer Networks', country: 'JP', tz: 'Asia/Tokyo', abuse: 'abuse@consumer.example', legal: 'legal@consumer.example', cidrs: ['198.19.64.0/18'], hosting: false },
  { key: 'academic', asn: 65544, name: 'National Academic Backbone', country: 'JP', tz: 'Asia/Tokyo', abuse: 'cert@academic-backbone.example', legal: 'legal@academic-backbone.example', cidrs: ['198.18.0.0/16'], hosting: false },
];

export function provider(key: string): ProviderRec {
  const p = PROVIDERS.find((x) => x.key === key);
  if (!p) throw new Error(`unknown provider ${key}`);
  return p;
}

/** Host addresses of a provider's first IPv4 block (skipping network and gateway addresses). */
export function providerHost(key: string, n: number): string {
  const [base] = provider(key).cidrs[0].split('/');
  return ipText(V4(base) + 2 + n);
}

const POPULAR = ['search', 'mail', 'news', 'video', 'maps', 'docs', 'chat', 'weather', 'translate', 'social',
  'shop', 'bank', 'travel', 'jobs', 'wiki', 'stream', 'photos', 'music', 'calendar', 'storage'];

export function buildServices(rng: Rng): Service[] {
  const out: Service[] = [];
  POPULAR.forEach((name, i) => {
    const base = V4('198.19.32.0') + i * 16;
    out.push({
      name, kind: 'popular', domain: `www.${name}.example`, ips: [ipText(base + 1 + rng.int(0, 3)), ipText(base + 5 + rng.int(0, 3))],
      port: 443, proto: 'tcp', service: 'ssl', weight: 12 / (1 + i * 0.35), tls: true,
    });
  });
  for (let i = 0; i < 12; i++) {
    const cdnA = i % 2 === 0;
    const base = V4(cdnA ? '198.19.0.0' : '198.19.16.0') + i * 256;
    out.push({
      name: `cdn-${i}`, kind: 'cdn', domain: `static${i}.${cdnA ? 'globeedge' : 'nimbus-cdn'}.example`,
      ips: [ipText(base + 10 + rng.int(0, 50)), ipText(base + 70 + rng.int(0, 50))],
      ip6: cdnA ? `2001:db8:ffff::${(i + 1).toString(16)}:1` : undefined,
      port: 443, proto: 'tcp', service: 'ssl', weight: 8, tls: true,
    });
  }
  ['os', 'av', 'browser', 'office'].forEach((name, i) => {
    out.push({
      name: `update-${name}`, kind: 'update', domain: `update.${name}-vendor.example`, ips: [ipText(V4('198.19.48.0') + 10 + i * 8)],
      port: i % 2 === 0 ? 443 : 80, proto: 'tcp', service: i % 2 === 0 ? 'ssl' : 'http', weight: 3, tls: i % 2 === 0,
    });
  });
  out.push({ name: 'resolver', kind: 'dns', domain: 'resolver.example', ips: ['198.19.53.53', '198.19.53.54'], port: 53, proto: 'udp', service: 'dns', weight: 0, tls: false });
  out.push({ name: 'ntp', kind: 'update', domain: 'ntp.resolver.example', ips: ['198.19.53.123'], port: 123, proto: 'udp', service: 'ntp', weight: 1.5, tls: false });
  out.push({ name: 'mailrelay', kind: 'mail', domain: 'mx.omni.example', ips: [ipText(V4('198.19.47.25'))], port: 25, proto: 'tcp', service: 'smtp', weight: 1, tls: false });
  return out;
}

export interface Scanner { ip: string; name: string; ports: number[]; perVictimPerDay: number }

export function buildScanners(): Scanner[] {
  return [
    { ip: '198.19.60.10', name: 'census-research-1', ports: [22, 23, 80, 443, 445, 3389, 8080], perVictimPerDay: 6 },
    { ip: '198.19.60.11', name: 'census-research-2', ports: [21, 25, 110, 143, 993, 5900], perVictimPerDay: 4 },
    { ip: '198.19.60.140', name: 'uni-scanlab', ports: [443, 8443, 161, 53], perVictimPerDay: 3 },
  ];
}

/** A random consumer/client address (benign internet users reaching servers). */
export function clientIp(rng: Rng): string {
  return ipText(V4('198.19.64.0') + rng.int(1, 16382));
}
