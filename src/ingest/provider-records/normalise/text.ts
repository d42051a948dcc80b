// Text normalisation for names and free text: NFKC (which also folds full-width Latin/digits and
// half-width katakana), lower-case, collapsed spaces, and a romanised form for kana.
import { isKanji, toRomaji } from 'wanakana';

/** NFKC + width folding + lower-case + single spaces. Keeps the script (kana stays kana). */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(/[\u3000\s]+/g, ' ').trim().toLowerCase();
}

const KANA = /[\u3040-\u30ff]/;
const KANJI = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasKana(text: string): boolean {
  return KANA.test(text);
}
export function hasKanji(text: string): boolean {
  return KANJI.test(text) || [...text].some((ch) => isKanji(ch));
}

/**
 * Latin form of a name: kana is romanised (Hepburn via wanakana, long vowels as written: "tarou"),
 * diacritics are stripped ("José" → "jose"). Kanji cannot be read without a dictionary (one kanji
 * name has several readings), so kanji runs are kept as they are: a kanji-only name matches only
 * kanji-written names, and the linkage relies on the other fields (or a kana reading column) there.
 */
export function romanise(text: string): string {
  const folded = foldText(text);
  const kanaRomanised = hasKana(folded) ? toRomaji(folded) : folded;
  return kanaRomanised
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[・･.,'’"-]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Folded name plus its romanised form when different, e.g. "やまだ たろう|yamada tarou". */
export function nameForms(text: string): { folded: string; latin: string } {
  const folded = foldText(text);
  return { folded, latin: romanise(folded) };
}
