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
