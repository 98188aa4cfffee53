-- since 1.2.0
-- parse_amount(text [, approximate]): grammar version 2 (SPEC §1.1).  The
-- one-argument function of 1.1.0 becomes the two-argument one with a
-- default, so existing calls resolve as before.
DROP FUNCTION IF EXISTS @extschema@.parse_amount(text);
CREATE FUNCTION @extschema@.parse_amount(amount text, approximate boolean DEFAULT false)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funding_parse_amount'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.parse_amount(text, boolean) IS
'an amount written as in Korean documents, in won: parse_amount(''2,864억원'') = 286400000000; approximate => true reads 약/가량/내외/정도 figures';
