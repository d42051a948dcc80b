// A real SMTP server (smtp-server) on 127.0.0.1 that keeps every message it receives, for delivery tests.
import type { AddressInfo } from 'node:net';

export interface CapturedMessage { mailFrom: string; rcptTo: string[]; data: string }
export interface SmtpCapture { port: number; messages: CapturedMessage[]; close(): Promise<void> }

interface Session { envelope: { mailFrom: { address: string } | false; rcptTo: Array<{ address: string }> } }
interface Server { listen(port: number, host: string, cb: () => void): void; close(cb: () => void): void; server: { address(): AddressInfo } }

export async function startSmtp(): Promise<SmtpCapture> {
  const { SMTPServer } = (await import('smtp-server' as string)) as { SMTPServer: new (o: unknown) => Server };
  const messages: CapturedMessage[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream: NodeJS.ReadableStream, session: Session, done: (e?: Error) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({ mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', rcptTo: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: server.server.address().port, messages, close: () => new Promise<void>((ok) => server.close(ok)) };
}
