// Field-by-field agreement inside an identity cluster: for each field, which accounts share a value.
export const IDENTITY_FIELDS = ['name_norm', 'email_norm', 'phone', 'address', 'postcode', 'birth_date', 'payment_fp', 'signup_ip'] as const;

export interface FieldAgreement {
  field: string;
  /** Groups of accounts (indexes into the account list) that share one value; singletons are left out. */
  groups: Array<{ value: string; accounts: number[] }>;
  /** Share of accounts that agree with at least one other account on this field. */
  agreement: number;
}

export function fieldAgreement(accounts: Array<Record<string, unknown>>, fields: readonly string[] = IDENTITY_FIELDS): FieldAgreement[] {
  return fields.map((field) => {
    const byValue = new Map<string, number[]>();
    accounts.forEach((a, i) => {
      const v = a[field];
      if (v == null || String(v).trim() === '') return;
      const key = String(v).trim().toLowerCase();
      byValue.set(key, [...(byValue.get(key) ?? []), i]);
    });
    const groups = [...byValue.entries()].filter(([, ids]) => ids.length > 1).map(([value, ids]) => ({ value, accounts: ids }));
    const agreeing = new Set(groups.flatMap((g) => g.accounts)).size;
    return { field, groups, agreement: accounts.length ? agreeing / accounts.length : 0 };
  });
}
