import { describe, expect, it } from 'vitest';
import { boundedLevenshtein, jaroWinkler, phonetic } from './strings.ts';

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
  ])('%s ~ %s = %f', (a, b, v) => expect(jaroWinkler(a, b)).toBeCloseTo(v, 3));
});

describe('boundedLevenshtein', () => {
  it.each([
    ['kitten', 'sitting', 5, 3],
    ['19900102', '19900120', 2, 2],
    ['abc', 'abcdef', 1, 2],
  ])('%s → %s', (a, b, max, d) => expect(boundedLevenshtein(a, b, max)).toBe(d));
});

describe('phonetic', () => {
  it.each([
    ['robert', 'r163'], ['rupert', 'r163'], ['tarou', 'phonetic(taro)'], ['philips', 'phonetic(filips)'], ['ashcraft', 'a261'],
  ])('%s', (w, code) => {
    const want = code.startsWith('phonetic(') ? phonetic(code.slice(9, -1)) : code;
    expect(phonetic(w)).toBe(want);
  });
});

import { monotoneWeights } from './model.ts';

describe('monotoneWeights', () => {
  it.each([
    [[0.1, 0.2, 0.7], [0.9, 0.09, 0.01], [Math.log2(0.1 / 0.9), Math.log2(0.2 / 0.09), Math.log2(70)]],
    [[0.4, 0.006, 0.1, 0.5], [0.98, 1e-5, 0.015, 0.005], [Math.log2(0.4 / 0.98), Math.log2(0.106 / 0.01501), Math.log2(0.106 / 0.01501), Math.log2(100)]],
  ])('pools violators %#', (m, u, want) => {
    monotoneWeights(m, u).forEach((w, i) => expect(w).toBeCloseTo(want[i], 6));
  });
});
