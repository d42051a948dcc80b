import { describe, expect, it } from 'vitest';
import { KIND_DEFS, type Kind } from './kinds.ts';

function level(kind: Kind, a: string, b: string): number {
  const def = KIND_DEFS[kind];
  return def.compare(def.prepare(a), def.prepare(b));
}

describe('comparison kinds', () => {
  it.each<[Kind, string, string, number]>([
    ['name', 'Taro Yamada', 'yamada taro', 4],
    ['name', 'ヤマダ タロウ', 'yamada tarou', 4],
    ['name', 'やまだ たろう', 'Yamada Taro', 3],
    ['name', 'Jon Smith', 'John Smith', 3],
    ['name', 'Jonathan Smyth', 'Jonathon Smith', 3],
    ['name', 'J Smith', 'John Smith', 1],
    ['name', 'Katherine Lee', 'Kathryn Li', 3],
    ['name', 'Martha Jones', 'Marhta Jonas', 3],
    ['name', 'Alice Brown', 'Zed Quint', 0],
    ['date', '1990-01-02', '19900102', 3],
    ['date', '1990-01-02', '1990-02-01', 2],
    ['date', '1990-01-02', '1990-01-03', 2],
    ['date', '1990-01-02', '1990-07-15', 1],
    ['date', '02/01/1990', '1990-01-02', 3],
    ['date', '1990-01-02', '1971-05-30', 0],
    ['phone', '090-1234-5678', '+81 90 1234 5678', 3],
    ['phone', '090-1234-5678', '090-1234-5679', 2],
    ['email', 'a.b+x@gmail.com', 'ab@gmail.com', 3],
    ['email', 'shadow77@proton.me', 'shadow77@yandex.ru', 2],
    ['email', 'shadowfox77@proton.me', 'shadowfox78@yandex.ru', 1],
    ['email', 'k.yoshida82@mailbox.example', 'k.yoshida82.student@postbox.example', 1],
    ['email', 'jennifer.carter298@example.jp', 'jennifer.carter885@outlook.com', 0],
    ['ip', '198.51.100.7', '198.51.100.7', 2],
    ['ip', '198.51.100.7', '198.51.100.99', 1],
    ['ip', '198.51.100.7', '198.51.101.7', 0],
    ['address', '12 Herschell St, Killarney', 'Killarney, 12 Herschell Street', 3],
    ['address', '12 Herschell St, Killarney', '12 Herschell Street Lawrence', 2],
    ['postcode', '100-0001', '1000001', 2],
    ['postcode', '2611', '2612', 1],
    ['exact', 'TOK_1', 'tok_1', 1],
  ])('%s: %s vs %s → %i', (kind, a, b, want) => expect(level(kind, a, b)).toBe(want));
});
