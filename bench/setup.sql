-- Benchmark tables: the same :N rows in each representation a user might
-- choose.  Run by bench/run.sh with -v N=...
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS regionpolicy CASCADE;	-- the extension and the user tables
CREATE EXTENSION regionpolicy CASCADE;
CREATE EXTENSION IF NOT EXISTS pg_prewarm;
SET search_path = public, regionpolicy;

DROP TABLE IF EXISTS t_bigint, t_numeric, t_funding, t_composite, t_apportion;
DROP TYPE IF EXISTS pair CASCADE;

-- two bigint columns: the baseline
CREATE TABLE t_bigint (province text, national bigint, local bigint);
INSERT INTO t_bigint
SELECT (ARRAY['11','26','27','28','29','30','31','36','41','43','44','46','47','48','50','51','52'])[1 + i % 17],
	   (hashint8(i) & 16777215)::bigint * 1000,		-- up to ~168억, in 천원 as budgets are
	   (hashint8(-i) & 8388607)::bigint * 1000
FROM generate_series(1, :N) AS i;

CREATE TABLE t_numeric AS SELECT province, national::numeric AS national, local::numeric AS local FROM t_bigint;
CREATE TABLE t_funding AS SELECT province, funding(national, local) AS amount FROM t_bigint;

-- a composite type with SQL aggregates: what one builds without C
CREATE TYPE pair AS (national bigint, local bigint);
CREATE FUNCTION pair_add(pair, pair) RETURNS pair LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$ SELECT ROW(($1).national + ($2).national, ($1).local + ($2).local)::pair $$;
CREATE AGGREGATE sum(pair) (SFUNC = pair_add, STYPE = pair, COMBINEFUNC = pair_add, PARALLEL = SAFE);
CREATE TABLE t_composite AS SELECT province, ROW(national, local)::pair AS amount FROM t_bigint;

-- apportion: 1,000,000 rows in 100 partitions, weights with two decimals
CREATE TABLE t_apportion AS
SELECT i % 100 AS part, i AS id, ((hashint8(i) & 65535) / 100.0)::numeric(10, 2) AS weight
FROM generate_series(1, least(:N, 1000000)) AS i;

VACUUM ANALYZE t_bigint, t_numeric, t_funding, t_composite, t_apportion;
SELECT pg_prewarm('t_bigint'), pg_prewarm('t_numeric'), pg_prewarm('t_funding'), pg_prewarm('t_composite'), pg_prewarm('t_apportion');

-- milliseconds taken by a statement run server-side (COPY, CREATE INDEX)
CREATE OR REPLACE FUNCTION bench_ms(statement text) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE statement;
	RETURN round(extract(epoch FROM clock_timestamp() - t0)::numeric * 1000, 1);
END $$;

-- the best pure-SQL largest remainder: quotas, remainders, ranks
CREATE OR REPLACE VIEW apportion_sql AS
WITH q AS (
	SELECT part, id, weight, 1000000000000::numeric AS pool, sum(weight) OVER (PARTITION BY part) AS wsum FROM t_apportion
), r AS (
	SELECT part, id, weight, pool, div(pool * weight, wsum) AS base, mod(pool * weight, wsum) AS rem FROM q
), s AS (
	SELECT part, id, base, rem, pool - sum(base) OVER (PARTITION BY part) AS leftover,
		   row_number() OVER (PARTITION BY part ORDER BY rem DESC, weight DESC, id) AS rank
	FROM r
)
SELECT part, id, (base + CASE WHEN rank <= leftover THEN 1 ELSE 0 END)::bigint AS share FROM s;

SELECT pg_size_pretty(pg_relation_size('t_bigint')) AS bigint_size, pg_size_pretty(pg_relation_size('t_funding')) AS funding_size,
	   pg_size_pretty(pg_relation_size('t_numeric')) AS numeric_size, pg_size_pretty(pg_relation_size('t_composite')) AS composite_size;
