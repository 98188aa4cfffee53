-- ============================================================================
-- 1. Before anything else: the database, the schema and the type
-- ============================================================================

-- The database encodings regionpolicy supports ("Installation"): UTF8, and
-- EUC_KR, the encoding of many Korean legacy databases.  PostgreSQL converts
-- this script to the database encoding before it runs, and refuses (22P05)
-- an encoding that cannot hold Hangul, naming it; an SQL_ASCII database is
-- not converted, so this check is what refuses it.
DO $encoding$
BEGIN
	IF pg_catalog.getdatabaseencoding() NOT IN ('UTF8', 'EUC_KR') THEN
		RAISE EXCEPTION 'regionpolicy cannot be installed in a % database', pg_catalog.getdatabaseencoding()
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'It reads and writes Korean amounts, names and keys in Hangul, which need a database encoding that holds Hangul: UTF8 or EUC_KR.',
				  HINT = 'Create the database with ENCODING ''UTF8'' (or ''EUC_KR'' for a Korean legacy system), for example CREATE DATABASE budget ENCODING ''UTF8'' TEMPLATE template0.';
	END IF;
END
$encoding$;
-- (Its messages are ASCII: a LATIN1 or SQL_ASCII server could not print Hangul.)

-- Refuse a prepared trap ("Installation").  The control file names the schema, so
-- CREATE EXTENSION creates it, or silently uses one that already exists;
-- a schema someone else made can hold objects (a planted
-- funding(integer, integer), say) that would run as whoever calls them.
-- The schema is used only if this very command created it (its catalog row
-- written by the current transaction), or if it is one that cannot hold a
-- trap: owned by a superuser, empty but for the extension funding, and
-- with no other role allowed to create in it.  The second case is what pg_restore does (CREATE SCHEMA,
-- then CREATE EXTENSION), so dumps restore.
DO $guard$
DECLARE
	s record;
	top bigint;
	schema_xid bigint;
