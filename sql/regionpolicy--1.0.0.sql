-- regionpolicy 1.0.0 install script (frozen: released scripts never change).
\echo Use "CREATE EXTENSION regionpolicy" to load this file. \quit

-- The funding type: storage, text and binary I/O, constructors, accessors,
-- amounts and units, JSON casts.  SPEC §1.1–1.3.

CREATE TYPE @extschema@.funding;

CREATE FUNCTION @extschema@.funding_in(cstring)
RETURNS @extschema@.funding
AS 'MODULE_PATHNAME', 'funding_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- STABLE: the text depends on regionpolicy.display_unit.
CREATE FUNCTION @extschema@.funding_out(@extschema@.funding)
RETURNS cstring
AS 'MODULE_PATHNAME', 'funding_out'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_recv(internal)
RETURNS @extschema@.funding
AS 'MODULE_PATHNAME', 'funding_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_send(@extschema@.funding)
RETURNS bytea
AS 'MODULE_PATHNAME', 'funding_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.funding (
	INTERNALLENGTH = 16,
	INPUT = @extschema@.funding_in,
	OUTPUT = @extschema@.funding_out,
	RECEIVE = @extschema@.funding_recv,
	SEND = @extschema@.funding_send,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.funding IS
'money split between national (국비) and local (지방비) funds, in whole won; prints as (national,local,total)';

-- Constructors and accessors

CREATE FUNCTION @extschema@.funding(national_won bigint, local_won bigint)
RETURNS @extschema@.funding
AS 'MODULE_PATHNAME', 'funding_from_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funding(bigint, bigint) IS
'funding from national and local amounts in won';

CREATE FUNCTION @extschema@.funding(national_amount numeric, local_amount numeric, unit text)
RETURNS @extschema@.funding
AS 'MODULE_PATHNAME', 'funding_from_numeric'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funding(numeric, numeric, text) IS
'funding from amounts counted in a unit, e.g. funding(929, 433, ''억''); a fraction of a won is an error';

