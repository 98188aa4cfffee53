-- Comparison.  SPEC §1.4: a total order by total, then national.

CREATE FUNCTION @extschema@.funding_eq(@extschema@.funding, @extschema@.funding)
RETURNS boolean
AS 'MODULE_PATHNAME', 'funding_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.funding_ne(@extschema@.funding, @extschema@.funding)
RETURNS boolean
AS 'MODULE_PATHNAME', 'funding_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.funding,
	RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.funding,
	RIGHTARG = @extschema@.funding,
	FUNCTION = @extschema@.funding_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.funding, @extschema@.funding) IS 'equal: both components equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.funding, @extschema@.funding) IS 'not equal';
