-- funding: a split of one amount of money between national (국비) and local
-- (지방비) funds, exact to the won: the type, its operators, operator
-- classes, aggregates and casts, and the amount reader and writer
-- (doc/regionpolicy.md, "The funding type").
--
-- Made by make from sql/funding/*.sql in order: edit those, not the made
-- script.  The extension is relocatable: every object is created in the
-- schema CREATE EXTENSION chose, the first on the search_path PostgreSQL
-- sets for this script, and no function body names a schema, so that
-- ALTER EXTENSION funding SET SCHEMA moves all of it.  PostgreSQL searches
-- pg_catalog before that schema, so no planted object wins a name here.
\echo Use "CREATE EXTENSION funding" to load this file. \quit

-- The database encodings funding supports: UTF8, and EUC_KR, the encoding of
-- many Korean legacy databases.  PostgreSQL converts this script to the
-- database encoding before it runs, and refuses (22P05) an encoding that
-- cannot hold Hangul, naming it; an SQL_ASCII database is not converted, so
-- this check is what refuses it.  (Its messages are ASCII.)
DO $encoding$
BEGIN
	IF pg_catalog.getdatabaseencoding() NOT IN ('UTF8', 'EUC_KR') THEN
		RAISE EXCEPTION 'funding cannot be installed in a % database', pg_catalog.getdatabaseencoding()
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'It reads and writes Korean amounts (929억원), which need a database encoding that holds Hangul: UTF8 or EUC_KR.',
				  HINT = 'Create the database with ENCODING ''UTF8'' (or ''EUC_KR'' for a Korean legacy system), for example CREATE DATABASE budget ENCODING ''UTF8'' TEMPLATE template0.';
	END IF;
END
$encoding$;

-- regionpolicy 1.x held this type itself: in such a database the type is
-- taken over, not made a second time (doc/regionpolicy.md, "Moving from
-- 1.x").
DO $adopt$
DECLARE
	held text;
BEGIN
	SELECT pg_catalog.format('%I.funding', n.nspname) INTO held
	  FROM pg_catalog.pg_type t
	  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
	  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
		AND d.objid = t.oid AND d.deptype = 'e'
	  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'regionpolicy'
	 WHERE t.typname = 'funding';
	IF held IS NOT NULL THEN
		RAISE EXCEPTION 'the type % belongs to regionpolicy, an older version', held
			USING ERRCODE = 'object_in_use',
				  DETAIL = 'regionpolicy 1.x holds the funding type itself; from 2.0 the extension funding holds it.',
				  HINT = pg_catalog.format('Take it over instead: CREATE EXTENSION funding VERSION ''1.3.0'' SCHEMA %s; ALTER EXTENSION funding UPDATE; ALTER EXTENSION regionpolicy UPDATE; (from regionpolicy 1.0.0 to 1.2.0, first ALTER EXTENSION regionpolicy UPDATE TO ''1.3.0'').',
										   pg_catalog.split_part(held, '.', 1));
	END IF;
END
$adopt$;
-- Storage, text and binary I/O, constructors, accessors, amounts and units,
-- JSON casts ("The funding type": "Input", "Output", "Binary format",
-- "Casts and JSON").

CREATE TYPE funding;

CREATE FUNCTION funding_in(cstring)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- STABLE: the text depends on regionpolicy.display_unit.
CREATE FUNCTION funding_out(funding)
RETURNS cstring
AS 'MODULE_PATHNAME', 'funding_out'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION funding_recv(internal)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION funding_send(funding)
RETURNS bytea
AS 'MODULE_PATHNAME', 'funding_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE funding (
	INTERNALLENGTH = 16,
	INPUT = funding_in,
	OUTPUT = funding_out,
	RECEIVE = funding_recv,
	SEND = funding_send,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE funding IS
'money split between national (국비) and local (지방비) funds, in whole won; prints as (national,local,total)';

-- Constructors and accessors

CREATE FUNCTION funding(national_won bigint, local_won bigint)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_from_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funding(bigint, bigint) IS
'funding from national and local amounts in won';

CREATE FUNCTION funding(national_amount numeric, local_amount numeric, unit text)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_from_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funding(numeric, numeric, text) IS
'funding from amounts counted in a unit, e.g. funding(929, 433, ''억''); a fraction of a won is an error';

-- NATIONAL is a keyword (NATIONAL CHARACTER): call it as
-- regionpolicy.national(f), "national"(f), or national_won(f).
CREATE FUNCTION "national"(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION "national"(funding) IS
'national (국비) amount in won; write regionpolicy.national(f) or "national"(f), since NATIONAL is an SQL keyword';

CREATE FUNCTION national_won(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION national_won(funding) IS
'national (국비) amount in won; the same as national(f), callable without qualification';

CREATE FUNCTION local(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION local(funding) IS
'local (지방비) amount in won';

CREATE FUNCTION total(funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION total(funding) IS
'national + local in won';

CREATE FUNCTION national_share(funding)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_national_share'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION national_share(funding) IS
'national / total; NULL when the total is zero';

-- One family of accessors callable without quotes or qualification:
-- national_won, local_won, total_won, and in Korean 국비, 지방비, 합계.
CREATE FUNCTION local_won(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION local_won(funding) IS 'local (지방비) amount in won; the same as local(f)';
CREATE FUNCTION total_won(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION total_won(funding) IS 'national + local in won; the same as total(f)';
CREATE FUNCTION 국비(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION 국비(funding) IS '국비 (national funds) in won';
CREATE FUNCTION 지방비(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION 지방비(funding) IS '지방비 (local funds) in won';
CREATE FUNCTION 합계(funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION 합계(funding) IS '합계: 국비 + 지방비 in won';

-- Amounts and units

CREATE FUNCTION format_amount(won bigint, unit text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_format_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION format_amount(bigint, text) IS
'one amount as output prints it in a display unit (억, 원, korean, 만, 조)';

CREATE FUNCTION in_unit(won bigint, unit text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_in_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION in_unit(bigint, text) IS
'an amount counted exactly in a unit: in_unit(25910000000, ''억'') = 259.1';

CREATE FUNCTION funding_text(funding, unit text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_text_in_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funding_text(funding, text) IS
'the text output would print under the given display unit';

CREATE FUNCTION round(funding, unit text)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_round'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION round(funding, text) IS
'each component rounded half away from zero to a multiple of the unit';

CREATE FUNCTION trunc(funding, unit text)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_trunc'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION trunc(funding, text) IS
'each component truncated toward zero (절사) to a multiple of the unit';

-- JSON.  With these casts to_json(), to_jsonb() and row_to_json() write a
-- funding column as an object of won rather than as a string.

CREATE FUNCTION funding_to_jsonb(funding)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'funding_to_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION funding_to_json(funding)
RETURNS json
AS 'MODULE_PATHNAME', 'funding_to_json'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION funding_from_jsonb(jsonb)
RETURNS funding
AS 'MODULE_PATHNAME', 'funding_from_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (funding AS jsonb)
	WITH FUNCTION funding_to_jsonb(funding);
CREATE CAST (funding AS json)
	WITH FUNCTION funding_to_json(funding);
CREATE CAST (jsonb AS funding)
	WITH FUNCTION funding_from_jsonb(jsonb);

COMMENT ON FUNCTION funding_to_jsonb(funding) IS
'{"national": n, "local": l, "total": t} in won';
COMMENT ON FUNCTION funding_to_json(funding) IS
'{"national": n, "local": l, "total": t} in won';
COMMENT ON FUNCTION funding_from_jsonb(jsonb) IS
'funding from {"national": n, "local": l[, "total": t]}; values are won or amount strings; total is checked';

-- parse_amount(text [, approximate]): one amount, read as funding input
-- reads its amounts ("Input").
CREATE FUNCTION parse_amount(amount text, approximate boolean DEFAULT false)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_parse_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parse_amount(text, boolean) IS
'an amount written as in Korean documents, in won: parse_amount(''2,864억원'') = 286400000000; approximate => true reads 약/가량/내외/정도 figures';
-- Comparison, hashing, sorting ("Operators"): a total order by total, then
-- national; equal means both components equal.

CREATE FUNCTION funding_eq(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_ne(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_lt(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_le(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_gt(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_ge(funding, funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_cmp(funding, funding)
RETURNS integer AS 'MODULE_PATHNAME', 'funding_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_sortsupport(internal)
RETURNS void AS 'MODULE_PATHNAME', 'funding_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_hash(funding)
RETURNS integer AS 'MODULE_PATHNAME', 'funding_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_hash_extended(funding, bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION funding_smaller(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_larger(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR = (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_eq,
	COMMUTATOR = OPERATOR(=), NEGATOR = OPERATOR(<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	MERGES, HASHES
);
CREATE OPERATOR <> (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_ne,
	COMMUTATOR = OPERATOR(<>), NEGATOR = OPERATOR(=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR < (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_lt,
	COMMUTATOR = OPERATOR(>), NEGATOR = OPERATOR(>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR <= (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_le,
	COMMUTATOR = OPERATOR(>=), NEGATOR = OPERATOR(>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR > (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_gt,
	COMMUTATOR = OPERATOR(<), NEGATOR = OPERATOR(<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR >= (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_ge,
	COMMUTATOR = OPERATOR(<=), NEGATOR = OPERATOR(<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR CLASS funding_ops
DEFAULT FOR TYPE funding USING btree AS
	OPERATOR 1 < ,
	OPERATOR 2 <= ,
	OPERATOR 3 = ,
	OPERATOR 4 >= ,
	OPERATOR 5 > ,
	FUNCTION 1 funding_cmp(funding, funding),
	FUNCTION 2 funding_sortsupport(internal);

CREATE OPERATOR CLASS funding_hash_ops
DEFAULT FOR TYPE funding USING hash AS
	OPERATOR 1 = ,
	FUNCTION 1 funding_hash(funding),
	FUNCTION 2 funding_hash_extended(funding, bigint);

COMMENT ON OPERATOR = (funding, funding) IS 'equal: both components equal';
COMMENT ON OPERATOR <> (funding, funding) IS 'not equal';
COMMENT ON OPERATOR < (funding, funding) IS 'less than: by total, then national';
COMMENT ON OPERATOR <= (funding, funding) IS 'less than or equal: by total, then national';
COMMENT ON OPERATOR > (funding, funding) IS 'greater than: by total, then national';
COMMENT ON OPERATOR >= (funding, funding) IS 'greater than or equal: by total, then national';
COMMENT ON FUNCTION funding_cmp(funding, funding) IS 'btree comparison: by total, then national';
COMMENT ON FUNCTION funding_hash(funding) IS 'hash for hash joins, hashed aggregation and hash indexes';
COMMENT ON OPERATOR CLASS funding_ops USING btree IS 'default btree operator class: by total, then national';
COMMENT ON OPERATOR CLASS funding_hash_ops USING hash IS 'default hash operator class';

-- Equal funding values are bytewise equal, so btree deduplication is safe:
-- btequalimage.
ALTER OPERATOR FAMILY funding_ops USING btree
	ADD FUNCTION 4 (funding) pg_catalog.btequalimage(oid);

-- Arithmetic ("Operators"): components rounded half away from zero to whole
-- won; overflow 22003; division by zero 22012.

CREATE FUNCTION funding_add(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_sub(funding, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_sub'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_neg(funding)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_neg'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_mul(funding, numeric)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_mul'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION numeric_mul_funding(numeric, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'numeric_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_div(funding, numeric)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_div'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR + (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_add,
	COMMUTATOR = OPERATOR(+)
);
CREATE OPERATOR - (
	LEFTARG = funding, RIGHTARG = funding,
	FUNCTION = funding_sub
);
CREATE OPERATOR - (
	RIGHTARG = funding,
	FUNCTION = funding_neg
);
CREATE OPERATOR * (
	LEFTARG = funding, RIGHTARG = numeric,
	FUNCTION = funding_mul,
	COMMUTATOR = OPERATOR(*)
);
CREATE OPERATOR * (
	LEFTARG = numeric, RIGHTARG = funding,
	FUNCTION = numeric_mul_funding,
	COMMUTATOR = OPERATOR(*)
);
CREATE OPERATOR / (
	LEFTARG = funding, RIGHTARG = numeric,
	FUNCTION = funding_div
);

COMMENT ON OPERATOR + (funding, funding) IS 'add componentwise';
COMMENT ON OPERATOR - (funding, funding) IS 'subtract componentwise';
COMMENT ON OPERATOR - (NONE, funding) IS 'negate';
COMMENT ON OPERATOR * (funding, numeric) IS 'scale; each component rounded half away from zero to whole won';
COMMENT ON OPERATOR * (numeric, funding) IS 'scale; each component rounded half away from zero to whole won';
COMMENT ON OPERATOR / (funding, numeric) IS 'divide; each component rounded half away from zero to whole won';

-- f * 2, 2 * f, f / 3 with integer and bigint operands: each an
-- exact-type match in this schema, so an operator planted in another schema
-- never wins overload resolution over ours, and no numeric is involved.

CREATE FUNCTION funding_mul_int4(funding, integer)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_mul_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION int4_mul_funding(integer, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'int4_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_mul_int8(funding, bigint)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_mul_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION int8_mul_funding(bigint, funding)
RETURNS funding AS 'MODULE_PATHNAME', 'int8_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_div_int4(funding, integer)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_div_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_div_int8(funding, bigint)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_div_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR * (
	LEFTARG = funding, RIGHTARG = integer,
	FUNCTION = funding_mul_int4,
	COMMUTATOR = OPERATOR(*)
);
CREATE OPERATOR * (
	LEFTARG = integer, RIGHTARG = funding,
	FUNCTION = int4_mul_funding,
	COMMUTATOR = OPERATOR(*)
);
CREATE OPERATOR * (
	LEFTARG = funding, RIGHTARG = bigint,
	FUNCTION = funding_mul_int8,
	COMMUTATOR = OPERATOR(*)
);
CREATE OPERATOR * (
	LEFTARG = bigint, RIGHTARG = funding,
	FUNCTION = int8_mul_funding,
	COMMUTATOR = OPERATOR(*)
);
CREATE OPERATOR / (
	LEFTARG = funding, RIGHTARG = integer,
	FUNCTION = funding_div_int4
);
CREATE OPERATOR / (
	LEFTARG = funding, RIGHTARG = bigint,
	FUNCTION = funding_div_int8
);

COMMENT ON OPERATOR * (funding, integer) IS 'scale by a whole number';
COMMENT ON OPERATOR * (integer, funding) IS 'scale by a whole number';
COMMENT ON OPERATOR * (funding, bigint) IS 'scale by a whole number';
COMMENT ON OPERATOR * (bigint, funding) IS 'scale by a whole number';
COMMENT ON OPERATOR / (funding, integer) IS 'divide; each component rounded half away from zero to whole won';
COMMENT ON OPERATOR / (funding, bigint) IS 'divide; each component rounded half away from zero to whole won';
-- Aggregates ("Aggregates"): exact (128-bit state), NULLs ignored, empty
-- input NULL, parallel (combine), and moving-aggregate support so that
-- sliding window frames stay O(n).

-- min and max keep a funding value; sum and avg a funding_sum_state (below).

CREATE AGGREGATE min(funding) (
	SFUNC = funding_smaller,
	STYPE = funding,
	COMBINEFUNC = funding_smaller,
	SORTOP = OPERATOR(<),
	PARALLEL = SAFE
);

CREATE AGGREGATE max(funding) (
	SFUNC = funding_larger,
	STYPE = funding,
	COMBINEFUNC = funding_larger,
	SORTOP = OPERATOR(>),
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE min(funding) IS 'smallest funding value (by total, then national)';
COMMENT ON AGGREGATE max(funding) IS 'largest funding value (by total, then national)';

-- sum(funding) and avg(funding) with a concrete state type.
-- funding_sum_state is 40 bytes, passed by reference and updated in place:
-- 128-bit national and local sums and a count, with an exact text form
-- "(national,local,count)" and a binary form.  An engine that ships partial
-- aggregates between servers as values of the state type (Citus's
-- worker_partial_agg/coord_combine_agg) keeps every 128-bit partial sum, and
-- parallel query needs no serialize/deserialize pair.  sum_state() and
-- sum_combine() do the same by hand: partial states per server or shard,
-- combined anywhere.

CREATE TYPE funding_sum_state;
CREATE FUNCTION funding_sum_state_in(cstring)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_sum_state_out(funding_sum_state)
RETURNS cstring AS 'MODULE_PATHNAME', 'funding_sum_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_sum_state_recv(internal)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_sum_state_send(funding_sum_state)
RETURNS bytea AS 'MODULE_PATHNAME', 'funding_sum_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE funding_sum_state (
	INPUT = funding_sum_state_in,
	OUTPUT = funding_sum_state_out,
	RECEIVE = funding_sum_state_recv,
	SEND = funding_sum_state_send,
	INTERNALLENGTH = 40,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE funding_sum_state IS
'partial state of sum(funding) and avg(funding): (national sum, local sum, count), 128-bit sums';

CREATE FUNCTION funding_sum_accum(funding_sum_state, funding)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_sum_inverse(funding_sum_state, funding)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_sum_combine(funding_sum_state, funding_sum_state)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_sum_final(funding_sum_state)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_sum_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_avg_final(funding_sum_state)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_avg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE sum(funding) (
	SFUNC = funding_sum_accum,
	STYPE = funding_sum_state,
	FINALFUNC = funding_sum_final,
	COMBINEFUNC = funding_sum_combine,
	MSFUNC = funding_sum_accum,
	MINVFUNC = funding_sum_inverse,
	MSTYPE = funding_sum_state,
	MFINALFUNC = funding_sum_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE avg(funding) (
	SFUNC = funding_sum_accum,
	STYPE = funding_sum_state,
	FINALFUNC = funding_avg_final,
	COMBINEFUNC = funding_sum_combine,
	MSFUNC = funding_sum_accum,
	MINVFUNC = funding_sum_inverse,
	MSTYPE = funding_sum_state,
	MFINALFUNC = funding_avg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum(funding) IS 'exact sum of funding; NULL for no rows';
COMMENT ON AGGREGATE avg(funding) IS 'average of funding, each component rounded half away from zero to whole won';

-- Partial aggregation by hand: sum_state(amount) on each server or shard,
-- then sum_combine(state) over the states wherever they meet.
CREATE AGGREGATE sum_state(funding) (
	SFUNC = funding_sum_accum,
	STYPE = funding_sum_state,
	COMBINEFUNC = funding_sum_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE sum_combine(funding_sum_state) (
	SFUNC = funding_sum_combine,
	STYPE = funding_sum_state,
	FINALFUNC = funding_sum_final,
	COMBINEFUNC = funding_sum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum_state(funding) IS
'the partial state of sum(funding) over the rows: combine states from several servers with sum_combine';
COMMENT ON AGGREGATE sum_combine(funding_sum_state) IS
'the sum of the rows behind several partial states from sum_state(), exactly as one sum() over all of them';
-- apportion: split a pool across a window partition by largest remainder.
-- ("apportion").  Window functions see the whole partition; they are not
-- strict (a NULL weight yields NULL for its row only).

CREATE FUNCTION apportion(pool bigint, weight numeric)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION apportion(pool bigint, weight numeric, unit bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION apportion(pool funding, weight numeric)
RETURNS funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION apportion(pool funding, weight numeric, unit bigint)
RETURNS funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION apportion(bigint, numeric) IS
'window function: the row''s share of pool in proportion to weight, by largest remainder; shares add up to pool';
COMMENT ON FUNCTION apportion(bigint, numeric, bigint) IS
'window function: the row''s share of pool in multiples of unit, by largest remainder; shares add up to pool';
COMMENT ON FUNCTION apportion(funding, numeric) IS
'window function: each component of pool apportioned by weight, by largest remainder';
COMMENT ON FUNCTION apportion(funding, numeric, bigint) IS
'window function: each component of pool apportioned by weight in multiples of unit, by largest remainder';
-- Amounts for reports ---------------------------------------------------------

CREATE FUNCTION in_unit(amount numeric, unit text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_in_unit_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION in_unit(numeric, text) IS
'a numeric amount of won (such as sum(national)) in a unit, exactly: in_unit(sum(national), ''억'')';

-- funding_text(f, '억', 1) = '(160.7억,25.1억,185.9억)': for reports only.
CREATE FUNCTION funding_text(f funding, unit text, digits integer)
RETURNS text AS 'MODULE_PATHNAME', 'funding_text_rounded'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funding_text(funding, text, integer) IS
'for reports: each component rounded half away from zero to digits decimals of the unit, (160.7억,25.1억,185.9억); display only, the type''s own output stays exact';

-- funding('7,979,230', '1,000', '천원'): numbers as spreadsheets write them.
CREATE FUNCTION funding(national_amount text, local_amount text, unit text)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_from_plain_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- '7,979,230' or '224.03817' as numeric; thousands separators only in threes.
CREATE FUNCTION plain_number(number text, what text DEFAULT 'amount')
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_plain_number'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION funding(text, text, text) IS
'funding from numbers written as spreadsheets and budget books do, with thousands separators, in a unit: funding(''7,979,230'', ''1,000'', ''천원'')';
COMMENT ON FUNCTION plain_number(text, text) IS
'a number with optional thousands separators (7,979,230) as numeric; 22P02 otherwise';

-- in_unit(1234567, '천원'): an integer argument would otherwise be ambiguous
-- between in_unit(bigint, text) and in_unit(numeric, text).
CREATE FUNCTION in_unit(won integer, unit text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_in_unit_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION in_unit(integer, text) IS 'in_unit for an integer amount of won';

-- A unit written as text, in won, read as round(), trunc() and in_unit()
-- read it: '원', '억', '천원', '10억', or won, man, eok, jo in any case.
-- (regionpolicy's differential_funding reads its pool's unit with it.)
CREATE FUNCTION unit_won(unit text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_unit_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unit_won(text) IS
'a unit written as text (원, 억, 천원, 10억, or won/man/eok/jo in any case) in won, as round() and in_unit() read it; 22023 if it is not one';
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
