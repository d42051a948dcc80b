// Japanese name pools with kanji, kana and the Latin spellings people actually use (Hepburn and variants).

export interface NamePart { kanji: string; kana: string; latin: string[] }

export const SURNAMES: NamePart[] = [
  { kanji: '佐藤', kana: 'サトウ', latin: ['Sato', 'Satou', 'Satoh'] },
  { kanji: '鈴木', kana: 'スズキ', latin: ['Suzuki'] },
  { kanji: '高橋', kana: 'タカハシ', latin: ['Takahashi'] },
  { kanji: '田中', kana: 'タナカ', latin: ['Tanaka'] },
  { kanji: '伊藤', kana: 'イトウ', latin: ['Ito', 'Itou', 'Itoh'] },
  { kanji: '渡辺', kana: 'ワタナベ', latin: ['Watanabe'] },
  { kanji: '山本', kana: 'ヤマモト', latin: ['Yamamoto'] },
  { kanji: '中村', kana: 'ナカムラ', latin: ['Nakamura'] },
  { kanji: '小林', kana: 'コバヤシ', latin: ['Kobayashi'] },
  { kanji: '加藤', kana: 'カトウ', latin: ['Kato', 'Katou', 'Katoh'] },
  { kanji: '吉田', kana: 'ヨシダ', latin: ['Yoshida'] },
  { kanji: '山田', kana: 'ヤマダ', latin: ['Yamada'] },
  { kanji: '大野', kana: 'オオノ', latin: ['Ono', 'Oono', 'Ohno'] },
];

export const GIVEN: NamePart[] = [
  { kanji: '健一', kana: 'ケンイチ', latin: ['Kenichi', "Ken'ichi"] },
  { kanji: '大輔', kana: 'ダイスケ', latin: ['Daisuke'] },
  { kanji: '翔太', kana: 'ショウタ', latin: ['Shota', 'Shouta'] },
  { kanji: '美咲', kana: 'ミサキ', latin: ['Misaki'] },
  { kanji: '陽子', kana: 'ヨウコ', latin: ['Yoko', 'Youko'] },
  { kanji: '拓也', kana: 'タクヤ', latin: ['Takuya'] },
  { kanji: '直樹', kana: 'ナオキ', latin: ['Naoki'] },
  { kanji: '裕子', kana: 'ユウコ', latin: ['Yuko', 'Yuuko'] },
  { kanji: '浩', kana: 'ヒロシ', latin: ['Hiroshi'] },
  { kanji: '恵', kana: 'メグミ', latin: ['Megumi'] },
  { kanji: '誠', kana: 'マコト', latin: ['Makoto'] },
  { kanji: '淳', kana: 'ジュン', latin: ['Jun'] },
];

export type NameForm = 'kanji' | 'kana' | 'latin-family-first' | 'latin-given-first';

export function renderName(sur: NamePart, given: NamePart, form: NameForm, variant = 0): string {
  const ls = sur.latin[variant % sur.latin.length];
  const lg = given.latin[variant % given.latin.length];
  switch (form) {
    case 'kanji': return `${sur.kanji} ${given.kanji}`;
    case 'kana': return `${sur.kana} ${given.kana}`;
    case 'latin-family-first': return `${ls.toUpperCase()} ${lg}`;
    case 'latin-given-first': return `${lg} ${ls}`;
  }
}

export const BUILDINGS = [
  { ja: '東京都新宿区西新宿3-2-11 パークビル', en: '3-2-11 Nishi-Shinjuku, Shinjuku-ku, Tokyo, Park Bldg', postcode: '160-0023' },
  { ja: '東京都港区芝浦1-7-4 ベイハイツ', en: '1-7-4 Shibaura, Minato-ku, Tokyo, Bay Heights', postcode: '108-0023' },
  { ja: '大阪府大阪市北区梅田2-5-8 グランメゾン', en: '2-5-8 Umeda, Kita-ku, Osaka, Grand Maison', postcode: '530-0001' },
  { ja: '福岡県福岡市博多区博多駅前4-1-9 サンコーポ', en: '4-1-9 Hakataekimae, Hakata-ku, Fukuoka, Sun Corp', postcode: '812-0011' },
  { ja: '神奈川県横浜市西区高島2-12-6 ハーバーレジデンス', en: '2-12-6 Takashima, Nishi-ku, Yokohama, Harbor Residence', postcode: '220-0011' },
  { ja: '京都府京都市左京区吉田本町36 学生会館', en: '36 Yoshida-Honmachi, Sakyo-ku, Kyoto, Student Hall', postcode: '606-8501' },
];

export const FREEMAIL = ['freemail.example', 'mailbox.example', 'postbox.example', 'webmail.example'];
