-- Text output under regionpolicy.display_unit, and the round trip: every
-- output re-reads as the same value under every setting.  doc/regionpolicy.md, "Output".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(38);

-- The setting
SELECT is(current_setting('regionpolicy.display_unit'), '억', 'the default display unit is 억');
SELECT is((SELECT enumvals FROM pg_settings WHERE name = 'regionpolicy.display_unit'),
		  ARRAY['억', 'eok', '원', 'won', 'korean', 'en'], 'the display units are 억, eok, 원, won, korean, en');
SELECT throws_ok($$SET LOCAL regionpolicy.display_unit = 'dollars'$$, '22023', NULL,
				 'an unknown display unit is refused');
-- MarkGUCPrefixReserved() is new in PostgreSQL 15; before, a misspelt
-- setting is only warned about when the library loads.  The regionpolicy
-- library reserves the prefix (the funding library alone does not).
LOAD 'regionpolicy';
SELECT CASE WHEN current_setting('server_version_num')::int >= 150000
	THEN throws_ok($$SET LOCAL regionpolicy.no_such_setting = 1$$, '42602', NULL,
				   'the regionpolicy prefix is reserved: typos are caught')
	ELSE skip('reserving the regionpolicy prefix needs PostgreSQL 15', 1) END;

-- The documented table
SET LOCAL regionpolicy.display_unit = '억';
SELECT is('(929억,433억)'::funding::text, '(929억,433억,1362억)', '억: (929억,433억)');
SELECT is('(259.1억,0,259.1억)'::funding::text, '(259.1억,0억,259.1억)', '억: (259.1억,0,259.1억)');
SET LOCAL regionpolicy.display_unit = 'eok';
SELECT is('(929억,433억)'::funding::text, '(929억,433억,1362억)', 'eok is 억');
SET LOCAL regionpolicy.display_unit = '원';
SELECT is('(929억,433억)'::funding::text, '(92900000000,43300000000,136200000000)', '원: (929억,433억)');
SELECT is('(259.1억,0,259.1억)'::funding::text, '(25910000000,0,25910000000)', '원: (259.1억,0,259.1억)');
SET LOCAL regionpolicy.display_unit = 'won';
SELECT is('(929억,433억)'::funding::text, '(92900000000,43300000000,136200000000)', 'won is 원');
SET LOCAL regionpolicy.display_unit = 'korean';
SELECT is('(929억,433억)'::funding::text, '(929억,433억,1362억)', 'korean: (929억,433억)');
SELECT is('(259.1억,0,259.1억)'::funding::text, '(259억 1000만,0원,259억 1000만)', 'korean: (259.1억,0,259.1억)');
SELECT is('(1억 2345만 6789원,-5천원)'::funding::text, '(1억 2345만 6789원,-5000원,1억 2345만 1789원)',
		  'korean: the last group carries 원');
SELECT is('(65.2조,1원)'::funding::text, '(65조 2000억,1원,65조 2000억 1원)', 'korean: 조');
SELECT is('(-9223372036854775808,0)'::funding::text,
		  '(-9223372조 368억 5477만 5808원,0원,-9223372조 368억 5477만 5808원)', 'korean: INT64_MIN');
SET LOCAL regionpolicy.display_unit = 'en';
SELECT is('(929억,433억)'::funding::text, '(92.9 billion won,43.3 billion won,136.2 billion won)', 'en: as English releases write it');
SELECT is('(4.2조,123만 4567)'::funding::text, '(4.2 trillion won,1.234567 million won,4.200001234567 trillion won)',
		  'en: exact, as many decimals as needed');
SELECT is('(999999,-1)'::funding::text, '(999999 won,-1 won,999998 won)', 'en: below a million, won');
SELECT is('(-9223372036854775808,0)'::funding::text,
		  '(-9223372.036854775808 trillion won,0 won,-9223372.036854775808 trillion won)', 'en: INT64_MIN');
