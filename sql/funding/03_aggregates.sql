-- Aggregates ("Aggregates"): exact (128-bit state), NULLs ignored, empty
-- input NULL, parallel (combine), and moving-aggregate support so that
-- sliding window frames stay O(n).

-- min and max keep a funding value; sum and avg a funding_sum_state (below).

CREATE AGGREGATE min(funding) (
	SFUNC = funding_smaller,
	STYPE = funding,
	COMBINEFUNC = funding_smaller,
	SORTOP = OPERATOR(<),
	PARALLEL = SAFE
);

CREATE AGGREGATE max(funding) (
	SFUNC = funding_larger,
	STYPE = funding,
	COMBINEFUNC = funding_larger,
	SORTOP = OPERATOR(>),
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE min(funding) IS 'smallest funding value (by total, then national)';
COMMENT ON AGGREGATE max(funding) IS 'largest funding value (by total, then national)';

-- sum(funding) and avg(funding) with a concrete state type.
-- funding_sum_state is 40 bytes, passed by reference and updated in place:
-- 128-bit national and local sums and a count, with an exact text form
-- "(national,local,count)" and a binary form.  An engine that ships partial
-- aggregates between servers as values of the state type (Citus's
-- worker_partial_agg/coord_combine_agg) keeps every 128-bit partial sum, and
-- parallel query needs no serialize/deserialize pair.  sum_state() and
-- sum_combine() do the same by hand: partial states per server or shard,
-- combined anywhere.

CREATE TYPE funding_sum_state;
CREATE FUNCTION funding_sum_state_in(cstring)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_sum_state_out(funding_sum_state)
RETURNS cstring AS 'MODULE_PATHNAME', 'funding_sum_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_sum_state_recv(internal)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION funding_sum_state_send(funding_sum_state)
RETURNS bytea AS 'MODULE_PATHNAME', 'funding_sum_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE funding_sum_state (
	INPUT = funding_sum_state_in,
	OUTPUT = funding_sum_state_out,
	RECEIVE = funding_sum_state_recv,
	SEND = funding_sum_state_send,
	INTERNALLENGTH = 40,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE funding_sum_state IS
'partial state of sum(funding) and avg(funding): (national sum, local sum, count), 128-bit sums';

CREATE FUNCTION funding_sum_accum(funding_sum_state, funding)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_sum_inverse(funding_sum_state, funding)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_sum_combine(funding_sum_state, funding_sum_state)
RETURNS funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_sum_final(funding_sum_state)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_sum_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION funding_avg_final(funding_sum_state)
RETURNS funding AS 'MODULE_PATHNAME', 'funding_avg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE sum(funding) (
	SFUNC = funding_sum_accum,
	STYPE = funding_sum_state,
	FINALFUNC = funding_sum_final,
	COMBINEFUNC = funding_sum_combine,
	MSFUNC = funding_sum_accum,
	MINVFUNC = funding_sum_inverse,
	MSTYPE = funding_sum_state,
	MFINALFUNC = funding_sum_final,
	PARALLEL = SAFE
);
CREATE AGGREGATE avg(funding) (
	SFUNC = funding_sum_accum,
	STYPE = funding_sum_state,
	FINALFUNC = funding_avg_final,
	COMBINEFUNC = funding_sum_combine,
	MSFUNC = funding_sum_accum,
	MINVFUNC = funding_sum_inverse,
	MSTYPE = funding_sum_state,
	MFINALFUNC = funding_avg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum(funding) IS 'exact sum of funding; NULL for no rows';
COMMENT ON AGGREGATE avg(funding) IS 'average of funding, each component rounded half away from zero to whole won';

-- Partial aggregation by hand: sum_state(amount) on each server or shard,
-- then sum_combine(state) over the states wherever they meet.
CREATE AGGREGATE sum_state(funding) (
	SFUNC = funding_sum_accum,
	STYPE = funding_sum_state,
	COMBINEFUNC = funding_sum_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE sum_combine(funding_sum_state) (
	SFUNC = funding_sum_combine,
	STYPE = funding_sum_state,
	FINALFUNC = funding_sum_final,
	COMBINEFUNC = funding_sum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE sum_state(funding) IS
'the partial state of sum(funding) over the rows: combine states from several servers with sum_combine';
COMMENT ON AGGREGATE sum_combine(funding_sum_state) IS
'the sum of the rows behind several partial states from sum_state(), exactly as one sum() over all of them';
