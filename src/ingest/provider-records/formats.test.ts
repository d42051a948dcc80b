import { describe, expect, it } from 'vitest';
import { accountsFormat } from '../accounts/format.ts';
import { leasesFormat } from '../leases/format.ts';
import { loginsFormat } from '../logins/format.ts';
import { providersFormat } from '../providers/format.ts';
import { WrongFormatError } from '../contract.ts';
import { parseText } from './testing.ts';

const JP_ACCOUNTS = '\uFEFF顧客番号,契約者名,フリガナ,メール,電話番号,住所,生年月日,支払トークン\n'
  + 'C-1,山田 太郎,ヤマダ タロウ,Taro.Yamada+vps@gmail.com,090-1234-5678,"東京都千代田区1丁目2番地3号, ""A"" 棟",1990年1月2日,tok_abc\n'
  + 'C-2,"Smith, John",,john@mailinator.com,03-1111-2222,"12 High St.\nLondon",1985-02-30,tok_x\n';

describe('accounts', () => {
  it('maps Japanese headers, keeps romanised names, normalises, rejects impossible dates', async () => {
    const [b] = await parseText(accountsFormat, JP_ACCOUNTS, { provider: 'sakura', tz: 'Asia/Tokyo' });
    expect(b.read).toBe(2);
    expect(b.rejects).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('1985-02-30') })]);
    expect(b.rows.accounts).toEqual([expect.objectContaining({
      provider: 'sakura', account_id: 'C-1', name: '山田 太郎', name_norm: 'yamada tarou',
      email_norm: 'taroyamada@gmail.com', phone: '+819012345678', birth_date: '1990-01-02', payment_fp: 'tok_abc',
    })]);
    expect(String(b.rows.accounts![0].address)).toContain('東京都千代田区');
  });

  it('flags disposable email domains in notes', async () => {
    const csv = 'account_id,name,email\nA1,Jo,x@yopmail.com\n';
    const [b] = await parseText(accountsFormat, csv, { provider: 'p' });
    expect(b.rows.accounts![0].notes).toContain('disposable-email-domain');
  });

  it('refuses the whole file when a raw card number appears, naming the row', async () => {
    const csv = 'account_id,name,card\nA1,Jo,tok_1\nA2,Al,4111 1111 1111 1111\n';
    await expect(parseText(accountsFormat, csv, { provider: 'p', map: { card: 'payment_fp' } }))
      .rejects.toThrow(/row 3: payment_fp holds what looks like a raw card number/);
  });

  it('refuses --map naming a column the file lacks, or a field that does not exist', async () => {
    const csv = 'id,holder\nA1,Jo\n';
    await expect(parseText(accountsFormat, csv, { provider: 'p', map: { cust: 'account_id' } })).rejects.toThrow(WrongFormatError);
    await expect(parseText(accountsFormat, csv, { provider: 'p', map: { id: 'acct' } })).rejects.toThrow(/not a accounts field/);
  });

  it('refuses a file lacking required columns', async () => {
    await expect(parseText(accountsFormat, 'foo,bar\n1,2\n', { provider: 'p' })).rejects.toThrow(/lacks required column/);
  });

  it('reads JSON arrays', async () => {
    const json = JSON.stringify([{ customer_id: 'A', full_name: 'Ｊｏｈｎ', tel: '+1 415 555 2671' }]);
    const [b] = await parseText(accountsFormat, json, { provider: 'p' });
    expect(b.rows.accounts![0]).toMatchObject({ account_id: 'A', name_norm: 'john', phone: '+14155552671' });
  });
});

describe('leases', () => {
  it('converts provider-local JST to UTC, keeps open leases, rejects bad rows with line numbers', async () => {
    const csv = 'IPアドレス,利用開始,利用終了,契約者ID,サーバー\n'
      + '203.0.113.5,2024-03-01 09:00:00,2024-03-10 09:00:00,C-1,vps-1\n'
      + '203.0.113.5,2024-03-10 09:00:01,,C-2,vps-1\n'
      + '203.0.113.6,2024-02-30 00:00:00,,C-3,vps-2\n'
      + '203.0.113.7,2024-03-05 00:00:00,2024-03-01 00:00:00,C-3,vps-2\n'
      + 'not-an-ip,2024-03-05 00:00:00,,C-3,vps-2\n';
    const [b] = await parseText(leasesFormat, csv, { provider: 'sakura', tz: 'Asia/Tokyo' });
    expect(b.read).toBe(5);
    expect(b.rows.leases).toEqual([
      { provider: 'sakura', ip: '203.0.113.5', start: Date.UTC(2024, 2, 1, 0) / 1000, end: Date.UTC(2024, 2, 10, 0) / 1000, account_id: 'C-1', server_id: 'vps-1' },
      { provider: 'sakura', ip: '203.0.113.5', start: Date.UTC(2024, 2, 10, 0, 0, 1) / 1000, end: null, account_id: 'C-2', server_id: 'vps-1' },
    ]);
    expect(b.rejects.map((r) => [r.line, r.reason.split(' ')[0]])).toEqual([[4, 'start'], [5, 'end'], [6, 'ip']]);
  });

  it('sniffs its own header', () => {
    expect(leasesFormat.sniff(Buffer.from('ip,start,end,account_id\n'), 'x.csv')).toBeGreaterThan(0.5);
    expect(accountsFormat.sniff(Buffer.from('ip,start,end,account_id\n'), 'x.csv')).toBe(0);
  });
});

describe('logins and providers', () => {
  it('reads NDJSON logins with offsets in the text', async () => {
    const nd = '{"user":"C-1","time":"2024-03-01T10:00:00+09:00","src_ip":"198.51.100.9","event":"login"}\n{"user":"C-1"}\n';
    const [b] = await parseText(loginsFormat, nd, { provider: 'p', tz: 'UTC' });
    expect(b.rows.logins).toEqual([{ provider: 'p', account_id: 'C-1', ts: Date.UTC(2024, 2, 1, 1) / 1000, ip: '198.51.100.9', action: 'login' }]);
    expect(b.rejects[0]).toMatchObject({ line: 2 });
  });

  it('reads a provider directory', async () => {
    const [b] = await parseText(providersFormat, 'asn,name,country,abuse,tz\nAS9370,Sakura Internet,jp,abuse@example.jp,Asia/Tokyo\nx,Bad,,,\n');
    expect(b.rows.providers).toEqual([{ asn: 9370, name: 'Sakura Internet', country: 'JP', abuse_contact: 'abuse@example.jp', legal_contact: null, tz: 'Asia/Tokyo' }]);
    expect(b.rejects).toHaveLength(1);
  });
});
