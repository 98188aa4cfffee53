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
