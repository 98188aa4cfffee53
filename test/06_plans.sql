-- funding in every query shape: ORDER BY, DISTINCT, sorted and hashed
-- GROUP BY, UNION, merge and hash joins, btree and hash indexes.  Each plan
-- shape is forced and proved with EXPLAIN (COSTS OFF), and its result
-- checked against the same query over the two bigint components.
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(27);

CREATE FUNCTION pg_temp.plan_of(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
	result text := '';
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		result := result || line || E'\n';
	END LOOP;
	RETURN result;
END $$;

CREATE TABLE a (id int, f funding);
CREATE TABLE b (id int, f funding);
INSERT INTO a SELECT i, funding(i % 50, (i * 7) % 13) FROM generate_series(1, 2000) AS i;
INSERT INTO b SELECT i, funding(i % 40, (i * 7) % 13) FROM generate_series(1, 1500) AS i;
ANALYZE a;
ANALYZE b;

-- ORDER BY: a sort on funding is a sort on (total, national)
SELECT matches(pg_temp.plan_of('SELECT f FROM a ORDER BY f'), 'Sort Key: f', 'ORDER BY f sorts');
SELECT results_eq('SELECT national_won(f), local(f) FROM a ORDER BY f, id',
				  'SELECT national_won(f), local(f) FROM a ORDER BY total(f), national_won(f), id',
				  'ORDER BY f orders by total, then national');
SELECT results_eq('SELECT national_won(f), local(f) FROM a ORDER BY f DESC, id',
				  'SELECT national_won(f), local(f) FROM a ORDER BY total(f) DESC, national_won(f) DESC, id',
				  'ORDER BY f DESC');

-- DISTINCT, sorted and hashed
SET LOCAL enable_hashagg = off;
SELECT matches(pg_temp.plan_of('SELECT DISTINCT f FROM a'), '(Unique|Sort)', 'DISTINCT by sorting');
SELECT is((SELECT count(*) FROM (SELECT DISTINCT f FROM a) s),
		  (SELECT count(*) FROM (SELECT DISTINCT national_won(f), local(f) FROM a) s), 'sorted DISTINCT counts right');
SET LOCAL enable_hashagg = on;
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of('SELECT DISTINCT f FROM a'), 'HashAggregate', 'DISTINCT by hashing');
SELECT is((SELECT count(*) FROM (SELECT DISTINCT f FROM a) s),
		  (SELECT count(*) FROM (SELECT DISTINCT national_won(f), local(f) FROM a) s), 'hashed DISTINCT counts right');
RESET enable_sort;

-- GROUP BY, sorted and hashed
SET LOCAL enable_hashagg = off;
SELECT matches(pg_temp.plan_of('SELECT f, count(*) FROM a GROUP BY f'), 'GroupAggregate', 'GROUP BY f by sorting');
SELECT set_eq('SELECT f::text, count(*) FROM a GROUP BY f',
			  'SELECT funding(n, l)::text, count(*) FROM (SELECT national_won(f) n, local(f) l FROM a) s GROUP BY n, l',
			  'sorted GROUP BY groups right');
SET LOCAL enable_hashagg = on;
SET LOCAL enable_sort = off;
SELECT matches(pg_temp.plan_of('SELECT f, count(*) FROM a GROUP BY f'), 'HashAggregate', 'GROUP BY f by hashing');
SELECT set_eq('SELECT f::text, count(*) FROM a GROUP BY f',
			  'SELECT funding(n, l)::text, count(*) FROM (SELECT national_won(f) n, local(f) l FROM a) s GROUP BY n, l',
			  'hashed GROUP BY groups right');
RESET enable_sort;

-- UNION
SELECT matches(pg_temp.plan_of('SELECT f FROM a UNION SELECT f FROM b'), '(HashAggregate|Unique)', 'UNION removes duplicates');
SELECT is((SELECT count(*) FROM (SELECT f FROM a UNION SELECT f FROM b) s),
		  (SELECT count(*) FROM (SELECT national_won(f), local(f) FROM a UNION SELECT national_won(f), local(f) FROM b) s),
		  'UNION counts right');

-- joins: merge, hash
CREATE TEMP TABLE join_expected AS
SELECT count(*) AS n FROM a JOIN b ON national_won(a.f) = national_won(b.f) AND local(a.f) = local(b.f);
SET LOCAL enable_hashjoin = off;
SET LOCAL enable_nestloop = off;
SELECT matches(pg_temp.plan_of('SELECT * FROM a JOIN b ON a.f = b.f'), 'Merge Join', 'merge join on f');
SELECT is((SELECT count(*) FROM a JOIN b ON a.f = b.f), (SELECT n FROM join_expected), 'merge join finds every match');
SET LOCAL enable_hashjoin = on;
SET LOCAL enable_mergejoin = off;
SELECT matches(pg_temp.plan_of('SELECT * FROM a JOIN b ON a.f = b.f'), 'Hash Join', 'hash join on f');
SELECT is((SELECT count(*) FROM a JOIN b ON a.f = b.f), (SELECT n FROM join_expected), 'hash join finds every match');
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET enable_nestloop;

-- indexes: btree (equality, range, ORDER BY, min/max), hash
CREATE INDEX a_f_btree ON a (f);
CREATE INDEX b_f_hash ON b USING hash (f);
ANALYZE a;
ANALYZE b;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
SELECT matches(pg_temp.plan_of($$SELECT * FROM a WHERE f = '(7,10)'$$), 'Index (Only )?Scan using a_f_btree', 'btree index for =');
SELECT is((SELECT count(*) FROM a WHERE f = '(7,10)'),
		  (SELECT count(*) FROM a WHERE national_won(f) = 7 AND local(f) = 10), 'btree = finds every row');
SELECT matches(pg_temp.plan_of($$SELECT * FROM a WHERE f BETWEEN '(10,0)' AND '(20,0)'$$), 'Index (Only )?Scan using a_f_btree', 'btree index for a range');
SELECT is((SELECT count(*) FROM a WHERE f BETWEEN '(10,0)' AND '(20,0)'),
		  (SELECT count(*) FROM a WHERE (total(f), national_won(f)) BETWEEN (10, 10) AND (20, 20)), 'btree range finds every row');
SELECT matches(pg_temp.plan_of('SELECT f FROM a ORDER BY f LIMIT 5'), 'Index (Only )?Scan using a_f_btree', 'btree index for ORDER BY … LIMIT');
SELECT matches(pg_temp.plan_of('SELECT max(f) FROM a'), 'Index (Only )?Scan Backward using a_f_btree', 'max(f) uses the btree index');
SELECT is((SELECT max(f) FROM a), (SELECT f FROM a ORDER BY total(f) DESC, national_won(f) DESC LIMIT 1), 'max(f) by index is right');
SELECT matches(pg_temp.plan_of($$SELECT * FROM b WHERE f = '(7,10)'$$), 'Index Scan using b_f_hash', 'hash index for =');
SELECT is((SELECT count(*) FROM b WHERE f = '(7,10)'),
		  (SELECT count(*) FROM b WHERE national_won(f) = 7 AND local(f) = 10), 'hash index finds every row');
SELECT lives_ok('CREATE UNIQUE INDEX a_id_f ON a (id, f)', 'a unique btree index over (id, f)');
RESET enable_seqscan;
RESET enable_bitmapscan;

SELECT * FROM finish();
ROLLBACK;
