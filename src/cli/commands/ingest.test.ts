import { describe as group, expect, it } from 'vitest';
import { describe } from './ingest.ts';

group('ingest summary line', () => {
  const base = { file: 'a.csv', status: 'ingested' as const, format: 'accounts', evidenceId: 'e', read: 3, stored: 1, rejected: 2, tables: { accounts: 1 } };
  it('reconciles and names the first reject with its line', () => {
    const text = describe({ ...base, firstReject: { file: 'a.csv', line: 2, reason: 'provider is empty' } });
    expect(text).toContain('read 3 = stored 1 + rejected 2 (accounts 1)');
    expect(text).toContain('first reject: line 2: provider is empty');
  });
  it('gives the byte offset for binary formats and says nothing when all rows were stored', () => {
    expect(describe({ ...base, firstReject: { file: 'a.pcap', offset: 40, reason: 'truncated' } })).toContain('offset 40: truncated');
    expect(describe({ ...base, rejected: 0, stored: 3 })).not.toContain('first reject');
  });
});
