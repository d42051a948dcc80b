-- Provider directory rows (time zone and contacts for reports and findings).
SELECT name, asn, country, abuse_contact, legal_contact, tz FROM providers ORDER BY name
