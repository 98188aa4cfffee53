-- sum, avg, min, max over funding: exact, NULLs ignored, empty input NULL,
-- parallel equal to serial, sliding frames equal to recomputation.  doc/regionpolicy.md, "Aggregates".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(45);

-- basics
SELECT is((SELECT sum(f) FROM (VALUES ('(1,2)'::funding), ('(3,4)'), (NULL)) AS v(f)), '(4,6)'::funding, 'sum ignores NULL');
SELECT is((SELECT sum(f) FROM (VALUES (NULL::funding)) AS v(f)), NULL, 'sum of only NULL is NULL');
SELECT is((SELECT sum(f) FROM (SELECT '(1,2)'::funding WHERE false) AS v(f)), NULL, 'sum of no rows is NULL');
SELECT is((SELECT avg(f) FROM (SELECT '(1,2)'::funding WHERE false) AS v(f)), NULL, 'avg of no rows is NULL');
SELECT is((SELECT min(f) FROM (SELECT '(1,2)'::funding WHERE false) AS v(f)), NULL, 'min of no rows is NULL');
SELECT is((SELECT max(f) FROM (SELECT '(1,2)'::funding WHERE false) AS v(f)), NULL, 'max of no rows is NULL');
SELECT is((SELECT avg(f) FROM (VALUES ('(1,-1)'::funding), ('(2,-2)'), (NULL)) AS v(f)), '(2,-2)'::funding, 'avg: 1.5 rounds away from zero');
SELECT is((SELECT avg(f) FROM (VALUES ('(1,-1)'::funding), ('(1,-1)'), ('(2,-2)')) AS v(f)), '(1,-1)'::funding, 'avg: 1.33 rounds to 1');
SELECT is((SELECT avg(f) FROM (VALUES ('(1,1)'::funding), ('(2,2)'), ('(2,2)')) AS v(f)), '(2,2)'::funding, 'avg: 1.67 rounds to 2');
SELECT is((SELECT min(f) FROM (VALUES ('(5,0)'::funding), ('(1,3)'), ('(2,2)'), (NULL)) AS v(f)), '(1,3)'::funding, 'min by total, then national');
SELECT is((SELECT max(f) FROM (VALUES ('(5,-1)'::funding), ('(1,3)'), ('(2,2)'), (NULL)) AS v(f)), '(5,-1)'::funding, 'max by total, then national');

-- exactness: intermediate sums may leave int64, the result may not
SELECT is((SELECT sum(f) FROM (VALUES ('(9223372036854775807,0)'::funding), ('(9223372036854775807,0)'),
										('(-9223372036854775808,0)'), ('(-9223372036854775806,0)')) AS v(f)),
		  '(0,0)'::funding, 'sum passes through 2^64 and back exactly');
SELECT is((SELECT avg(f) FROM (VALUES ('(9223372036854775807,-9223372036854775808)'::funding),
										('(9223372036854775807,-9223372036854775808)')) AS v(f)),
		  '(9223372036854775807,-9223372036854775808)'::funding, 'avg at the limits');
SELECT throws_ok($$SELECT regionpolicy.sum(f) FROM (VALUES ('(9223372036854775807,0)'::regionpolicy.funding), ('(1,0)')) AS v(f)$$,
				 '22003', NULL, 'a sum outside int64 is 22003');
SELECT throws_ok($$SELECT regionpolicy.sum(f) FROM (VALUES ('(9223372036854775807,0)'::regionpolicy.funding), ('(0,1)')) AS v(f)$$,
				 '22003', NULL, 'a sum whose total is outside int64 is 22003');
SELECT throws_ok($$SELECT regionpolicy.sum(f) FROM (SELECT regionpolicy.funding(9223372036854775807 - i, 0) FROM generate_series(0, 99) AS i) AS v(f)$$,
				 '22003', NULL, 'but the sum itself is out of range');
SELECT is((SELECT avg(f) FROM (SELECT funding(9223372036854775807 - i, 0) FROM generate_series(0, 99) AS i) AS v(f)),
		  funding(9223372036854775807 - 49, 0), 'avg of 100 values near INT64_MAX is exact (…757.5 rounds up)');

-- against bigint components on 200k rows, serial and parallel
CREATE TABLE agg_data (g int, f funding);
INSERT INTO agg_data
SELECT i % 17, CASE WHEN i % 1000 = 0 THEN NULL
					ELSE funding((random() * 2e12 - 1e12)::bigint, (random() * 2e12 - 1e12)::bigint) END
