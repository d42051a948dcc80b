-- Provider directory rows used to address each request letter.
SELECT name, asn, country, abuse_contact, legal_contact, tz FROM providers ORDER BY name
