import { describe, expect, it } from 'vitest';
import { buildEml, headerText } from './eml.ts';

const mail = { from: 'CERT <cert@example.org>', to: ['soc@victim.example'], subject: 'Notice — Ozora', date: 1_473_900_000,
  text: 'plain ✓', html: '<p>html</p>', attachments: [{ filename: 'indicators.stix.json', contentType: 'application/stix+json;version=2.1', content: '{"type":"bundle"}' }] };

describe('RFC 5322 notice message', () => {
  it('has the headers, CRLF line ends, text+HTML alternatives and the attachment in base64', () => {
    const eml = buildEml(mail);
    const [head, body] = eml.split('\r\n\r\n');
    expect(head).toMatch(/^From: CERT <cert@example.org>\r\nTo: soc@victim.example\r\nSubject: =\?UTF-8\?B\?/);
    expect(head).toContain('Date: Thu, 15 Sep 2016 00:40:00 +0000');
    expect(head).toMatch(/Message-ID: <[0-9a-f]{32}@example.org>/);
    expect(body).toBe('This is a multipart message in MIME format.');
    expect(eml.split('\n').every((l) => l === '' || l.endsWith('\r') || l === eml.split('\n').at(-1))).toBe(true);
    expect(eml).toContain('Content-Type: multipart/alternative');
    const b64 = /filename="indicators.stix.json"\r\nContent-Transfer-Encoding: base64\r\n\r\n(\S+)\r\n/.exec(eml)![1];
    expect(Buffer.from(b64, 'base64').toString()).toBe('{"type":"bundle"}');
    expect(Math.max(...eml.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(998);
  });

  it('is deterministic and refuses a message without recipients', () => {
    expect(buildEml(mail)).toBe(buildEml(mail));
    expect(() => buildEml({ ...mail, to: [] })).toThrow(/no recipient/);
  });

  it.each([['plain', 'plain'], ['Ünïcode', '=?UTF-8?B?w5xuw69jb2Rl?=']])('encodes header text %s', (input, out) => {
    expect(headerText(input)).toBe(out);
  });
});
