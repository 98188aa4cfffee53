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

-- parse_amount: sql/install/11-parse-amount.sql

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
