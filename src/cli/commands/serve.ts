// hoptrace serve --case DIR [--port P] [--host 127.0.0.1] — API, TAXII and the web UI of one case.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError } from '../../core/errors.ts';
import { buildServer } from '../../api/server.ts';
import { warmUp } from '../../api/warm.ts';
import { openCase } from '../case.ts';

const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));
export const WEB_DIST = `${WEB_ROOT}dist`;

/** Builds web/dist with Vite when it is missing or older than a file under web/src or web/index.html. */
export async function ensureWebBuilt(log: (s: string) => void = (s) => process.stderr.write(s)): Promise<string> {
  const built = `${WEB_DIST}/index.html`;
  if (existsSync(built) && newestSource(WEB_ROOT) <= statSync(built).mtimeMs) return WEB_DIST;
  log('building the web UI (`npm run build:web` does the same)…\n');
  const { build } = await import('vite');
  await build({ configFile: `${WEB_ROOT}vite.config.ts`, logLevel: 'warn' });
  return WEB_DIST;
}

function newestSource(webRoot: string): number {
  let newest = statSync(join(webRoot, 'index.html')).mtimeMs;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(webRoot, 'src'));
  return newest;
}

export function register(program: Command): void {
  program.command('serve')
    .description('serve the HTTP API, TAXII 2.1 and the investigator web UI of a case')
    .requiredOption('--case <dir>', 'case directory')
    .option('--port <n>', 'TCP port (0 = any free port)', (v) => Number.parseInt(v, 10), 8470)
    .option('--host <addr>', 'address to bind; keep 127.0.0.1 unless a reverse proxy with TLS fronts it', '127.0.0.1')
    .option('--no-ui', 'API and TAXII only')
    .action((o: ServeOptions) => serveCase(o));
}

export interface ServeOptions { case: string; port: number; host: string; ui: boolean }

/** Serves a case until SIGINT/SIGTERM (also the last step of `hoptrace demo`). */
export async function serveCase(o: ServeOptions): Promise<void> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new InputError(`--port ${o.port} is not a TCP port`);
  const webDist = o.ui ? await ensureWebBuilt() : undefined;
  const kase = await openCase(o.case);
  const users = await kase.store.count('users');
  const { app, ctx } = await buildServer(kase, { webDist });
  const address = await app.listen({ port: o.port, host: o.host });
  warmUp(ctx).then((s) => { if (s > 1) process.stderr.write(`caches warmed in ${s.toFixed(1)} s\n`); },
    (e: Error) => process.stderr.write(`cache warm-up failed (requests will compute on demand): ${e.message}\n`));
  process.stdout.write(`hoptrace serving ${kase.dir}\n  UI:      ${address}/\n  API:     ${address}/api/ (OpenAPI: ${address}/api/openapi.json)\n  TAXII:   ${address}/taxii2/\n`);
  if (users === 0) process.stdout.write(`  no users yet: stop the server and run 'hoptrace user add NAME --role admin --case ${o.case}' for a sign-in token\n`);
  if (o.host !== '127.0.0.1' && o.host !== 'localhost' && o.host !== '::1') process.stderr.write(`warning: listening on ${o.host} without TLS; put a TLS proxy in front\n`);
  process.stdout.write('  press Ctrl-C to stop\n');
  await new Promise<void>((resolve) => {
    const stop = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); resolve(); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await app.close();
  await kase.close();
}
