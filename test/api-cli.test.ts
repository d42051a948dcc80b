// `hoptrace user add` prints a token once and stores only its hash; `hoptrace serve` binds 127.0.0.1 and
// answers with that token.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase } from './fixtures/build-case.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'hoptrace.js');
let dir: string;
let caseDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hoptrace-cli-'));
  caseDir = join(dir, 'case');
  const fx = await buildCase(caseDir);
  await fx.kase.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('hoptrace user / serve', () => {
  it('adds a user, prints the token once, keeps only a hash', () => {
    const r = run('user', 'add', 'carol', '--role', 'analyst', '--case', caseDir);
    expect(r.status, r.stderr).toBe(0);
    const token = r.stdout.trim();
    expect(token).toMatch(/^ht_[A-Za-z0-9_-]{43}$/);
    expect(r.stderr).toContain('shown only once');
    const list = run('user', 'list', '--case', caseDir);
    expect(list.stdout).toContain('carol\tanalyst');
    expect(list.stdout).not.toContain(token);
    expect(readFileSync(join(caseDir, 'audit.jsonl'), 'utf8')).not.toContain(token);
  });

  it.each([
    [['user', 'add', 'dave', '--role', 'root'], /role 'root' must be one of/],
    [['user', 'add', 'erin', '--role', 'partner'], /needs --org/],
    [['user', 'add', 'carol', '--role', 'admin'], /already exists/],
  ])('refuses %j with exit 2', (args, msg) => {
    const r = run(...(args as string[]), '--case', caseDir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(msg as RegExp);
  });

  it('serves on 127.0.0.1 and answers the new token', async () => {
    const token = run('user', 'add', 'frank', '--role', 'admin', '--case', caseDir).stdout.trim();
    const server = spawn(process.execPath, [BIN, 'serve', '--case', caseDir, '--port', '0', '--no-ui'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (d) => { out += d; const m = /API:\s+(http:\/\/[^/\s]+)\/api\//.exec(out); if (m) resolve(m[1]); });
        server.on('exit', (c) => reject(new Error(`serve exited ${c}`)));
      });
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(200);
      expect((await me.json()).name).toBe('frank');
      expect((await fetch(`${base}/api/me`)).status).toBe(401);
      const locked = run('user', 'add', 'gina', '--role', 'admin', '--case', caseDir);
      expect(locked.status).toBe(2);
      expect(locked.stderr).toMatch(/open in another process|POST \/api\/users/);
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});
