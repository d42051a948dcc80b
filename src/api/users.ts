// API users: a random 256-bit token is shown once at creation; only its SHA-256 is stored (users table).
import { randomBytes } from 'node:crypto';
import { sha256Hex, uuidv5 } from '../core/ids.ts';
import type { Store } from '../store/store.ts';

export const ROLES = ['admin', 'analyst', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiUser { id: string; name: string; role: Role; org: string | null }

export function hashToken(token: string): string {
  return sha256Hex(`hoptrace-token|${token}`);
}

export function newToken(): string {
  return `ht_${randomBytes(32).toString('base64url')}`;
}

export class UserInputError extends Error {}

export async function createUser(store: Store, u: { name: string; role: string; org?: string | null }): Promise<{ user: ApiUser; token: string }> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(u.name)) throw new UserInputError(`user name '${u.name}' must be 1-64 letters, digits, . _ @ -`);
  if (!(ROLES as readonly string[]).includes(u.role)) throw new UserInputError(`role '${u.role}' must be one of ${ROLES.join(', ')}`);
  if (u.role === 'partner' && !u.org) throw new UserInputError('a partner needs --org ORG (the organisation it belongs to)');
  const taken = await store.query<{ n: number }>('SELECT count(*) AS n FROM users WHERE name = $name', { name: u.name });
  if (taken[0].n > 0) throw new UserInputError(`user '${u.name}' already exists`);
  const token = newToken();
  const user: ApiUser = { id: uuidv5(`user|${u.name}|${Date.now()}|${token.slice(-6)}`), name: u.name, role: u.role as Role, org: u.org ?? null };
  await store.append('users', [{ ...user, token_hash: hashToken(token), created_at: Date.now() / 1000 }]);
  return { user, token };
}

export async function listUsers(store: Store): Promise<Array<ApiUser & { created_at: number }>> {
  return store.query('SELECT id, name, role, org, created_at FROM users ORDER BY created_at, name');
}

/** Looks tokens up by hash; caches hits and misses briefly so a flood of bad tokens stays cheap. */
export class TokenDirectory {
  private cache = new Map<string, { user: ApiUser | null; at: number }>();
  constructor(private readonly store: Store, private readonly ttlMs = 30_000) {}

  async lookup(token: string): Promise<ApiUser | null> {
    if (token.length < 8 || token.length > 200) return null;
    const h = hashToken(token);
    const hit = this.cache.get(h);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.user;
    const rows = await this.store.query<ApiUser>('SELECT id, name, role, org FROM users WHERE token_hash = $h', { h });
    const user = rows[0] ? { id: rows[0].id, name: rows[0].name, role: rows[0].role, org: rows[0].org ?? null } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(h, { user, at: Date.now() });
    return user;
  }

  forget(): void {
    this.cache.clear();
  }
}
