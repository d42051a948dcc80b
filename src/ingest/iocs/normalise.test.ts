import { describe, expect, it } from 'vitest';
import { indicatorId, normaliseIndicator, refang } from './normalise.ts';

describe('refang', () => {
  it.each([
    ['1.2.3[.]4', '1.2.3.4'],
    ['evil(.)example(.)com', 'evil.example.com'],
    ['hxxp://evil[.]com/a', 'http://evil.com/a'],
    ['hxxps[:]//evil[.]com', 'https://evil.com'],
    ['bad[@]evil[.]com', 'bad@evil.com'],
    ['evil[dot]com', 'evil.com'],
    ['2001:db8[:]:1', '2001:db8::1'],
  ])('%s → %s', (raw, want) => expect(refang(raw)).toBe(want));
});

describe('normaliseIndicator', () => {
  it.each([
    ['198.51.100.7', 'ipv4', '198.51.100.7'],
    ['198.51.100[.]7', 'ipv4', '198.51.100.7'],
    ['198.51.100.7:8443', 'ipv4', '198.51.100.7'],
    ['203.0.113.9/24', 'cidr', '203.0.113.0/24'],
    ['203.0.113.9/32', 'ipv4', '203.0.113.9'],
    ['2001:DB8::0:1', 'ipv6', '2001:db8::1'],
    ['2001:db8::/32', 'cidr', '2001:db8::/32'],
    ['Evil.Example.COM.', 'domain', 'evil.example.com'],
    ['hxxp://Evil.example.com/x?q=1', 'url', 'http://evil.example.com/x?q=1'],
    ['D41D8CD98F00B204E9800998ECF8427E', 'md5', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['Phish[@]evil[.]com', 'email', 'phish@evil.com'],
  ])('%s is %s %s', (raw, type, value) => {
    expect(normaliseIndicator(raw)).toMatchObject({ type, value });
  });

  it.each(['hello world', '1.2.3.999', 'abc', 'deadbeef', 'evil..com', ''])('rejects %j with a reason', (raw) => {
    expect(typeof normaliseIndicator(raw)).toBe('string');
  });

  it('refuses a value that contradicts the declared type', () => {
    expect(normaliseIndicator('evil.com', 'ip')).toMatch(/declared ip/);
    expect(normaliseIndicator('d41d8cd98f00b204e9800998ecf8427e', 'sha256')).toMatch(/declared sha256/);
  });

  it('gives defanged and clean forms the same id', () => {
    const a = normaliseIndicator('hxxp://evil[.]com/') as { type: 'url'; value: string };
    const b = normaliseIndicator('http://EVIL.com/') as { type: 'url'; value: string };
    expect(indicatorId(a.type, a.value)).toBe(indicatorId(b.type, b.value));
  });
});
