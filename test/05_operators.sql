-- Operators: + - * / unary -, comparisons, rounding, overflow.  doc/regionpolicy.md, "Operators".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(69);

-- + - and unary -
SELECT is('(929억,433억)'::funding + '(1,2)', '(92900000001,43300000002)'::funding, 'f + g');
SELECT is('(929억,433억)'::funding - '(1,2)', '(92899999999,43299999998)'::funding, 'f - g');
SELECT is(-'(929억,-433억)'::funding, '(-929억,433억)'::funding, '-f');
SELECT is('(9223372036854775807,-9223372036854775808)'::funding + '(0,0)',
		  '(9223372036854775807,-9223372036854775808)'::funding, '+ at the limits');
SELECT throws_ok($$SELECT '(9223372036854775807,0)'::regionpolicy.funding + '(1,-1)'$$, '22003', NULL, '+ component overflow');
SELECT throws_ok($$SELECT '(9223372036854775807,0)'::regionpolicy.funding + '(0,1)'$$, '22003', NULL, '+ total overflow');
SELECT throws_ok($$SELECT '(-9223372036854775808,0)'::regionpolicy.funding - '(1,-1)'$$, '22003', NULL, '- component overflow');
SELECT throws_ok($$SELECT '(0,-9223372036854775808)'::regionpolicy.funding - '(0,1)'$$, '22003', NULL, '- total overflow');
SELECT throws_ok($$SELECT -'(-9223372036854775808,0)'::regionpolicy.funding$$, '22003', NULL, 'unary - of INT64_MIN');
SELECT throws_ok($$SELECT -'(9223372036854775807,-9223372036854775808)'::regionpolicy.funding$$, '22003', NULL,
				 'unary - whose local is INT64_MIN');

-- * and / resolve without casts
SELECT is('(1,2)'::funding * 2, '(2,4)'::funding, 'f * 2');
SELECT is(2 * '(1,2)'::funding, '(2,4)'::funding, '2 * f');
SELECT is('(10,15)'::funding * 0.8, '(8,12)'::funding, 'f * 0.8');
SELECT is('(10,15)'::funding / 3, '(3,5)'::funding, 'f / 3');
SELECT is('(929억,433억)'::funding * 2::bigint, '(1858억,866억)'::funding, 'f * bigint');
SELECT is('(929억,433억)'::funding * 1.5::float8::numeric, '(1393.5억,649.5억)'::funding, 'f * numeric from a float');

-- rounding half away from zero
SELECT is('(5,-5)'::funding * 0.5, '(3,-3)'::funding, '* rounds .5 away from zero');
SELECT is('(5,-5)'::funding / 2, '(3,-3)'::funding, '/ rounds .5 away from zero');
SELECT is('(5,-5)'::funding / -2, '(-3,3)'::funding, '/ by a negative rounds .5 away from zero');
SELECT is('(7,-7)'::funding * 0.5, '(4,-4)'::funding, '3.5 rounds to 4, -3.5 to -4');
SELECT is('(9,-9)'::funding * 0.5, '(5,-5)'::funding, '4.5 rounds to 5, -4.5 to -5');
SELECT is('(1,-1)'::funding * 0.49, '(0,0)'::funding, '0.49 rounds to 0');
SELECT is('(3,-3)'::funding * 0.5, '(2,-2)'::funding, '1.5 rounds to 2');
SELECT is('(2,0)'::funding / 3, '(1,0)'::funding, '0.666… rounds to 1');
SELECT is('(1,0)'::funding / 3, '(0,0)'::funding, '0.333… rounds to 0');
-- no double rounding: 0.499999999999999999999999 of a won is 0
SELECT is('(1,0)'::funding / 2.000000000000000000000001, '(0,0)'::funding, 'no double rounding in /');
SELECT is('(1,0)'::funding * 0.499999999999999999999999, '(0,0)'::funding, 'no double rounding in *');
SELECT is('(9223372036854775807,-9223372036854775808)'::funding / 1, '(9223372036854775807,-9223372036854775808)'::funding, '/ 1 at the limits');
SELECT is('(9223372036854775807,-9223372036854775808)'::funding * 1, '(9223372036854775807,-9223372036854775808)'::funding, '* 1 at the limits');
SELECT is('(9223372036854775807,-9223372036854775807)'::funding * -1, '(-9223372036854775807,9223372036854775807)'::funding, '* -1 near the limits');
SELECT throws_ok($$SELECT '(1,2)'::regionpolicy.funding / 0$$, '22012', NULL, '/ 0 is 22012');
SELECT throws_ok($$SELECT '(1,2)'::regionpolicy.funding / 0.0$$, '22012', NULL, '/ 0.0 is 22012');
SELECT throws_ok($$SELECT '(9223372036854775807,0)'::regionpolicy.funding * 2$$, '22003', NULL, '* overflow');
SELECT throws_ok($$SELECT '(9223372036854775807,-1)'::regionpolicy.funding * 1.0000000001$$, '22003', NULL, '* overflow by rounding');
SELECT throws_ok($$SELECT '(4611686018427387904,4611686018427387903)'::regionpolicy.funding * 1.5$$, '22003', NULL, '* total overflow');
SELECT throws_ok($$SELECT '(9223372036854775807,0)'::regionpolicy.funding / 0.5$$, '22003', NULL, '/ overflow');
SELECT throws_ok($$SELECT '(1,0)'::regionpolicy.funding * 'NaN'::numeric$$, '22023', NULL, '* NaN');

