// Every analyzer, one line each. `hoptrace analyze` orders them by their `needs`.
import type { Analyzer } from './contract.ts';
import { beaconsAnalyzer } from './beacons/analyzer.ts';
import { sharedInfraAnalyzer } from './shared-infra/analyzer.ts';
import { iocMatchAnalyzer } from './ioc-match/analyzer.ts';
import { leasesAnalyzer } from './leases/analyzer.ts';
import { relaysAnalyzer } from './relays/analyzer.ts';
import { identitiesAnalyzer } from './identities/analyzer.ts';
import { impactAnalyzer } from './impact/analyzer.ts';
import { attributionAnalyzer } from './attribution/analyzer.ts';

export const ANALYZERS: Analyzer<any>[] = [
  beaconsAnalyzer,
  sharedInfraAnalyzer,
  iocMatchAnalyzer,
  leasesAnalyzer,
  relaysAnalyzer,
  identitiesAnalyzer,
  impactAnalyzer,
  attributionAnalyzer,
];
