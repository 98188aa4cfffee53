-- Binary send/receive: two big-endian int64 (national, local); receive
-- rejects a pair whose total would overflow.  doc/regionpolicy.md, "Output".
BEGIN;
CREATE EXTENSION IF NOT EXISTS pgtap;
CREATE EXTENSION regionpolicy CASCADE;
SET LOCAL search_path = regionpolicy, public;
SELECT plan(6);

SELECT is(funding_send('(1,2)'), '\x00000000000000010000000000000002'::bytea, 'send is two big-endian int64');
SELECT is(funding_send('(-1,9223372036854775807)'), '\xffffffffffffffff7fffffffffffffff'::bytea, 'send of -1 and INT64_MAX');

-- A binary COPY round trip through a server file.
CREATE TEMP TABLE src (f funding);
INSERT INTO src VALUES ('(929억,433억)'), ('(-9223372036854775808,9223372036854775807)'), ('(0,0)'), (NULL);
CREATE TEMP TABLE dst (f funding);
DO $$ BEGIN PERFORM set_config('rp.file', '/tmp/regionpolicy_binary_' || pg_backend_pid() || '.copy', true); END $$;
DO $$ BEGIN EXECUTE format('COPY src TO %L (FORMAT binary)', current_setting('rp.file')); END $$;
DO $$ BEGIN EXECUTE format('COPY dst FROM %L (FORMAT binary)', current_setting('rp.file')); END $$;
SELECT set_eq('SELECT f::text FROM dst', 'SELECT f::text FROM src', 'binary COPY round-trips every value');

-- A hand-made binary COPY file: one row, one 16-byte field.
CREATE FUNCTION pg_temp.copy_binary(payload bytea) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	lo oid := lo_from_bytea(0,
		'\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
		|| '\x0001'::bytea || '\x00000010'::bytea || payload || '\xffff'::bytea);
BEGIN
	PERFORM lo_export(lo, current_setting('rp.file'));
	PERFORM lo_unlink(lo);
	TRUNCATE dst;
	EXECUTE format('COPY dst FROM %L (FORMAT binary)', current_setting('rp.file'));
END $$;

SELECT lives_ok($$SELECT pg_temp.copy_binary('\x7fffffffffffffff8000000000000000')$$,
				'receive accepts INT64_MAX + INT64_MIN');
SELECT is((SELECT f FROM dst), funding(9223372036854775807, -9223372036854775808), 'and reads it exactly');
SELECT throws_ok($$SELECT pg_temp.copy_binary('\x7fffffffffffffff0000000000000001')$$, '22P03', NULL,
				 'receive rejects a pair whose total overflows');

SELECT * FROM finish();
ROLLBACK;