-- comparison: by total, then national; equal means both components equal
SELECT ok('(1,2)'::funding < '(0,4)', 'smaller total is less');
SELECT ok('(1,3)'::funding < '(2,2)', 'equal totals: smaller national is less');
SELECT ok('(2,2)'::funding > '(1,3)', '>');
SELECT ok('(1,3)'::funding <= '(1,3)', '<= on equal');
SELECT ok('(1,3)'::funding >= '(1,3)', '>= on equal');
SELECT ok('(1,3)'::funding <> '(3,1)', 'same total, different split: not equal');
SELECT ok(NOT ('(1,3)'::funding = '(3,1)'), '= needs both components');
SELECT ok('(9223372036854775807,-9223372036854775808)'::funding < '(0,0)', 'compares totals without overflow');
SELECT ok('(-9223372036854775808,0)'::funding < '(9223372036854775807,-9223372036854775808)', 'INT64_MIN total is smallest');
SELECT is(funding_cmp('(1,3)', '(2,2)'), -1, 'funding_cmp -1');
SELECT is(funding_cmp('(2,2)', '(2,2)'), 0, 'funding_cmp 0');
SELECT is(funding_cmp('(2,2)', '(1,3)'), 1, 'funding_cmp 1');

-- The comparison operators agree with a recomputation from components.
CREATE TEMP TABLE pairs AS
SELECT funding(a1, a2) AS a, funding(b1, b2) AS b
FROM (SELECT (random() * 20 - 10)::bigint a1, (random() * 20 - 10)::bigint a2,
			 (random() * 20 - 10)::bigint b1, (random() * 20 - 10)::bigint b2
	  FROM generate_series(1, 5000)) AS r;
SELECT is((SELECT count(*) FROM pairs
		   WHERE (a < b) <> ((total(a), regionpolicy.national(a)) < (total(b), regionpolicy.national(b)))
			  OR (a = b) <> (regionpolicy.national(a) = regionpolicy.national(b) AND local(a) = local(b))
			  OR (a <= b) <> (a < b OR a = b) OR (a > b) <> (b < a) OR (a >= b) <> (b <= a)
			  OR (a <> b) <> NOT (a = b)), 0::bigint, '5000 random pairs: all six operators agree with their definition');
SELECT is((SELECT count(*) FROM pairs WHERE a = b AND funding_hash(a) <> funding_hash(b)), 0::bigint,
		  'equal values hash equally');
