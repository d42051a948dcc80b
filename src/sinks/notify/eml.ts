// An RFC 5322 / MIME message for a notice: multipart/mixed { multipart/alternative { text, HTML }, STIX bundle }.
// Written to a .eml file and, when SMTP is configured, sent byte for byte as written.
import { createHash } from 'node:crypto';

export interface MailInput {
  from: string; to: string[]; subject: string; date: number; text: string; html: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

const wrap = (b64: string) => b64.replace(/.{1,76}/g, '$&\r\n');
const b64 = (s: string) => wrap(Buffer.from(s, 'utf8').toString('base64'));

/** RFC 2047 encoded-word for non-ASCII header text. */
export function headerText(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

export function buildEml(m: MailInput): string {
  if (m.to.length === 0) throw new Error('no recipient address for the notice (add contacts to the org in the orgs file)');
  const digest = createHash('sha256').update(JSON.stringify(m)).digest('hex');
  const mixed = `=_mixed_${digest.slice(0, 24)}`, alt = `=_alt_${digest.slice(24, 48)}`;
  const domain = m.from.split('@')[1]?.replace(/>$/, '') ?? 'hoptrace.invalid';
  const head = [
    `From: ${m.from}`, `To: ${m.to.join(', ')}`, `Subject: ${headerText(m.subject)}`, `Date: ${new Date(m.date * 1000).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${digest.slice(0, 32)}@${domain}>`, 'MIME-Version: 1.0', `Content-Type: multipart/mixed; boundary="${mixed}"`,
  ];
  const parts = [
    `--${mixed}`, `Content-Type: multipart/alternative; boundary="${alt}"`, '',
    `--${alt}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', b64(m.text),
    `--${alt}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', b64(m.html),
    `--${alt}--`, '',
    ...m.attachments.flatMap((a) => [
      `--${mixed}`, `Content-Type: ${a.contentType}; name="${a.filename}"`, `Content-Disposition: attachment; filename="${a.filename}"`,
      'Content-Transfer-Encoding: base64', '', b64(a.content)]),
    `--${mixed}--`, '',
  ];
  return [...head, '', 'This is a multipart message in MIME format.', '', ...parts].join('\r\n');
}
