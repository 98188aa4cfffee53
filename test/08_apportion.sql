-- apportion(pool, weight [, unit]) OVER (...): largest remainder, exact sums,
-- the documented tie rules and errors, against a pure-SQL reference.  doc/regionpolicy.md, "Aggregates".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(47);

SELECT has_function('regionpolicy', 'apportion', ARRAY['bigint', 'numeric'], 'apportion(bigint, numeric)');
SELECT has_function('regionpolicy', 'apportion', ARRAY['bigint', 'numeric', 'bigint'], 'apportion(bigint, numeric, bigint)');
SELECT has_function('regionpolicy', 'apportion', ARRAY['funding', 'numeric'], 'apportion(funding, numeric)');
SELECT has_function('regionpolicy', 'apportion', ARRAY['funding', 'numeric', 'bigint'], 'apportion(funding, numeric, bigint)');
SELECT is((SELECT bool_and(prokind = 'w') FROM pg_proc WHERE proname = 'apportion'), true, 'apportion is a window function');

-- small cases, by hand
SELECT results_eq($$SELECT apportion(100, w) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, 1), (3, 1)) v(i, w)$$,
				  $$VALUES (34::bigint), (33), (33)$$, 'three equal weights: the earlier row gets the leftover');
SELECT results_eq($$SELECT apportion(100, w) OVER (ORDER BY i DESC) FROM (VALUES (1, 1), (2, 1), (3, 1)) v(i, w) ORDER BY i$$,
				  $$VALUES (33::bigint), (33), (34)$$, 'earlier in the window order, not in the output');
SELECT results_eq($$SELECT apportion(10, w) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, 3)) v(i, w)$$,
				  $$VALUES (2::bigint), (8)$$, 'remainders 0.5 and 0.5: the larger weight wins the tie, though later');
SELECT results_eq($$SELECT apportion(7, w) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, 2), (3, 3.5)) v(i, w)$$,
				  $$VALUES (1::bigint), (2), (4)$$, 'largest remainder gets the leftover');
SELECT results_eq($$SELECT apportion(1000, w, 100) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, 1), (3, 1)) v(i, w)$$,
				  $$VALUES (400::bigint), (300), (300)$$, 'in multiples of the unit');
SELECT results_eq($$SELECT apportion(-100, w) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, 1), (3, 1)) v(i, w)$$,
				  $$VALUES (-34::bigint), (-33), (-33)$$, 'a negative pool is split as its magnitude');
SELECT results_eq($$SELECT apportion(10, w) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, NULL), (3, 1)) v(i, w)$$,
				  $$VALUES (5::bigint), (NULL), (5)$$, 'a NULL weight gets NULL and takes no part');
SELECT results_eq($$SELECT apportion(10, w) OVER (ORDER BY i) FROM (VALUES (1, 0), (2, 1)) v(i, w)$$,
				  $$VALUES (0::bigint), (10)$$, 'a zero weight gets nothing');
SELECT results_eq($$SELECT apportion(0, w) OVER (ORDER BY i) FROM (VALUES (1, 0), (2, 0)) v(i, w)$$,
				  $$VALUES (0::bigint), (0)$$, 'a zero pool over zero weights is fine');
SELECT results_eq($$SELECT apportion(NULL::bigint, w) OVER () FROM (VALUES (1), (2)) v(w)$$,
				  $$VALUES (NULL::bigint), (NULL)$$, 'a NULL pool gives NULL shares');
SELECT results_eq($$SELECT apportion(-9223372036854775808, w) OVER (ORDER BY w) FROM (VALUES (0), (1)) v(w)$$,
				  $$VALUES (0::bigint), ('-9223372036854775808'::bigint)$$, 'INT64_MIN pool to one row');
SELECT results_eq($$SELECT apportion(9223372036854775807, w) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, 1)) v(i, w)$$,
				  $$VALUES (4611686018427387904::bigint), (4611686018427387903)$$, 'INT64_MAX pool in two');
SELECT results_eq($$SELECT apportion(10, w) OVER (ORDER BY i) FROM (VALUES (1, 0.33333333333333333333333), (2, 0.66666666666666666666667)) v(i, w)$$,
				  $$VALUES (3::bigint), (7)$$, 'weights too precise for 64 bits take the exact numeric path');
SELECT results_eq($$SELECT apportion(10, w) OVER (ORDER BY i) FROM (VALUES (1, 1e30), (2, 1e30), (3, 2e30)) v(i, w)$$,
				  $$VALUES (3::bigint), (2), (5)$$, 'huge weights take the exact numeric path');
