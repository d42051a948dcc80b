// Generated person records with planted duplicates (typos, swapped names, transposed dates, missing
// values, plus-tagged emails) for tests and the scaling benchmark. Deterministic by seed.
import { mulberry32 } from '../../../core/random.ts';
import type { FieldSpec, InputRecord } from './prepared.ts';

const GIVEN = ('james mary robert patricia john jennifer michael linda david elizabeth william barbara richard susan joseph '
  + 'jessica thomas sarah charles karen christopher lisa daniel nancy matthew betty anthony margaret mark sandra donald '
  + 'ashley steven kimberly paul emily andrew donna joshua michelle kenneth carol kevin amanda brian melissa george deborah '
  + 'taro hanako yuki haruto yui sota aoi ren mei kenji akiko hiroshi naoko takumi sakura daiki emi shota misaki ryota '
  + 'olga ivan dmitri anna sergei elena pierre marie hans greta luca giulia carlos lucia ahmed fatima wei li min jun').split(' ');
const FAMILY = ('smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson '
  + 'anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker '
  + 'young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter '
  + 'roberts sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi '
  + 'matsumoto inoue kimura hayashi shimizu ivanov petrov smirnov muller schmidt schneider fischer weber rossi russo '
  + 'ferrari dubois moreau laurent wang zhang liu chen yang huang zhao wu zhou kowalski novak horvat jensen nielsen').split(' ');
const STREETS = 'oak maple pine cedar elm high church station park mill river hill king queen north south west lake'.split(' ');
const TYPES = 'street road avenue lane drive court place crescent'.split(' ');
const DOMAINS = 'gmail.com yahoo.com outlook.com proton.me mail.ru qq.com example.jp'.split(' ');

export const SYNTHETIC_FIELDS: FieldSpec[] = [
  { column: 'given', kind: 'given' }, { column: 'surname', kind: 'surname' }, { column: 'dob', kind: 'date' },
  { column: 'address', kind: 'address' }, { column: 'postcode', kind: 'postcode' }, { column: 'phone', kind: 'phone' },
  { column: 'email', kind: 'email' },
];

export interface Synthetic { records: InputRecord[]; entityOf: Map<string, number> }

export function generatePeople(n: number, seed = 7, dupRate = 0.3): Synthetic {
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const digits = (k: number) => Array.from({ length: k }, () => Math.floor(rand() * 10)).join('');
  const records: InputRecord[] = [];
  const entityOf = new Map<string, number>();
  let entity = 0;
  while (records.length < n) {
    const given = pick(GIVEN);
    const surname = pick(FAMILY);
    const y = 1940 + Math.floor(rand() * 65);
    const base: Record<string, string> = {
      given, surname,
      dob: `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      address: `${1 + Math.floor(rand() * 300)} ${pick(STREETS)} ${pick(TYPES)}`,
      postcode: digits(5),
      phone: `090-${digits(4)}-${digits(4)}`,
      email: `${given}.${surname}${digits(3)}@${pick(DOMAINS)}`,
    };
    const copies = rand() < dupRate ? 1 + Math.floor(rand() * 3) : 0;
    for (let c = 0; c <= copies && records.length < n; c++) {
      const id = `e${entity}-r${c}`;
      records.push({ id, values: c === 0 ? base : corrupt(base, rand) });
      entityOf.set(id, entity);
    }
    entity++;
  }
  return { records, entityOf };
}

function typo(s: string, rand: () => number): string {
  if (s.length < 3) return s;
  const i = 1 + Math.floor(rand() * (s.length - 2));
  const r = rand();
  if (r < 0.33) return s.slice(0, i) + s.slice(i + 1);
  if (r < 0.66) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return s.slice(0, i) + 'aeiou'[Math.floor(rand() * 5)] + s.slice(i + 1);
}

function corrupt(base: Record<string, string>, rand: () => number): Record<string, string> {
  const v = { ...base };
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const r = rand();
    if (r < 0.2) v.given = typo(v.given, rand);
    else if (r < 0.35) v.surname = typo(v.surname, rand);
    else if (r < 0.42) [v.given, v.surname] = [v.surname, v.given];
    else if (r < 0.52) v.dob = v.dob.slice(0, 5) + v.dob.slice(8, 10) + '-' + v.dob.slice(5, 7);
    else if (r < 0.62) v.phone = '';
    else if (r < 0.72) v.email = v.email.replace('@', '+vps@');
    else if (r < 0.8) v.email = '';
    else if (r < 0.9) v.address = typo(v.address, rand);
    else v.postcode = '';
  }
  return v;
}
