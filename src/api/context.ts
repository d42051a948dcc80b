// What every route handler gets: the open case, the token directory, a per-role response cache and the
// PII values partners must never see.
import type { Case } from '../cli/case.ts';
import type { Store } from '../store/store.ts';
import type { FastifyReply } from 'fastify';
import { guardForPartner, piiValuesFrom, type PiiValues } from './redact.ts';
import { TokenDirectory, type ApiUser } from './users.ts';

/**
 * Per-key cache of computed views; concurrent requests for a missing key share one computation. Changes to
 * the case clear it (API writes, ChangeWatch). An entry older than the TTL is still served while its
 * replacement is computed in the background, so the age limit never stalls a request.
 */
export class ResponseCache {
  private entries = new Map<string, { value: Promise<unknown>; at: number; refreshing?: boolean }>();
  constructor(private readonly ttlMs: number) {}

  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.ttlMs > 0) {
      if (!hit.refreshing && Date.now() - hit.at >= this.ttlMs) this.refresh(key, hit, make);
      return hit.value as Promise<T>;
    }
    const value = make();
    const entry = { value, at: Date.now() };
    this.entries.set(key, entry);
    value.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
    return value;
  }

  private refresh(key: string, old: { refreshing?: boolean }, make: () => Promise<unknown>): void {
    old.refreshing = true;
    const value = make();
    value.then(() => { if (this.entries.get(key) === old) this.entries.set(key, { value, at: Date.now() }); }, () => { old.refreshing = false; });
  }

  clear(): void {
    this.entries.clear();
  }
}

export class ApiContext {
  readonly tokens: TokenDirectory;
  readonly cache: ResponseCache;
  private pii: { values: PiiValues; at: number } | null = null;
  lastVerify: unknown = null;

  constructor(readonly kase: Case, opts: { cacheTtlMs?: number } = {}) {
    this.tokens = new TokenDirectory(kase.store);
    // API writes clear the cache, ChangeWatch clears it on changes made elsewhere; the TTL is only a backstop.
    this.cache = new ResponseCache(opts.cacheTtlMs ?? 600_000);
  }

  get store(): Store {
    return this.kase.store;
  }

  /** Records a write or export in the hash-chained audit log and drops cached views it may change. */
  audit(user: ApiUser, action: string, object: string, detail?: Record<string, unknown>): void {
    this.kase.audit.record(`${user.name} (${user.role})`, action, object, detail);
    this.cache.clear();
  }

  /**
   * Replies with a cached, already serialised JSON body for this audience (the hot read paths, such as the
   * overview, skip re-serialising). Partners' bodies pass the partner guard before they are cached.
   */
  async sendCachedJson(reply: FastifyReply, user: ApiUser, key: string, make: () => Promise<unknown>): Promise<FastifyReply> {
    return reply.type('application/json; charset=utf-8').send(await this.cachedJson(user, key, make));
  }

  cachedJson(user: ApiUser, key: string, make: () => Promise<unknown>): Promise<string> {
    return this.cache.get(`json:${key}:${this.audienceKey(user)}`, async () => {
      const value = await make();
      return JSON.stringify(user.role === 'partner' ? guardForPartner(value, user, await this.piiValues()) : value);
    });
  }

  async piiValues(): Promise<PiiValues> {
    if (this.pii && Date.now() - this.pii.at < 60_000) return this.pii.values;
    const rows = await this.store.query<Record<string, unknown>>(
      'SELECT name, name_norm, email, email_norm, phone, address, payment_fp, postcode, birth_date FROM accounts');
    this.pii = { values: piiValuesFrom(rows), at: Date.now() };
    return this.pii.values;
  }

  /** Cache key that separates what different audiences may see. */
  audienceKey(user: ApiUser): string {
    return user.role === 'partner' ? `partner:${user.org}` : 'team';
  }
}
