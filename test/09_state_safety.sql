-- The state functions of sum and avg are callable by anyone: outside their
-- aggregate they never change an argument (a read-only role must not be
-- able to rewrite a stored state), NULL is an empty state, and every
-- 128-bit and count step is checked (22003, never a wrap).
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(16);

CREATE TABLE stored (s funding_sum_state);
INSERT INTO stored VALUES ('(100,200,1)');
CREATE ROLE rp_state_reader;
GRANT SELECT ON stored TO rp_state_reader;
GRANT USAGE ON SCHEMA public TO rp_state_reader;
SET LOCAL ROLE rp_state_reader;
SELECT is((SELECT funding_sum_inverse(s, '(1000,0)')::text FROM stored), '(-900,200,0)', 'inverse outside its aggregate returns the new state');
SELECT is((SELECT funding_sum_inverse(s, '(1000,0)')::text FROM stored), '(-900,200,0)', 'called again, it starts from the stored state');
SELECT is((SELECT funding_sum_accum(s, '(1,1)')::text FROM stored), '(101,201,2)', 'accum outside its aggregate');
SELECT is((SELECT funding_sum_combine(s, s)::text FROM stored), '(200,400,2)', 'combine outside its aggregate');
SELECT is((SELECT funding_sum_combine(s, NULL)::text FROM stored), '(100,200,1)', 'combine with NULL');
SELECT is((SELECT s::text FROM stored), '(100,200,1)', 'the stored state is unchanged');
RESET ROLE;
SELECT is((SELECT s::text FROM stored), '(100,200,1)', 'and unchanged for its owner');

SELECT is(funding_sum_accum(NULL, '(1,1)')::text, '(1,1,1)', 'accum of NULL starts an empty state');
SELECT is(funding_sum_combine(NULL, '(1,2,3)')::text, '(1,2,3)', 'combine of NULL and a state');
SELECT throws_ok($$SELECT regionpolicy.funding_sum_inverse(NULL, '(1,1)')$$, '22023', 'cannot take a value out of an empty funding sum',
				 'inverse of an empty state is refused, not a negative count');
SELECT throws_ok($$SELECT regionpolicy.funding_sum_inverse('(5,5,0)', '(1,1)')$$, '22023', NULL, 'a state counting nothing gives nothing back');

-- every 128-bit and count step is checked
SELECT throws_ok($$SELECT regionpolicy.sum_combine(s) FROM (VALUES
	('(170141183460469231731687303715884105727,0,1)'::regionpolicy.funding_sum_state),
	('(170141183460469231731687303715884105727,0,1)'), ('(2,0,1)')) AS v(s)$$,
	'22003', 'funding sum state out of range', 'sum_combine leaving 128 bits is 22003, not a wrap to 0');
SELECT throws_ok($$SELECT regionpolicy.sum_combine(s) FROM (VALUES
	('(0,-170141183460469231731687303715884105728,1)'::regionpolicy.funding_sum_state), ('(0,-1,1)')) AS v(s)$$,
	'22003', NULL, 'the local sum below -2^127 is 22003');
SELECT throws_ok($$SELECT regionpolicy.sum_combine(s) FROM (VALUES
	('(0,0,9223372036854775807)'::regionpolicy.funding_sum_state), ('(0,0,1)')) AS v(s)$$,
	'22003', NULL, 'a count beyond int64 is 22003');
SELECT throws_ok($$SELECT regionpolicy.funding_sum_accum('(170141183460469231731687303715884105727,0,1)', '(1,0)')$$,
	'22003', NULL, 'accum past 2^127 is 22003');
-- inside the aggregate the state is still updated in place, and exact
SELECT is((SELECT sum(f) FROM (SELECT funding(9223372036854775807, -9223372036854775808) FROM generate_series(1, 4)
		   UNION ALL SELECT funding(-9223372036854775807, 9223372036854775807) FROM generate_series(1, 4)) AS v(f)),
		  '(0,-4)'::funding, 'sum through 2^65 and back');

SELECT * FROM finish();
ROLLBACK;
