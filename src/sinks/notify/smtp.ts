// Sends a written .eml over SMTP (nodemailer's raw mode: the bytes on the wire are the file's bytes).
export interface SmtpConfig { host: string; port: number; from: string; secure?: boolean; user?: string; pass?: string }

interface Transport { sendMail(m: unknown): Promise<{ accepted: unknown[]; rejected: unknown[]; response: string; messageId: string }>; close(): void }

export async function sendEml(cfg: SmtpConfig, eml: string, to: string[]): Promise<{ accepted: string[]; response: string }> {
  const nodemailer = (await import('nodemailer' as string)) as { default: { createTransport(o: unknown): Transport } };
  const transport = nodemailer.default.createTransport({
    host: cfg.host, port: cfg.port, secure: cfg.secure ?? false, ignoreTLS: !cfg.secure && (cfg.host === '127.0.0.1' || cfg.host === 'localhost'),
    ...(cfg.user ? { auth: { user: cfg.user, pass: cfg.pass ?? '' } } : {}), connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  });
  try {
    const r = await transport.sendMail({ envelope: { from: bareAddress(cfg.from), to: to.map(bareAddress) }, raw: eml });
    if (r.rejected.length) throw new Error(`SMTP ${cfg.host}:${cfg.port} rejected ${r.rejected.join(', ')}: ${r.response}`);
    return { accepted: r.accepted.map(String), response: r.response };
  } finally {
    transport.close();
  }
}

const bareAddress = (a: string) => /<([^>]+)>/.exec(a)?.[1] ?? a.trim();
