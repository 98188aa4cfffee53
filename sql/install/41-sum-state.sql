-- since 1.2.0
-- sum(funding) and avg(funding) with a concrete state type (SPEC §1.5).
-- funding_sum_state is 40 bytes, passed by reference and updated in place:
-- 128-bit national and local sums and a count, with an exact text form
-- "(national,local,count)" and a binary form.  An engine that ships partial
-- aggregates between servers as values of the state type (Citus's
-- worker_partial_agg/coord_combine_agg) keeps every 128-bit partial sum, and
-- parallel query needs no serialize/deserialize pair.  sum_state() and
-- sum_combine() do the same by hand: partial states per server or shard,
-- combined anywhere.  In 1.1.0 the state was internal; CREATE OR REPLACE
-- AGGREGATE keeps the aggregates (and every view that uses them) in place.

CREATE TYPE @extschema@.funding_sum_state;
CREATE FUNCTION @extschema@.funding_sum_state_in(cstring)
RETURNS @extschema@.funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_state_out(@extschema@.funding_sum_state)
RETURNS cstring AS 'MODULE_PATHNAME', 'funding_sum_state_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_state_recv(internal)
RETURNS @extschema@.funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_state_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_state_send(@extschema@.funding_sum_state)
RETURNS bytea AS 'MODULE_PATHNAME', 'funding_sum_state_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.funding_sum_state (
	INPUT = @extschema@.funding_sum_state_in,
	OUTPUT = @extschema@.funding_sum_state_out,
	RECEIVE = @extschema@.funding_sum_state_recv,
	SEND = @extschema@.funding_sum_state_send,
	INTERNALLENGTH = 40,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE @extschema@.funding_sum_state IS
'partial state of sum(funding) and avg(funding): (national sum, local sum, count), 128-bit sums';

CREATE FUNCTION @extschema@.funding_sum_accum(@extschema@.funding_sum_state, @extschema@.funding)
RETURNS @extschema@.funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_inverse(@extschema@.funding_sum_state, @extschema@.funding)
RETURNS @extschema@.funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_inverse'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_combine(@extschema@.funding_sum_state, @extschema@.funding_sum_state)
RETURNS @extschema@.funding_sum_state AS 'MODULE_PATHNAME', 'funding_sum_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_sum_final(@extschema@.funding_sum_state)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_sum_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_avg_final(@extschema@.funding_sum_state)
RETURNS @extschema@.funding AS 'MODULE_PATHNAME', 'funding_avg_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE OR REPLACE AGGREGATE @extschema@.sum(@extschema@.funding) (
	SFUNC = @extschema@.funding_sum_accum,
	STYPE = @extschema@.funding_sum_state,
	FINALFUNC = @extschema@.funding_sum_final,
	COMBINEFUNC = @extschema@.funding_sum_combine,
	MSFUNC = @extschema@.funding_sum_accum,
	MINVFUNC = @extschema@.funding_sum_inverse,
	MSTYPE = @extschema@.funding_sum_state,
	MFINALFUNC = @extschema@.funding_sum_final,
	PARALLEL = SAFE
);
CREATE OR REPLACE AGGREGATE @extschema@.avg(@extschema@.funding) (
	SFUNC = @extschema@.funding_sum_accum,
	STYPE = @extschema@.funding_sum_state,
	FINALFUNC = @extschema@.funding_avg_final,
	COMBINEFUNC = @extschema@.funding_sum_combine,
	MSFUNC = @extschema@.funding_sum_accum,
	MINVFUNC = @extschema@.funding_sum_inverse,
	MSTYPE = @extschema@.funding_sum_state,
	MFINALFUNC = @extschema@.funding_avg_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum(@extschema@.funding) IS 'exact sum of funding; NULL for no rows';
COMMENT ON AGGREGATE @extschema@.avg(@extschema@.funding) IS 'average of funding, each component rounded half away from zero to whole won';

-- Partial aggregation by hand: sum_state(amount) on each server or shard,
-- then sum_combine(state) over the states wherever they meet.
CREATE AGGREGATE @extschema@.sum_state(@extschema@.funding) (
	SFUNC = @extschema@.funding_sum_accum,
	STYPE = @extschema@.funding_sum_state,
	COMBINEFUNC = @extschema@.funding_sum_combine,
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.sum_combine(@extschema@.funding_sum_state) (
	SFUNC = @extschema@.funding_sum_combine,
	STYPE = @extschema@.funding_sum_state,
	FINALFUNC = @extschema@.funding_sum_final,
	COMBINEFUNC = @extschema@.funding_sum_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.sum_state(@extschema@.funding) IS
'the partial state of sum(funding) over the rows: combine states from several servers with sum_combine';
COMMENT ON AGGREGATE @extschema@.sum_combine(@extschema@.funding_sum_state) IS
'the sum of the rows behind several partial states from sum_state(), exactly as one sum() over all of them';

-- The functions of the internal state of 1.1.0, no longer used.
DROP FUNCTION IF EXISTS @extschema@.funding_sum_accum(internal, @extschema@.funding);
DROP FUNCTION IF EXISTS @extschema@.funding_sum_inverse(internal, @extschema@.funding);
DROP FUNCTION IF EXISTS @extschema@.funding_sum_combine(internal, internal);
DROP FUNCTION IF EXISTS @extschema@.funding_sum_serialize(internal);
DROP FUNCTION IF EXISTS @extschema@.funding_sum_deserialize(bytea, internal);
DROP FUNCTION IF EXISTS @extschema@.funding_sum_final(internal);
DROP FUNCTION IF EXISTS @extschema@.funding_avg_final(internal);
