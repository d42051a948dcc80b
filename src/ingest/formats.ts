// Every ingest format, one line each. detect.ts asks each to sniff the first bytes.
import type { Format } from './contract.ts';
import { accountsFormat } from './accounts/format.ts';
import { leasesFormat } from './leases/format.ts';
import { loginsFormat } from './logins/format.ts';
import { providersFormat } from './providers/format.ts';
import { stixFormat } from './stix/format.ts';
import { mispFormat } from './misp/format.ts';
import { iocsFormat } from './iocs/format.ts';
import { zeekFormat } from './zeek/format.ts';
import { nfdumpFormat } from './nfdump/format.ts';
import { netflowFormat } from './netflow/format.ts';
import { orgsFormat } from './orgs/format.ts';
import { pcapFormat } from './pcap/format.ts';

export const FORMATS: Format[] = [
  accountsFormat,
  leasesFormat,
  loginsFormat,
  providersFormat,
  stixFormat,
  mispFormat,
  iocsFormat,
  zeekFormat,
  nfdumpFormat,
  netflowFormat,
  orgsFormat,
  pcapFormat,
];