FROM generate_series(1, 200000) AS i;
ANALYZE agg_data;
CREATE TEMP TABLE expected AS
SELECT g, sum(national_won(f)) AS n, sum(local(f)) AS l, count(f) AS c,
	   min(total(f)) AS min_total, max(total(f)) AS max_total
FROM agg_data GROUP BY g;

SET LOCAL max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT g, sum(f) AS s, avg(f) AS a, min(f) AS mn, max(f) AS mx FROM agg_data GROUP BY g;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
CREATE FUNCTION pg_temp.plan_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE line text; result text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP result := result || line || E'\n'; END LOOP;
	RETURN result;
END $$;
SELECT matches(pg_temp.plan_of('SELECT g, sum(f), avg(f), min(f), max(f) FROM agg_data GROUP BY g'),
			   'Partial (Hash|Group)?Aggregate', 'the grouped aggregate runs in parallel');
SELECT matches(pg_temp.plan_of('SELECT sum(f) FROM agg_data'), 'Partial Aggregate', 'the plain aggregate runs in parallel');
CREATE TEMP TABLE parallel AS SELECT g, sum(f) AS s, avg(f) AS a, min(f) AS mn, max(f) AS mx FROM agg_data GROUP BY g;
RESET max_parallel_workers_per_gather;

SELECT is((SELECT count(*) FROM serial JOIN expected USING (g)
		   WHERE regionpolicy.national(s) <> n OR local(s) <> l), 0::bigint, 'serial sum equals bigint sums in every group');
SELECT is((SELECT count(*) FROM serial JOIN expected USING (g)
		   WHERE regionpolicy.national(a) <> round(n::numeric / c) OR local(a) <> round(l::numeric / c)), 0::bigint,
		  'serial avg equals numeric avg rounded half away from zero');
SELECT is((SELECT count(*) FROM serial JOIN expected USING (g)
		   WHERE total(mn) <> min_total OR total(mx) <> max_total), 0::bigint, 'serial min and max by total');
SELECT set_eq('SELECT g, s::text, a::text, mn::text, mx::text FROM parallel',
			  'SELECT g, s::text, a::text, mn::text, mx::text FROM serial', 'parallel results equal serial results');
SELECT is((SELECT count(*) FROM serial), 17::bigint, 'seventeen groups');

-- sliding windows (moving aggregate with inverse transition)
CREATE TEMP TABLE series AS
SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE funding((random() * 1e6)::bigint - 500000, (random() * 1e6)::bigint) END AS f
FROM generate_series(1, 20000) AS i;
SELECT is((SELECT count(*) FROM (
	SELECT i, sum(f) OVER w AS s, avg(f) OVER w AS a,
		   sum(national_won(f)) OVER w AS n, sum(local(f)) OVER w AS l, count(f) OVER w AS c
	FROM series WINDOW w AS (ORDER BY i ROWS BETWEEN 5 PRECEDING AND CURRENT ROW)) x
	WHERE s IS DISTINCT FROM CASE WHEN c > 0 THEN funding(n::bigint, l::bigint) END
	   OR a IS DISTINCT FROM CASE WHEN c > 0 THEN funding(round(n / c)::bigint, round(l / c)::bigint) END), 0::bigint,
	'sliding 6-row sum and avg equal recomputation from components');
SELECT is((SELECT count(*) FROM (
	SELECT sum(f) OVER w AS s, sum(national_won(f)) OVER w AS n, sum(local(f)) OVER w AS l
	FROM series WINDOW w AS (ORDER BY i ROWS BETWEEN 100 PRECEDING AND 50 FOLLOWING)) x
	WHERE s IS DISTINCT FROM funding(n::bigint, l::bigint)), 0::bigint, 'sliding 151-row frame');
SELECT is((SELECT count(*) FROM (
	SELECT sum(f) OVER (ORDER BY i) AS s, sum(national_won(f)) OVER (ORDER BY i) AS n, sum(local(f)) OVER (ORDER BY i) AS l
	FROM series) x WHERE s IS DISTINCT FROM funding(n::bigint, l::bigint)), 0::bigint, 'running sum');
SELECT is((SELECT s FROM (SELECT i, sum(f) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s
		   FROM (VALUES (1, NULL::funding), (2, NULL), (3, '(1,1)')) v(i, f)) x WHERE i = 2), NULL,
		  'a frame of only NULLs is NULL');
SELECT is((SELECT s FROM (SELECT i, sum(f) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s
		   FROM (VALUES (1, '(1,1)'::funding), (2, NULL), (3, NULL)) v(i, f)) x WHERE i = 3), NULL,
		  'a frame emptied by the inverse transition is NULL again');

