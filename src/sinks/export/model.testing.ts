// A small hand-made export model for sink tests.
import type { ExportModel } from './model.ts';

export function sampleModel(): ExportModel {
  return {
    caseName: 'tick-2017', producer: 'Example National CERT', generatedAt: 1500000000, firstSeen: 1475000000, lastSeen: 1490000000,
    summary: 'Rented servers used as stepping stones against research and defence organisations',
    orgs: [{ id: 'jaxa', name: 'Space Agency', sector: 'aerospace' }, { id: 'uni-1', name: 'University One', sector: 'education' }],
    actors: [{
      name: 'Tick', aliases: ['BRONZE BUTLER', 'REDBALDKNIGHT'], externalIds: ['G0060'], tlp: 'amber', confidenceWords: 'likely', score: 0.82,
      summary: 'infrastructure overlaps prior Tick reporting',
      uses: [{ type: 'malware', name: 'Daserf', externalIds: ['S0187'] }, { type: 'attack-pattern', name: 'Spearphishing Attachment', externalIds: ['T1566.001'] }],
    }],
    indicators: [
      { type: 'ipv4', value: '203.0.113.7', tlp: 'amber', port: 22, firstSeen: 1476000000, lastSeen: 1480000000, confidence: 90,
        comment: 'shared-infra score 0.93: 14 victim orgs', actors: ['Tick'],
        seenAt: [{ org: 'jaxa', firstSeen: 1476000000, lastSeen: 1477000000, count: 30 }, { org: 'uni-1', firstSeen: 1478000000, lastSeen: 1480000000, count: 5 }] },
      { type: 'domain', value: 'update.example.net', tlp: 'green', firstSeen: 1476000000, lastSeen: 1476500000, confidence: 60,
        comment: 'beacon endpoint', actors: [], seenAt: [{ org: 'uni-1', firstSeen: 1476000000, lastSeen: 1476500000, count: 40 }] },
      { type: 'ipv4', value: '198.51.100.9', tlp: 'red', firstSeen: 1477000000, lastSeen: 1477000100, confidence: 40,
        comment: 'relay origin (law-enforcement sensitive)', actors: [], seenAt: [] },
    ],
  };
}