SELECT results_eq($$SELECT p, apportion(p, w) OVER (PARTITION BY p ORDER BY w) FROM (VALUES (10, 1), (10, 1), (5, 2), (5, 3)) v(p, w) ORDER BY p, 2$$,
				  $$VALUES (5, 2::bigint), (5, 3), (10, 5), (10, 5)$$, 'each partition on its own');

-- funding pools: each component apportioned with the same weights
SELECT results_eq($$SELECT apportion('(100,7)'::funding, w) OVER (ORDER BY w) FROM (VALUES (1), (2), (3.5)) v(w)$$,
				  $$VALUES ('(15,1)'::funding), ('(31,2)'), ('(54,4)')$$, 'apportion(funding, weight)');
SELECT results_eq($$SELECT apportion('(929억,433억)'::funding, w, 100000000) OVER (ORDER BY i) FROM (VALUES (1, 1), (2, 1)) v(i, w)$$,
				  $$VALUES ('(465억,217억)'::funding), ('(464억,216억)')$$, 'apportion(funding, weight, 억)');
SELECT results_eq($$SELECT apportion('(9223372036854775807,-9223372036854775808)'::funding, w) OVER (ORDER BY w) FROM (VALUES (0), (1)) v(w)$$,
				  $$VALUES ('(0,0)'::funding), ('(9223372036854775807,-9223372036854775808)')$$, 'funding pool at the limits');

-- errors: 22023
SELECT throws_ok($$SELECT regionpolicy.apportion(10, w) OVER () FROM (VALUES (1), (-1)) v(w)$$, '22023', NULL, 'negative weight');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, w) OVER () FROM (VALUES (1), (-1e40)) v(w)$$, '22023', NULL, 'negative weight on the numeric path');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, w) OVER () FROM (VALUES (1), ('NaN'::numeric)) v(w)$$, '22023', NULL, 'NaN weight');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, w) OVER () FROM (VALUES (0), (0)) v(w)$$, '22023', NULL, 'all-zero weights with a non-zero pool');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, w) OVER () FROM (VALUES (NULL::numeric)) v(w)$$, '22023', NULL, 'no weighted row for a non-zero pool');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, w, 3) OVER () FROM (VALUES (1), (2)) v(w)$$, '22023', NULL, 'pool not a multiple of unit');
SELECT throws_ok($$SELECT regionpolicy.apportion('(10,4)'::regionpolicy.funding, w, 4) OVER () FROM (VALUES (1)) v(w)$$, '22023', NULL, 'a funding component not a multiple of unit');
SELECT throws_ok($$SELECT regionpolicy.apportion(p, 1) OVER () FROM (VALUES (10), (11)) v(p)$$, '22023', NULL, 'pool differs between rows');
SELECT throws_ok($$SELECT regionpolicy.apportion(p, 1) OVER () FROM (VALUES (10), (NULL)) v(p)$$, '22023', NULL, 'pool NULL on some rows only');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, 1, u) OVER () FROM (VALUES (1), (2)) v(u)$$, '22023', NULL, 'unit differs between rows');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, 1, 0) OVER () FROM (VALUES (1)) v(u)$$, '22023', NULL, 'zero unit');
SELECT throws_ok($$SELECT regionpolicy.apportion(10, 1, -5) OVER () FROM (VALUES (1)) v(u)$$, '22023', NULL, 'negative unit');

-- Properties over random partitions, against a pure-SQL reference that
-- applies the documented rule literally.
CREATE TEMP TABLE cases AS
SELECT p, i,
	   CASE WHEN random() < 0.05 THEN NULL ELSE round((random() * 100)::numeric, (p % 3)) END AS w,
	   ((p * 7919) % 100000 - 20000) * (CASE WHEN p % 2 = 0 THEN 1000 ELSE 1 END) AS pool,
	   CASE WHEN p % 2 = 0 THEN 1000 ELSE 1 END AS unit
FROM generate_series(1, 300) AS p, generate_series(1, (random() * 30)::int + 1) AS i;
-- every partition needs a positive weight
INSERT INTO cases SELECT p, 0, 1, min(pool), min(unit) FROM cases GROUP BY p;
-- ties: whole weights repeat often
UPDATE cases SET w = round(w / 10) WHERE p % 5 = 0 AND w IS NOT NULL;
INSERT INTO cases SELECT p, -1, 1, min(pool), min(unit) FROM cases WHERE p % 5 = 0 GROUP BY p;

CREATE TEMP TABLE got AS
SELECT p, i, w, pool, unit, apportion(pool, w, unit) OVER (PARTITION BY p ORDER BY i) AS share FROM cases;

