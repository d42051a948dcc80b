// Ledger.receive: the evidence copy holds the input's exact bytes, is named by their SHA-256, and the
// observer sees every byte in order; verify() catches a changed byte in the copy.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex as sha256 } from '../core/ids.ts';
import { mulberry32 } from '../core/random.ts';
import { tempDirsRemovedAfterAll } from '../core/temp-dirs.testing.ts';
import { Ledger, sha256File } from './ledger.ts';

function randomBytes(n: number, seed: number): Buffer {
  const rnd = mulberry32(seed);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (rnd() * 256) | 0;
  return b;
}

async function receiveAndCheck(ledger: Ledger, path: string, content: Buffer) {
  const seen: Buffer[] = [];
  const got = await ledger.receive(path, (chunk) => seen.push(Buffer.from(chunk)));
  expect(got.sha256).toBe(sha256(content));
  expect(got.bytes).toBe(content.length);
  expect(got.copy).toBe(join('evidence', got.sha256.slice(0, 2), `${got.sha256}-${path.split('/').pop()}`));
  expect(readFileSync(got.absCopy).equals(content)).toBe(true);
  expect(Buffer.concat(seen).equals(content)).toBe(true);
  return got;
}

const tempDir = tempDirsRemovedAfterAll('hoptrace-ledger-');
describe('Ledger.receive', () => {
  it.each([
    ['empty', 0],
    ['small', 1000],
    ['several read chunks', 9 * 1024 * 1024 + 17],
  ])('copies and hashes a %s file', async (_name, size) => {
    const dir = tempDir();
    const content = randomBytes(size, size + 1);
    writeFileSync(join(dir, 'in.bin'), content);
    const ledger = new Ledger(join(dir, 'case'));
    const got = await receiveAndCheck(ledger, join(dir, 'in.bin'), content);
    expect(await sha256File(got.absCopy)).toBe(got.sha256);
    expect(readdirSync(join(dir, 'case', 'evidence')).filter((n) => n.startsWith('.incoming'))).toEqual([]);
  });

  it('takes input that is not a regular file (a FIFO) through a stream copy', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.log');
    execFileSync('mkfifo', [fifo]);
    const content = randomBytes(300_000, 7);
    const writer = createWriteStream(fifo);
    writer.end(content);
    await receiveAndCheck(new Ledger(join(dir, 'case')), fifo, content);
  });

  it('leaves no temporary file behind when the input cannot be read', async () => {
    const dir = tempDir();
    await expect(new Ledger(join(dir, 'case')).receive(join(dir, 'missing.log'))).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(dir, 'case', 'evidence')) ? readdirSync(join(dir, 'case', 'evidence')) : []).toEqual([]);
  });

  it('verify names the received entry whose copy lost a byte', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.log'), 'one\ntwo\n');
    const ledger = new Ledger(join(dir, 'case'));
    const got = await ledger.receive(join(dir, 'a.log'));
    const entry = ledger.record({ action: 'received', sha256: got.sha256, name: 'a.log', bytes: got.bytes, copy: got.copy });
    expect(await ledger.verify()).toMatchObject({ ok: true, files: 1 });
    writeFileSync(got.absCopy, 'one\ntwX\n');
    expect(await ledger.verify()).toMatchObject({ ok: false, seq: entry.seq, reason: expect.stringContaining('sha256') });
  });
});
