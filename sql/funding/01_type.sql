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
