import { describe, expect, it } from 'vitest';
import { buildIdentities, type AccountRec } from './identities.ts';
import { Rng } from './random.ts';

const STRONG: Array<keyof AccountRec> = ['payment_fp', 'phone', 'signup_ip', 'email', 'address', 'name', 'birth_date'];
const norm = (k: keyof AccountRec, a: AccountRec) => String(a[k]).replace(/[^0-9a-z]/gi, '').toLowerCase();

describe('false identities', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: each renter's accounts are linked through shared strong traits, never identical on all`, () => {
      const { accounts, persons } = buildIdentities(new Rng(seed, 'ids'), ['hanami', 'kumo', 'pacific', 'harbour'], ['hanami', 'kumo'], '192.0.2.50');
      for (const p of persons.filter((x) => !x.decoy)) {
        const mine = accounts.filter((a) => a.person === p.id);
        expect(mine.length).toBeGreaterThan(1);
        const linked = new Set([0]);
        for (let grow = true; grow;) {
          grow = false;
          for (let i = 0; i < mine.length; i++) for (const j of [...linked]) {
            if (linked.has(i)) continue;
            if (['payment_fp', 'phone', 'signup_ip'].some((k) => norm(k as keyof AccountRec, mine[i]) === norm(k as keyof AccountRec, mine[j]))) { linked.add(i); grow = true; }
          }
        }
        expect(linked.size, `${p.id} accounts connected by payment/phone/signup IP`).toBe(mine.length);
        for (let i = 0; i < mine.length; i++) for (let j = i + 1; j < mine.length; j++) {
          expect(STRONG.every((k) => norm(k, mine[i]) === norm(k, mine[j])), `${p.id} ${i}/${j} share everything`).toBe(false);
        }
      }
      const decoys = accounts.filter((a) => a.kind === 'decoy');
      expect(decoys.length).toBeGreaterThan(2);
      const renters = accounts.filter((a) => a.kind === 'renter');
      for (const d of decoys) {
        const shared = Math.max(...renters.map((r) => STRONG.filter((k) => norm(k, r) === norm(k, d)).length));
        expect(shared).toBeLessThanOrEqual(2);
      }
    });
  }
});
