-- since 1.2.0
-- f * 2, 2 * f, f / 3 with integer and bigint operands (SPEC §3): each an
-- exact-type match in this schema, so an operator planted in another schema
-- never wins overload resolution over ours, and no numeric is involved.

CREATE FUNCTION @extschema@.funding_mul_int4(@extschema@.funding, integer)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_mul_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.int4_mul_funding(integer, @extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'int4_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_mul_int8(@extschema@.funding, bigint)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_mul_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.int8_mul_funding(bigint, @extschema@.funding)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'int8_mul_funding'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_div_int4(@extschema@.funding, integer)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_div_int4'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_div_int8(@extschema@.funding, bigint)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_div_int8'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.funding, RIGHTARG = integer,
	FUNCTION = @extschema@.funding_mul_int4,
	COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = integer, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.int4_mul_funding,
	COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = @extschema@.funding, RIGHTARG = bigint,
	FUNCTION = @extschema@.funding_mul_int8,
	COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@.* (
	LEFTARG = bigint, RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.int8_mul_funding,
	COMMUTATOR = OPERATOR(@extschema@.*)
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.funding, RIGHTARG = integer,
	FUNCTION = @extschema@.funding_div_int4
);
CREATE OPERATOR @extschema@./ (
	LEFTARG = @extschema@.funding, RIGHTARG = bigint,
	FUNCTION = @extschema@.funding_div_int8
);

COMMENT ON OPERATOR @extschema@.* (@extschema@.funding, integer) IS 'scale by a whole number';
COMMENT ON OPERATOR @extschema@.* (integer, @extschema@.funding) IS 'scale by a whole number';
COMMENT ON OPERATOR @extschema@.* (@extschema@.funding, bigint) IS 'scale by a whole number';
COMMENT ON OPERATOR @extschema@.* (bigint, @extschema@.funding) IS 'scale by a whole number';
COMMENT ON OPERATOR @extschema@./ (@extschema@.funding, integer) IS 'divide; each component rounded half away from zero to whole won';
COMMENT ON OPERATOR @extschema@./ (@extschema@.funding, bigint) IS 'divide; each component rounded half away from zero to whole won';
