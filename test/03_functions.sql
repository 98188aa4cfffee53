-- Constructors, accessors, amounts and units, JSON, binary I/O.  doc/regionpolicy.md, "Functions".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(99);

-- The functions exist with the documented signatures.
SELECT has_function('regionpolicy', 'funding', ARRAY['bigint', 'bigint'], 'funding(bigint, bigint)');
SELECT has_function('regionpolicy', 'funding', ARRAY['numeric', 'numeric', 'text'], 'funding(numeric, numeric, text)');
SELECT function_returns('regionpolicy', 'national', ARRAY['funding'], 'bigint', 'national(funding) returns bigint');
SELECT function_returns('regionpolicy', 'local', ARRAY['funding'], 'bigint', 'local(funding) returns bigint');
SELECT function_returns('regionpolicy', 'total', ARRAY['funding'], 'bigint', 'total(funding) returns bigint');
SELECT function_returns('regionpolicy', 'national_share', ARRAY['funding'], 'numeric', 'national_share returns numeric');
SELECT function_returns('regionpolicy', 'parse_amount', ARRAY['text', 'boolean'], 'bigint', 'parse_amount(text, approximate boolean) returns bigint');
SELECT function_returns('regionpolicy', 'format_amount', ARRAY['bigint', 'text'], 'text', 'format_amount returns text');
SELECT function_returns('regionpolicy', 'in_unit', ARRAY['bigint', 'text'], 'numeric', 'in_unit returns numeric');
SELECT function_returns('regionpolicy', 'funding_text', ARRAY['funding', 'text'], 'text', 'funding_text returns text');
SELECT function_returns('regionpolicy', 'round', ARRAY['funding', 'text'], 'funding', 'round(funding, text)');
SELECT function_returns('regionpolicy', 'trunc', ARRAY['funding', 'text'], 'funding', 'trunc(funding, text)');

-- funding(bigint, bigint)
SELECT is(funding(92900000000, 43300000000), '(929억,433억)'::funding, 'funding(bigint, bigint) is in won');
SELECT throws_ok('SELECT regionpolicy.funding(9223372036854775807, 1)', '22003', NULL,
				 'funding() refuses a total outside int64');
SELECT is(funding(9223372036854775807, -9223372036854775808), '(9223372036854775807,-9223372036854775808)'::funding,
		  'funding() takes both limits when the total fits');

-- funding(numeric, numeric, unit)
SELECT is(funding(929, 433, '억'), '(929억,433억)'::funding, 'funding(929, 433, 억)');
SELECT is(funding(259.1, 0, '억'), '(259.1억,0)'::funding, 'funding(259.1, 0, 억)');
SELECT is(funding(5000, 2, '천원'), '(500만,2천원)'::funding, 'funding(…, 천원)');
SELECT is(funding(1.5, 2.50, '10원'), '(15,25)'::funding, 'funding(…, 10원)');
SELECT is(funding(3, 4, 'won'), '(3,4)'::funding, 'romanised unit names: won');
SELECT is(funding(3, 4, 'eok'), '(3억,4억)'::funding, 'romanised unit names: eok');
SELECT is(funding(-0.00000001, 0, '억'), '(-1,0)'::funding, 'one won below zero');
SELECT throws_ok($$SELECT regionpolicy.funding(0.5, 0, '원')$$, '22P02', NULL, 'a fraction of a won is an error');
SELECT throws_ok($$SELECT regionpolicy.funding(0.000000001, 0, '억')$$, '22P02', NULL, 'a fraction of a won in 억 is an error');
SELECT throws_ok($$SELECT regionpolicy.funding('NaN', 0, '억')$$, '22P02', NULL, 'NaN is an error');
SELECT throws_ok($$SELECT regionpolicy.funding('Infinity', 0, '억')$$, '22P02', NULL, 'Infinity is an error');
SELECT throws_ok($$SELECT regionpolicy.funding(100000000000, 0, '억')$$, '22003', NULL, 'too large is 22003');
SELECT throws_ok($$SELECT regionpolicy.funding(92233720368, 1, '억')$$, '22003', NULL, 'a total too large is 22003');
SELECT throws_ok($$SELECT regionpolicy.funding(1, 0, 'dollars')$$, '22023', NULL, 'an unknown unit is 22023');
SELECT throws_ok($$SELECT regionpolicy.funding(1, 0, '-1원')$$, '22023', NULL, 'a negative unit is 22023');
SELECT throws_ok($$SELECT regionpolicy.funding(1, 0, '0')$$, '22023', NULL, 'a zero unit is 22023');

