-- Aggregates.  SPEC §1.5: exact (128-bit state), NULLs ignored, empty
-- input NULL, parallel (combine), and moving-aggregate support so that
-- sliding window frames stay O(n).

-- sum and avg, and their state type funding_sum_state: 41-sum-state.sql.

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

COMMENT ON AGGREGATE @extschema@.min(@extschema@.funding) IS 'smallest funding value (by total, then national)';
COMMENT ON AGGREGATE @extschema@.max(@extschema@.funding) IS 'largest funding value (by total, then national)';
