// Buffered synchronous file writer: output order is program order, so bytes are deterministic.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const FLUSH_AT = 1 << 20;

export class FileSink {
  private readonly fd: number;
  private text = '';
  private parts: Buffer[] = [];
  private pending = 0;
  bytes = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(chunk: string | Buffer): void {
    if (typeof chunk === 'string') {
      this.text += chunk;
    } else {
      if (this.text) { this.parts.push(Buffer.from(this.text, 'utf8')); this.text = ''; }
      this.parts.push(chunk);
    }
    this.pending += chunk.length;
    if (this.pending >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.text) { this.parts.push(Buffer.from(this.text, 'utf8')); this.text = ''; }
    if (this.parts.length === 0) return;
    const buf = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts);
    writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
