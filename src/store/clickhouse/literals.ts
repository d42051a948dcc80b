// The ONE place where values become ClickHouse SQL text. ClickHouse 18.16 has no query parameters, so
// `$name` placeholders are replaced by escaped literals here and nowhere else. Placeholders inside string
// literals, quoted identifiers and comments are left alone; an unknown or missing parameter is an error.
import type { Params } from '../store.ts';

type Value = Params[string];

/** A string literal: every byte that could end or bend the literal is escaped. */
export function stringLiteral(s: string): string {
  let out = "'";
  for (const ch of s) {
    switch (ch) {
      case '\\': out += '\\\\'; break;
      case "'": out += "\\'"; break;
      case '\0': out += '\\0'; break;
      case '\n': out += '\\n'; break;
      case '\r': out += '\\r'; break;
      case '\t': out += '\\t'; break;
      case '\b': out += '\\b'; break;
      case '\f': out += '\\f'; break;
      default: {
        const code = ch.codePointAt(0)!;
        // Other control bytes as \xHH; lone surrogates cannot be sent as UTF-8, so they are refused.
        if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
        else if (code >= 0xd800 && code <= 0xdfff) throw new Error('string parameter holds a lone UTF-16 surrogate');
        else out += ch;
      }
    }
  }
  return `${out}'`;
}

/**
 * A number. Negative scalars are parenthesised so that `x - $p` never becomes `x --5` (a comment); inside
 * an array literal they are not (`[1, -5]` is unambiguous), because 18.16 turns `(-5)` into a function call
 * and parses a 30,000-element array of them in minutes instead of milliseconds.
 */
export function numberLiteral(n: number, inArray = false): string {
  if (!Number.isFinite(n)) throw new Error(`numeric parameter must be finite, got ${n}`);
  const text = Object.is(n, -0) ? '0' : String(n);
  return n < 0 && !inArray ? `(${text})` : text;
}

export function literal(v: Value): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return numberLiteral(v);
  if (typeof v === 'string') return stringLiteral(v);
  if (Array.isArray(v)) {
    return `[${(v as Array<string | number>).map((x) => {
      if (typeof x === 'string') return stringLiteral(x);
      if (typeof x === 'number') return numberLiteral(x, true);
      throw new Error(`array parameter elements must be strings or numbers, got ${x === null ? 'null' : typeof x}`);
    }).join(', ')}]`;
  }
  throw new Error(`unsupported parameter type ${typeof v}`);
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Replaces `$name` placeholders outside literals/identifiers/comments with escaped literals. */
export function bindParams(sql: string, params: Params = {}): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = quotedEnd(sql, i);
      out += sql.slice(i, end);
      i = end;
    } else if (ch === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      const end = nl < 0 ? sql.length : nl;
      out += sql.slice(i, end);
      i = end;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      if (close < 0) throw new Error('unterminated /* comment in SQL');
      out += sql.slice(i, close + 2);
      i = close + 2;
    } else if (ch === '$') {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(sql);
      if (!m) throw new Error(`stray '$' at offset ${i} in SQL`);
      const name = m[0];
      if (!Object.prototype.hasOwnProperty.call(params, name)) throw new Error(`SQL parameter $${name} has no value`);
      out += literal(params[name]);
      i += 1 + name.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** Index just past the quoted token starting at `start` (backslash escapes and doubled quotes). */
function quotedEnd(sql: string, start: number): number {
  const q = sql[start];
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\') { i += 2; continue; }
    if (sql[i] === q) {
      if (sql[i + 1] === q) { i += 2; continue; }
      return i + 1;
    }
    i++;
  }
  throw new Error(`unterminated ${q} quote in SQL at offset ${start}`);
}