-- Accessors
SELECT is(regionpolicy.national('(929억,433억)'), 92900000000::bigint, 'national()');
SELECT is("national"('(929억,433억)'), 92900000000::bigint, '"national"() quoted');
SELECT is(national_won('(929억,433억)'), 92900000000::bigint, 'national_won()');
SELECT is(local('(929억,433억)'), 43300000000::bigint, 'local()');
SELECT is(total('(929억,433억)'), 136200000000::bigint, 'total()');
SELECT is(total('(9223372036854775807,-9223372036854775808)'), -1::bigint, 'total() at the limits');
SELECT is(national_share('(1억,3억)'), 0.25, 'national_share()');
SELECT is(national_share('(929억,433억)'), 929::numeric / 1362, 'national_share() of the cluster programme');
SELECT is(national_share('(1억,-1억)'), NULL, 'national_share() is NULL when the total is zero');
SELECT is(national_share('(0,0)'), NULL, 'national_share() of zero is NULL');

-- parse_amount
SELECT is(parse_amount('2,864억원'), 286400000000::bigint, 'parse_amount(2,864억원)');
SELECT is(parse_amount('65.2조'), 65200000000000::bigint, 'parse_amount(65.2조)');
SELECT is(parse_amount(' 1억 2345만 6789원 '), 123456789::bigint, 'parse_amount of a compound amount');
SELECT is(parse_amount('-9223372036854775808'), '-9223372036854775808'::bigint, 'parse_amount(INT64_MIN)');
SELECT is(parse_amount('₩56,000,000 (US$40,000)'), 56000000::bigint, 'a conversion after a figure with a won mark is skipped');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('₩56,000,000 (US$40,000 and more)')$$, '22P02', NULL, 'a conversion is skipped only as a figure alone');
SELECT is(parse_amount('four trillion and six hundred billion won'), 4600000000000::bigint, 'a later English group spelled out');
SELECT is(parse_amount('0천원'), 0::bigint, 'parse_amount(0천원): a zero count of 천원');
SELECT is(parse_amount('천원'), 1000::bigint, 'parse_amount(천원): a unit alone is one of it outside the keyed form');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('0천5백')$$, '22P02', NULL, 'a zero before a sub-unit is the whole number');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('5억이')$$, '22P02', NULL, 'one numeral syllable after 억 with no 원 reads two ways');
SELECT is(parse_amount('오억이원'), 500000002::bigint, 'parse_amount(오억이원): with 원 it is a digit');
SELECT is(parse_amount('△ 62,937,790'), -62937790::bigint, 'parse_amount(△ 62,937,790): a space after △');
SELECT is(parse_amount('△62,937,790'), -62937790::bigint, 'parse_amount(△62,937,790)');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('- 5억')$$, '22P02', NULL, 'a "-" apart from its number is refused');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('2,86억')$$, '22P02', 'invalid amount: "2,86억"', 'a separator needs three digits');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('9223372036854775808')$$, '22003', NULL, 'parse_amount out of range');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('0.5원')$$, '22P02', NULL, 'parse_amount of a fraction of a won');
SELECT throws_ok($$SELECT regionpolicy.parse_amount('')$$, '22P02', NULL, 'parse_amount of nothing');

-- format_amount, in_unit, funding_text
SELECT is(format_amount(25910000000, '억'), '259.1억', 'format_amount(…, 억)');
SELECT is(format_amount(25910000000, '원'), '25910000000', 'format_amount(…, 원)');
SELECT is(format_amount(25910000000, 'korean'), '259억 1000만', 'format_amount(…, korean)');
SELECT is(format_amount(25910000000, '만'), '2591000만', 'format_amount(…, 만)');
SELECT is(format_amount(25910000000, '조'), '0.02591조', 'format_amount(…, 조)');
SELECT throws_ok($$SELECT regionpolicy.format_amount(1, '천원')$$, '22023', NULL, 'format_amount: 천원 is not a display unit');
SELECT is(in_unit(25910000000, '억'), 259.1, 'in_unit(…, 억)');
SELECT is(in_unit(25910000000, '억')::text, '259.1', 'in_unit has no trailing zeros');
SELECT is(in_unit(1234567, '천원'), 1234.567, 'in_unit(…, 천원)');
SELECT is(in_unit(1, '2097152'), 0.000000476837158203125, 'in_unit with a unit of 2^21 won: 21 decimals, exact');
SELECT is(in_unit(-9223372036854775808, '4611686018427387904'), -2::numeric, 'in_unit with a unit of 2^62 won');
SELECT is(in_unit(-1, '조'), -0.000000000001, 'in_unit(-1, 조)');
SELECT is(in_unit(7, '5천원'), 0.0014, 'in_unit(…, 5천원) is exact');
SELECT throws_ok($$SELECT regionpolicy.in_unit(1, '3원')$$, '22023', NULL, 'in_unit refuses units with no exact decimals');
SELECT is(funding_text('(259.1억,0)', 'korean'), '(259억 1000만,0원,259억 1000만)', 'funding_text(…, korean)');
SELECT is(funding_text('(259.1억,0)', 'won'), '(25910000000,0,25910000000)', 'funding_text(…, won)');
SELECT throws_ok($$SELECT regionpolicy.funding_text('(1,2)', 'x')$$, '22023', NULL, 'funding_text refuses an unknown unit');