-- NATIONAL is a keyword (NATIONAL CHARACTER): call it as
-- regionpolicy.national(f), "national"(f), or national_won(f).
CREATE FUNCTION @extschema@.national(@extschema@.funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.national(@extschema@.funding) IS
'national (국비) amount in won; write regionpolicy.national(f) or "national"(f), since NATIONAL is an SQL keyword';

CREATE FUNCTION @extschema@.national_won(@extschema@.funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_national'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.national_won(@extschema@.funding) IS
'national (국비) amount in won; the same as national(f), callable without qualification';

CREATE FUNCTION @extschema@.local(@extschema@.funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_local'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.local(@extschema@.funding) IS
'local (지방비) amount in won';

CREATE FUNCTION @extschema@.total(@extschema@.funding)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_total_won'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.total(@extschema@.funding) IS
'national + local in won';

CREATE FUNCTION @extschema@.national_share(@extschema@.funding)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_national_share'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.national_share(@extschema@.funding) IS
'national / total; NULL when the total is zero';

-- Amounts and units

CREATE FUNCTION @extschema@.parse_amount(text)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_parse_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_amount(text) IS
'an amount written as in Korean documents, in won: parse_amount(''2,864억원'') = 286400000000';

CREATE FUNCTION @extschema@.format_amount(won bigint, unit text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_format_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.format_amount(bigint, text) IS
'one amount as output prints it in a display unit (억, 원, korean, 만, 조)';

CREATE FUNCTION @extschema@.in_unit(won bigint, unit text)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_in_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.in_unit(bigint, text) IS
'an amount counted exactly in a unit: in_unit(25910000000, ''억'') = 259.1';

CREATE FUNCTION @extschema@.funding_text(@extschema@.funding, unit text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_text_in_unit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funding_text(@extschema@.funding, text) IS
'the text output would print under the given display unit';

CREATE FUNCTION @extschema@.round(@extschema@.funding, unit text)
RETURNS @extschema@.funding
AS 'MODULE_PATHNAME', 'funding_round'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.round(@extschema@.funding, text) IS
'each component rounded half away from zero to a multiple of the unit';

CREATE FUNCTION @extschema@.trunc(@extschema@.funding, unit text)
RETURNS @extschema@.funding
AS 'MODULE_PATHNAME', 'funding_trunc'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.trunc(@extschema@.funding, text) IS
'each component truncated toward zero (절사) to a multiple of the unit';

-- JSON.  With these casts to_json(), to_jsonb() and row_to_json() write a
-- funding column as an object of won rather than as a string.

CREATE FUNCTION @extschema@.funding_to_jsonb(@extschema@.funding)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'funding_to_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_to_json(@extschema@.funding)
RETURNS json
AS 'MODULE_PATHNAME', 'funding_to_json'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_from_jsonb(jsonb)
RETURNS @extschema@.funding
AS 'MODULE_PATHNAME', 'funding_from_jsonb'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.funding AS jsonb)
	WITH FUNCTION @extschema@.funding_to_jsonb(@extschema@.funding);
CREATE CAST (@extschema@.funding AS json)
	WITH FUNCTION @extschema@.funding_to_json(@extschema@.funding);
CREATE CAST (jsonb AS @extschema@.funding)
	WITH FUNCTION @extschema@.funding_from_jsonb(jsonb);

COMMENT ON FUNCTION @extschema@.funding_to_jsonb(@extschema@.funding) IS
'{"national": n, "local": l, "total": t} in won';
COMMENT ON FUNCTION @extschema@.funding_to_json(@extschema@.funding) IS
'{"national": n, "local": l, "total": t} in won';
COMMENT ON FUNCTION @extschema@.funding_from_jsonb(jsonb) IS
'funding from {"national": n, "local": l[, "total": t]}; values are won or amount strings; total is checked';
-- Comparison, hashing, sorting.  SPEC §1.4: a total order by total, then
-- national; equal means both components equal.

CREATE FUNCTION @extschema@.funding_eq(@extschema@.funding, @extschema@.funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_ne(@extschema@.funding, @extschema@.funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_lt(@extschema@.funding, @extschema@.funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_le(@extschema@.funding, @extschema@.funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_gt(@extschema@.funding, @extschema@.funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_ge(@extschema@.funding, @extschema@.funding)
RETURNS boolean AS 'MODULE_PATHNAME', 'funding_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_cmp(@extschema@.funding, @extschema@.funding)
RETURNS integer AS 'MODULE_PATHNAME', 'funding_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_sortsupport(internal)
RETURNS void AS 'MODULE_PATHNAME', 'funding_sortsupport'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_hash(@extschema@.funding)
RETURNS integer AS 'MODULE_PATHNAME', 'funding_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_hash_extended(@extschema@.funding, bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_smaller(@extschema@.funding, @extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_smaller'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_larger(@extschema@.funding, @extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_larger'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	MERGES, HASHES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR CLASS @extschema@.funding_ops
DEFAULT FOR TYPE @extschema@.funding USING btree AS
	OPERATOR 1 @extschema@.< ,
	OPERATOR 2 @extschema@.<= ,
	OPERATOR 3 @extschema@.= ,
	OPERATOR 4 @extschema@.>= ,
	OPERATOR 5 @extschema@.> ,
	FUNCTION 1 @extschema@.funding_cmp(@extschema@.funding, @extschema@.funding),
	FUNCTION 2 @extschema@.funding_sortsupport(internal);

CREATE OPERATOR CLASS @extschema@.funding_hash_ops
DEFAULT FOR TYPE @extschema@.funding USING hash AS
	OPERATOR 1 @extschema@.= ,
	FUNCTION 1 @extschema@.funding_hash(@extschema@.funding),
	FUNCTION 2 @extschema@.funding_hash_extended(@extschema@.funding, bigint);

COMMENT ON OPERATOR @extschema@.= (@extschema@.funding, @extschema@.funding) IS 'equal: both components equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.funding, @extschema@.funding) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.funding, @extschema@.funding) IS 'less than: by total, then national';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.funding, @extschema@.funding) IS 'less than or equal: by total, then national';
COMMENT ON OPERATOR @extschema@.> (@extschema@.funding, @extschema@.funding) IS 'greater than: by total, then national';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.funding, @extschema@.funding) IS 'greater than or equal: by total, then national';
COMMENT ON FUNCTION @extschema@.funding_cmp(@extschema@.funding, @extschema@.funding) IS 'btree comparison: by total, then national';
COMMENT ON FUNCTION @extschema@.funding_hash(@extschema@.funding) IS 'hash for hash joins, hashed aggregation and hash indexes';
COMMENT ON OPERATOR CLASS @extschema@.funding_ops USING btree IS 'default btree operator class: by total, then national';
COMMENT ON OPERATOR CLASS @extschema@.funding_hash_ops USING hash IS 'default hash operator class';
-- Arithmetic.  SPEC §1.4: components rounded half away from zero to whole
-- won; overflow 22003; division by zero 22012.

CREATE FUNCTION @extschema@.funding_add(@extschema@.funding, @extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_add'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sub(@extschema@.funding, @extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_sub'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_neg(@extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_neg'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_mul(@extschema@.funding, numeric)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_mul'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.numeric_mul_funding(numeric, @extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'numeric_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_div(@extschema@.funding, numeric)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_div'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.+ (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_add,
	COMMUTATOR = OPERATOR(@extschema@.+)
);
CREATE OPERATOR @extschema@.- (
	LEFTARG = @extschema@.funding, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_sub
);
CREATE OPERATOR @extschema@.- (
	RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_neg
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.funding, RIGHTARG = numeric,
	FUNCTION = @extschema@.funding_mul,
	COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = numeric, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.numeric_mul_funding,
	COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.funding, RIGHTARG = numeric,
	FUNCTION = @extschema@.funding_div
);

COMMENT ON OPERATOR @extschema@.+ (@extschema@.funding, @extschema@.funding) IS 'add componentwise';
COMMENT ON OPERATOR @extschema@.- (@extschema@.funding, @extschema@.funding) IS 'subtract componentwise';
COMMENT ON OPERATOR @extschema@.- (NONE, @extschema@.funding) IS 'negate';
COMMENT ON OPERATOR @extschema@.* (@extschema@.funding, numeric) IS 'scale; each component rounded half away from zero to whole won';
COMMENT ON OPERATOR @extschema@.* (numeric, @extschema@.funding) IS 'scale; each component rounded half away from zero to whole won';
COMMENT ON OPERATOR @extschema@./ (@extschema@.funding, numeric) IS 'divide; each component rounded half away from zero to whole won';
-- Aggregates.  SPEC §1.5: exact (128-bit state), NULLs ignored, empty
-- input NULL, parallel (combine/serialize), and moving-aggregate support so
-- that sliding window frames stay O(n).

CREATE FUNCTION @extschema@.funding_sum_accum(internal, @extschema@.funding)
RETURNS internal AS 'MODULE_PATHNAME', 'funding_sum_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_inverse(internal, @extschema@.funding)
RETURNS internal AS 'MODULE_PATHNAME', 'funding_sum_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_combine(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'funding_sum_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_serialize(internal)
RETURNS bytea AS 'MODULE_PATHNAME', 'funding_sum_serialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_deserialize(bytea, internal)
RETURNS internal AS 'MODULE_PATHNAME', 'funding_sum_deserialize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_final(internal)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_sum_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_avg_final(internal)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_avg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE @extschema@.sum(@extschema@.funding) (
	SFUNC = @extschema@.funding_sum_accum,
	STYPE = internal,
	SSPACE = 48,
	FINALFUNC = @extschema@.funding_sum_final,
	COMBINEFUNC = @extschema@.funding_sum_combine,
	SERIALFUNC = @extschema@.funding_sum_serialize,
	DESERIALFUNC = @extschema@.funding_sum_deserialize,
	MSFUNC = @extschema@.funding_sum_accum,
	MINVFUNC = @extschema@.funding_sum_inverse,
	MSTYPE = internal,
	MSSPACE = 48,
	MFINALFUNC = @extschema@.funding_sum_final,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.avg(@extschema@.funding) (
	SFUNC = @extschema@.funding_sum_accum,
	STYPE = internal,
	SSPACE = 48,
	FINALFUNC = @extschema@.funding_avg_final,
	COMBINEFUNC = @extschema@.funding_sum_combine,
	SERIALFUNC = @extschema@.funding_sum_serialize,
	DESERIALFUNC = @extschema@.funding_sum_deserialize,
	MSFUNC = @extschema@.funding_sum_accum,
	MINVFUNC = @extschema@.funding_sum_inverse,
	MSTYPE = internal,
	MSSPACE = 48,
	MFINALFUNC = @extschema@.funding_avg_final,
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.min(@extschema@.funding) (
	SFUNC = @extschema@.funding_smaller,
	STYPE = @extschema@.funding,
	COMBINEFUNC = @extschema@.funding_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.max(@extschema@.funding) (
	SFUNC = @extschema@.funding_larger,
	STYPE = @extschema@.funding,
	COMBINEFUNC = @extschema@.funding_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.sum(@extschema@.funding) IS 'exact sum of funding; NULL for no rows';
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.funding) IS 'average of funding, each component rounded half away from zero to whole won';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.funding) IS 'smallest funding value (by total, then national)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.funding) IS 'largest funding value (by total, then national)';
-- apportion: split a pool across a window partition by largest remainder.
-- SPEC §1.5.  Window functions see the whole partition; they are not
-- strict (a NULL weight yields NULL for its row only).

CREATE FUNCTION @extschema@.apportion(pool bigint, weight numeric)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.apportion(pool bigint, weight numeric, unit bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.apportion(pool @extschema@.funding, weight numeric)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.apportion(pool @extschema@.funding, weight numeric, unit bigint)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.apportion(bigint, numeric) IS
'window function: the row''s share of pool in proportion to weight, by largest remainder; shares add up to pool';
COMMENT ON FUNCTION @extschema@.apportion(bigint, numeric, bigint) IS
'window function: the row''s share of pool in multiples of unit, by largest remainder; shares add up to pool';
COMMENT ON FUNCTION @extschema@.apportion(@extschema@.funding, numeric) IS
'window function: each component of pool apportioned by weight, by largest remainder';
COMMENT ON FUNCTION @extschema@.apportion(@extschema@.funding, numeric, bigint) IS
'window function: each component of pool apportioned by weight in multiples of unit, by largest remainder';
-- The regional-policy schema: provinces, super-regions, programmes,
-- allocations, clusters, evaluation agencies, committee figures.  SPEC §2.
--
-- Reference rows (shipped with the extension, from the source document)
-- are protected by reference_guard() and are never dumped; rows users add
-- are dumped by pg_dump (pg_extension_config_dump, at the end of
-- 70-reference.sql).  Programme ids below 1000 are reserved for reference
-- rows; user programmes get ids from 1000 up.

-- Reference rows may be written only by the extension's own scripts, which
-- create these triggers after loading them (and disable them in upgrades).
CREATE FUNCTION @extschema@.reference_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- TG_ARGV[0]: 'all' (every row is reference data) or the name of an
	-- integer key column below 1000 for reference rows.
	IF TG_OP = 'TRUNCATE' OR TG_ARGV[0] = 'all'
	   OR (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> TG_ARGV[0])::bigint < 1000)
	   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> TG_ARGV[0])::bigint < 1000) THEN
		RAISE EXCEPTION 'cannot % reference data in table %', lower(TG_OP), TG_TABLE_NAME
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = 'Rows shipped with regionpolicy are read-only'
						   || CASE WHEN TG_ARGV[0] = 'all' THEN '.'
								   ELSE format('; %s values below 1000 are reserved for them.', TG_ARGV[0]) END,
				  HINT = 'Add your own rows instead; report errors in reference data upstream.';
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_guard() IS
'trigger: refuses writes to reference rows shipped with the extension (SQLSTATE 42501)';

-- Provinces ---------------------------------------------------------------

CREATE TABLE @extschema@.province (
	code text PRIMARY KEY
		CONSTRAINT province_code_two_digits CHECK (code ~ '^[0-9]{2}$'),
	kostat_code text NOT NULL UNIQUE
		CONSTRAINT province_kostat_code_two_digits CHECK (kostat_code ~ '^[0-9]{2}$'),
	iso_code text NOT NULL UNIQUE
		CONSTRAINT province_iso_code_format CHECK (iso_code ~ '^KR-[0-9]{2}$'),
	name_ko text NOT NULL UNIQUE,
	short_ko text NOT NULL UNIQUE,
	name_en text NOT NULL UNIQUE,
	capital_area boolean NOT NULL,
	note text,
	UNIQUE (code, capital_area)
);
COMMENT ON TABLE @extschema@.province IS
'the 17 시·도; code is the current 행정표준코드/법정동코드 province prefix; kostat_code (통계청) and iso_code (ISO 3166-2) are other numberings, kept apart on purpose';
COMMENT ON COLUMN @extschema@.province.code IS 'current 2-digit 행정표준코드 / 법정동코드 prefix (강원 51, 전북 52)';
COMMENT ON COLUMN @extschema@.province.kostat_code IS 'Statistics Korea numbering: a different system (21 is 부산, 26 is 울산)';
COMMENT ON COLUMN @extschema@.province.iso_code IS 'ISO 3166-2 code for map tools (강원 KR-42, 제주 KR-49, 세종 KR-50)';
COMMENT ON COLUMN @extschema@.province.capital_area IS 'true for 서울, 인천, 경기 (수도권)';

-- Every other way of writing a province: former codes and names, spellings.
CREATE TABLE @extschema@.province_alias (
	alias text PRIMARY KEY,
	province_code text NOT NULL REFERENCES @extschema@.province (code),
	kind text NOT NULL
		CONSTRAINT province_alias_kind_known
		CHECK (kind IN ('name', 'former name', 'former code', 'english', 'former english')),
	valid_until date,
	CONSTRAINT province_alias_not_blank CHECK (alias = btrim(alias) AND alias <> '')
);
CREATE UNIQUE INDEX province_alias_lower_idx ON @extschema@.province_alias (lower(alias));
COMMENT ON TABLE @extschema@.province_alias IS
'former codes and names and other spellings of provinces, for province_code(); valid_until is the last day a former name or code was current';

-- Super-regions (초광역 협력권) -------------------------------------------

CREATE TABLE @extschema@.superregion (
	id smallint PRIMARY KEY,
	name_ko text NOT NULL UNIQUE,
	industry_ko text NOT NULL,
	industry_en text NOT NULL
);
COMMENT ON TABLE @extschema@.superregion IS
'the five 초광역 협력권 chosen by the regions, with their cooperation industries (협력산업); name_ko lists the members as the source document does';

CREATE TABLE @extschema@.superregion_member (
	superregion_id smallint NOT NULL REFERENCES @extschema@.superregion (id),
	province_code text NOT NULL REFERENCES @extschema@.province (code),
	PRIMARY KEY (superregion_id, province_code)
);
CREATE INDEX superregion_member_province_idx ON @extschema@.superregion_member (province_code);
COMMENT ON TABLE @extschema@.superregion_member IS 'which provinces form each super-region';

-- Programmes --------------------------------------------------------------

CREATE TABLE @extschema@.program (
	id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1000) PRIMARY KEY,
	parent_id integer,
	ministry text NOT NULL
		CONSTRAINT program_ministry_known CHECK (ministry IN ('MSS', 'MOTIE')),
	fiscal_year integer NOT NULL
		CONSTRAINT program_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2000 AND 2100),
	name_ko text NOT NULL
		CONSTRAINT program_name_not_blank CHECK (btrim(name_ko) <> ''),
	name_en text,
	declared @extschema@.funding,
	children_complete boolean NOT NULL DEFAULT false,
	support_years smallint
		CONSTRAINT program_support_years_positive CHECK (support_years > 0),
	annual_cap bigint
		CONSTRAINT program_annual_cap_positive CHECK (annual_cap > 0),
	government_share numeric
		CONSTRAINT program_government_share_fraction CHECK (government_share > 0 AND government_share <= 1),
	selection_mode text,
	announced_on date,
	applications_from date,
	applications_until date,
	selection_period text,
	note text,
	reference boolean GENERATED ALWAYS AS (id < 1000) STORED,
	UNIQUE (id, ministry, fiscal_year),
	UNIQUE (id, fiscal_year),
	CONSTRAINT program_not_own_parent CHECK (parent_id <> id),
	CONSTRAINT program_declared_not_negative
		CHECK (declared IS NULL OR (@extschema@.national(declared) >= 0 AND @extschema@.local(declared) >= 0)),
	CONSTRAINT program_applications_in_order CHECK (applications_from <= applications_until),
	-- a sub-programme belongs to its parent's ministry and year; deferred,
	-- so that a restore may load a child before its parent
	CONSTRAINT program_parent_fkey FOREIGN KEY (parent_id, ministry, fiscal_year)
		REFERENCES @extschema@.program (id, ministry, fiscal_year)
		DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX program_parent_idx ON @extschema@.program (parent_id);
CREATE INDEX program_year_ministry_idx ON @extschema@.program (fiscal_year, ministry);
COMMENT ON TABLE @extschema@.program IS
'budget programmes as a tree; declared is the amount as announced (NULL when none was), children_complete says the children are meant to add up to it';
COMMENT ON COLUMN @extschema@.program.declared IS 'funding as announced; NULL when not announced';
COMMENT ON COLUMN @extschema@.program.children_complete IS 'true when the children are meant to add up to declared (see the reconciliation view)';
COMMENT ON COLUMN @extschema@.program.annual_cap IS 'support limit per project per year (지원 한도), in won';
COMMENT ON COLUMN @extschema@.program.government_share IS 'largest share of project cost the government pays (지원금 비중), as a fraction';
COMMENT ON COLUMN @extschema@.program.reference IS 'true for rows shipped with the extension (ids below 1000)';

-- No cycles in the tree.  The walk is bounded by the depth of the tree.
CREATE FUNCTION @extschema@.program_no_cycle()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.parent_id IS NOT NULL AND EXISTS (
		WITH RECURSIVE up(id, parent_id, path) AS (
			SELECT p.id, p.parent_id, ARRAY[p.id]
			FROM @extschema@.program p WHERE p.id = NEW.parent_id
			UNION ALL
			SELECT p.id, p.parent_id, up.path || p.id
			FROM @extschema@.program p JOIN up ON p.id = up.parent_id
			WHERE NOT p.id = ANY (up.path)
		)
		SELECT 1 FROM up WHERE up.id = NEW.id)
	THEN
		RAISE EXCEPTION 'program % cannot have % as parent: the tree would have a cycle', NEW.id, NEW.parent_id
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER program_no_cycle
	BEFORE INSERT OR UPDATE OF parent_id ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.program_no_cycle();
COMMENT ON FUNCTION @extschema@.program_no_cycle() IS 'trigger: the programme tree has no cycles';

CREATE TABLE @extschema@.program_target (
	program_id integer NOT NULL REFERENCES @extschema@.program (id),
	indicator text NOT NULL
		CONSTRAINT program_target_indicator_known CHECK (indicator IN ('jobs', 'sales')),
	quantity numeric NOT NULL
		CONSTRAINT program_target_positive CHECK (quantity > 0),
	unit text NOT NULL
		CONSTRAINT program_target_unit_known CHECK (unit IN ('persons', 'won')),
	PRIMARY KEY (program_id, indicator)
);
COMMENT ON TABLE @extschema@.program_target IS 'targets announced with a programme (new jobs, sales from commercialisation)';

-- Allocations: the fact table ----------------------------------------------

CREATE TABLE @extschema@.allocation (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	program_id integer NOT NULL,
	province_code text REFERENCES @extschema@.province (code),
	fiscal_year integer NOT NULL,
	amount @extschema@.funding NOT NULL,
	phase text NOT NULL DEFAULT 'planned'
		CONSTRAINT allocation_phase_known CHECK (phase IN ('planned', 'approved', 'adjusted', 'executed')),
	note text,
	-- the allocation's year is its programme's year
	CONSTRAINT allocation_program_fkey FOREIGN KEY (program_id, fiscal_year)
		REFERENCES @extschema@.program (id, fiscal_year),
	-- plans and budgets are not negative; adjustments and execution may be
	-- (cuts, recoveries)
	CONSTRAINT allocation_budget_not_negative
		CHECK (phase IN ('adjusted', 'executed')
			   OR (@extschema@.national(amount) >= 0 AND @extschema@.local(amount) >= 0))
);
CREATE INDEX allocation_year_province_phase_idx ON @extschema@.allocation (fiscal_year, province_code, phase);
CREATE INDEX allocation_program_idx ON @extschema@.allocation (program_id);
CREATE INDEX allocation_province_idx ON @extschema@.allocation (province_code);
COMMENT ON TABLE @extschema@.allocation IS
'money of a programme for a province (or for no single province) in a fiscal year and budget phase';
COMMENT ON COLUMN @extschema@.allocation.province_code IS 'NULL for lines that belong to no single province';
COMMENT ON COLUMN @extschema@.allocation.phase IS 'planned (default), approved, adjusted or executed: the budget phases of the Fiscal Data Package standard';

-- Clusters (지역혁신협력지구) ---------------------------------------------

CREATE TABLE @extschema@.cluster (
	id integer PRIMARY KEY,
	province_code text NOT NULL UNIQUE,
	capital_area boolean NOT NULL DEFAULT false
		CONSTRAINT cluster_not_capital_area CHECK (NOT capital_area),
	name_ko text NOT NULL,
	designated_year integer NOT NULL,
	-- one per non-capital province
	CONSTRAINT cluster_province_fkey FOREIGN KEY (province_code, capital_area)
		REFERENCES @extschema@.province (code, capital_area)
);
COMMENT ON TABLE @extschema@.cluster IS
'the regional innovation clusters (지역혁신협력지구), one per non-capital province, designated in 2018';

-- Evaluation agencies and committee figures --------------------------------

CREATE TABLE @extschema@.evaluation_agency (
	province_code text PRIMARY KEY REFERENCES @extschema@.province (code),
	name_ko text NOT NULL UNIQUE,
	address text NOT NULL,
	telephone text NOT NULL
);
COMMENT ON TABLE @extschema@.evaluation_agency IS
'the 14 regional evaluation agencies (지역사업평가단), address and telephone as published in February 2023';

CREATE TABLE @extschema@.committee_figure (
	key text PRIMARY KEY,
	label_ko text NOT NULL,
	quantity numeric,
	unit text,
	amount @extschema@.funding,
	amount_total bigint,
	period text,
	CONSTRAINT committee_figure_one_kind
		CHECK ((quantity IS NOT NULL AND unit IS NOT NULL AND amount IS NULL AND amount_total IS NULL)
			   OR (quantity IS NULL AND unit IS NULL AND (amount IS NOT NULL OR amount_total IS NOT NULL)))
);
COMMENT ON TABLE @extschema@.committee_figure IS
'headline figures of the 2023 1st Regional Economic Committee, as published: counts, or amounts (funding when the split was given, amount_total in won when only a total was)';
-- Reference data.  SPEC §4: from the 2023 1st Regional Economic Committee
-- press release (MSS and MOTIE, 2023-02-27), entered exactly as published;
-- where published parts and totals disagree, the reconciliation view shows
-- it.  The province code tables (행정표준코드, Statistics Korea, ISO 3166-2)
-- are not in the release; they are the published code lists.

INSERT INTO @extschema@.province (code, kostat_code, iso_code, name_ko, short_ko, name_en, capital_area, note) VALUES
	('11', '11', 'KR-11', '서울특별시', '서울', 'Seoul', true, NULL),
	('26', '21', 'KR-26', '부산광역시', '부산', 'Busan', false, NULL),
	('27', '22', 'KR-27', '대구광역시', '대구', 'Daegu', false, NULL),
	('28', '23', 'KR-28', '인천광역시', '인천', 'Incheon', true, NULL),
	('29', '24', 'KR-29', '광주광역시', '광주', 'Gwangju', false, NULL),
	('30', '25', 'KR-30', '대전광역시', '대전', 'Daejeon', false, NULL),
	('31', '26', 'KR-31', '울산광역시', '울산', 'Ulsan', false, NULL),
	('36', '29', 'KR-50', '세종특별자치시', '세종', 'Sejong', false, NULL),
	('41', '31', 'KR-41', '경기도', '경기', 'Gyeonggi', true, NULL),
	('51', '32', 'KR-42', '강원특별자치도', '강원', 'Gangwon State', false,
	 '행정표준코드 42 until 2023-06-10, 51 since 강원특별자치도 began on 2023-06-11; ISO 3166-2 keeps KR-42'),
	('43', '33', 'KR-43', '충청북도', '충북', 'North Chungcheong', false, NULL),
	('44', '34', 'KR-44', '충청남도', '충남', 'South Chungcheong', false, NULL),
	('52', '35', 'KR-45', '전북특별자치도', '전북', 'Jeonbuk State', false,
	 '행정표준코드 45 until 2024-01-17, 52 since 전북특별자치도 began on 2024-01-18; ISO 3166-2 keeps KR-45; the KOSTAT code 35 is unverified'),
	('46', '36', 'KR-46', '전라남도', '전남', 'South Jeolla', false, NULL),
	('47', '37', 'KR-47', '경상북도', '경북', 'North Gyeongsang', false, NULL),
	('48', '38', 'KR-48', '경상남도', '경남', 'South Gyeongsang', false, NULL),
	('50', '39', 'KR-49', '제주특별자치도', '제주', 'Jeju', false, NULL);

INSERT INTO @extschema@.province_alias (alias, province_code, kind, valid_until) VALUES
	('42', '51', 'former code', '2023-06-10'),
	('45', '52', 'former code', '2024-01-17'),
	('강원도', '51', 'former name', '2023-06-10'),
	('전라북도', '52', 'former name', '2024-01-17'),
	('제주도', '50', 'former name', '2006-06-30'),
	('Gangwon-do', '51', 'former english', '2023-06-10'),
	('Gangwon Province', '51', 'former english', '2023-06-10'),
	('Jeollabuk-do', '52', 'former english', '2024-01-17'),
	('North Jeolla', '52', 'former english', '2024-01-17'),
	('서울시', '11', 'name', NULL),
	('부산시', '26', 'name', NULL),
	('대구시', '27', 'name', NULL),
	('인천시', '28', 'name', NULL),
	('대전시', '30', 'name', NULL),
	('울산시', '31', 'name', NULL),
	('세종시', '36', 'name', NULL),
	('강원', '51', 'name', NULL),
	('전북', '52', 'name', NULL),
	('Gangwon', '51', 'english', NULL),
	('Gangwon-teukbyeoljachido', '51', 'english', NULL),
	('Jeonbuk', '52', 'english', NULL),
	('Jeonbuk-teukbyeoljachido', '52', 'english', NULL),
	('Gyeonggi-do', '41', 'english', NULL),
	('Chungcheongbuk-do', '43', 'english', NULL),
	('Chungbuk', '43', 'english', NULL),
	('Chungcheongnam-do', '44', 'english', NULL),
	('Chungnam', '44', 'english', NULL),
	('Jeollanam-do', '46', 'english', NULL),
	('Jeonnam', '46', 'english', NULL),
	('Gyeongsangbuk-do', '47', 'english', NULL),
	('Gyeongbuk', '47', 'english', NULL),
	('Gyeongsangnam-do', '48', 'english', NULL),
	('Gyeongnam', '48', 'english', NULL),
	('Jeju-do', '50', 'english', NULL),
	('Jeju-teukbyeoljachido', '50', 'english', NULL);
-- "광주시" is left out on purpose: it is also a city of 경기도.

INSERT INTO @extschema@.superregion (id, name_ko, industry_ko, industry_en) VALUES
	(1, '부산·울산·경남', '친환경지능형(스마트)조선해양', 'eco-friendly smart shipbuilding and offshore'),
	(2, '광주·전남', '신재생에너지기반 지능형전력시스템', 'smart power systems on renewable energy'),
	(3, '충북·강원·제주', '생명공학(바이오)진단치료의료기기', 'biotech diagnostic and therapeutic medical devices'),
	(4, '전북·대구·경북', '전기자율차', 'electric and autonomous vehicles'),
	(5, '대전·세종·충남', '디지털건강 관리(헬스케어)', 'digital healthcare');

INSERT INTO @extschema@.superregion_member (superregion_id, province_code) VALUES
	(1, '26'), (1, '31'), (1, '48'),
	(2, '29'), (2, '46'),
	(3, '43'), (3, '51'), (3, '50'),
	(4, '52'), (4, '27'), (4, '47'),
	(5, '30'), (5, '36'), (5, '44');

-- Programmes.  Ids below 1000 are reference rows.
--
-- MSS, 2023 regional industry promotion plan (지역산업진흥계획): 2,864억 =
-- 정부 2,049억 + 지방비 815억.  Its sub-programmes of 지역특화산업육성 are
-- published as one budget figure each ("지원규모는 해당사업의 당해연도
-- 사업예산"): recorded as national (정부) funds.  Support period and
-- government share are maxima (붙임 5).
INSERT INTO @extschema@.program
	(id, parent_id, ministry, fiscal_year, name_ko, name_en, declared, children_complete,
	 support_years, annual_cap, government_share, selection_mode,
	 announced_on, applications_from, applications_until, selection_period, note)
OVERRIDING SYSTEM VALUE VALUES
	(1, NULL, 'MSS', 2023, '2023년도 지역산업진흥계획', 'Regional industry promotion plan 2023',
	 '2,864억원(정부 2,049억원, 지방비 815억원)', false,
	 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	 'covers 지역주력산업, 지역혁신 선도기업, 시군구연고산업 and more; only 지역특화산업육성 is itemised in the release'),
	(2, 1, 'MSS', 2023, '지역특화산업육성', 'Regional specialised industry development',
	 NULL, false,
	 NULL, NULL, NULL, NULL, '2023-02-28', '2023-03-15', '2023-03-29', '2023-04',
	 'no total published; announced 2.28, applications 3.15~29, selection in April'),
	(3, 2, 'MSS', 2023, '지역주력산업 R&D', 'Regional main industry R&D',
	 '국비 1,207억', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '선정규모 1,207억원 (신규 879, 계속 328)'),
	(4, 3, 'MSS', 2023, '지역주력산업 R&D 신규', 'Regional main industry R&D, new',
	 '국비 879억', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(5, 4, 'MSS', 2023, '자유공모', 'Open call',
	 '국비 688억', false, 2, 200000000, 0.80, '자유공모', NULL, NULL, NULL, NULL, NULL),
	(6, 4, 'MSS', 2023, '품목지정', 'Designated items',
	 '국비 108억', false, 2, 400000000, 0.80, '품목지정', NULL, NULL, NULL, NULL, NULL),
	(7, 4, 'MSS', 2023, '지역혁신 선도기업', 'Regional innovation leading companies',
	 '국비 83억', false, 3, 300000000, 0.80, '자유공모', NULL, NULL, NULL, NULL, NULL),
	(8, 3, 'MSS', 2023, '지역주력산업 R&D 계속', 'Regional main industry R&D, continuing',
	 '국비 328억', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(9, 2, 'MSS', 2023, '지역스타기업 R&D', 'Regional star company R&D',
	 '국비 323억', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '선정규모 323억원 (신규 234, 계속 89)'),
	(10, 9, 'MSS', 2023, '지역스타기업 R&D 신규', 'Regional star company R&D, new',
	 '국비 234억', false, 2, 200000000, 0.80, '자유공모', NULL, NULL, NULL, NULL, NULL),
	(11, 9, 'MSS', 2023, '지역스타기업 R&D 계속', 'Regional star company R&D, continuing',
	 '국비 89억', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
	(12, 2, 'MSS', 2023, '지역주력산업지원', 'Regional main industry support',
	 '국비 259.1억', false, 2, 500000000, 1.00, '프로그램 지정', NULL, NULL, NULL, NULL, '선정규모 259.1억원 (신규)');

-- MOTIE, 2023 regional projects plan (지역사업추진계획): four programmes,
-- "총 4,232억원(국비 2,854억원, 지방비 1,378억원)".  The four published
-- splits add up to 국비 2,853억 and 지방비 1,791억: entered as published.
INSERT INTO @extschema@.program (id, parent_id, ministry, fiscal_year, name_ko, name_en, declared, children_complete, note)
OVERRIDING SYSTEM VALUE VALUES
	(20, NULL, 'MOTIE', 2023, '2023년도 지역사업추진계획', 'Regional projects plan 2023',
	 '총 4,232억원(국비 2,854억원, 지방비 1,378억원)', true, '4개 사업'),
	(21, 20, 'MOTIE', 2023, '지역혁신협력지구(클러스터)육성', 'Regional innovation clusters',
	 '국비 929억, 지방비 433억', false, NULL),
	(22, 20, 'MOTIE', 2023, '지역협력혁신성장', 'Regional cooperative innovation growth',
	 '국비 107억, 지방비 459억', false, NULL),
	(23, 20, 'MOTIE', 2023, '사회적경제혁신성장', 'Social economy innovation growth',
	 '국비 210억, 지방비 210억', false, NULL),
	(24, 20, 'MOTIE', 2023, '지능형(스마트) 특성화기반구축', 'Smart specialised infrastructure',
	 '국비 1,607억, 지방비 689억', false, NULL);

INSERT INTO @extschema@.program_target (program_id, indicator, quantity, unit) VALUES
	(1, 'jobs', 3623, 'persons'),
	(1, 'sales', 821500000000, 'won');

INSERT INTO @extschema@.cluster (id, province_code, name_ko, designated_year) VALUES
	(1, '26', '부산 지역혁신협력지구', 2018),
	(2, '27', '대구 지역혁신협력지구', 2018),
	(3, '29', '광주 지역혁신협력지구', 2018),
	(4, '30', '대전 지역혁신협력지구', 2018),
	(5, '31', '울산 지역혁신협력지구', 2018),
	(6, '36', '세종 지역혁신협력지구', 2018),
	(7, '51', '강원 지역혁신협력지구', 2018),
	(8, '43', '충북 지역혁신협력지구', 2018),
	(9, '44', '충남 지역혁신협력지구', 2018),
	(10, '52', '전북 지역혁신협력지구', 2018),
	(11, '46', '전남 지역혁신협력지구', 2018),
	(12, '47', '경북 지역혁신협력지구', 2018),
	(13, '48', '경남 지역혁신협력지구', 2018),
	(14, '50', '제주 지역혁신협력지구', 2018);

-- 붙임 5, 지역별 문의처: as published in February 2023 (so 강원도 and
-- 전라북도 in the addresses, before their renaming).
INSERT INTO @extschema@.evaluation_agency (province_code, name_ko, address, telephone) VALUES
	('26', '(재)부산지역사업평가단', '부산광역시 사상구 엄궁로 70-16, 부산테크노파크 1층 112호', '(051)315-9263~6'),
	('27', '(재)대구지역사업평가단', '대구광역시 북구 경대로17길 47, 경북대학교 IT융합산업빌딩 10층 1003호', '(053)818-9564~5, 9599'),
	('30', '(재)대전지역사업평가단', '대전광역시 유성구 테크노9로 35, 대전테크노파크 IT전용 벤처타운 121호', '(042)864-4271, 4275, 4278, 4277'),
	('29', '(재)광주지역사업평가단', '광주광역시 북구 추암로 249, 광주이노비즈센터 9층', '(062)604-9121, 9124'),
	('31', '(재)울산지역사업평가단', '울산광역시 중구 종가로 362-11, 울산과학기술진흥센터 201호', '(052)248-5763, 5766, 5768, 5769'),
	('51', '(재)강원지역사업평가단', '강원도 춘천시 강원대학길 1, 강원대학교 60주년기념관 8층', '(033)258-2681, 2655'),
	('43', '(재)충북지역사업평가단', '충청북도 청주시 흥덕구 오송읍 오송생명1로 194-41, 충북산학 융합본부 기업연구1관 203호', '(043)278-2711, 2714, 2715, 2717'),
	('44', '(재)충남지역사업평가단', '충청남도 천안시 서북구 광장로 215, 충남경제종합지원센터 6층', '(041)415-2169'),
	('52', '(재)전북지역사업평가단', '전라북도 전주시 덕진구 백제대로 567, 전북대학교 건지원 1층', '(063)278-9734, 9739'),
	('46', '(재)전남지역사업평가단', '전라남도 나주시 그린로 370, 에너지밸리기업개발원 1층(빛가람동)', '(061)339-9722~5'),
	('47', '(재)경북지역사업평가단', '경상북도 경산시 삼풍로 27, 글로벌벤처동 4층 2403호', '(053)818-9503, 9507, 9509'),
	('48', '(재)경남지역사업평가단', '경상남도 창원시 의창구 창원대로18번길 22, 본부동 405호', '(055)259-3403, 3404, 3408, 3410'),
	('50', '(재)제주지역사업평가단', '제주특별자치도 제주시 첨단로 213-3, 스마트빌딩 420호', '(064)759-7422~4, 7426'),
	('36', '(재)세종지역사업평가단', '세종특별자치시 조치원읍 군청로 93, 세종SB플라자 5층 501호', '(044)863-9367, 9382');

INSERT INTO @extschema@.committee_figure (key, label_ko, quantity, unit, amount, amount_total, period) VALUES
	('provinces', '비수도권 시·도', 14, 'provinces', NULL, NULL, NULL),
	('main_industries_before', '기존 지역주력산업', 48, 'industries', NULL, NULL, NULL),
	('core_industries', '주축산업', 41, 'industries', NULL, NULL, NULL),
	('future_industries', '미래신산업', 19, 'industries', NULL, NULL, NULL),
	('home_industry_municipalities', '시군구연고산업 지원대상 기초지자체', 132, 'municipalities', NULL, NULL, NULL),
	('superregions', '초광역 협력권', 5, 'superregions', NULL, NULL, NULL),
	('investment_projects', '지역 투자사업(프로젝트)', 550, 'projects', NULL, NULL, NULL),
	('investment_projects_amount', '지역 투자사업(프로젝트) 규모', NULL, NULL, NULL, 65200000000000, NULL),
	('clusters_2018_2022', '지역혁신협력지구 지원 (국비, 지방비 등)', NULL, NULL,
	 '총 6,418억원(국비 3,759억원, 지방비 등 2,659억원)', NULL, '2018–2022'),
	('both_ministries_2023', '지역산업 육성, 기업 지원에 양 부처 투입 (headline, rounded)', NULL, NULL, NULL, 700000000000, '2023');

-- From here on reference rows are read-only.
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.province_alias
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.superregion
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.superregion_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.cluster
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.evaluation_agency
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.committee_figure
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('id');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('program_id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.province
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.province_alias
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.superregion
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.superregion_member
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.cluster
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.evaluation_agency
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.committee_figure
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program_target
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');

-- pg_dump keeps what users write, and only that.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program', 'WHERE id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_target', 'WHERE program_id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.allocation', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.allocation_id_seq', '');

-- province_code(text): any name or code of a province, to the current code.
CREATE FUNCTION @extschema@.province_code(name_or_code text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := btrim(name_or_code);
	result text;
BEGIN
	SELECT p.code INTO result
	FROM @extschema@.province p
	WHERE p.code = wanted OR p.iso_code = upper(wanted) OR p.name_ko = wanted
	   OR p.short_ko = wanted OR lower(p.name_en) = lower(wanted);
	IF result IS NULL THEN
		SELECT a.province_code INTO result
		FROM @extschema@.province_alias a
		WHERE lower(a.alias) = lower(wanted);
	END IF;
	IF result IS NULL THEN
		RAISE EXCEPTION 'unknown province: "%"', name_or_code
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give a Korean, short or English name (current or former), a 행정표준코드 (current or former) or an ISO 3166-2 code such as KR-26.';
	END IF;
	RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.province_code(text) IS
'the current 행정표준코드 of a province given any of its names or codes, current or former (42 → 51, 전라북도 → 52, KR-26 → 26); KOSTAT codes are not accepted, since they collide with 행정표준코드';
-- Views: what went where.  SPEC §2.  Views bind their operators and
-- functions when created, so they are immune to a caller's search_path.

CREATE VIEW @extschema@.region_totals AS
SELECT a.fiscal_year,
	   a.province_code,
	   p.name_ko,
	   a.phase,
	   @extschema@.national(a.amount) AS national,
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   a.amount
FROM (SELECT fiscal_year, province_code, phase, @extschema@.sum(amount) AS amount
	  FROM @extschema@.allocation
	  GROUP BY fiscal_year, province_code, phase) AS a
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
COMMENT ON VIEW @extschema@.region_totals IS
'one row per fiscal year, province and budget phase with allocations (phases are never added together); province_code NULL collects lines of no single province';

CREATE VIEW @extschema@.allocation_report AS
SELECT a.id AS allocation_id,
	   a.fiscal_year,
	   g.ministry,
	   a.program_id,
	   g.name_ko AS program,
	   a.province_code,
	   p.name_ko AS province_name,
	   a.phase,
	   @extschema@.national(a.amount) AS national,
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
COMMENT ON VIEW @extschema@.allocation_report IS
'one row per allocation with plain columns only (bigint won, numeric 억원): for BI tools, spreadsheets and any client that does not know the funding type';

CREATE VIEW @extschema@.reconciliation AS
SELECT g.id AS program_id,
	   g.name_ko,
	   g.declared,
	   c.computed,
	   c.computed - g.declared AS difference,
	   c.computed = g.declared AND c.undeclared_children = 0 AS agrees,
	   c.children,
	   c.undeclared_children
FROM @extschema@.program g
	 CROSS JOIN LATERAL (
		SELECT @extschema@.sum(k.declared) AS computed,
			   count(*) AS children,
			   count(*) FILTER (WHERE k.declared IS NULL) AS undeclared_children
		FROM @extschema@.program k
		WHERE k.parent_id = g.id) AS c
WHERE g.children_complete;
COMMENT ON VIEW @extschema@.reconciliation IS
'every programme whose children are meant to add up to its declared amount: declared, the sum of the children''s declared amounts (computed), computed − declared, and whether they agree';

CREATE VIEW @extschema@.ministry_totals AS
SELECT a.fiscal_year,
	   g.ministry,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS national,
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.sum(a.amount) AS amount
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
GROUP BY a.fiscal_year, g.ministry, a.phase;
COMMENT ON VIEW @extschema@.ministry_totals IS 'allocations summed per fiscal year, ministry and budget phase';

CREATE VIEW @extschema@.superregion_totals AS
SELECT a.fiscal_year,
	   s.id AS superregion_id,
	   s.name_ko,
	   s.industry_ko,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS national,
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.sum(a.amount) AS amount
FROM @extschema@.allocation a
	 JOIN @extschema@.superregion_member m ON m.province_code = a.province_code
	 JOIN @extschema@.superregion s ON s.id = m.superregion_id
GROUP BY a.fiscal_year, s.id, s.name_ko, s.industry_ko, a.phase;
COMMENT ON VIEW @extschema@.superregion_totals IS 'allocations of member provinces summed per fiscal year, super-region and budget phase';
-- Clusters: each region's self-diagnosis and stage (1 or 2), and the
-- performance evaluation that decides a differential share of national
-- funds (국비 차등지급).  SPEC §2.
--
-- The source document fixes no criteria, grades or weights.  The policy
-- tables ship ILLUSTRATIVE defaults (rows with valid_from = 0, read-only);
-- an administrator changes the policy for a fiscal year onwards by adding
-- rows with valid_from = that year.  For any year the policy in force is the
-- one with the greatest valid_from not after it.  The defaults, in one place:
--
--   stage-2 criteria: self-diagnosis score at least 70, and a body able to
--                     plan, evaluate and manage R&D
--   grades:           S ≥ 90 → 1.20, A ≥ 80 → 1.10, B ≥ 70 → 1.00,
--                     C ≥ 60 → 0.90, D ≥ 0 → 0.70   (after MOTIE's 2013
--                     신특화산업 grades: +25억/+10억/±0/−10억/−35억 on 115억)
--   stage weights:    stage 1 → 1.0, stage 2 → 1.2  (stage-2 regions run
--                     their own R&D planning and management)

CREATE TABLE @extschema@.cluster_diagnosis (
	cluster_id integer NOT NULL REFERENCES @extschema@.cluster (id),
	fiscal_year integer NOT NULL
		CONSTRAINT cluster_diagnosis_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	requested_stage smallint NOT NULL
		CONSTRAINT cluster_diagnosis_stage_1_or_2 CHECK (requested_stage IN (1, 2)),
	self_score numeric NOT NULL
		CONSTRAINT cluster_diagnosis_score_0_to_100 CHECK (self_score BETWEEN 0 AND 100),
	has_rnd_body boolean NOT NULL,
	workforce_program boolean NOT NULL,
	note text,
	PRIMARY KEY (cluster_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.cluster_diagnosis IS
'a region''s self-diagnosis (자체진단) for a fiscal year: the stage it asks for, its score, whether it has an R&D planning body, whether it runs the mandatory workforce programme';
COMMENT ON COLUMN @extschema@.cluster_diagnosis.has_rnd_body IS 'a body able to plan, evaluate and manage R&D (needed for stage 2 by default)';
COMMENT ON COLUMN @extschema@.cluster_diagnosis.workforce_program IS 'runs the workforce-training programme every stage must run (see cluster_compliance)';

CREATE TABLE @extschema@.cluster_evaluation (
	cluster_id integer NOT NULL REFERENCES @extschema@.cluster (id),
	fiscal_year integer NOT NULL
		CONSTRAINT cluster_evaluation_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	score numeric NOT NULL
		CONSTRAINT cluster_evaluation_score_0_to_100 CHECK (score BETWEEN 0 AND 100),
	note text,
	PRIMARY KEY (cluster_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.cluster_evaluation IS
'the performance evaluation (성과평가) of a cluster for a fiscal year, score 0–100; it decides the cluster''s grade';

-- Policy ------------------------------------------------------------------

CREATE TABLE @extschema@.stage2_criteria (
	valid_from integer PRIMARY KEY
		CONSTRAINT stage2_criteria_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	min_self_score numeric NOT NULL
		CONSTRAINT stage2_criteria_score_0_to_100 CHECK (min_self_score BETWEEN 0 AND 100),
	rnd_body_required boolean NOT NULL,
	note text
);
COMMENT ON TABLE @extschema@.stage2_criteria IS
'what a region needs for stage 2, from a fiscal year onwards; valid_from 0 is the shipped illustrative default';

CREATE TABLE @extschema@.grade_scale (
	valid_from integer NOT NULL
		CONSTRAINT grade_scale_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	grade text NOT NULL
		CONSTRAINT grade_scale_grade_not_blank CHECK (btrim(grade) <> ''),
	min_score numeric NOT NULL
		CONSTRAINT grade_scale_score_0_to_100 CHECK (min_score BETWEEN 0 AND 100),
	coefficient numeric NOT NULL
		CONSTRAINT grade_scale_coefficient_not_negative CHECK (coefficient >= 0),
	PRIMARY KEY (valid_from, grade),
	UNIQUE (valid_from, min_score)
);
COMMENT ON TABLE @extschema@.grade_scale IS
'evaluation grades from a fiscal year onwards: a score of at least min_score earns the grade and its funding coefficient; monotone, and one grade starts at 0; valid_from 0 is the shipped illustrative default';

CREATE TABLE @extschema@.stage_weight (
	valid_from integer NOT NULL
		CONSTRAINT stage_weight_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	stage smallint NOT NULL
		CONSTRAINT stage_weight_stage_1_or_2 CHECK (stage IN (1, 2)),
	weight numeric NOT NULL
		CONSTRAINT stage_weight_positive CHECK (weight > 0),
	PRIMARY KEY (valid_from, stage)
);
COMMENT ON TABLE @extschema@.stage_weight IS
'the weight of each stage in the differential split, from a fiscal year onwards; valid_from 0 is the shipped illustrative default';

-- A grade scale must cover every score once and pay better grades no less.
CREATE FUNCTION @extschema@.grade_scale_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	year integer;
BEGIN
	FOR year IN SELECT DISTINCT valid_from FROM @extschema@.grade_scale LOOP
		IF NOT EXISTS (SELECT 1 FROM @extschema@.grade_scale WHERE valid_from = year AND min_score = 0) THEN
			RAISE EXCEPTION 'the grade scale from % has no grade for a score of 0', year
				USING ERRCODE = 'check_violation', HINT = 'The lowest grade must start at min_score 0.';
		END IF;
		IF EXISTS (SELECT 1
				   FROM @extschema@.grade_scale lo JOIN @extschema@.grade_scale hi
						ON hi.valid_from = lo.valid_from AND hi.min_score > lo.min_score
				   WHERE lo.valid_from = year AND hi.coefficient < lo.coefficient) THEN
			RAISE EXCEPTION 'the grade scale from % is not monotone', year
				USING ERRCODE = 'check_violation',
					  DETAIL = 'A grade for higher scores has a smaller coefficient than a grade for lower scores.';
		END IF;
	END LOOP;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.grade_scale_check() IS 'trigger: every grade scale starts at 0 and is monotone';
CREATE CONSTRAINT TRIGGER grade_scale_check
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.grade_scale
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.grade_scale_check();

-- Both stages must have a weight in every policy that has one.
CREATE FUNCTION @extschema@.stage_weight_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT valid_from FROM @extschema@.stage_weight GROUP BY valid_from HAVING count(*) <> 2) THEN
		RAISE EXCEPTION 'stage weights must be given for both stages'
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.stage_weight_check() IS 'trigger: each stage-weight policy weighs both stages';
CREATE CONSTRAINT TRIGGER stage_weight_check
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.stage_weight
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stage_weight_check();

-- The illustrative defaults (see the top of this file).
INSERT INTO @extschema@.stage2_criteria (valid_from, min_self_score, rnd_body_required, note) VALUES
	(0, 70, true, 'illustrative default: the source document fixes no criteria');
INSERT INTO @extschema@.grade_scale (valid_from, grade, min_score, coefficient) VALUES
	(0, 'S', 90, 1.20),
	(0, 'A', 80, 1.10),
	(0, 'B', 70, 1.00),
	(0, 'C', 60, 0.90),
	(0, 'D', 0, 0.70);
INSERT INTO @extschema@.stage_weight (valid_from, stage, weight) VALUES
	(0, 1, 1.0),
	(0, 2, 1.2);

CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.stage2_criteria
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('valid_from');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.grade_scale
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('valid_from');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.stage_weight
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('valid_from');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.stage2_criteria
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.grade_scale
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.stage_weight
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');

SELECT pg_catalog.pg_extension_config_dump('@extschema@.cluster_diagnosis', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.cluster_evaluation', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.stage2_criteria', 'WHERE valid_from <> 0');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.grade_scale', 'WHERE valid_from <> 0');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.stage_weight', 'WHERE valid_from <> 0');

-- The policy in force in a fiscal year ------------------------------------

CREATE VIEW @extschema@.cluster_policy AS
SELECT y.fiscal_year,
	   c.min_self_score,
	   c.rnd_body_required,
	   w1.weight AS stage1_weight,
	   w2.weight AS stage2_weight,
	   g.valid_from AS grade_scale_from
FROM (SELECT DISTINCT fiscal_year FROM @extschema@.cluster_diagnosis
	  UNION SELECT DISTINCT fiscal_year FROM @extschema@.cluster_evaluation) AS y
	 CROSS JOIN LATERAL (SELECT * FROM @extschema@.stage2_criteria s
						 WHERE s.valid_from <= y.fiscal_year ORDER BY s.valid_from DESC LIMIT 1) AS c
	 CROSS JOIN LATERAL (SELECT max(valid_from) AS valid_from FROM @extschema@.stage_weight
						 WHERE valid_from <= y.fiscal_year) AS wv
	 JOIN @extschema@.stage_weight w1 ON w1.valid_from = wv.valid_from AND w1.stage = 1
	 JOIN @extschema@.stage_weight w2 ON w2.valid_from = wv.valid_from AND w2.stage = 2
	 CROSS JOIN LATERAL (SELECT max(valid_from) AS valid_from FROM @extschema@.grade_scale
						 WHERE valid_from <= y.fiscal_year) AS g;
COMMENT ON VIEW @extschema@.cluster_policy IS
'for every fiscal year with a diagnosis or an evaluation: the stage-2 criteria, stage weights and grade scale in force';

CREATE FUNCTION @extschema@.cluster_grade(score numeric, fiscal_year integer,
										 OUT grade text, OUT coefficient numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT g.grade, g.coefficient
	FROM @extschema@.grade_scale g
	WHERE g.valid_from = (SELECT max(v.valid_from) FROM @extschema@.grade_scale v
						  WHERE v.valid_from <= cluster_grade.fiscal_year)
	  AND g.min_score <= cluster_grade.score
	ORDER BY g.min_score DESC
	LIMIT 1
$$;
COMMENT ON FUNCTION @extschema@.cluster_grade(numeric, integer) IS
'the grade and funding coefficient a score earns under the grade scale in force in a fiscal year';

-- Stages ------------------------------------------------------------------

CREATE VIEW @extschema@.cluster_stages AS
SELECT c.id AS cluster_id,
	   c.province_code,
	   p.short_ko AS province,
	   d.fiscal_year,
	   d.requested_stage,
	   d.self_score,
	   d.has_rnd_body,
	   d.workforce_program,
	   (CASE WHEN d.requested_stage = 2 AND r.refusal IS NULL THEN 2 ELSE 1 END)::smallint AS stage,
	   r.refusal
FROM @extschema@.cluster c
	 JOIN @extschema@.province p ON p.code = c.province_code
	 JOIN @extschema@.cluster_diagnosis d ON d.cluster_id = c.id
	 JOIN @extschema@.cluster_policy k ON k.fiscal_year = d.fiscal_year
	 CROSS JOIN LATERAL (
		SELECT CASE WHEN d.requested_stage = 2 THEN
					nullif(concat_ws('; ',
						CASE WHEN d.self_score < k.min_self_score
							 THEN format('self-diagnosis score %s is below %s', d.self_score, k.min_self_score) END,
						CASE WHEN k.rnd_body_required AND NOT d.has_rnd_body
							 THEN 'no body to plan, evaluate and manage R&D' END), '')
			   END AS refusal) AS r;
COMMENT ON VIEW @extschema@.cluster_stages IS
'each diagnosed cluster and year: the stage it asked for, the stage it gets (2 only when asked for and the criteria are met), and why a stage-2 request was refused';

CREATE FUNCTION @extschema@.cluster_stage(cluster_id integer, fiscal_year integer)
RETURNS smallint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	result smallint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster c WHERE c.id = cluster_stage.cluster_id) THEN
		RAISE EXCEPTION 'there is no cluster %', cluster_stage.cluster_id
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT s.stage INTO result
	FROM @extschema@.cluster_stages s
	WHERE s.cluster_id = cluster_stage.cluster_id AND s.fiscal_year = cluster_stage.fiscal_year;
	-- No diagnosis: the region has not asked for stage 2.
	RETURN coalesce(result, 1);
END
$$;
COMMENT ON FUNCTION @extschema@.cluster_stage(integer, integer) IS
'1 or 2: stage 2 only when the region asked for it in its diagnosis for that year and meets the stage-2 criteria in force; 1 without a diagnosis';

CREATE VIEW @extschema@.cluster_compliance AS
SELECT c.id AS cluster_id,
	   c.province_code,
	   p.short_ko AS province,
	   d.fiscal_year,
	   'no workforce-training programme, which every stage must run'::text AS problem
FROM @extschema@.cluster_diagnosis d
	 JOIN @extschema@.cluster c ON c.id = d.cluster_id
	 JOIN @extschema@.province p ON p.code = c.province_code
WHERE NOT d.workforce_program;
COMMENT ON VIEW @extschema@.cluster_compliance IS
'clusters whose diagnosis lacks the workforce-training programme that is mandatory at every stage';

-- Differential funding -----------------------------------------------------

CREATE FUNCTION @extschema@.differential_funding(fiscal_year integer, pool bigint, unit bigint DEFAULT 1)
RETURNS TABLE (cluster_id integer, province_code text, stage smallint, score numeric,
			   grade text, coefficient numeric, weight numeric, "national" bigint)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	missing text;
BEGIN
	SELECT string_agg(format('%s (%s)', c.id, p.short_ko), ', ' ORDER BY c.id) INTO missing
	FROM @extschema@.cluster c
		 JOIN @extschema@.province p ON p.code = c.province_code
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster_evaluation e
					  WHERE e.cluster_id = c.id AND e.fiscal_year = differential_funding.fiscal_year);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION 'no evaluation for fiscal year % of cluster %', differential_funding.fiscal_year, missing
			USING ERRCODE = 'no_data_found',
				  HINT = 'Every cluster needs a row in cluster_evaluation before the pool can be split.';
	END IF;

	RETURN QUERY
	WITH scored AS (
		SELECT c.id, c.province_code,
			   @extschema@.cluster_stage(c.id, differential_funding.fiscal_year) AS stage,
			   e.score, g.grade, g.coefficient
		FROM @extschema@.cluster c
			 JOIN @extschema@.cluster_evaluation e
				  ON e.cluster_id = c.id AND e.fiscal_year = differential_funding.fiscal_year
			 CROSS JOIN LATERAL @extschema@.cluster_grade(e.score, differential_funding.fiscal_year) AS g
	), weighted AS (
		SELECT s.*, w.weight * s.coefficient AS weight
		FROM scored s
			 JOIN @extschema@.stage_weight w
				  ON w.stage = s.stage
				 AND w.valid_from = (SELECT max(v.valid_from) FROM @extschema@.stage_weight v
									 WHERE v.valid_from <= differential_funding.fiscal_year)
	)
	-- Ties go to the earlier row: the better score, so that within a stage
	-- a better score never gets less.
	SELECT x.id, x.province_code, x.stage, x.score, x.grade, x.coefficient, x.weight,
		   @extschema@.apportion(differential_funding.pool, x.weight, differential_funding.unit)
			   OVER (ORDER BY x.score DESC, x.id)
	FROM weighted x
	ORDER BY x.id;
END
$$;
COMMENT ON FUNCTION @extschema@.differential_funding(integer, bigint, bigint) IS
'the national pool split over all clusters by weight = stage weight × grade coefficient, by largest remainder in multiples of unit; the rows add up to the pool exactly; a cluster without an evaluation is an error naming it (P0002)';

CREATE FUNCTION @extschema@.allocate_differential_funding(
	program_id integer, fiscal_year integer, pool bigint, unit bigint DEFAULT 1,
	phase text DEFAULT 'planned', replace boolean DEFAULT false)
RETURNS SETOF @extschema@.allocation
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.allocation a
			   WHERE a.program_id = allocate_differential_funding.program_id
				 AND a.fiscal_year = allocate_differential_funding.fiscal_year
				 AND a.phase = allocate_differential_funding.phase) THEN
		IF NOT replace THEN
			RAISE EXCEPTION 'program % already has % allocations for fiscal year %',
				allocate_differential_funding.program_id, allocate_differential_funding.phase,
				allocate_differential_funding.fiscal_year
				USING ERRCODE = 'unique_violation',
					  HINT = 'Pass replace => true to replace them.';
		END IF;
		DELETE FROM @extschema@.allocation a
		WHERE a.program_id = allocate_differential_funding.program_id
		  AND a.fiscal_year = allocate_differential_funding.fiscal_year
		  AND a.phase = allocate_differential_funding.phase;
	END IF;
	RETURN QUERY
	INSERT INTO @extschema@.allocation (program_id, province_code, fiscal_year, amount, phase, note)
	SELECT allocate_differential_funding.program_id, d.province_code, allocate_differential_funding.fiscal_year,
		   @extschema@.funding(d.national, 0), allocate_differential_funding.phase,
		   format('differential funding: stage %s, grade %s', d.stage, d.grade)
	FROM @extschema@.differential_funding(allocate_differential_funding.fiscal_year,
										  allocate_differential_funding.pool,
										  allocate_differential_funding.unit) AS d
	RETURNING *;
END
$$;
COMMENT ON FUNCTION @extschema@.allocate_differential_funding(integer, integer, bigint, bigint, text, boolean) IS
'writes differential_funding() as national allocations of a programme, one per cluster province, in one statement; refuses to add to existing allocations of that programme, year and phase unless replace is true';
