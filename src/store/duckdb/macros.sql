-- Helpers every DuckDB connection defines (temporary: nothing persisted in the case file).
-- Strict dotted quad (octets 0-255, no leading zeros, signs or spaces) → integer key, else NULL; same rule as
-- core/ip parseIpv4. The regex checks the text; one string_split gives all four octets (four split_part
-- calls cost twice as much). Doubles are exact here: every partial sum stays below 2^32.
CREATE OR REPLACE TEMP MACRO hoptrace_ip4(s) AS (
  CASE WHEN regexp_full_match(s, '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}')
  THEN list_dot_product(string_split(s, '.')::DOUBLE[], [16777216.0, 65536.0, 256.0, 1.0])::BIGINT END);
CREATE OR REPLACE TEMP MACRO hoptrace_private4(k) AS (
  (k BETWEEN 167772160 AND 184549375) OR (k BETWEEN 2886729728 AND 2887778303) OR (k BETWEEN 3232235520 AND 3232301055)
  OR (k BETWEEN 1681915904 AND 1686110207) OR (k BETWEEN 2130706432 AND 2147483647) OR (k BETWEEN 2851995648 AND 2852061183));
CREATE OR REPLACE TEMP MACRO hoptrace_ip_text(k) AS (
  CASE WHEN k >= 0 THEN concat_ws('.', (k // 16777216) % 256, (k // 65536) % 256, (k // 256) % 256, k % 256) END);
