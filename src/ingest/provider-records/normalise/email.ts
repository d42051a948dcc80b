// Email normalisation: lower-case, plus-tags removed, provider-specific dot rules, disposable flag.
const DOTS_IGNORED = new Set(['gmail.com', 'googlemail.com']);
const PLUS_TAGS = true;
const DOMAIN_ALIASES: Record<string, string> = { 'googlemail.com': 'gmail.com' };
/** Small built-in list of well-known throwaway domains; extend through the provider-records option. */
export const DISPOSABLE_DOMAINS = new Set([
  'mailinator.com', 'guerrillamail.com', 'sharklasers.com', '10minutemail.com', 'tempmail.com', 'temp-mail.org',
  'yopmail.com', 'trashmail.com', 'getnada.com', 'dispostable.com', 'maildrop.cc', 'throwawaymail.com',
  'fakeinbox.com', 'mohmal.com', 'emailondeck.com', 'mintemail.com', 'spamgourmet.com', 'tempail.com',
]);

export interface NormalEmail { email: string; local: string; domain: string; disposable: boolean }

export function normaliseEmail(raw: string): NormalEmail | null {
  const text = raw.normalize('NFKC').trim().toLowerCase();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1 || /\s/.test(text)) return null;
  let local = text.slice(0, at);
  let domain = text.slice(at + 1).replace(/\.$/, '');
  domain = DOMAIN_ALIASES[domain] ?? domain;
  if (PLUS_TAGS) local = local.replace(/\+.*$/, '');
  if (DOTS_IGNORED.has(domain)) local = local.replaceAll('.', '');
  if (!local) return null;
  return { email: `${local}@${domain}`, local, domain, disposable: DISPOSABLE_DOMAINS.has(domain) };
}
