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
