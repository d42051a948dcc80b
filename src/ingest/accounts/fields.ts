import type { FieldSpec } from '../provider-records/columns.ts';

// Aliases seen in provider exports (English and Japanese); anything else is named with --map.
export const ACCOUNT_FIELDS: FieldSpec[] = [
  { name: 'provider', aliases: ['provider_name', '事業者'] },
  { name: 'account_id', required: true, aliases: ['account', 'customer_id', 'customer', 'user_id', '顧客id', '顧客番号', '会員id', '契約者id'] },
  { name: 'name', required: true, aliases: ['full_name', 'customer_name', 'holder', '契約者名', '氏名', '名前'] },
  { name: 'name_reading', aliases: ['reading', 'furigana', 'フリガナ', 'ふりがな', '氏名カナ', 'カナ'] },
  { name: 'email', aliases: ['mail', 'e_mail', 'email_address', 'メールアドレス', 'メール'] },
  { name: 'phone', aliases: ['tel', 'telephone', 'phone_number', 'mobile', '電話番号', '電話'] },
  { name: 'address', aliases: ['street', 'street_address', '住所'] },
  { name: 'postcode', aliases: ['zip', 'postal_code', 'zipcode', '郵便番号'] },
  { name: 'birth_date', aliases: ['dob', 'birthdate', 'date_of_birth', '生年月日'] },
  { name: 'payment_fp', aliases: ['payment_fingerprint', 'card_fingerprint', 'payment_token', '支払トークン'] },
  { name: 'signup_ip', aliases: ['registration_ip', '登録ip'] },
  { name: 'signup_ts', aliases: ['signup', 'created_at', 'registered_at', '登録日時', '契約日'] },
  { name: 'login_ips', aliases: [] },
  { name: 'notes', aliases: ['note', 'memo', '備考'] },
];