-- round and trunc
SELECT is(round('(15,-15)'::funding, '10원'), '(20,-20)'::funding, 'round: half away from zero');
SELECT is(round('(14,-14)'::funding, '10원'), '(10,-10)'::funding, 'round: below half goes to zero');
SELECT is(trunc('(19,-19)'::funding, '10원'), '(10,-10)'::funding, 'trunc: toward zero (절사)');
SELECT is(round('(259.1억,0.5억)'::funding, '억'), '(259억,1억)'::funding, 'round to 억');
SELECT is(trunc('(1234567,7654321)'::funding, '천원'), '(1234000,7654000)'::funding, 'trunc to 천원');
SELECT is(round('(7,8)'::funding, '5원'), '(5,10)'::funding, 'round to a multiple of 5');
SELECT throws_ok($$SELECT regionpolicy.round('(9223372036854775807,0)', '억')$$, '22003', NULL, 'round past int64 is 22003');
SELECT throws_ok($$SELECT regionpolicy.round('(4611686018427387906,4611686018427387901)', '10원')$$, '22003', NULL,
				 'round whose total leaves int64 is 22003');
SELECT is(trunc('(-9223372036854775808,0)'::funding, '원'), '(-9223372036854775808,0)'::funding, 'trunc at INT64_MIN');

-- JSON
SELECT is('(929억,433억)'::funding::jsonb, '{"national": 92900000000, "local": 43300000000, "total": 136200000000}'::jsonb, 'f::jsonb');
SELECT is(to_jsonb('(1,2)'::funding), '{"national": 1, "local": 2, "total": 3}'::jsonb, 'to_jsonb uses the cast');
SELECT is(to_json('(1,2)'::funding)::text, '{"national": 1, "local": 2, "total": 3}', 'to_json uses the cast');
SELECT is('{"national": 1, "local": 2}'::jsonb::funding, '(1,2)'::funding, 'jsonb::funding');
SELECT throws_ok($$SELECT '{"national": "929억", "total": "1,362억"}'::jsonb::regionpolicy.funding$$, '22P02', NULL, 'a total with one part is refused from JSON too');
SELECT is('{"national": "10억", "total": "10억"}'::jsonb::funding, '(10억,0)'::funding, 'a total in JSON whose one part is all of it');
SELECT is('{"local": 7, "total": 7}'::jsonb::funding, '(0,7)'::funding, 'a total in JSON whose local part is all of it');
SELECT throws_ok($$SELECT '{"national": 1, "local": 2, "total": 4}'::jsonb::regionpolicy.funding$$, '22P02', NULL, 'jsonb total is checked');
SELECT throws_ok($$SELECT '{"national": 1, "lcoal": 2}'::jsonb::regionpolicy.funding$$, '22023', NULL, 'unknown jsonb key');
SELECT throws_ok($$SELECT '[1, 2]'::jsonb::regionpolicy.funding$$, '22023', NULL, 'jsonb array');
SELECT throws_ok($$SELECT '{"national": 1.5}'::jsonb::regionpolicy.funding$$, '22P02', NULL, 'jsonb fraction of a won');
SELECT throws_ok($$SELECT '{"national": 9223372036854775808}'::jsonb::regionpolicy.funding$$, '22003', NULL, 'jsonb out of range');
SELECT throws_ok($$SELECT '{"national": null}'::jsonb::regionpolicy.funding$$, '22023', NULL, 'jsonb null');

SELECT * FROM finish();
ROLLBACK;