SELECT is((SELECT count(*) FROM pairs WHERE (a + b) - b <> a), 0::bigint, '(a + b) - b = a');
SELECT is((SELECT count(*) FROM pairs WHERE a + b <> b + a OR -(-a) <> a OR a * 1 <> a OR a / 1 <> a), 0::bigint,
		  'commutative +, -(-a) = a, identity * and /');
SELECT is((SELECT count(*) FROM pairs WHERE total(a + b) <> total(a) + total(b)), 0::bigint, 'total is additive');

-- operator metadata: commutators, negators, estimators, merge and hash joins
SELECT is((SELECT oprcanmerge AND oprcanhash FROM pg_operator
		   WHERE oprname = '=' AND oprleft = 'funding'::regtype AND oprright = 'funding'::regtype), true,
		  '= MERGES and HASHES');
SELECT is((SELECT count(*)::int FROM pg_operator
		   WHERE oprleft = 'funding'::regtype AND oprright = 'funding'::regtype
			 AND oprname IN ('=', '<>', '<', '<=', '>', '>=') AND oprcom <> 0 AND oprnegate <> 0
			 AND oprrest <> 0 AND oprjoin <> 0), 6, 'every comparison has commutator, negator and estimators');
SELECT is((SELECT count(*)::int FROM pg_proc
		   WHERE proname IN ('funding_eq', 'funding_ne', 'funding_lt', 'funding_le', 'funding_gt', 'funding_ge', 'funding_cmp')
			 AND proleakproof AND pronamespace = 'regionpolicy'::regnamespace), 7, 'comparisons are LEAKPROOF');

-- Integer factors and divisors have exact-type operators (doc/regionpolicy.md, "Installation").
SELECT is('(1억,2억)'::funding * 2, '(2억,4억)'::funding, 'f * 2');
SELECT is(3 * '(1억,2억)'::funding, '(3억,6억)'::funding, '3 * f');
SELECT is('(1억,2억)'::funding * 2::bigint, '(2억,4억)'::funding, 'f * bigint');
SELECT is(count_star * '(1,2)'::funding, '(4,8)'::funding, 'bigint * f') FROM (SELECT count(*) AS count_star FROM generate_series(1,4)) c;
SELECT is('(10,-10)'::funding / 4, '(3,-3)'::funding, 'f / 4: 2.5 and -2.5 round away from zero');
SELECT is('(10,-10)'::funding / 4::bigint, '(3,-3)'::funding, 'f / bigint');
SELECT throws_ok($$SELECT '(1,1)'::regionpolicy.funding / 0$$, '22012', NULL, 'f / 0 (integer)');
SELECT throws_ok($$SELECT '(9223372036854775807,0)'::regionpolicy.funding * 2$$, '22003', NULL, 'f * 2 overflows');
SELECT throws_ok($$SELECT '(-9223372036854775808,0)'::regionpolicy.funding / -1$$, '22003', NULL, 'INT64_MIN / -1 overflows, never wraps');
SELECT is((SELECT array_agg(format('%s %s', oprleft::regtype, oprright::regtype) ORDER BY oprleft::regtype::text, oprright::regtype::text)
		   FROM pg_operator WHERE oprnamespace = 'regionpolicy'::regnamespace AND oprname IN ('*', '/')
			 AND 'integer'::regtype IN (oprleft, oprright)),
		  ARRAY['funding integer', 'funding integer', 'integer funding'],
		  'integer operands match exactly, no cast needed');

-- btree deduplication (equalimage): equal values are bytewise equal.
SELECT is((SELECT amproc::text FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
		   WHERE f.opfname = 'funding_ops' AND f.opfnamespace = 'regionpolicy'::regnamespace AND p.amprocnum = 4),
		  'btequalimage', 'the btree operator family declares btequalimage');
CREATE EXTENSION IF NOT EXISTS pageinspect;
CREATE TEMP TABLE dedup AS SELECT '(1억,2억)'::funding AS f FROM generate_series(1, 1000);
CREATE INDEX dedup_f ON dedup (f);
SELECT is((SELECT allequalimage FROM bt_metap('dedup_f')), true, 'funding indexes deduplicate');

SELECT * FROM finish();
ROLLBACK;