-- the aggregates' catalogue entries: parallel safe, combine, inverse, sort operator
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'regionpolicy'::regnamespace AND p.proparallel = 's' AND a.aggcombinefn <> 0),
		  6, 'sum, avg, min, max, sum_state, sum_combine are PARALLEL SAFE with combine functions');
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'regionpolicy'::regnamespace AND a.aggminvtransfn <> 0),
		  2, 'sum and avg have inverse transitions');
SELECT is((SELECT count(*)::int FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'regionpolicy'::regnamespace AND a.aggsortop <> 0),
		  2, 'min and max have sort operators (index-optimised)');
SELECT is((SELECT array_agg(p.proname::text || ':' || a.aggtranstype::regtype::text ORDER BY p.proname)
		   FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
		   WHERE p.pronamespace = 'regionpolicy'::regnamespace AND p.proname IN ('sum', 'avg')),
		  ARRAY['avg:funding_sum_state', 'sum:funding_sum_state'],
		  'sum and avg keep a concrete state type, not internal (engine-neutral partial aggregation)');

-- funding_sum_state: exact text and binary forms, at the int128 limits
SELECT is('(170141183460469231731687303715884105727,-170141183460469231731687303715884105728,9223372036854775807)'::funding_sum_state::text,
		  '(170141183460469231731687303715884105727,-170141183460469231731687303715884105728,9223372036854775807)',
		  'the state''s text form round-trips at the int128 limits');
SELECT is(funding_sum_state_recv_check, true, 'the state''s binary form round-trips at the int128 limits')
FROM (SELECT funding_sum_state_send('(-170141183460469231731687303715884105728,170141183460469231731687303715884105727,1)')
			 = '\x800000000000000000000000000000007fffffffffffffffffffffffffffffff0000000000000001'::bytea
			 AS funding_sum_state_recv_check) x;
SELECT throws_ok($$SELECT '(170141183460469231731687303715884105728,0,1)'::regionpolicy.funding_sum_state$$, '22003', NULL,
				 'a sum past 2^127 - 1 is out of range');
SELECT throws_ok($$SELECT '(1,2,-1)'::regionpolicy.funding_sum_state$$, '22003', NULL, 'a negative count is out of range');
SELECT throws_ok($$SELECT '(1,2)'::regionpolicy.funding_sum_state$$, '22P02', NULL, 'a state needs three numbers');
SELECT throws_ok($$SELECT '(1,2,3) x'::regionpolicy.funding_sum_state$$, '22P02', NULL, 'nothing after the state');
SELECT is(sum_state(f)::text, '(4,6,2)', 'sum_state gives the partial state') FROM (VALUES ('(1,2)'::funding), ('(3,4)'), (NULL)) v(f);
SELECT is(sum_combine(s), NULL::funding, 'sum_combine of no states is NULL') FROM (SELECT NULL::funding_sum_state s WHERE false) x;

-- What Citus does: partial states computed apart (here, on three "shards"
-- whose own partial sums leave int64), shipped as text, combined.
CREATE TEMP TABLE shard_rows AS
SELECT i % 3 AS shard, CASE WHEN i % 3 = 2 THEN funding(-9223372036854775807, 1) ELSE funding(4611686018427387903, 2) END AS f
FROM generate_series(1, 9) i;
CREATE TEMP TABLE shipped AS
SELECT shard, sum_state(f)::text AS state_text FROM shard_rows GROUP BY shard;
SELECT is((SELECT sum_combine(state_text::funding_sum_state) FROM shipped), (SELECT sum(f) FROM shard_rows),
		  'combining partial states shipped as text gives exactly one sum over all rows');
SELECT is((SELECT sum(f) FROM shard_rows), funding(-3, 15)
		  , '… a result that fits although the shards'' partial sums do not');
SELECT cmp_ok((SELECT max(split_part(trim(both '()' from state_text), ',', 1)::numeric) FROM shipped),
			  '>', 9223372036854775807::numeric, '… (a shard''s partial national sum leaves int64)');
SELECT is((SELECT avg(f) FROM shard_rows), (SELECT funding_avg_final(sum_combine_state) FROM
		  (SELECT (SELECT s FROM (SELECT funding_sum_combine(funding_sum_combine(a.s, b.s), c.s) AS s) z) AS sum_combine_state
		   FROM (SELECT state_text::funding_sum_state s FROM shipped WHERE shard = 0) a,
				(SELECT state_text::funding_sum_state s FROM shipped WHERE shard = 1) b,
				(SELECT state_text::funding_sum_state s FROM shipped WHERE shard = 2) c) y),
		  'avg from the combined states: what coord_combine_agg computes');

SELECT * FROM finish();
ROLLBACK;
