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
