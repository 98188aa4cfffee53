-- apportion: split a pool across a window partition by largest remainder.
-- ("apportion").  Window functions see the whole partition; they are not
-- strict (a NULL weight yields NULL for its row only).

CREATE FUNCTION apportion(pool bigint, weight numeric)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION apportion(pool bigint, weight numeric, unit bigint)
RETURNS bigint AS 'MODULE_PATHNAME', 'apportion_bigint'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION apportion(pool funding, weight numeric)
RETURNS funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION apportion(pool funding, weight numeric, unit bigint)
RETURNS funding AS 'MODULE_PATHNAME', 'apportion_funding'
LANGUAGE C WINDOW IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION apportion(bigint, numeric) IS
'window function: the row''s share of pool in proportion to weight, by largest remainder; shares add up to pool';
COMMENT ON FUNCTION apportion(bigint, numeric, bigint) IS
'window function: the row''s share of pool in multiples of unit, by largest remainder; shares add up to pool';
COMMENT ON FUNCTION apportion(funding, numeric) IS
'window function: each component of pool apportioned by weight, by largest remainder';
COMMENT ON FUNCTION apportion(funding, numeric, bigint) IS
'window function: each component of pool apportioned by weight in multiples of unit, by largest remainder';