BEGIN
	SELECT n.oid, n.xmin::text AS creator, r.rolname AS owner, r.rolsuper AS owner_super,
		   EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
				   WHERE d.refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
					 AND d.refobjid = n.oid
					 AND d.classid <> 'pg_catalog.pg_extension'::pg_catalog.regclass
					 -- the extension funding's objects (and their array types) may be there
					 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend m
									 JOIN pg_catalog.pg_extension e ON e.extname = 'funding'
									 WHERE m.classid = d.classid AND m.objid = d.objid
									   AND ((m.deptype = 'e' AND m.refobjid = e.oid)
											OR (m.deptype = 'i' AND EXISTS (SELECT 1 FROM pg_catalog.pg_depend o
																			WHERE o.classid = m.refclassid AND o.objid = m.refobjid
																			  AND o.deptype = 'e' AND o.refobjid = e.oid))))) AS has_objects,
		   EXISTS (SELECT 1 FROM pg_catalog.pg_roles o
				   WHERE NOT o.rolsuper
					 AND pg_catalog.has_schema_privilege(o.oid, n.oid, 'CREATE')) AS others_create
	  INTO s
	  FROM pg_catalog.pg_namespace n
	  JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner
	 WHERE n.nspname = '@extschema@';
	-- Is this a restore?  pg_dump writes CREATE SCHEMA before CREATE
	-- EXTENSION, and the user tables after it (part 10): a schema that was
	-- there before this transaction, or one made earlier in it by a dump
	-- restored in one transaction (pg_dump's and pg_restore's sessions set
	-- row_security off), gets no user tables from this script.  The schema
	-- row is this transaction's (or one of its subtransactions') when its
	-- xmin is still in progress: a row of another transaction in progress
	-- would not be visible.  (xmin has 32 bits: it is widened to the 64-bit
	-- id within 2^31 of this transaction's.)
	top := pg_catalog.pg_current_xact_id()::text::bigint;
	schema_xid := s.creator::bigint;
	IF schema_xid >= 3 THEN			-- not frozen: widen it to 64 bits, near top
		schema_xid := top + ((schema_xid - top % 4294967296 + 6442450944) % 4294967296) - 2147483648;
	END IF;
	PERFORM pg_catalog.set_config('regionpolicy_install.restoring',
		(pg_catalog.current_setting('row_security') = 'off'
		 OR schema_xid < 3
		 OR pg_catalog.pg_xact_status(schema_xid::text::xid8) IS DISTINCT FROM 'in progress')::text, true);
	IF s.creator = (pg_catalog.txid_current() % 4294967296)::text THEN
		RETURN;
	END IF;
	IF NOT s.owner_super OR s.has_objects OR s.others_create THEN
		RAISE EXCEPTION 'schema "@extschema@" already exists and could hold a trap'
			USING ERRCODE = 'insufficient_privilege',
				  DETAIL = pg_catalog.format('The schema was not created by this command, and %s.',
					CASE WHEN NOT s.owner_super THEN pg_catalog.format('it is owned by %s, who is not a superuser', pg_catalog.quote_ident(s.owner))
						 WHEN s.has_objects THEN 'it already holds objects'
						 ELSE 'roles other than superusers may create objects in it' END),
				  HINT = 'CREATE EXTENSION regionpolicy installs into a schema it creates, or into one owned by a superuser that holds nothing but the extension funding. Check what the schema holds, drop or rename it, and run CREATE EXTENSION again.';
	END IF;
END
$guard$;

-- The funding type, in this schema ("Installation").  Every object here
-- names the type's functions and operators as @extschema@.name, so the
-- extension funding must be installed in this schema.  CREATE EXTENSION
-- regionpolicy CASCADE installs it first, in the first schema of the
-- search_path (usually public): while nothing but this extension uses it,
-- it is moved here (with a warning, unless this very command installed it:
-- PostgreSQL does not show an extension script's notices).
-- Otherwise the install is refused, naming what uses it.
DO $funding$
DECLARE
	f record;
	used text;
BEGIN
	SELECT e.oid, n.nspname, e.xmin::text AS creator INTO f
	  FROM pg_catalog.pg_extension e
	  JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname = 'funding';
	IF f.nspname = '@extschema@' THEN
		RETURN;
	END IF;
	-- what depends on its objects, but its objects and their parts
	-- (operator family members, array types)
	WITH member AS (
		SELECT m.classid, m.objid FROM pg_catalog.pg_depend m
		 WHERE m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
		   AND m.refobjid = f.oid AND m.deptype = 'e'
	), part AS (
		SELECT p.classid, p.objid FROM pg_catalog.pg_depend p
		  JOIN member ON member.classid = p.refclassid AND member.objid = p.refobjid
		 WHERE p.deptype IN ('a', 'i')
	)
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, d.objsubid), ', ') INTO used
	  FROM pg_catalog.pg_depend d
	  JOIN member ON member.classid = d.refclassid AND member.objid = d.refobjid
	 WHERE d.deptype IN ('n', 'a')
	   AND (d.classid, d.objid) NOT IN (SELECT classid, objid FROM member UNION ALL SELECT classid, objid FROM part);
	IF used IS NOT NULL THEN
		RAISE EXCEPTION 'the extension funding is installed in schema "%", and regionpolicy needs it in schema "@extschema@"', f.nspname
			USING ERRCODE = 'object_in_use',
				  DETAIL = pg_catalog.format('Objects already use it there: %s.', used),
				  HINT = 'Move it, then install again: CREATE SCHEMA @extschema@; ALTER EXTENSION funding SET SCHEMA @extschema@; CREATE EXTENSION regionpolicy; (your objects keep their columns and values; queries that name the type with its schema need the new name).';
	END IF;
	IF f.creator <> (pg_catalog.txid_current() % 4294967296)::text THEN
		RAISE WARNING 'moving the extension funding from schema "%" to "@extschema@", where regionpolicy uses it', f.nspname
			USING DETAIL = 'regionpolicy names the type''s functions in its own schema; nothing used funding where it was.';
	END IF;
	-- On Citus, not sent to the workers: CREATE EXTENSION reaches them
	-- with funding already where it belongs.
	IF pg_catalog.current_setting('citus.enable_ddl_propagation', true) IS NOT NULL THEN
		PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'off', true);
		EXECUTE 'ALTER EXTENSION funding SET SCHEMA @extschema@';
		PERFORM pg_catalog.set_config('citus.enable_ddl_propagation', 'on', true);
	ELSE
		EXECUTE 'ALTER EXTENSION funding SET SCHEMA @extschema@';
	END IF;
END
$funding$;

-- 2.0.0: messages in the user's language
-- The schema's errors, DETAILs, HINTs and NOTICEs in the language
-- lc_messages names, from the regionpolicy message catalog, as the
-- server's own ("Messages").  The messages above run before the schema is
-- known to be safe, or in a database that cannot hold Hangul, and stay
-- English.
CREATE FUNCTION @extschema@.message(msgid text)
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_message'
LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.message(msgid text, VARIADIC args "any")
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_message'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.message(text) IS
'a message of the schema in the language lc_messages names (the regionpolicy catalog), or as written';
COMMENT ON FUNCTION @extschema@.message(text, "any") IS
'a message of the schema in the language lc_messages names, its %s (or %1$s) filled with the arguments in turn, and the Korean particles after them written as the word before them is read (45.9억으로)';
CREATE FUNCTION @extschema@.with_particles(text)
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_with_particles'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.with_particles(text) IS
'a Korean text whose particles are written both ways after a word, (으)로, (이)가, (은)는, (을)를, (과)와, with each written as that word is read: 45.9억(으)로 is 45.9억으로, 2(으)로 is 2로';
-- A row's validity, "1111000 (서울 종로구) is valid from 2023-01-01 until 2026-06-30"
CREATE FUNCTION @extschema@.validity(code text, name text, valid_from date, valid_to date)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT @extschema@.message('%s (%s) is valid from %s%s', code, name,
							   coalesce(valid_from::text, @extschema@.message('before 2023')),
							   CASE WHEN valid_to IS NOT NULL THEN @extschema@.message(' until %s', valid_to - 1) ELSE '' END)
$$;
COMMENT ON FUNCTION @extschema@.validity(text, text, date, date) IS
'the days a province or 시·군·구 is valid, in a sentence for messages';
-- end of 2.0.0
