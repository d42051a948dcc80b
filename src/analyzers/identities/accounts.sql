-- Every provider account with the normalised fields identity resolution compares.
SELECT provider, account_id, name, name_norm, email_norm, phone, address, postcode, birth_date, payment_fp,
       signup_ip, evidence_id
FROM accounts
ORDER BY provider, account_id
