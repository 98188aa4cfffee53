-- funding 1.3.0 to 2.0.0.  Made by make from sql/upgrade/funding--1.3.0.sql
-- and the C functions of sql/funding/*.sql: edit those.
--
-- The type's C functions, which regionpolicy 1.x made in its own library,
-- now name the funding library; funding_text(f, unit, digits),
-- funding(text, text, text) and plain_number(text, text) are C functions
-- with the same answers, so that no function body names a schema.  What
-- the type reads and the values it gives are those of 1.3.0 (NEWS.md,
-- "What funding reads").
\echo Use "ALTER EXTENSION funding UPDATE" to load this file. \quit

CREATE OR REPLACE FUNCTION funding_in(cstring)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_out(funding)
RETURNS cstring
AS 'MODULE_PATHNAME', 'funding_out'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_recv(internal)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_send(funding)
RETURNS bytea
AS 'MODULE_PATHNAME', 'funding_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding(national_won bigint, local_won bigint)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_from_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding(national_amount numeric, local_amount numeric, unit text)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_from_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION "national"(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION national_won(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION local(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION total(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION national_share(funding)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_national_share'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION local_won(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION total_won(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION 국비(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION 지방비(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION 합계(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION format_amount(won bigint, unit text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_format_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION in_unit(won bigint, unit text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_in_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_text(funding, unit text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_text_in_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION round(funding, unit text)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_round'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION trunc(funding, unit text)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_trunc'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_to_jsonb(funding)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'funding_to_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_to_json(funding)
RETURNS json
AS 'MODULE_PATHNAME', 'funding_to_json'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_from_jsonb(jsonb)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_from_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION parse_amount(amount text, approximate boolean DEFAULT false)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_parse_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_eq(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_ne(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_lt(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_le(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_gt(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_ge(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_cmp(funding, funding)
RETURNS integer AS 'MODULE_PATHNAME', 'funding_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_sortsupport(internal)
RETURNS void AS 'MODULE_PATHNAME', 'funding_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_hash(funding)
RETURNS integer AS 'MODULE_PATHNAME', 'funding_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_hash_extended(funding, bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE OR REPLACE FUNCTION funding_smaller(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_larger(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_add(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sub(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_sub'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_neg(funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_neg'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_mul(funding, numeric)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_mul'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION numeric_mul_funding(numeric, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'numeric_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_div(funding, numeric)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_div'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_mul_int4(funding, integer)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_mul_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION int4_mul_funding(integer, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'int4_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_mul_int8(funding, bigint)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_mul_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION int8_mul_funding(bigint, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'int8_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_div_int4(funding, integer)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_div_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_div_int8(funding, bigint)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_div_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_state_in(cstring)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_state_out(funding_sum_state)
RETURNS cstring AS 'MODULE_PATHNAME', 'funding_sum_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_state_recv(internal)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_state_send(funding_sum_state)
RETURNS bytea AS 'MODULE_PATHNAME', 'funding_sum_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_accum(funding_sum_state, funding)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_inverse(funding_sum_state, funding)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_combine(funding_sum_state, funding_sum_state)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_sum_final(funding_sum_state)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_sum_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_avg_final(funding_sum_state)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_avg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION apportion(pool bigint, weight numeric)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION apportion(pool bigint, weight numeric, unit bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION apportion(pool funding, weight numeric)
RETURNS funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION apportion(pool funding, weight numeric, unit bigint)
RETURNS funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION in_unit(amount numeric, unit text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_in_unit_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding_text(f funding, unit text, digits integer)
RETURNS text AS 'MODULE_PATHNAME', 'funding_text_rounded'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION funding(national_amount text, local_amount text, unit text)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_from_plain_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION plain_number(number text, what text DEFAULT 'amount')
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_plain_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION in_unit(won integer, unit text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_in_unit_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION unit_won(unit text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_unit_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- What of yours converts text to funding ("What funding reads" in NEWS.md).
-- The reader is IMMUTABLE, so what it accepts and the values it gives are
-- stored wherever an expression converts text to funding and keeps the
-- result: an index, a generated column or a default, a CHECK constraint (on
-- a table or a domain), a materialized view.  A version whose reading
-- changes lists the inputs in NEWS.md, and its update names these objects,
-- to be rebuilt.  Found in the stored expression trees: a conversion of
-- text to the type (a cast through its input function) or a call of one of
-- its functions that read text.  Objects of extensions are not listed.
CREATE FUNCTION funding_input_dependents()
RETURNS TABLE (kind text, object text)
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
WITH ext AS (
	SELECT e.oid FROM pg_extension e WHERE e.extname = 'funding'
), member AS (
	SELECT d.classid, d.objid FROM pg_depend d JOIN ext ON d.refobjid = ext.oid
	 WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
), typ AS (
	SELECT t.oid FROM pg_type t JOIN member m ON m.classid = 'pg_type'::regclass AND m.objid = t.oid
	 WHERE t.typname = 'funding'
), reader AS (
	SELECT p.oid FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
	 WHERE ('text'::regtype = ANY (p.proargtypes::oid[]) OR 'cstring'::regtype = ANY (p.proargtypes::oid[]))
), pattern AS (
	SELECT '\{COERCEVIAIO .*:resulttype ' || (SELECT oid FROM typ) || ' '
		   || '|\{FUNCEXPR :funcid (' || (SELECT string_agg(oid::text, '|') FROM reader) || ') ' AS re
), stored AS (
	SELECT 'index' AS kind, i.indexrelid::regclass::text AS object, 'pg_class'::regclass AS classid, i.indexrelid AS objid,
		   coalesce(i.indexprs::text, '') || coalesce(i.indpred::text, '') AS tree
	  FROM pg_index i
	UNION ALL
	SELECT CASE WHEN a.attgenerated <> '' THEN 'generated column' ELSE 'default' END,
		   format('%s.%I', a.attrelid::regclass, a.attname), 'pg_class'::regclass, a.attrelid, d.adbin::text
	  FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
	UNION ALL
	SELECT 'check constraint',
		   format('%I on %s', c.conname, CASE WHEN c.conrelid <> 0 THEN c.conrelid::regclass::text
											   ELSE 'domain ' || c.contypid::regtype::text END),
		   CASE WHEN c.conrelid <> 0 THEN 'pg_class'::regclass ELSE 'pg_type'::regclass END,
		   CASE WHEN c.conrelid <> 0 THEN c.conrelid ELSE c.contypid END, c.conbin::text
	  FROM pg_constraint c WHERE c.contype = 'c'
	UNION ALL
	SELECT 'materialized view', r.ev_class::regclass::text, 'pg_class'::regclass, r.ev_class, r.ev_action::text
	  FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class AND c.relkind = 'm'
)
SELECT s.kind, s.object
  FROM stored s, pattern
 WHERE s.tree ~ pattern.re
   AND NOT EXISTS (SELECT 1 FROM pg_depend e
				   WHERE e.classid = s.classid AND e.objid = s.objid AND e.deptype = 'e')
 ORDER BY 1, 2
$$;
COMMENT ON FUNCTION funding_input_dependents() IS
'your indexes, generated columns and defaults, CHECK constraints and materialized views that convert text to funding and keep the result: what to rebuild when a version reads text differently (NEWS.md, "What funding reads")';

-- What of yours converts text to funding: nothing to rebuild for 2.0.0,
-- which reads as 1.3.0 does, but named, so that you know what a version
-- that reads differently would ask you to rebuild.  (A warning: PostgreSQL
-- does not show an extension script's notices.)
DO $dependents$
DECLARE
	found text;
BEGIN
	SELECT pg_catalog.string_agg(kind || ' ' || object, '; ') INTO found FROM funding_input_dependents();
	IF found IS NOT NULL THEN
		RAISE WARNING 'objects of yours convert text to funding: %', found
			USING DETAIL = 'funding 2.0.0 reads text as 1.3.0 did: nothing to rebuild now.',
				  HINT = 'funding_input_dependents() lists them; NEWS.md ("What funding reads") lists, for each version, the inputs it reads differently.';
	END IF;
END
$dependents$;