SELECT is(format_amount(92900000000, 'en'), '92.9 billion won', 'format_amount(won, ''en'')');
SET LOCAL regionpolicy.display_unit = '억';
SELECT is('(1,-1)'::funding::text, '(0.00000001억,-0.00000001억,0억)', '억: eight places, no rounding');
SELECT is('(9223372036854775807,-9223372036854775808)'::funding::text,
		  '(92233720368.54775807억,-92233720368.54775808억,-0.00000001억)', '억: the int64 limits');
SELECT is(funding(100000000, 0)::text, '(1억,0억,1억)', '억: whole 억 have no decimals');

-- The setting is per session and per transaction, like DateStyle.
SELECT is(set_config('regionpolicy.display_unit', 'won', true), '원', 'set_config works; an alias shows as its canonical name');
SELECT is(format('%s', '(1억,0)'::funding), '(100000000,0,100000000)', 'format() follows the setting');
RESET regionpolicy.display_unit;

-- Round trips: edges and generated values, under every display unit, both
-- through the setting and through funding_text().
CREATE TEMP TABLE sample (f funding);
INSERT INTO sample
SELECT funding(n, l) FROM (VALUES
	(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1),
	(9223372036854775807, 0), (-9223372036854775808, 0),
	(0, 9223372036854775807), (0, -9223372036854775808),
	(9223372036854775807, -9223372036854775808), (-9223372036854775808, 9223372036854775807),
	(9223372036854775806, 1), (-9223372036854775807, -1), (4611686018427387904, 4611686018427387903),
	(99999999, 1), (100000000, 0), (10000, 9999), (999999999999, 1), (1000000000000, -1),
	(25910000000, 0), (92900000000, 43300000000)
) AS v(n, l);
-- Random components of every magnitude, kept so that the total fits.
INSERT INTO sample
SELECT funding(n, l)
FROM (SELECT (trunc((random() - 0.5) * 2 * 10 ^ (random() * 18.9)))::bigint AS n,
			 (trunc((random() - 0.5) * 2 * 10 ^ (random() * 18.9)))::bigint AS l
	  FROM generate_series(1, 20000)) AS r
WHERE n::numeric + l BETWEEN -9223372036854775808 AND 9223372036854775807;

CREATE TEMP TABLE units (unit text);
INSERT INTO units VALUES ('억'), ('eok'), ('원'), ('won'), ('korean'), ('en');

CREATE FUNCTION pg_temp.roundtrip_failures(u text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	PERFORM set_config('regionpolicy.display_unit', u, true);
	SELECT count(*) INTO n FROM sample WHERE f::text::regionpolicy.funding <> f;
	RETURN n;
END $$;

SELECT cmp_ok((SELECT count(*) FROM sample), '>', 10000::bigint, 'the sample has over ten thousand values');
SELECT is(pg_temp.roundtrip_failures(unit), 0::bigint, format('every value re-reads under display_unit = %s', unit))
FROM units;
RESET regionpolicy.display_unit;
SELECT is((SELECT count(*) FROM sample, units WHERE funding_text(f, unit)::funding <> f), 0::bigint,
		  'funding_text re-reads under every display unit');
SELECT is((SELECT count(*) FROM sample, (VALUES ('만'), ('조')) AS u(unit)
		   WHERE funding_text(f, unit)::funding <> f), 0::bigint,
		  'funding_text re-reads in 만 and 조 too');
SELECT is((SELECT count(*) FROM sample, units
		   WHERE parse_amount(format_amount(total(f), unit)) <> total(f)), 0::bigint,
		  'format_amount re-reads through parse_amount under every unit');
SELECT is((SELECT count(*) FROM sample
		   WHERE in_unit(total(f), '억') <> total(f)::numeric / 100000000), 0::bigint,
		  'in_unit(…, 억) is exact for every value');
SELECT is((SELECT count(*) FROM sample WHERE (funding_text(f, '억'))::funding::jsonb::funding <> f), 0::bigint,
		  'text, jsonb and back');
SELECT is((SELECT count(*) FROM sample WHERE f::text <> funding_text(f, '억')), 0::bigint,
		  'output under the default equals funding_text(f, 억)');

SELECT * FROM finish();
ROLLBACK;
