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
