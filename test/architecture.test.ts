// The layering of DESIGN §2: a layer imports only layers listed before it; analyzers never import each
// other; no import cycles between files. Type-only imports are erased at runtime and are allowed upward.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
const LAYERS = ['core', 'config', 'ingest', 'ledger', 'store', 'enrich', 'analyzers', 'sinks', 'sim', 'api', 'cli'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'fixtures' || n === 'node_modules' ? [] : files(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.testing.ts') ? [p] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) if (!m[2]) out.push(resolve(dirname(file), m[3]));
  for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]/g)) out.push(resolve(dirname(file), m[1]));
  return out.filter((p) => p.startsWith(SRC));
}

const layerOf = (p: string) => relative(SRC, p).split('/')[0];
const all = files(SRC);

describe('architecture', () => {
  it('every src folder is a known layer', () => {
    const unknown = [...new Set(all.map(layerOf))].filter((l) => !LAYERS.includes(l));
    expect(unknown).toEqual([]);
  });

  it('imports point only at earlier layers', () => {
    const bad: string[] = [];
    for (const f of all) {
      for (const target of runtimeImports(f)) {
        if (LAYERS.indexOf(layerOf(target)) > LAYERS.indexOf(layerOf(f))) bad.push(`${relative(SRC, f)} → ${relative(SRC, target)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('analyzers never import another analyzer', () => {
    const bad: string[] = [];
    for (const f of all.filter((p) => layerOf(p) === 'analyzers')) {
      const own = relative(SRC, f).split('/')[1];
      for (const t of runtimeImports(f)) {
        const parts = relative(SRC, t).split('/');
        if (parts[0] === 'analyzers' && parts.length > 2 && parts[1] !== own && !f.endsWith('registry.ts')) {
          bad.push(`${relative(SRC, f)} → ${relative(SRC, t)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(all.map((f) => [f, runtimeImports(f).filter((t) => all.includes(t))]));
    const state = new Map<string, number>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 2) return;
      if (state.get(f) === 1) { cycles.push([...stack.slice(stack.indexOf(f)), f].map((p) => relative(SRC, p)).join(' → ')); return; }
      state.set(f, 1);
      for (const t of graph.get(f) ?? []) visit(t, [...stack, f]);
      state.set(f, 2);
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