CREATE TEMP TABLE reference AS
WITH q AS (
	SELECT p, i, w, pool, unit, pool / unit AS units, sum(w) OVER (PARTITION BY p) AS wsum FROM cases
), r AS (
	SELECT *, div(abs(units) * w, wsum) AS base, mod(abs(units) * w, wsum) AS rem FROM q
), s AS (
	SELECT *, abs(units) - sum(base) OVER (PARTITION BY p) AS leftover,
		   row_number() OVER (PARTITION BY p ORDER BY (w IS NULL), rem DESC, w DESC, i) AS rank
	FROM r
)
SELECT p, i, CASE WHEN w IS NOT NULL THEN (sign(units) * (base + CASE WHEN rem > 0 AND rank <= leftover THEN 1 ELSE 0 END) * unit)::bigint END AS share
FROM s;

SELECT is((SELECT count(*) FROM got JOIN reference USING (p, i) WHERE got.share IS DISTINCT FROM reference.share), 0::bigint,
		  'random partitions: equal to the pure-SQL reference, row by row');
SELECT is((SELECT count(*) FROM (SELECT p, min(pool) AS pool, sum(share) AS s FROM got GROUP BY p) x WHERE s <> pool), 0::bigint,
		  'random partitions: shares add up to the pool exactly');
SELECT is((SELECT count(*) FROM got JOIN (SELECT p, sum(w) AS wsum FROM cases GROUP BY p) x USING (p)
		   WHERE w IS NOT NULL AND abs(share - pool * w / wsum) >= unit), 0::bigint,
		  'random partitions: every share is within one unit of its exact quota');
SELECT is((SELECT count(*) FROM got WHERE share % unit <> 0), 0::bigint, 'random partitions: shares are multiples of the unit');
SELECT is((SELECT count(*) FROM got g1 JOIN got g2 USING (p) WHERE g1.w > g2.w AND abs(g1.share) < abs(g2.share)), 0::bigint,
		  'random partitions: a larger weight never gets less');

-- Issue 12: a NULL weight in one partition after wider-scaled weights in
-- another used to read uninitialised memory and spin uncancellably.
SET LOCAL statement_timeout = '10s';
SELECT is((SELECT count(a) FROM (SELECT apportion(CASE WHEN p = 0 THEN 4611686018427387904 ELSE 100 END, w) OVER (PARTITION BY p) AS a
		FROM (SELECT 0 AS p, (i*7919 % 1009)::numeric AS w FROM generate_series(1,100) i
			  UNION ALL SELECT 1, CASE WHEN i = 1 THEN 1 END FROM generate_series(1,300) i) s) x),
		  101::bigint, 'NULL weights beside scaled weights: answers at once');
SELECT is((SELECT array_agg(a ORDER BY o) FROM (SELECT o, apportion(7, w) OVER (ORDER BY o) AS a
		FROM (VALUES (1, NULL::numeric), (2, 0.5), (3, 1.25)) v(o, w)) x),
		  ARRAY[NULL, 2, 5]::bigint[], 'weights 0.5 : 1.25 split 7 as 2 : 5, the NULL row takes no part');
-- Weights near numeric's limits: only their ratios matter (9 : 2 : 4).
SELECT is((SELECT array_agg(a ORDER BY o) FROM (SELECT o, apportion(15, w) OVER (ORDER BY o) AS a
		FROM (VALUES (1, 9 * 10::numeric ^ 131071), (2, 2 * 10::numeric ^ 131071), (3, 4 * 10::numeric ^ 131071)) v(o, w)) x),
		  ARRAY[9, 2, 4]::bigint[], 'weights of 10^131071 are scaled, not overflowed');
SELECT is((SELECT array_agg(a ORDER BY o) FROM (SELECT o, apportion(10, w) OVER (ORDER BY o) AS a
		FROM (VALUES (1, 3e-900), (2, 7e-900)) v(o, w)) x),
		  ARRAY[3, 7]::bigint[], 'tiny weights too');
SELECT is((SELECT array_agg(a ORDER BY o) FROM (SELECT o, apportion(3, w) OVER (ORDER BY o) AS a
		FROM (VALUES (1, 10::numeric ^ 500), (2, 10::numeric ^ 500 + 1), (3, 1)) v(o, w)) x),
		  ARRAY[1, 2, 0]::bigint[], '500-digit weights in exact numeric: the larger weight takes the leftover unit');
SELECT throws_ok($$SELECT apportion(100, w) OVER () FROM (VALUES ('1e-16000'::numeric), ('1e16000'::numeric)) v(w)$$,
		  '22023', 'apportion weights span too many digits', 'weights spanning 32001 digits are refused, not ground through');
SELECT throws_ok($$SELECT apportion(100, w) OVER () FROM (VALUES ('NaN'::numeric), (1)) v(w)$$,
		  '22023', 'apportion weights must be finite numbers', 'NaN weight');
RESET statement_timeout;

SELECT * FROM finish();
ROLLBACK;
