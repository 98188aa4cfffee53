-- regionpolicy: the regional-policy schema around the funding type (the
-- extension funding, which this one requires).  doc/regionpolicy.md
-- describes every object; its section names are cited below.
--
-- Made by make from sql/regionpolicy/*.sql in order, with the reference
-- data of sql/data/ loaded by COPY: edit those, not the made script.  The
-- script is UTF-8 (the control file says so: encoding = UTF8), and
-- PostgreSQL converts it to the database's encoding before running it.
-- It reads top to bottom in eleven parts:
--
--   1. Before anything else: the database, the schema and the type
--   2. Tables
--   3. Reference data
--   4. Provinces and 시·군·구 by name, on a day
--   5. Loading allocations
--   6. Reports
--   7. Clusters: stages, grades and differential funding
--   8. Grants: awards to companies under a sub-programme's support terms
--   9. Access control
--  10. Your data: ordinary tables
--  11. Descriptions of the views' columns
\echo Use "CREATE EXTENSION regionpolicy CASCADE" to load this file. \quit
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
-- 2.0.0: the loader of the data files
-- The shipped rows are data files (sql/data/*.tsv, each citing its
-- sources in its comment lines), installed without their comments as
-- regionpolicy_NAME.data beside the control file: tab-separated, a header
-- line naming the columns, an empty field for NULL, UTF-8.  The header is
-- the column list, so a file cannot load its fields into the wrong columns.
-- The loader reads as the extension's owner (a superuser) and is not
-- anyone else's to call.
CREATE FUNCTION @extschema@.reference_copy(tbl text, file text)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	path text;
	head bytea;
	columns text;
	n bigint;
BEGIN
	SELECT setting || '/extension/regionpolicy_' || file || '.data' INTO path
	  FROM pg_catalog.pg_config WHERE name = 'SHAREDIR';
	head := pg_catalog.pg_read_binary_file(path, 0, 4096);
	SELECT pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ' ORDER BY i) INTO columns
	  FROM pg_catalog.unnest(pg_catalog.string_to_array(
			 pg_catalog.convert_from(pg_catalog.substr(head, 1, pg_catalog.position(head, '\x0a'::bytea) - 1), 'UTF8'),
			 E'\t')) WITH ORDINALITY AS u(c, i);
	EXECUTE pg_catalog.format('COPY @extschema@.%I (%s) FROM %L WITH (FORMAT csv, HEADER true, DELIMITER E''\t'', ENCODING ''UTF8'')',
							  tbl, columns, path);
	GET DIAGNOSTICS n = ROW_COUNT;
	RETURN n;
END
$$;
REVOKE ALL ON FUNCTION @extschema@.reference_copy(text, text) FROM PUBLIC;
COMMENT ON FUNCTION @extschema@.reference_copy(text, text) IS
'loads a file of shipped reference rows (regionpolicy_FILE.data) into a table of the extension; for its install and upgrade scripts';
-- end of 2.0.0
-- ============================================================================
-- 2. Tables
-- ============================================================================

-- The regional-policy schema ("The schema": "Tables"): provinces and
-- 시·군·구, super-regions, programmes, allocations, clusters, evaluation
-- agencies, committee figures, and the cluster policy tables (part 7).
--
-- Reference rows (shipped with the extension, from the source document)
-- are read-only and never dumped; rows users add are theirs, and pg_dump
-- keeps them (pg_extension_config_dump, part 3).  Tables of reference data
-- mark their shipped rows (shipped = true); programme ids below 1000, and
-- designation ids, are reserved for shipped rows.

-- reference_guard: the trigger that keeps shipped rows read-only.  This
-- script creates the triggers after loading the rows.  The policy tables'
-- message speaks of years: their shipped defaults are the rows with
-- valid_from 0.
CREATE FUNCTION @extschema@.reference_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the table's name, also on a Citus shard (named table_shardid)
	tbl text := regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '');
BEGIN
	-- TG_ARGV[0]: 'all' (every row is reference data), 'shipped' (rows with
	-- shipped = true are), 'valid_from' (a policy table whose shipped
	-- default is valid_from 0), or the name of an integer key column below
	-- 1000 for reference rows.
	IF TG_ARGV[0] = 'valid_from' AND TG_OP <> 'TRUNCATE' THEN
		IF (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> 'valid_from')::integer = 0)
		   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> 'valid_from')::integer = 0) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('cannot %s the shipped default policy in table %s', lower(TG_OP), tbl),
					  ERRCODE = 'insufficient_privilege',
					  DETAIL = @extschema@.message('The rows with valid_from 0 are the illustrative defaults shipped with regionpolicy; they are read-only.'),
					  HINT = @extschema@.message('To set the policy from a fiscal year on, insert rows with valid_from = that year (for example 2024); they apply from that year until a later year''s rows.');
		END IF;
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_ARGV[0] = 'shipped' AND TG_OP <> 'TRUNCATE' THEN
		IF (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> 'shipped')::boolean)
		   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> 'shipped')::boolean) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('cannot %s reference data in table %s', lower(TG_OP), tbl),
					  ERRCODE = 'insufficient_privilege',
					  DETAIL = @extschema@.message('Rows shipped with regionpolicy (shipped = true) are read-only, and no other row can be marked shipped.'),
					  HINT = @extschema@.message('Add your own rows instead (they are yours to change, and pg_dump keeps them); report errors in reference data upstream.');
		END IF;
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	IF TG_OP = 'TRUNCATE' OR TG_ARGV[0] = 'all'
	   OR (TG_OP <> 'INSERT' AND (to_jsonb(OLD) ->> TG_ARGV[0])::bigint < 1000)
	   OR (TG_OP <> 'DELETE' AND (to_jsonb(NEW) ->> TG_ARGV[0])::bigint < 1000) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('cannot %s reference data in table %s', lower(TG_OP), tbl),
				  ERRCODE = 'insufficient_privilege',
				  DETAIL = CASE WHEN TG_ARGV[0] = 'all' THEN @extschema@.message('Rows shipped with regionpolicy are read-only.')
								ELSE @extschema@.message('Rows shipped with regionpolicy are read-only; %s values below 1000 are reserved for them.', TG_ARGV[0]) END,
				  HINT = @extschema@.message('Add your own rows instead; report errors in reference data upstream.');
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.reference_guard() IS
'trigger: refuses writes to reference rows shipped with the extension (SQLSTATE 42501)';

-- 2.0.0: stewards and keys read a reference table through its shard on a Citus node
-- node_table: the table to read a reference table through on this node.
-- On a Citus node a reference table's rows are in its shard, of which every
-- node has a copy (doc/regionpolicy.md, "Citus"); a query on the table from
-- inside a query on a shard (a trigger or a row-level security policy of a
-- distributed table's shard) is refused by Citus, so such code reads the
-- shard on its own node.  Elsewhere, and on a node without a copy, the
-- table itself.
CREATE FUNCTION @extschema@.node_table(tbl regclass)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	shard text;
BEGIN
	IF to_regclass('pg_catalog.pg_dist_shard') IS NOT NULL THEN
		EXECUTE 'SELECT shard_name(s.logicalrelid, s.shardid)
				 FROM pg_catalog.pg_dist_shard s JOIN pg_catalog.pg_dist_partition p USING (logicalrelid)
				 WHERE s.logicalrelid = $1 AND p.partmethod = ''n'''
			INTO shard USING tbl;
		IF to_regclass(shard) IS NOT NULL THEN
			RETURN shard;
		END IF;
	END IF;
	RETURN tbl::text;
END
$$;
COMMENT ON FUNCTION @extschema@.node_table(regclass) IS
'the table to read a reference table through on this node: its shard here on a Citus node that has one, else the table';
-- end of 2.0.0

-- key_check: a key between tables of reference data (or from one to itself),
-- kept by constraint triggers rather than a foreign key (doc/regionpolicy.md,
-- "Your data, pg_dump and DROP EXTENSION").  Administrators' rows in these
-- tables are dumped as the extension's data, which every restore loads
-- while the extension's keys are in force: pg_dump orders that data by
-- foreign keys (and warns about a key from a table to itself), but
-- pg_restore -j loads tables in parallel, in no order.  So a row's
-- reference is checked when written, except in a session that restores a
-- dump (a superuser's, with row_security off, which pg_dump's scripts and
-- pg_restore set; a superuser could disable the trigger anyway), where the
-- dump's rows are known to agree and may arrive before the rows they refer
-- to.  A key that goes while rows refer to it is refused always.
-- TG_ARGV: the key's name; which end of it the table is ('from', 'to' or
-- 'both'); the referencing table and its columns; the referenced table and
-- its key (columns comma-separated).  Checked at the end of the statement,
-- or at commit where deferred.  (TG_TABLE_NAME is a shard's name on Citus,
-- so messages name the table from TG_ARGV.)
CREATE FUNCTION @extschema@.key_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	own text := format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME);
	tbl text := (parse_ident(CASE TG_ARGV[1] WHEN 'to' THEN TG_ARGV[4] ELSE TG_ARGV[2] END))[2];
	other text := CASE TG_ARGV[1] WHEN 'from' THEN TG_ARGV[4] WHEN 'to' THEN TG_ARGV[2] END;
	from_tbl text;
	to_tbl text;
	refs text[] := string_to_array(TG_ARGV[3], ',');
	keys text[] := string_to_array(TG_ARGV[5], ',');
	query text := 'SELECT EXISTS (SELECT 1 FROM %1$s t WHERE (%2$s) = (%4$s))
					  AND NOT EXISTS (SELECT 1 FROM %3$s t WHERE (%5$s) = (%4$s))';
	violated boolean;
	val text;
BEGIN
	-- On a Citus shard (a reference table's, named after the table and its
	-- shard id), the other table is read through its shard on this node.
	IF other IS NOT NULL
	   AND TG_TABLE_NAME <> (parse_ident(CASE TG_ARGV[1] WHEN 'from' THEN TG_ARGV[2] ELSE TG_ARGV[4] END))[2] THEN
		other := @extschema@.node_table(other::regclass);
	END IF;
	from_tbl := CASE WHEN TG_ARGV[1] = 'to' THEN other ELSE own END;
	to_tbl := CASE WHEN TG_ARGV[1] = 'from' THEN other ELSE own END;
	-- a row's reference names a key that exists
	IF TG_ARGV[1] <> 'to' AND TG_OP <> 'DELETE'
	   AND NOT EXISTS (SELECT 1 FROM unnest(refs) AS c WHERE to_jsonb(NEW) ->> c IS NULL)
	   AND (TG_OP = 'INSERT' OR EXISTS (SELECT 1 FROM unnest(refs) AS c
										WHERE to_jsonb(NEW) -> c IS DISTINCT FROM to_jsonb(OLD) -> c))
	   AND NOT (current_setting('row_security') = 'off'
				AND (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)) THEN
		EXECUTE format(query, from_tbl,
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(refs) AS c),
					   to_tbl,
					   (SELECT string_agg(format('($1).%I', c), ', ') FROM unnest(refs) AS c),
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(keys) AS c))
			INTO violated USING NEW;
		IF violated THEN
			SELECT string_agg(to_jsonb(NEW) ->> c, ', ') INTO val FROM unnest(refs) AS c;
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('insert or update on table "%s" violates foreign key constraint "%s"', tbl, TG_ARGV[0]),
					  ERRCODE = 'foreign_key_violation',
					  TABLE = tbl,
					  SCHEMA = TG_TABLE_SCHEMA,
					  CONSTRAINT = TG_ARGV[0],
					  DETAIL = @extschema@.message('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[3], val, (parse_ident(TG_ARGV[4]))[2]);
		END IF;
	END IF;
	-- a key that goes is no longer referred to
	IF TG_ARGV[1] <> 'from' AND TG_OP <> 'INSERT'
	   AND (TG_OP = 'DELETE' OR EXISTS (SELECT 1 FROM unnest(keys) AS c
										WHERE to_jsonb(NEW) -> c IS DISTINCT FROM to_jsonb(OLD) -> c)) THEN
		EXECUTE format(query, from_tbl,
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(refs) AS c),
					   to_tbl,
					   (SELECT string_agg(format('($1).%I', c), ', ') FROM unnest(keys) AS c),
					   (SELECT string_agg(format('t.%I', c), ', ') FROM unnest(keys) AS c))
			INTO violated USING OLD;
		IF violated THEN
			SELECT string_agg(to_jsonb(OLD) ->> c, ', ') INTO val FROM unnest(keys) AS c;
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('update or delete on table "%s" violates foreign key constraint "%s" on table "%s"', tbl, TG_ARGV[0], (parse_ident(TG_ARGV[2]))[2]),
					  ERRCODE = 'foreign_key_violation',
					  TABLE = tbl,
					  SCHEMA = TG_TABLE_SCHEMA,
					  CONSTRAINT = TG_ARGV[0],
					  DETAIL = @extschema@.message('Key (%s)=(%s) is still referenced from table "%s".', TG_ARGV[5], val, (parse_ident(TG_ARGV[2]))[2]);
		END IF;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.key_check() IS
'constraint trigger: a key between tables of reference data (SQLSTATE 23503), in place of a foreign key; not checked for rows a restore loads';

-- Provinces ---------------------------------------------------------------

-- Geography that changes ("Loading, reports and regions over time"):
-- provinces over time, and the 시·군·구 level.  Facts from
-- doc/sources/municipalities.md, each row citing
-- its section; what only third-party sources give is marked provisional.
--
-- Validity is a half-open period [valid_from, valid_to): valid_to is the day
-- the successor starts, NULL while current; valid_from NULL means "since
-- before the data's basis" (2023-02-27).  A renumbering of the same province
-- keeps one row under its current code (강원 42 → 51: the former code is an
-- alias); a merger makes rows: 광주 (29) and 전남 (46) end on 2026-07-01,
-- succeeded by 전남광주통합특별시 (12).  Each code is one row (the primary
-- key), so no code can have two overlapping periods; exclusion constraints
-- over names would need btree_gist, which the extension does not require.

CREATE TABLE @extschema@.province (
	code text PRIMARY KEY
		CONSTRAINT province_code_two_digits CHECK (code ~ '^[0-9]{2}$'),
	-- the merged province has no published KOSTAT, ISO or English name yet
	kostat_code text UNIQUE
		CONSTRAINT province_kostat_code_two_digits CHECK (kostat_code ~ '^[0-9]{2}$'),
	iso_code text UNIQUE
		CONSTRAINT province_iso_code_format CHECK (iso_code ~ '^KR-[0-9]{2}$'),
	name_ko text NOT NULL UNIQUE,
	short_ko text NOT NULL UNIQUE,
	name_en text UNIQUE,
	capital_area boolean NOT NULL,
	note text,
	sort_order smallint NOT NULL,
	valid_from date,
	valid_to date,
	successor_code text,
	provisional boolean NOT NULL DEFAULT false,
	shipped boolean NOT NULL DEFAULT false,
	UNIQUE (code, capital_area),
	CONSTRAINT province_valid_period CHECK (valid_from < valid_to),
	CONSTRAINT province_successor_when_ended CHECK (successor_code IS NULL OR valid_to IS NOT NULL)
);
COMMENT ON TABLE @extschema@.province IS
'the 17 시·도; code is the current 행정표준코드/법정동코드 province prefix; kostat_code (통계청) and iso_code (ISO 3166-2) are other numberings, kept apart on purpose';
COMMENT ON COLUMN @extschema@.province.code IS 'current 2-digit 행정표준코드 / 법정동코드 prefix (강원 51, 전북 52)';
COMMENT ON COLUMN @extschema@.province.kostat_code IS 'Statistics Korea numbering: a different system (21 is 부산, 26 is 울산)';
COMMENT ON COLUMN @extschema@.province.iso_code IS 'ISO 3166-2 code for map tools (강원 KR-42, 제주 KR-49, 세종 KR-50)';
COMMENT ON COLUMN @extschema@.province.capital_area IS 'true for 서울, 인천, 경기 (수도권)';
COMMENT ON COLUMN @extschema@.province.sort_order IS
'the order in which Korean statistics list the 시·도 (서울 1 … 제주 17); report views order by it, never by code';
COMMENT ON COLUMN @extschema@.province.valid_from IS 'first day the province existed under this code (NULL: before 2023)';
COMMENT ON COLUMN @extschema@.province.valid_to IS 'the day it ended (its successor''s first day); NULL while current';
COMMENT ON COLUMN @extschema@.province.successor_code IS 'the province it became part of when it ended';
COMMENT ON COLUMN @extschema@.province.provisional IS 'true where the code or facts come from third-party sources, not yet confirmed against the ministry''s code file';
-- successor_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER province_successor_code_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_successor_code_fkey', 'both', '@extschema@.province', 'successor_code', '@extschema@.province', 'code');

-- Every other way of writing a province: former codes and names, spellings.
CREATE TABLE @extschema@.province_alias (
	alias text PRIMARY KEY,
	province_code text NOT NULL,
	kind text NOT NULL
		CONSTRAINT province_alias_kind_known
		CHECK (kind IN ('name', 'short name', 'iso code', 'former name', 'former code', 'english', 'former english',
						'unofficial code')),
	valid_until date,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT province_alias_not_blank CHECK (alias = btrim(alias) AND alias <> '')
);
CREATE UNIQUE INDEX province_alias_lower_idx ON @extschema@.province_alias (lower(alias));
-- province_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER province_alias_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.province_alias
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_alias_province_code_fkey', 'from', '@extschema@.province_alias', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER province_alias_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('province_alias_province_code_fkey', 'to', '@extschema@.province_alias', 'province_code', '@extschema@.province', 'code');
COMMENT ON TABLE @extschema@.province_alias IS
'former codes and names and other spellings of provinces, for province_code(); valid_until is the last day a former name or code was current';

-- Super-regions (초광역 협력권) -------------------------------------------

CREATE TABLE @extschema@.superregion (
	id smallint PRIMARY KEY,
	name_ko text NOT NULL UNIQUE,
	industry_ko text NOT NULL,
	industry_en text NOT NULL,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.superregion IS
'the five 초광역 협력권 chosen by the regions, with their cooperation industries (협력산업); name_ko lists the members as the source document does';

CREATE TABLE @extschema@.superregion_member (
	superregion_id smallint NOT NULL,
	province_code text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (superregion_id, province_code)
);
CREATE INDEX superregion_member_province_idx ON @extschema@.superregion_member (province_code);
-- superregion_id references superregion (id), province_code province (code),
-- kept by key_check
CREATE CONSTRAINT TRIGGER superregion_member_superregion_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.superregion_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_superregion_id_fkey', 'from', '@extschema@.superregion_member', 'superregion_id', '@extschema@.superregion', 'id');
CREATE CONSTRAINT TRIGGER superregion_member_superregion_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.superregion
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_superregion_id_fkey', 'to', '@extschema@.superregion_member', 'superregion_id', '@extschema@.superregion', 'id');
CREATE CONSTRAINT TRIGGER superregion_member_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.superregion_member
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_province_code_fkey', 'from', '@extschema@.superregion_member', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER superregion_member_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('superregion_member_province_code_fkey', 'to', '@extschema@.superregion_member', 'province_code', '@extschema@.province', 'code');
COMMENT ON TABLE @extschema@.superregion_member IS 'which provinces form each super-region';

-- 2.0.0: ministries and their names over time
-- Ministries (doc/regionpolicy.md, "Programmes and ministries"): one row
-- per name a ministry had, with its period; a programme names its ministry
-- by code, and reports label it with the name of the programme's year
-- (MOTIE: 산업통상자원부, then 산업통상부 from 2025-10-01).  Administrators
-- add the ministries of their programmes (pg_dump keeps them).
CREATE TABLE @extschema@.ministry (
	code text NOT NULL
		CONSTRAINT ministry_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]{1,15}$'),
	name_ko text NOT NULL
		CONSTRAINT ministry_name_not_blank CHECK (btrim(name_ko) <> ''),
	name_en text,
	valid_from date,
	valid_to date,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (code, name_ko),
	CONSTRAINT ministry_valid_period CHECK (valid_from < valid_to)
);
CREATE INDEX ministry_name_idx ON @extschema@.ministry (name_ko);
COMMENT ON TABLE @extschema@.ministry IS
'ministries by code (MSS, MOTIE, MOIS, …), one row per name a ministry had and its period [valid_from, valid_to); programmes name a ministry by code, reports by the name of the programme''s fiscal year';
-- One name of a ministry at a time: its periods do not overlap (reports
-- join on the name in force on a day).  Read through the trigger's own
-- table, which is a shard's name on Citus.
CREATE FUNCTION @extschema@.ministry_periods_disjoint()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	other text;
BEGIN
	EXECUTE format('SELECT min(m.name_ko) FROM %I.%I m WHERE m.code = $1 AND m.name_ko <> $2
					  AND (m.valid_from IS NULL OR $4 IS NULL OR m.valid_from < $4)
					  AND ($3 IS NULL OR m.valid_to IS NULL OR $3 < m.valid_to)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
		INTO other USING NEW.code, NEW.name_ko, NEW.valid_from, NEW.valid_to;
	IF other IS NOT NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('ministry %s is named %s and %s at once', NEW.code, other, NEW.name_ko),
				  ERRCODE = 'exclusion_violation',
				  HINT = @extschema@.message('A ministry has one name at a time: end the old name (valid_to) on the day the new one begins (valid_from).');
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.ministry_periods_disjoint() IS
'constraint trigger: the periods of a ministry''s names do not overlap (23P01)';
CREATE CONSTRAINT TRIGGER ministry_periods_disjoint AFTER INSERT OR UPDATE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.ministry_periods_disjoint();
-- 6 rows of ministry: sql/data/ministry.tsv
SELECT @extschema@.reference_copy('ministry', 'ministry');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('shipped');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.ministry
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ministry', 'WHERE NOT shipped');
COMMENT ON COLUMN @extschema@.ministry.shipped IS
'true for rows shipped with the extension (read-only); rows you add are yours, and pg_dump keeps them';
GRANT SELECT ON @extschema@.ministry TO PUBLIC;
-- end of 2.0.0

-- Programmes --------------------------------------------------------------

CREATE TABLE @extschema@.program (
	id integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1000) PRIMARY KEY,
	parent_id integer,
	-- the ministry's code (ministry), NULL for a local programme (자체사업)
	ministry text,
	fiscal_year integer NOT NULL
		CONSTRAINT program_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2000 AND 2100),
	name_ko text NOT NULL
		CONSTRAINT program_name_not_blank CHECK (btrim(name_ko) <> ''),
	name_en text,
	declared @extschema@.funding,
	children_complete boolean NOT NULL DEFAULT false,
	support_years smallint
		CONSTRAINT program_support_years_positive CHECK (support_years > 0),
	annual_cap bigint
		CONSTRAINT program_annual_cap_positive CHECK (annual_cap > 0),
	government_share numeric
		CONSTRAINT program_government_share_fraction CHECK (government_share > 0 AND government_share <= 1),
	selection_mode text,
	announced_on date,
	applications_from date,
	applications_until date,
	selection_period text,
	note text,
	reference boolean GENERATED ALWAYS AS (id < 1000) STORED,
	UNIQUE (id, ministry, fiscal_year),
	UNIQUE (id, fiscal_year),
	CONSTRAINT program_not_own_parent CHECK (parent_id <> id),
	CONSTRAINT program_declared_not_negative
		CHECK (declared IS NULL OR (@extschema@.national(declared) >= 0 AND @extschema@.local(declared) >= 0)),
	CONSTRAINT program_applications_in_order CHECK (applications_from <= applications_until)
);
-- a sub-programme belongs to its parent's ministry and year: (parent_id,
-- ministry, fiscal_year) references program (id, ministry, fiscal_year),
-- kept by key_check; deferred, so that a child may come before its
-- parent
CREATE CONSTRAINT TRIGGER program_parent_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.program
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_parent_fkey', 'both', '@extschema@.program', 'parent_id,ministry,fiscal_year', '@extschema@.program', 'id,ministry,fiscal_year');
CREATE INDEX program_parent_idx ON @extschema@.program (parent_id);
CREATE INDEX program_year_ministry_idx ON @extschema@.program (fiscal_year, ministry);
COMMENT ON TABLE @extschema@.program IS
'budget programmes as a tree; declared is the amount as announced (NULL when none was), children_complete says the children are meant to add up to it';
COMMENT ON COLUMN @extschema@.program.declared IS 'funding as announced; NULL when not announced';
COMMENT ON COLUMN @extschema@.program.children_complete IS 'true when the children are meant to add up to declared (see the reconciliation view)';
COMMENT ON COLUMN @extschema@.program.annual_cap IS 'support limit per project per year (지원 한도), in won';
COMMENT ON COLUMN @extschema@.program.government_share IS 'largest share of project cost the government pays (지원금 비중), as a fraction';
COMMENT ON COLUMN @extschema@.program.reference IS 'true for rows shipped with the extension (ids below 1000)';

-- No cycles in the tree.  The walk is bounded by the depth of the tree.
CREATE FUNCTION @extschema@.program_no_cycle()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NEW.parent_id IS NOT NULL AND EXISTS (
		WITH RECURSIVE up(id, parent_id, path) AS (
			SELECT p.id, p.parent_id, ARRAY[p.id]
			FROM @extschema@.program p WHERE p.id = NEW.parent_id
			UNION ALL
			SELECT p.id, p.parent_id, up.path || p.id
			FROM @extschema@.program p JOIN up ON p.id = up.parent_id
			WHERE NOT p.id = ANY (up.path)
		)
		SELECT 1 FROM up WHERE up.id = NEW.id)
	THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('program %s cannot have %s as parent: the tree would have a cycle', NEW.id, NEW.parent_id),
				  ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER program_no_cycle
	BEFORE INSERT OR UPDATE OF parent_id ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.program_no_cycle();
COMMENT ON FUNCTION @extschema@.program_no_cycle() IS 'trigger: the programme tree has no cycles';

CREATE TABLE @extschema@.program_target (
	program_id integer NOT NULL,
	indicator text NOT NULL
		CONSTRAINT program_target_indicator_known CHECK (indicator IN ('jobs', 'sales')),
	quantity numeric NOT NULL
		CONSTRAINT program_target_positive CHECK (quantity > 0),
	unit text NOT NULL
		CONSTRAINT program_target_unit_known CHECK (unit IN ('persons', 'won')),
	PRIMARY KEY (program_id, indicator)
);
COMMENT ON TABLE @extschema@.program_target IS 'targets announced with a programme (new jobs, sales from commercialisation)';
-- program_id references program (id), kept by key_check
CREATE CONSTRAINT TRIGGER program_target_program_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_target_program_id_fkey', 'from', '@extschema@.program_target', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER program_target_program_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_target_program_id_fkey', 'to', '@extschema@.program_target', 'program_id', '@extschema@.program', 'id');

-- 2.0.0: ministries and their names over time
-- ministry references ministry (code), kept by key_check
CREATE CONSTRAINT TRIGGER program_ministry_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_ministry_fkey', 'from', '@extschema@.program', 'ministry', '@extschema@.ministry', 'code');
CREATE CONSTRAINT TRIGGER program_ministry_fkey
	AFTER UPDATE OR DELETE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_ministry_fkey', 'to', '@extschema@.program', 'ministry', '@extschema@.ministry', 'code');
COMMENT ON COLUMN @extschema@.program.ministry IS
'the ministry''s code (regionpolicy.ministry), the lead ministry of a joint programme (its partners in program_partner); NULL for a local programme (자체사업) of no ministry';

-- The other ministries of a joint programme (공동사업): its money is
-- reported under the lead ministry, program.ministry.
CREATE TABLE @extschema@.program_partner (
	program_id integer NOT NULL,
	ministry text NOT NULL,
	PRIMARY KEY (program_id, ministry)
);
COMMENT ON TABLE @extschema@.program_partner IS
'the partner ministries of a joint programme, beside its lead ministry (program.ministry, under which its money is reported)';
CREATE CONSTRAINT TRIGGER program_partner_program_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program_partner
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_program_id_fkey', 'from', '@extschema@.program_partner', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER program_partner_program_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_program_id_fkey', 'to', '@extschema@.program_partner', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER program_partner_ministry_fkey
	AFTER INSERT OR UPDATE ON @extschema@.program_partner
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_ministry_fkey', 'from', '@extschema@.program_partner', 'ministry', '@extschema@.ministry', 'code');
CREATE CONSTRAINT TRIGGER program_partner_ministry_fkey
	AFTER UPDATE OR DELETE ON @extschema@.ministry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('program_partner_ministry_fkey', 'to', '@extschema@.program_partner', 'ministry', '@extschema@.ministry', 'code');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program_partner
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('program_id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program_partner
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_partner', 'WHERE program_id >= 1000');
GRANT SELECT ON @extschema@.program_partner TO PUBLIC;
-- end of 2.0.0

-- Municipalities (시·군·구) ------------------------------------------------------

CREATE TABLE @extschema@.municipality (
	code text PRIMARY KEY
		CONSTRAINT municipality_code_five_digits CHECK (code ~ '^[0-9]{5}$'),
	province_code text NOT NULL,
	name_ko text NOT NULL,
	kind text NOT NULL
		CONSTRAINT municipality_kind_known CHECK (kind IN ('시', '군', '자치구', '특별자치시', '행정시')),
	valid_from date,
	valid_to date,
	successor_code text,
	provisional boolean NOT NULL DEFAULT false,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT municipality_valid_period CHECK (valid_from < valid_to)
);
CREATE INDEX municipality_province_idx ON @extschema@.municipality (province_code);
CREATE INDEX municipality_name_idx ON @extschema@.municipality (name_ko);
-- province_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER municipality_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_province_code_fkey', 'from', '@extschema@.municipality', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER municipality_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_province_code_fkey', 'to', '@extschema@.municipality', 'province_code', '@extschema@.province', 'code');
COMMENT ON TABLE @extschema@.municipality IS
'the 시·군·구: 229 as of 2023-02-27 (226 autonomous: 75 시, 82 군, 69 자치구; 세종; the 행정시 제주시 and 서귀포시), one row per code and period, with the province valid in that period; renumberings (강원, 전북, 군위, 광주/전남) link a code to its successor';
COMMENT ON COLUMN @extschema@.municipality.code IS '5-digit 행정표준코드 / 법정동코드 prefix';
COMMENT ON COLUMN @extschema@.municipality.provisional IS 'true where the code comes from third-party sources only (the 2026 codes)';
-- successor_code references municipality (code), kept by key_check
CREATE CONSTRAINT TRIGGER municipality_successor_code_fkey
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.municipality
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_successor_code_fkey', 'both', '@extschema@.municipality', 'successor_code', '@extschema@.municipality', 'code');

CREATE TABLE @extschema@.municipality_designation (
	id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	municipality_code text NOT NULL,
	kind text NOT NULL
		CONSTRAINT municipality_designation_kind_not_blank CHECK (btrim(kind) <> ''),
	valid_from date NOT NULL,
	valid_to date,
	basis text NOT NULL,
	source text,
	CONSTRAINT municipality_designation_period CHECK (valid_from < valid_to),
	UNIQUE (municipality_code, kind, valid_from)
);
CREATE INDEX municipality_designation_kind_idx ON @extschema@.municipality_designation (kind, valid_from);
-- municipality_code references municipality (code), kept by key_check
CREATE CONSTRAINT TRIGGER municipality_designation_municipality_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.municipality_designation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_designation_municipality_code_fkey', 'from', '@extschema@.municipality_designation', 'municipality_code', '@extschema@.municipality', 'code');
CREATE CONSTRAINT TRIGGER municipality_designation_municipality_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('municipality_designation_municipality_code_fkey', 'to', '@extschema@.municipality_designation', 'municipality_code', '@extschema@.municipality', 'code');
COMMENT ON TABLE @extschema@.municipality_designation IS
'dated designations of 시·군·구 (인구감소지역, 인구감소관심지역, …) with their legal basis; ids below 1000 are shipped, administrators may add kinds of their own (the 132 기초지자체 of 2023, once published)';

-- The fiscal years of provinces and 시·군·구 --------------------------------

-- Each province and 시·군·구 with every fiscal year it exists in (on some day
-- of that year), kept from their validity periods by region_years_refresh()
-- (part 3).  Allocations' foreign keys check a line's province and 시·군·구
-- against them: as fast as any key, on every kind of write, and a change of
-- validity that would strand an allocation is refused.
CREATE TABLE @extschema@.province_year (
	province_code text NOT NULL REFERENCES @extschema@.province (code) ON DELETE CASCADE,
	fiscal_year integer NOT NULL,
	PRIMARY KEY (province_code, fiscal_year)
);
COMMENT ON TABLE @extschema@.province_year IS
'every fiscal year (2000 to 2100) in which each province exists on some day: derived from province, read-only; allocation''s province and fiscal year must be one of its rows';
CREATE TABLE @extschema@.municipality_year (
	municipality_code text NOT NULL REFERENCES @extschema@.municipality (code) ON DELETE CASCADE,
	province_code text NOT NULL,
	fiscal_year integer NOT NULL,
	PRIMARY KEY (municipality_code, province_code, fiscal_year)
);
COMMENT ON TABLE @extschema@.municipality_year IS
'every fiscal year (2000 to 2100) in which each 시·군·구 exists on some day, with its province then: derived from municipality, read-only; allocation''s 시·군·구, province and fiscal year must be one of its rows';

-- References as a reader sees them (doc/regionpolicy.md, "Loading"): text
-- copied from HWP, spreadsheets and web pages carries characters nobody
-- sees, so a reference is stored in Unicode NFC, without format characters
-- (zero-width spaces and joiners, the byte-order mark, soft hyphens,
-- direction marks, Hangul fillers), with each run of white space (no-break,
-- ideographic and other spaces, tabs, line breaks) one space, trimmed: what
-- looks the same is the same reference.  An EUC_KR database holds none of
-- those characters but the ideographic space.
-- 2.0.0: a reference of ASCII is trimmed without regular expressions
-- reference_trim_full is the definition; reference_trim gives the same,
-- at the cost of a scan for a reference of ASCII (src/regionpolicy/reference.c).
CREATE FUNCTION @extschema@.reference_trim_full(reference text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- (an IF, not a CASE: PostgreSQL 18 plans a SQL function for its
	-- argument's value, folding normalize() of a constant in every branch
	-- of a CASE, which fails in a database that is not UTF8)
	IF getdatabaseencoding() = 'UTF8' THEN
		RETURN nullif(btrim(regexp_replace(regexp_replace(normalize(reference, NFC),
			E'[\\u00AD\\u034F\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u206F\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0\\uFFF9-\\uFFFB]', '', 'g'),
			E'[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+', ' ', 'g'), ' '), '');
	END IF;
	RETURN nullif(btrim(regexp_replace(reference, E'[\\t\\n\\v\\f\\r 　]+', ' ', 'g'), ' '), '');
END
$$;
COMMENT ON FUNCTION @extschema@.reference_trim_full(text) IS
'reference_trim in PL/pgSQL: what reference_trim gives for a reference that is not ASCII only';
CREATE OR REPLACE FUNCTION @extschema@.reference_trim(reference text)
RETURNS text
AS 'MODULE_PATHNAME', 'regionpolicy_reference_trim'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reference_trim(text) IS
'a reference as allocation and award store it: Unicode NFC, format characters (zero-width spaces, byte-order marks, soft hyphens) removed, each run of white space (no-break and ideographic spaces included) one space, trimmed; NULL when nothing is left';
-- end of 2.0.0

-- Text that reaches a spreadsheet (doc/regionpolicy.md, "Loading"): the
-- references, notes and recipients stewards write end up in reports and
-- CSV files, where a cell that begins with =, +, -, @, a tab or a carriage
-- return is taken for a formula (=HYPERLINK can send other cells' amounts
-- away).  Such text is refused where it is written, so that no report needs
-- to alter what it shows.
-- 2.0.0: begins_formula in C
-- (src/regionpolicy/formula.c: the CHECKs call it for every row, and as a SQL
-- function with a pinned search_path it was never inlined)
CREATE OR REPLACE FUNCTION @extschema@.begins_formula(value text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_begins_formula'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- end of 2.0.0
COMMENT ON FUNCTION @extschema@.begins_formula(text) IS
'true when the text begins with a character a spreadsheet takes for the start of a formula (=, +, -, @, tab, carriage return)';

-- Allocations: the fact table ----------------------------------------------

CREATE TABLE @extschema@.allocation (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	program_id integer NOT NULL,
	province_code text,
	fiscal_year integer NOT NULL,
	amount @extschema@.funding NOT NULL,
	phase text NOT NULL DEFAULT 'planned'
		CONSTRAINT allocation_phase_known CHECK (phase IN ('planned', 'approved', 'adjusted', 'executed')),
	note text,
	reference text,
	municipality_code text,
	-- money of the line that is neither 국비 nor 지방비 (기타: funds, 민자,
	-- bonds, the company's share), in won, beside the funding amount and
	-- never inside it
	other bigint NOT NULL DEFAULT 0,
	-- the allocation's year is its programme's year
	CONSTRAINT allocation_program_fkey FOREIGN KEY (program_id, fiscal_year)
		REFERENCES @extschema@.program (id, fiscal_year),
	-- its province exists in its fiscal year, and its 시·군·구 lies in that
	-- province then (a 시·군·구 is always given with its province)
	CONSTRAINT allocation_province_in_year FOREIGN KEY (province_code, fiscal_year)
		REFERENCES @extschema@.province_year (province_code, fiscal_year),
	CONSTRAINT allocation_municipality_in_province FOREIGN KEY (municipality_code, province_code, fiscal_year)
		REFERENCES @extschema@.municipality_year (municipality_code, province_code, fiscal_year),
	CONSTRAINT allocation_municipality_with_province
		CHECK (municipality_code IS NULL OR province_code IS NOT NULL),
	-- plans and budgets are not negative; adjustments and execution may be
	-- (cuts, recoveries)
	CONSTRAINT allocation_budget_not_negative
		CHECK (phase IN ('adjusted', 'executed')
			   OR (@extschema@.national(amount) >= 0 AND @extschema@.local(amount) >= 0)),
	CONSTRAINT allocation_other_not_negative
		CHECK (phase IN ('adjusted', 'executed') OR other >= 0),
	-- references are compared exactly, so they are stored as reference_trim
	-- leaves them, and no longer than a reference is
	CONSTRAINT allocation_reference_trimmed
		CHECK (reference IS NOT DISTINCT FROM @extschema@.reference_trim(reference) AND length(reference) <= 200),
	-- no cell a spreadsheet would take for a formula
	CONSTRAINT allocation_text_not_formula
		CHECK (NOT @extschema@.begins_formula(reference) AND NOT @extschema@.begins_formula(note))
);
COMMENT ON TABLE @extschema@.allocation IS
'money of a programme for a province (or for no single province) in a fiscal year and budget phase';
COMMENT ON COLUMN @extschema@.allocation.province_code IS 'NULL for lines that belong to no single province';
COMMENT ON COLUMN @extschema@.allocation.reference IS
'the line''s own identifier in its source (a 세부사업 or 과제 number), trimmed; with fiscal year, phase, programme and province it identifies the line: loading it again replaces the line''s amount';
COMMENT ON COLUMN @extschema@.allocation.municipality_code IS
'the 시·군·구 the line is for (optional); it must lie in the allocation''s province in its fiscal year';
COMMENT ON COLUMN @extschema@.allocation.other IS
'the line''s money that is neither national nor local (기타: funds, 민자, bonds, the recipient''s own share), in won; 0 when it has none; never part of amount';
COMMENT ON COLUMN @extschema@.allocation.phase IS 'planned (default), approved, adjusted or executed: the budget phases of the Fiscal Data Package standard';
-- 2.0.0: allocation's phase CHECKs with the phases as one array constant
-- (a CHECK is read from its stored text again by every statement that
-- writes the table, so a statement a line, as allocation_entry runs, pays
-- for its length; "phase IN (…)" is stored as an array to build, each time,
-- and the rules of money not negative and of a reference stored trimmed
-- are each one call of a function of C, under a third of the text of
-- their expressions: bench/README.md)
CREATE FUNCTION @extschema@.budget_not_negative(phase text, amount @extschema@.funding)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_budget_not_negative'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.budget_not_negative(text, @extschema@.funding) IS
'allocation''s rule: a line''s national and local money are not negative unless its phase is adjusted or executed';
CREATE FUNCTION @extschema@.other_not_negative(phase text, other bigint)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_other_not_negative'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.other_not_negative(text, bigint) IS
'allocation''s rule: a line''s other money is not negative unless its phase is adjusted or executed';
CREATE FUNCTION @extschema@.reference_stored(reference text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_reference_stored'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reference_stored(text) IS
'allocation''s rule: a reference is stored as reference_trim leaves it, and has at most 200 characters';
ALTER TABLE @extschema@.allocation
	DROP CONSTRAINT allocation_phase_known,
	DROP CONSTRAINT allocation_budget_not_negative,
	DROP CONSTRAINT allocation_other_not_negative,
	DROP CONSTRAINT allocation_reference_trimmed,
	ADD CONSTRAINT allocation_phase_known
		CHECK (phase = ANY ('{planned,approved,adjusted,executed}'::text[])),
	ADD CONSTRAINT allocation_budget_not_negative
		CHECK (@extschema@.budget_not_negative(phase, amount)),
	ADD CONSTRAINT allocation_other_not_negative
		CHECK (@extschema@.other_not_negative(phase, other)),
	ADD CONSTRAINT allocation_reference_trimmed
		CHECK (@extschema@.reference_stored(reference));
-- end of 2.0.0

-- Clusters (지역혁신협력지구) ---------------------------------------------

CREATE TABLE @extschema@.cluster (
	id integer PRIMARY KEY,
	province_code text NOT NULL UNIQUE,
	capital_area boolean NOT NULL DEFAULT false
		CONSTRAINT cluster_not_capital_area CHECK (NOT capital_area),
	name_ko text NOT NULL,
	designated_year integer NOT NULL,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.cluster IS
'the regional innovation clusters (지역혁신협력지구), one per non-capital province, designated in 2018';
-- one per non-capital province: (province_code, capital_area) references
-- province (code, capital_area), kept by key_check
CREATE CONSTRAINT TRIGGER cluster_province_fkey
	AFTER INSERT OR UPDATE ON @extschema@.cluster
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('cluster_province_fkey', 'from', '@extschema@.cluster', 'province_code,capital_area', '@extschema@.province', 'code,capital_area');
CREATE CONSTRAINT TRIGGER cluster_province_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('cluster_province_fkey', 'to', '@extschema@.cluster', 'province_code,capital_area', '@extschema@.province', 'code,capital_area');

-- Evaluation agencies and committee figures --------------------------------

CREATE TABLE @extschema@.evaluation_agency (
	province_code text PRIMARY KEY,
	name_ko text NOT NULL UNIQUE,
	address text NOT NULL,
	telephone text NOT NULL,
	shipped boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.evaluation_agency IS
'the 14 regional evaluation agencies (지역사업평가단), address and telephone as published in February 2023';
-- province_code references province (code), kept by key_check
CREATE CONSTRAINT TRIGGER evaluation_agency_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.evaluation_agency
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('evaluation_agency_province_code_fkey', 'from', '@extschema@.evaluation_agency', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER evaluation_agency_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('evaluation_agency_province_code_fkey', 'to', '@extschema@.evaluation_agency', 'province_code', '@extschema@.province', 'code');

CREATE TABLE @extschema@.committee_figure (
	key text PRIMARY KEY,
	label_ko text NOT NULL,
	quantity numeric,
	unit text,
	amount @extschema@.funding,
	amount_total bigint,
	period text,
	shipped boolean NOT NULL DEFAULT false,
	CONSTRAINT committee_figure_one_kind
		CHECK ((quantity IS NOT NULL AND unit IS NOT NULL AND amount IS NULL AND amount_total IS NULL)
			   OR (quantity IS NULL AND unit IS NULL AND (amount IS NOT NULL OR amount_total IS NOT NULL)))
);
COMMENT ON TABLE @extschema@.committee_figure IS
'headline figures of the 2023 1st Regional Economic Committee, as published: counts, or amounts (funding when the split was given, amount_total in won when only a total was)';

-- Clusters: each region's self-diagnosis and stage (1 or 2), and the
-- performance evaluation that decides a differential share of national
-- funds (국비 차등지급) ("Clusters: stages and differential funding").
--
-- The source document fixes no criteria, grades or weights.  The policy
-- tables ship ILLUSTRATIVE defaults (rows with valid_from = 0, read-only);
-- an administrator changes the policy for a fiscal year onwards by adding
-- rows with valid_from = that year.  For any year the policy in force is the
-- one with the greatest valid_from not after it.  The defaults, in one place:
--
--   stage-2 criteria: self-diagnosis score at least 70, and a body able to
--                     plan, evaluate and manage R&D
--   grades:           S ≥ 90 → 1.20, A ≥ 80 → 1.10, B ≥ 70 → 1.00,
--                     C ≥ 60 → 0.90, D ≥ 0 → 0.70   (after MOTIE's 2013
--                     신특화산업 grades: +25억/+10억/±0/-10억/-35억 on 115억)
--   stage weights:    stage 1 → 1.0, stage 2 → 1.2  (stage-2 regions run
--                     their own R&D planning and management)

CREATE TABLE @extschema@.cluster_diagnosis (
	cluster_id integer NOT NULL REFERENCES @extschema@.cluster (id),
	fiscal_year integer NOT NULL
		CONSTRAINT cluster_diagnosis_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	requested_stage smallint NOT NULL
		CONSTRAINT cluster_diagnosis_stage_1_or_2 CHECK (requested_stage IN (1, 2)),
	self_score numeric NOT NULL
		CONSTRAINT cluster_diagnosis_score_0_to_100 CHECK (self_score BETWEEN 0 AND 100),
	has_rnd_body boolean NOT NULL,
	workforce_program boolean NOT NULL,
	note text,
	PRIMARY KEY (cluster_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.cluster_diagnosis IS
'a region''s self-diagnosis (자체진단) for a fiscal year: the stage it asks for, its score, whether it has an R&D planning body, whether it runs the mandatory workforce programme';
COMMENT ON COLUMN @extschema@.cluster_diagnosis.has_rnd_body IS 'a body able to plan, evaluate and manage R&D (needed for stage 2 by default)';
COMMENT ON COLUMN @extschema@.cluster_diagnosis.workforce_program IS 'runs the workforce-training programme every stage must run (see cluster_compliance)';

CREATE TABLE @extschema@.cluster_evaluation (
	cluster_id integer NOT NULL REFERENCES @extschema@.cluster (id),
	fiscal_year integer NOT NULL
		CONSTRAINT cluster_evaluation_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	score numeric NOT NULL
		CONSTRAINT cluster_evaluation_score_0_to_100 CHECK (score BETWEEN 0 AND 100),
	note text,
	PRIMARY KEY (cluster_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.cluster_evaluation IS
'the performance evaluation (성과평가) of a cluster for a fiscal year, score 0 to 100; it decides the cluster''s grade. Written by members of regionpolicy_evaluator, never by a steward of the cluster''s province';
-- ============================================================================
-- 3. Reference data
-- ============================================================================

-- From the 2023 1st Regional Economic Committee press release (MSS and
-- MOTIE, 2023-02-27; doc/sources/2023-02-27-regional-economic-committee.txt),
-- entered exactly as published ("Reference data");
-- where published parts and totals disagree, the reconciliation view shows
-- it.  The province code tables (행정표준코드, Statistics Korea, ISO 3166-2)
-- are not in the release; they are the published code lists.

-- 17 rows of province: sql/data/province.tsv
SELECT @extschema@.reference_copy('province', 'province');

-- 35 rows of province_alias: sql/data/province_alias.tsv
SELECT @extschema@.reference_copy('province_alias', 'province_alias');
-- "광주시" is left out on purpose: it is also a city of 경기도.

-- 5 rows of superregion: sql/data/superregion.tsv
SELECT @extschema@.reference_copy('superregion', 'superregion');

-- 14 rows of superregion_member: sql/data/superregion_member.tsv
SELECT @extschema@.reference_copy('superregion_member', 'superregion_member');

-- 12 rows of program: sql/data/program_mss_2023.tsv
SELECT @extschema@.reference_copy('program', 'program_mss_2023');

-- 5 rows of program: sql/data/program_motie_2023.tsv
SELECT @extschema@.reference_copy('program', 'program_motie_2023');

-- 2 rows of program_target: sql/data/program_target.tsv
SELECT @extschema@.reference_copy('program_target', 'program_target');

-- 14 rows of cluster: sql/data/cluster.tsv
SELECT @extschema@.reference_copy('cluster', 'cluster');

-- 14 rows of evaluation_agency: sql/data/evaluation_agency.tsv
SELECT @extschema@.reference_copy('evaluation_agency', 'evaluation_agency');

-- 10 rows of committee_figure: sql/data/committee_figure.tsv
SELECT @extschema@.reference_copy('committee_figure', 'committee_figure');

-- pg_dump keeps what users write, and only that.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program', 'WHERE id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.program_target', 'WHERE program_id >= 1000');

-- Provinces over time ---------------------------------------------------------

-- 1 rows of province: sql/data/province_2026.tsv
SELECT @extschema@.reference_copy('province', 'province_2026');
UPDATE @extschema@.province SET valid_to = '2026-07-01', successor_code = '12' WHERE code IN ('29', '46');
-- 2 rows of province_alias: sql/data/province_alias_2026.tsv
SELECT @extschema@.reference_copy('province_alias', 'province_alias_2026');

-- The 시·군·구 and their designations, as doc/sources/municipalities.md gives
-- them (each row's source column cites its sections, "§n").

-- 시·군·구 (basic local governments), one row per code-validity period, from
-- the tables of doc/sources/municipalities.md §1, §1a, §1b and §2.
--
-- table @extschema@.municipality (code text, province_code text, name_ko text, kind text,
--   valid_from date, valid_to date, successor_code text, provisional boolean, source text)
--
-- Periods are half-open [valid_from, valid_to): valid_to is the day the next
-- code starts.  valid_from NULL means "since before 2023" (the data's basis,
-- the press release of 2023-02-27); valid_to NULL means current.
-- province_code is the province valid in the row's period, under the
-- province table's key: a renumbered province keeps its current code (강원
-- 42xxx rows are province 51, 전북 45xxx rows 52); a real move or merger
-- changes it (군위 47720 is 47, 27720 is 27; 광주/전남 29xxx/46xxx until
-- 2026-07-01, 12xxx after).
-- provisional = true: the code comes only from third-party repositories
-- (municipalities.md §1a/§1b), not yet checked against the MOIS code file.
-- Not here: 일반구 (non-autonomous districts, §2a), incl. 부천's of 2024 and
-- 화성's of 2026.
--
-- Codes are the 5-digit prefix of the MOIS 법정동코드 / 행정표준코드, not the
-- 통계청 한국행정구역분류 (where 부산 is 21).

-- 229 rows of municipality: sql/data/municipality_2023.tsv
SELECT @extschema@.reference_copy('municipality', 'municipality_2023');

-- 33 rows of municipality: sql/data/municipality_renumbered.tsv
SELECT @extschema@.reference_copy('municipality', 'municipality_renumbered');

-- 31 rows of municipality: sql/data/municipality_2026.tsv
SELECT @extschema@.reference_copy('municipality', 'municipality_2026');

-- Dated designations of 시·군·구, from the tables of
-- doc/sources/municipalities.md §3, §3a, §4 and §4a.
--
-- table @extschema@.municipality_designation (municipality_code text, kind text,
--   valid_from date, valid_to date, basis text, source text)
--
-- Each row is keyed by the municipality code valid on its valid_from; later
-- renumberings are followed through municipality.successor_code (강원 42xxx
-- → 51xxx, 군위 47720 → 27720, 전북 45xxx → 52xxx, 광주/전남 → 12xxx).
-- Periods are half-open [valid_from, valid_to); valid_to NULL: no end recorded.

-- 89 rows of municipality_designation: sql/data/designation_decline.tsv
SELECT @extschema@.reference_copy('municipality_designation', 'designation_decline');

-- 18 rows of municipality_designation: sql/data/designation_watch.tsv
SELECT @extschema@.reference_copy('municipality_designation', 'designation_watch');

-- 2. NOT LOADED.  If the 2022-2025 fund category is wanted, add it as a kind
--    of its own (it was not a 고시 designation; §4):
--    INSERT INTO @extschema@.municipality_designation (municipality_code, kind, valid_from, valid_to, basis, source)
--    SELECT code, '지방소멸대응기금 관심지역', '2022-02-11', '2026-01-01',
--           '행정안전부 고시 제2022-11호 별표1', '§4 repository note, UNVERIFIED'
--    FROM (VALUES ('26110'), ('26410'), ('28140'), ('29110'), ('30110'), ('30140'), ('30230'), ('41250'), ('41650'), ('42150'), ('42170'), ('42210'), ('42810'), ('45140'), ('47130'), ('47150'), ('48220'), ('48240')) AS v(code);

-- Shipped designations have ids below 1000; administrators' start there.
ALTER TABLE @extschema@.municipality_designation ALTER COLUMN id RESTART WITH 1000;
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.municipality_designation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.municipality_designation
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.municipality_designation', 'WHERE id >= 1000');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.municipality_designation_id_seq', '');
GRANT SELECT ON @extschema@.municipality, @extschema@.municipality_designation TO PUBLIC;

-- Rows that ship with the extension, and rows administrators add ------------------

-- Each table of reference data marks its shipped rows; the rows an
-- administrator adds (a new cluster, a province) are theirs to change, and
-- pg_dump keeps them.  reference_guard('shipped') refuses writes to shipped
-- rows and refuses to mark a row as shipped.

-- Every row loaded so far in the tables of reference data is shipped.
DO $shipped$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['province', 'province_alias', 'superregion', 'superregion_member',
							 'cluster', 'evaluation_agency', 'committee_figure', 'municipality'] LOOP
		EXECUTE format('UPDATE @extschema@.%I SET shipped = true', t);
		EXECUTE format('COMMENT ON COLUMN @extschema@.%I.shipped IS %L', t,
					   'true for rows shipped with the extension (read-only); rows you add are yours, and pg_dump keeps them');
		EXECUTE format('CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.%I '
					   'FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard(''shipped'')', t);
		EXECUTE format('CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.%I '
					   'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard(''all'')', t);
		PERFORM pg_catalog.pg_extension_config_dump(format('@extschema@.%I', t)::regclass, 'WHERE NOT shipped');
	END LOOP;
END
$shipped$;

-- The fiscal years of provinces and 시·군·구, kept from their validity: each
-- row written recomputes the years of its own code from the row itself, so
-- administrators editing different 시·군·구 at once write different rows of
-- the year tables (two editing the same one wait for each other on its
-- row), and none can undo another's change.  A change that would leave an
-- allocation or an award in a year its province or 시·군·구 no longer has is
-- refused by their foreign keys; the error names one such line.  It runs as
-- the extension's owner, as the tables it writes are read-only to everyone
-- else.
CREATE FUNCTION @extschema@.region_years_refresh()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	-- the trigger's argument names the table: on Citus a trigger fires on a
	-- shard, whose name is not the table's
	tab text := TG_ARGV[0];
	kind text := CASE tab WHEN 'province' THEN '시·도' ELSE '시·군·구' END;
	line record;
	held text;
	year_column text;
	old_province text;		-- a 시·군·구's province, as the row was
	same_place boolean;		-- an update that keeps the code (and province)
BEGIN
	IF TG_OP <> 'INSERT' THEN
		BEGIN
			IF tab = 'province' THEN
				DELETE FROM @extschema@.province_year o
				WHERE o.province_code = OLD.code
				  AND (TG_OP = 'DELETE' OR NEW.code <> OLD.code
					   OR NOT ((NEW.valid_from IS NULL OR NEW.valid_from < make_date(o.fiscal_year + 1, 1, 1))
							   AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(o.fiscal_year, 1, 1))));
			ELSE
				DELETE FROM @extschema@.municipality_year o
				WHERE o.municipality_code = OLD.code AND o.province_code = OLD.province_code
				  AND (TG_OP = 'DELETE' OR NEW.code <> OLD.code OR NEW.province_code <> OLD.province_code
					   OR NOT ((NEW.valid_from IS NULL OR NEW.valid_from < make_date(o.fiscal_year + 1, 1, 1))
							   AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(o.fiscal_year, 1, 1))));
			END IF;
		EXCEPTION WHEN foreign_key_violation THEN
			GET STACKED DIAGNOSTICS held = TABLE_NAME;
			-- (a field of the other table's row may not even be named)
			IF tab = 'municipality' THEN
				old_province := OLD.province_code;
				same_place := TG_OP = 'UPDATE' AND NEW.code = OLD.code AND NEW.province_code = OLD.province_code;
			ELSE
				same_place := TG_OP = 'UPDATE' AND NEW.code = OLD.code;
			END IF;
			IF held IS DISTINCT FROM 'allocation' AND held IS DISTINCT FROM 'award' THEN
				RAISE;
			END IF;
			year_column := CASE held WHEN 'award' THEN 'first_year' ELSE 'fiscal_year' END;
			-- one line the change would strand: its year, as the row was
			EXECUTE format('SELECT t.id, t.%1$I AS fiscal_year, t.reference FROM @extschema@.%2$I t
							WHERE t.%3$I = $1 AND ($2 IS NULL OR t.province_code = $2)
							  AND NOT ($3 AND ($4 IS NULL OR $4 < make_date(t.%1$I + 1, 1, 1))
									   AND ($5 IS NULL OR $5 > make_date(t.%1$I, 1, 1)))
							ORDER BY t.%1$I, t.id LIMIT 1',
						   year_column, held,
						   CASE tab WHEN 'province' THEN 'province_code' ELSE 'municipality_code' END)
			  INTO line
			  USING OLD.code, old_province, same_place,
					CASE WHEN TG_OP = 'UPDATE' THEN NEW.valid_from END,
					CASE WHEN TG_OP = 'UPDATE' THEN NEW.valid_to END;
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s %s would no longer exist in fiscal year %s, where %s %s lies', kind, OLD.code, line.fiscal_year, held, line.id),
					  ERRCODE = 'foreign_key_violation',
					  DETAIL = @extschema@.message('%s %s (fiscal year %s, reference %s) lies in %s %s%s.', initcap(held), line.id, line.fiscal_year, coalesce(line.reference, @extschema@.message('(none)')), kind, OLD.code, CASE WHEN old_province IS NOT NULL THEN @extschema@.message(' of province %s', old_province) ELSE '' END),
					  HINT = @extschema@.message('Move or delete the %s lines of the years the change leaves out, or keep %s %s valid in them.', held, kind, OLD.code);
		END;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		IF tab = 'province' THEN
			INSERT INTO @extschema@.province_year
			SELECT NEW.code, y FROM generate_series(2000, 2100) AS y
			WHERE (NEW.valid_from IS NULL OR NEW.valid_from < make_date(y + 1, 1, 1))
			  AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(y, 1, 1))
			ON CONFLICT DO NOTHING;
		ELSE
			INSERT INTO @extschema@.municipality_year
			SELECT NEW.code, NEW.province_code, y FROM generate_series(2000, 2100) AS y
			WHERE (NEW.valid_from IS NULL OR NEW.valid_from < make_date(y + 1, 1, 1))
			  AND (NEW.valid_to IS NULL OR NEW.valid_to > make_date(y, 1, 1))
			ON CONFLICT DO NOTHING;
		END IF;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.region_years_refresh() IS
'row trigger on province and municipality: recomputes the province_year or municipality_year rows of the code written, from its validity';
CREATE TRIGGER region_years_refresh AFTER INSERT OR UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.region_years_refresh('province');
CREATE TRIGGER region_years_refresh AFTER INSERT OR UPDATE OR DELETE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.region_years_refresh('municipality');
-- the years of the rows there are
INSERT INTO @extschema@.province_year
SELECT p.code, y
FROM @extschema@.province p, generate_series(2000, 2100) AS y
WHERE (p.valid_from IS NULL OR p.valid_from < make_date(y + 1, 1, 1))
  AND (p.valid_to IS NULL OR p.valid_to > make_date(y, 1, 1))
ON CONFLICT DO NOTHING;
INSERT INTO @extschema@.municipality_year
SELECT m.code, m.province_code, y
FROM @extschema@.municipality m, generate_series(2000, 2100) AS y
WHERE (m.valid_from IS NULL OR m.valid_from < make_date(y + 1, 1, 1))
  AND (m.valid_to IS NULL OR m.valid_to > make_date(y, 1, 1))
ON CONFLICT DO NOTHING;
GRANT SELECT ON @extschema@.province_year, @extschema@.municipality_year TO PUBLIC;

-- Programmes and their targets: ids below 1000 are the shipped ones.
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.program_target
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('program_id');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.program_target
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
-- ============================================================================
-- 4. Provinces and 시·군·구 by name, on a day
-- ============================================================================

-- Is the province valid on day d?  On some day of fiscal year y?
CREATE FUNCTION @extschema@.province_valid_on(p @extschema@.province, d date)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT (p.valid_from IS NULL OR p.valid_from <= d) AND (p.valid_to IS NULL OR p.valid_to > d) $$;

-- The map over time, all the way through a merger (doc/regionpolicy.md,
-- "Regions over time"): codes that are never ambiguous, names decided by a
-- date, the merged province's short forms, clusters that follow their
-- province's successor, designations that belong to the 시·군·구 rather
-- than to one of its codes, series on an earlier map, and reference tables
-- whose administrators' rows are their own.

-- Which provinces a name or code means on a day ---------------------------------

-- The provinces a text names, whatever their dates: its code, ISO code,
-- Korean, short or English name, or an alias (a former name or code).
CREATE FUNCTION @extschema@.province_named(name_or_code text)
RETURNS text[]
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT coalesce(array_agg(DISTINCT n.code ORDER BY n.code), '{}')
	FROM (SELECT v.code FROM @extschema@.province v
		  WHERE v.code = btrim(name_or_code) OR v.iso_code = upper(btrim(name_or_code)) OR v.name_ko = btrim(name_or_code)
			 OR v.short_ko = btrim(name_or_code) OR lower(v.name_en) = lower(btrim(name_or_code))
		  UNION
		  SELECT a.province_code FROM @extschema@.province_alias a WHERE lower(a.alias) = lower(btrim(name_or_code))) n
$$;
COMMENT ON FUNCTION @extschema@.province_named(text) IS
'the codes of every province a text names by its code, ISO code, a name or an alias, on any date; empty when none';

-- Those provinces followed through successors while they had ended by
-- as_of, kept if valid on as_of.  Empty when none; never raises.
CREATE FUNCTION @extschema@.province_candidates(name_or_code text, as_of date)
RETURNS text[]
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	cur text;
	p @extschema@.province;
	found text[] := '{}';
BEGIN
	FOREACH cur IN ARRAY @extschema@.province_named(name_or_code) LOOP
		-- follow successors while the province had ended by as_of (a chain
		-- of at most a few links: the primary key keeps each code one row)
		FOR depth IN 1 .. 20 LOOP
			SELECT * INTO p FROM @extschema@.province v WHERE v.code = cur;
			EXIT WHEN p.valid_to IS NULL OR p.valid_to > as_of OR p.successor_code IS NULL;
			cur := p.successor_code;
		END LOOP;
		IF @extschema@.province_valid_on(p, as_of) AND NOT cur = ANY (found) THEN
			found := found || cur;
		END IF;
	END LOOP;
	RETURN ARRAY(SELECT c FROM unnest(found) AS c ORDER BY c);
END
$$;
COMMENT ON FUNCTION @extschema@.province_candidates(text, date) IS
'the codes of the provinces a name or code means on as_of (a province that had ended then stands for its successor); empty when none';

-- The error for a name or code that means no single province on as_of;
-- context, when given, is added to the message (the row of a load).
CREATE FUNCTION @extschema@.province_refuse(name_or_code text, as_of date, context text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	found text[] := @extschema@.province_candidates(name_or_code, as_of);
	named text[] := @extschema@.province_named(name_or_code);
	suffix text := coalesce(' (' || context || ')', '');
BEGIN
	IF cardinality(found) > 1 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('province "%s" is ambiguous on %s%s', name_or_code, as_of, suffix),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('It names %s.', array_to_string(found, @extschema@.message(' and '))),
				  HINT = @extschema@.message('Give the province''s code.');
	ELSIF cardinality(named) = 0 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown province: "%s"%s', name_or_code, suffix),
				  ERRCODE = 'invalid_parameter_value',
				  HINT = @extschema@.message('Give a Korean, short or English name (current or former), a 행정표준코드 (current or former) or an ISO 3166-2 code such as KR-26.');
	ELSIF cardinality(found) = 0 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('province "%s" did not exist on %s%s', name_or_code, as_of, suffix),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = (SELECT string_agg(@extschema@.validity(v.code, v.name_ko, v.valid_from, v.valid_to), '; ' ORDER BY v.code)
							FROM @extschema@.province v WHERE v.code = ANY (named)) || '.',
				  HINT = @extschema@.message('Give a date on which it existed, or the province of that time.');
	END IF;
	RETURN found[1];
END
$$;
COMMENT ON FUNCTION @extschema@.province_refuse(text, date, text) IS
'raises the error for a name or code that means no single province on as_of (unknown, not yet or no longer existing, ambiguous); returns the province when it means one';

CREATE FUNCTION @extschema@.province_code(name_or_code text, as_of date DEFAULT CURRENT_DATE)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	found text[] := @extschema@.province_candidates(name_or_code, as_of);
BEGIN
	IF cardinality(found) = 1 THEN
		RETURN found[1];
	END IF;
	RETURN @extschema@.province_refuse(name_or_code, as_of);
END
$$;
COMMENT ON FUNCTION @extschema@.province_code(text, date) IS
'the 행정표준코드 of the province a name or code means on as_of (default today): former names and codes of the same province resolve to its code (42 → 51), a province that had ended resolves to its successor (광주 after 2026-07-01 → 12); KOSTAT codes are not accepted';

-- 2.0.0: a name of a province that merged during the year is that province's
-- The province a line names in a fiscal year.  A code (행정표준코드 or ISO)
-- of a province that existed on some day of the year is that province:
-- codes are never ambiguous (29 and 46 in FY2026).  A name is read on the
-- line's date when it has one.  Else, a name of a province that ended
-- during the year is that province's: its budget for the year was set
-- before it ended (광주광역시 and 전라남도 in FY2026 are 29 and 46, the
-- merged province's own names 12).  Only a name that itself names two
-- provinces of the year is refused, with both.
CREATE OR REPLACE FUNCTION @extschema@.province_code_in_year(name_or_code text, fiscal_year integer,
												  as_of date DEFAULT NULL, context text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := btrim(name_or_code);
	first_day date := make_date(fiscal_year, 1, 1);
	last_day date := make_date(fiscal_year, 12, 31);
	result text;
	on_first text[];
	on_last text[];
BEGIN
	IF name_or_code IS NULL OR fiscal_year IS NULL THEN
		RETURN NULL;
	END IF;
	SELECT v.code INTO result FROM @extschema@.province v
	WHERE (v.code = wanted OR v.iso_code = upper(wanted))
	  AND (v.valid_from IS NULL OR v.valid_from <= last_day) AND (v.valid_to IS NULL OR v.valid_to > first_day);
	IF FOUND THEN
		RETURN result;
	END IF;
	-- the usual case: the text names one province, valid all year
	on_first := @extschema@.province_named(wanted);
	IF cardinality(on_first) = 1 THEN
		SELECT v.code INTO result FROM @extschema@.province v
		WHERE v.code = on_first[1]
		  AND (v.valid_from IS NULL OR v.valid_from <= first_day) AND (v.valid_to IS NULL OR v.valid_to > last_day);
		IF FOUND THEN
			RETURN result;
		END IF;
	END IF;
	IF as_of IS NOT NULL THEN
		on_first := @extschema@.province_candidates(wanted, as_of);
		IF cardinality(on_first) = 1 THEN
			RETURN on_first[1];
		END IF;
		RETURN @extschema@.province_refuse(name_or_code, as_of, context);
	END IF;
	on_first := @extschema@.province_candidates(wanted, first_day);
	on_last := @extschema@.province_candidates(wanted, last_day);
	IF cardinality(on_first) = 1 AND (cardinality(on_last) = 0 OR on_last = on_first) THEN
		RETURN on_first[1];
	ELSIF cardinality(on_last) = 1 AND cardinality(on_first) = 0 THEN
		RETURN on_last[1];
	ELSIF cardinality(on_first) = 1 AND cardinality(on_last) = 1
		  AND NOT on_last[1] = ANY (@extschema@.province_named(wanted))
		  AND on_last[1] IN (WITH RECURSIVE after(code, depth) AS (
								 SELECT v.successor_code, 1 FROM @extschema@.province v WHERE v.code = on_first[1]
								 UNION ALL
								 SELECT v.successor_code, a.depth + 1 FROM after a JOIN @extschema@.province v ON v.code = a.code
								 WHERE a.depth < 20)
							 SELECT a.code FROM after a WHERE a.code IS NOT NULL) THEN
		-- the year's last day reads the name as its province's successor
		-- only: the province itself
		RETURN on_first[1];
	ELSIF cardinality(on_first) = 1 AND cardinality(on_last) = 1 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('province "%s" is ambiguous in fiscal year %s%s', name_or_code, fiscal_year,
			coalesce(' (' || context || ')', '')),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('On %s it was %s (%s), on %s %s (%s).', first_day, on_first[1], (SELECT v.name_ko FROM @extschema@.province v WHERE v.code = on_first[1]), last_day, on_last[1], (SELECT v.name_ko FROM @extschema@.province v WHERE v.code = on_last[1])),
				  HINT = @extschema@.message('Give the province''s code (%s or %s), or the line''s date (as_of).', on_first[1], on_last[1]);
	END IF;
	RETURN @extschema@.province_refuse(name_or_code, CASE WHEN cardinality(on_first) = 0 THEN last_day ELSE first_day END, context);
END
$$;
COMMENT ON FUNCTION @extschema@.province_code_in_year(text, integer, date, text) IS
'the province a line names in a fiscal year: a code of a province of that year is itself; a name is read on the line''s date (as_of) if given; a name of a province that ended during the year is that province; a name of two provinces of the year is refused';
-- end of 2.0.0

-- municipality_code(text, as_of): '통영시', '경남 통영시', '경상남도 통영시' or a code.
CREATE FUNCTION @extschema@.municipality_code(name_or_code text, as_of date DEFAULT CURRENT_DATE)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	wanted text := btrim(regexp_replace(name_or_code, '\s+', ' ', 'g'));
	name text := wanted;
	province text;
	m @extschema@.municipality;
	cur text;
	candidates text;
	n integer;
BEGIN
	IF wanted ~ '^[0-9]{5}$' THEN
		cur := wanted;
		LOOP
			SELECT * INTO m FROM @extschema@.municipality v WHERE v.code = cur;
			IF NOT FOUND THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown municipality code: "%s"', name_or_code),
						  ERRCODE = 'invalid_parameter_value';
			END IF;
			EXIT WHEN m.valid_to IS NULL OR m.valid_to > as_of OR m.successor_code IS NULL;
			cur := m.successor_code;
		END LOOP;
		IF (m.valid_from IS NOT NULL AND m.valid_from > as_of) OR (m.valid_to IS NOT NULL AND m.valid_to <= as_of) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality code "%s" was not in use on %s', name_or_code, as_of),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.validity(m.code, m.name_ko, m.valid_from, m.valid_to) || '.',
					  HINT = CASE WHEN m.valid_to <= as_of AND m.successor_code IS NULL
								  THEN @extschema@.message('It was split with no single successor; give the municipality of that date by name or code.')
								  WHEN m.valid_from > as_of
								  THEN coalesce(@extschema@.message('Before %s it was %s; give that code, or a date from %s on.', m.valid_from,
												(SELECT string_agg(format('%s (%s)', o.code, o.name_ko), @extschema@.message(' or ') ORDER BY o.code)
												 FROM @extschema@.municipality o WHERE o.successor_code = m.code), m.valid_from)
												-- (message() writes a NULL as nothing: no predecessors, no sentence)
												|| CASE WHEN EXISTS (SELECT 1 FROM @extschema@.municipality o WHERE o.successor_code = m.code) THEN '' END,
												@extschema@.message('Give a date from %s on, or the municipality of that date.', m.valid_from))
								  ELSE @extschema@.message('Give the municipality of that date by name or code.') END;
		END IF;
		RETURN cur;
	END IF;

	-- a province before the name: "경남 통영시", "경상남도 통영시"
	IF position(' ' IN wanted) > 0 THEN
		province := @extschema@.province_code(split_part(wanted, ' ', 1), as_of);
		name := substr(wanted, position(' ' IN wanted) + 1);
	END IF;
	SELECT count(*), min(v.code),
		   string_agg(format('%s %s (%s)', p.short_ko, v.name_ko, v.code), ', ' ORDER BY p.sort_order, v.code)
	  INTO n, cur, candidates
	FROM @extschema@.municipality v
		 JOIN @extschema@.province p ON p.code = v.province_code
	WHERE v.name_ko = name
	  AND (province IS NULL OR v.province_code = province)
	  AND (v.valid_from IS NULL OR v.valid_from <= as_of) AND (v.valid_to IS NULL OR v.valid_to > as_of);
	IF n = 0 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown municipality: "%s" on %s', name_or_code, as_of),
				  ERRCODE = 'invalid_parameter_value',
				  HINT = @extschema@.message('Give its full name (통영시, 중구), optionally after its province (경남 통영시), or its 5-digit code.');
	ELSIF n > 1 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality "%s" is ambiguous on %s', name_or_code, as_of),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('Candidates: %s.', candidates),
				  HINT = @extschema@.message('Put the province first, e.g. "%s", or give the code.', (SELECT p.short_ko FROM @extschema@.province p
								 JOIN @extschema@.municipality v ON v.province_code = p.code WHERE v.name_ko = name
								 ORDER BY p.sort_order LIMIT 1) || ' ' || name);
	END IF;
	RETURN cur;
END
$$;
COMMENT ON FUNCTION @extschema@.municipality_code(text, date) IS
'the 5-digit code of a 시·군·구 on as_of (default today), from its name (통영시), its province and name (경남 통영시) or a code, current or former; a name several provinces share, without its province, is an error listing the candidates (22023)';

-- Designations belong to the 시·군·구 ------------------------------------------------

-- Every code of the same 시·군·구: a code and its successor are the same
-- 시·군·구 when the successor keeps its name (a renumbering: 홍천군 42720 →
-- 51720, 신안군 46910 → 12870); a merger or split makes another one.
CREATE VIEW @extschema@.municipality_lineage AS
WITH RECURSIVE link(a, b) AS (		-- both directions of each renumbering
	SELECT x.a, x.b
	FROM @extschema@.municipality m
		 JOIN @extschema@.municipality s ON s.code = m.successor_code AND s.name_ko = m.name_ko
		 CROSS JOIN LATERAL (VALUES (m.code, s.code), (s.code, m.code)) AS x(a, b)
), same(code, same_code) AS (
	SELECT m.code, m.code FROM @extschema@.municipality m
	UNION
	SELECT s.code, l.b FROM same s JOIN link l ON l.a = s.same_code
)
SELECT code, same_code FROM same;
COMMENT ON VIEW @extschema@.municipality_lineage IS
'every pair of codes of the same 시·군·구 (itself included): a code and a successor of the same name are one 시·군·구 renumbered';

-- Is the 시·군·구 of this code designated kind on as_of, under any of its codes?
CREATE FUNCTION @extschema@.municipality_designated(code text, kind text, as_of date)
RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (
		SELECT 1
		FROM @extschema@.municipality_lineage l
			 JOIN @extschema@.municipality_designation d ON d.municipality_code = l.same_code
		WHERE l.code = municipality_designated.code
		  AND d.kind = municipality_designated.kind
		  AND d.valid_from <= municipality_designated.as_of
		  AND (d.valid_to IS NULL OR d.valid_to > municipality_designated.as_of))
$$;
COMMENT ON FUNCTION @extschema@.municipality_designated(text, text, date) IS
'true when the 시·군·구 of the code was designated kind (인구감소지역, 인구감소관심지역, …) on as_of, under this or any other of its codes (a FY2027 line under 51720 is in the 인구감소지역 designated as 42720)';

-- The designations under every code of their 시·군·구, for joins.
CREATE VIEW @extschema@.municipality_designations AS
SELECT l.code AS municipality_code, d.kind, d.valid_from, d.valid_to, d.basis,
	   d.municipality_code AS designated_code, d.id AS designation_id
FROM @extschema@.municipality_designation d
	 JOIN @extschema@.municipality_lineage l ON l.same_code = d.municipality_code;
COMMENT ON VIEW @extschema@.municipality_designations IS
'each designation under every code of its 시·군·구 (designated_code is the code it was made under): join allocations on municipality_code and the date';
GRANT SELECT ON @extschema@.municipality_lineage, @extschema@.municipality_designations TO PUBLIC;

-- 2.0.0: the codes and names of other systems
-- The codes and names other systems give a local government
-- (doc/regionpolicy.md, "Codes of other systems"): 지방재정365's 7-digit
-- 자치단체코드 and names written without a space (lofin: 1114000 and
-- 서울성동구; 1100000 서울본청 is the province's own budget, no 시·군·구),
-- and the 일반구 of large 시 that map and address services return
-- (district: 41194 부천시 소사구, a line of 부천시).  A line naming one is
-- read as its province and 시·군·구 name, on the line's own date.  Shipped
-- rows come from sql/data/region_code_*.tsv, each citing its source;
-- administrators may add rows of their own (pg_dump keeps them).
CREATE TABLE @extschema@.region_code (
	system text NOT NULL
		CONSTRAINT region_code_system_known CHECK (system IN ('lofin', 'district')),
	code text NOT NULL,
	name_ko text NOT NULL,
	province_code text NOT NULL,
	municipality_code text,
	municipality_name text,
	valid_from date,
	valid_to date,
	provisional boolean NOT NULL DEFAULT false,
	source text NOT NULL,
	shipped boolean NOT NULL DEFAULT false,
	PRIMARY KEY (system, code),
	CONSTRAINT region_code_format
		CHECK (CASE system WHEN 'lofin' THEN code ~ '^[0-9]{7}$' ELSE code ~ '^[0-9]{5}$' END),
	CONSTRAINT region_code_district_has_city
		CHECK (system <> 'district' OR (municipality_code IS NOT NULL AND municipality_name IS NOT NULL)),
	CONSTRAINT region_code_name_with_code CHECK ((municipality_code IS NULL) = (municipality_name IS NULL)),
	CONSTRAINT region_code_period CHECK (valid_from < valid_to)
);
CREATE INDEX region_code_name_idx ON @extschema@.region_code (name_ko);
COMMENT ON TABLE @extschema@.region_code IS
'codes and names other systems give a province or 시·군·구: lofin (지방재정365 7-digit 자치단체코드 and its names without a space; a row without municipality is the province''s own budget, 본청) and district (일반구 codes and names, resolved to their 시); a line naming one is read as its province and municipality_name on the line''s date';
COMMENT ON COLUMN @extschema@.region_code.municipality_code IS
'our 5-digit code of the 시·군·구 on the date of the list (for a district, its 시); NULL: the province''s own budget';
COMMENT ON COLUMN @extschema@.region_code.municipality_name IS
'the 시·군·구 as a line of the code is read, within its province, on the line''s date';
-- province_code references province (code), municipality_code
-- municipality (code), kept by key_check
CREATE CONSTRAINT TRIGGER region_code_province_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.region_code
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_province_code_fkey', 'from', '@extschema@.region_code', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER region_code_province_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.province
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_province_code_fkey', 'to', '@extschema@.region_code', 'province_code', '@extschema@.province', 'code');
CREATE CONSTRAINT TRIGGER region_code_municipality_code_fkey
	AFTER INSERT OR UPDATE ON @extschema@.region_code
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_municipality_code_fkey', 'from', '@extschema@.region_code', 'municipality_code', '@extschema@.municipality', 'code');
CREATE CONSTRAINT TRIGGER region_code_municipality_code_fkey
	AFTER UPDATE OR DELETE ON @extschema@.municipality
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('region_code_municipality_code_fkey', 'to', '@extschema@.region_code', 'municipality_code', '@extschema@.municipality', 'code');

-- 244 rows of region_code: sql/data/region_code_lofin.tsv
SELECT @extschema@.reference_copy('region_code', 'region_code_lofin');
-- 41 rows of region_code: sql/data/region_code_district.tsv
SELECT @extschema@.reference_copy('region_code', 'region_code_district');
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.region_code
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('shipped');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.region_code
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.region_code', 'WHERE NOT shipped');
COMMENT ON COLUMN @extschema@.region_code.shipped IS
'true for rows shipped with the extension (read-only); rows you add are yours, and pg_dump keeps them';
GRANT SELECT ON @extschema@.region_code TO PUBLIC;

-- What a line's 시·군·구 (or province) cell names, when it is a code or name
-- of another system: the province and the 시·군·구 name to read on the
-- line's date (NULL for the province's own budget), or nothing when the
-- cell is none of them.  An aggregate row (서울계, 시도계, a code ending in
-- *) is a sum of other rows and refused; a 7-digit code is lofin's or
-- unknown, never cut to 5 digits; a 10-digit 법정동코드 is read by its
-- 시·군·구 part; a 일반구 is its 시.
CREATE FUNCTION @extschema@.region_code_read(value text, fiscal_year integer, line text,
											 OUT province_code text, OUT municipality text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v text := btrim(value);
	r @extschema@.region_code;
BEGIN
	IF v IS NULL OR v = '' THEN
		RETURN;
	END IF;
	IF v ~ '\*$' OR v ~ '계$' THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('region %s is an aggregate row, not a line (%s)', @extschema@.entry_echo(value), line),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('Exports add rows such as 서울계 or codes ending in * that sum the lines above them; loading one would count its money twice.'),
				  HINT = @extschema@.message('Leave the aggregate rows out as you copy: \copy … WHERE 자치단체코드 NOT LIKE ''%%*'' AND 자치단체명 NOT LIKE ''%%계''.');
	END IF;
	IF v ~ '^[0-9]{10}$' THEN
		v := left(v, 5);			-- a 법정동코드: its 시·군·구 (or 일반구) part
	END IF;
	IF v ~ '^[0-9]{7}$' THEN
		SELECT * INTO r FROM @extschema@.region_code c WHERE c.system = 'lofin' AND c.code = v;
		IF NOT FOUND THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown 7-digit 자치단체코드 %s (%s)', @extschema@.entry_echo(value), line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('7-digit codes are 지방재정365''s (1114000 is 서울 성동구), not the 5-digit 행정표준코드 with zeros: they are never cut to 5 digits.'),
					  HINT = @extschema@.message('Give the local government''s 5-digit code or its name, or add the code to regionpolicy.region_code.');
		END IF;
	ELSIF v ~ '^[0-9]{5}$' THEN
		SELECT * INTO r FROM @extschema@.region_code c WHERE c.system = 'district' AND c.code = v;
		IF NOT FOUND THEN
			IF btrim(value) ~ '^[0-9]{10}$' THEN
				municipality := v;
			END IF;
			RETURN;
		END IF;
	ELSE
		-- a name of another system: 서울성동구, 서울본청; 부천시 소사구,
		-- 경기 부천시 소사구
		SELECT * INTO r FROM @extschema@.region_code c WHERE c.name_ko = v ORDER BY c.system DESC, c.code LIMIT 1;
		IF NOT FOUND AND v ~ '^\S+\s+\S+\s+\S+$' THEN
			SELECT * INTO r FROM @extschema@.region_code c
			WHERE c.name_ko = regexp_replace(v, '^\S+\s+', '') AND c.system = 'district'
			ORDER BY c.code LIMIT 1;
		END IF;
		IF NOT FOUND THEN
			RETURN;
		END IF;
	END IF;
	IF r.system = 'district' AND fiscal_year IS NOT NULL
	   AND NOT ((r.valid_from IS NULL OR r.valid_from <= make_date(fiscal_year, 12, 31))
				AND (r.valid_to IS NULL OR r.valid_to > make_date(fiscal_year, 1, 1))) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('일반구 %s (%s) did not exist in fiscal year %s (%s)', r.code, r.name_ko, fiscal_year, line),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('It exists from %s%s.', coalesce(r.valid_from::text, @extschema@.message('before 2023')),
												 CASE WHEN r.valid_to IS NOT NULL THEN @extschema@.message(' until %s', r.valid_to - 1) ELSE '' END),
				  HINT = @extschema@.message('Give its 시 (%s, %s).', r.municipality_name, r.municipality_code);
	END IF;
	province_code := r.province_code;
	municipality := CASE WHEN r.system = 'district' THEN r.municipality_code ELSE r.municipality_name END;
END
$$;
COMMENT ON FUNCTION @extschema@.region_code_read(text, integer, text) IS
'what a cell naming a local government in another system''s code or name means: its province and the 시·군·구 to read (NULL: the province''s own budget), nothing when it is none; aggregate rows and unknown 7-digit codes are refused (22023)';
-- end of 2.0.0
-- ============================================================================
-- 5. Loading allocations
-- ============================================================================

-- An allocation may name its 시·군·구 ----------------------------------------------

CREATE INDEX allocation_municipality_idx ON @extschema@.allocation (municipality_code)
	WHERE municipality_code IS NOT NULL;


-- Every won placed once (doc/regionpolicy.md, "Loading").
--
-- A line is identified by its fiscal year, phase, programme, province,
-- 시·군·구 and reference: loading the same reference again replaces that
-- line's amount and note; the same reference under another programme,
-- province or 시·군·구 is another line (one 세부사업 number often covers
-- lines of several 시·군·구).  A line without a reference that is
-- identical to one already there (year, phase, programme, province,
-- 시·군·구, amount) is refused.  Both rules are unique indexes, so they hold
-- under every isolation level and interleaving of concurrent loads, cost one
-- index probe per row however many rows are loaded, and take no lock that
-- another province's load could wait for.  Each rule is two partial
-- indexes, one for lines of a province and one for lines of no single
-- province, so that a NULL province is a key like any other.  Each key
-- leads with its most varied column (the reference, or the amount), so that
-- an insert compares one column at most steps: a key's order costs every
-- load (bench/README.md).
CREATE UNIQUE INDEX allocation_line_key
	ON @extschema@.allocation (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
	WHERE reference IS NOT NULL AND province_code IS NOT NULL;
CREATE UNIQUE INDEX allocation_national_line_key
	ON @extschema@.allocation (reference, fiscal_year, phase, program_id)
	WHERE reference IS NOT NULL AND province_code IS NULL;
CREATE UNIQUE INDEX allocation_unreferenced_line_key
	ON @extschema@.allocation (amount, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
	WHERE reference IS NULL AND province_code IS NOT NULL;
CREATE UNIQUE INDEX allocation_unreferenced_national_line_key
	ON @extschema@.allocation (amount, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
	WHERE reference IS NULL AND province_code IS NULL;

-- A line with a reference beside an identical one without (a load run
-- again with references after one without) would double a total, and no
-- unique index can say it: two lines with references and the same amount
-- are two lines.  So the loads lock the scope of their lines (province,
-- fiscal year, phase, programme) before they look for such a twin: a row
-- of allocation_scope, updated once per statement.  Two loads of one scope
-- follow each other (under READ COMMITTED the second then sees the first's
-- lines; under REPEATABLE READ it fails with 40001, to be retried), and
-- loads of different provinces never wait for each other.  Row-level
-- security lets a steward lock only the scopes of its provinces ("Access
-- control", part 9).
CREATE TABLE @extschema@.allocation_scope (
	province_code text NOT NULL,	-- '' for lines of no single province
	fiscal_year integer NOT NULL,
	phase text NOT NULL,
	program_id integer NOT NULL,
	loads bigint NOT NULL DEFAULT 1,
	PRIMARY KEY (province_code, fiscal_year, phase, program_id)
);
COMMENT ON TABLE @extschema@.allocation_scope IS
'one row per scope of lines (province, or '''' for none; fiscal year; phase; programme) a load has written: allocation_entry and load_allocations lock it before they look for an identical line, so that concurrent loads cannot double a total';

-- Lock a scope of lines until the end of the transaction.  It runs as the
-- extension's owner, so that stewards need no privilege on allocation_scope;
-- it locks only the scopes of a province the session may load lines of
-- (its owner, a superuser or a role that bypasses row-level security, or a
-- steward of the province: "Access control").
CREATE FUNCTION @extschema@.allocation_scope_lock(province_code text, fiscal_year integer, phase text, program_id integer)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF NOT @extschema@.may_load(allocation_scope_lock.province_code) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to load lines of province %s', coalesce(allocation_scope_lock.province_code, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may load its lines; lines of no single province are the owner''s.');
	END IF;
	INSERT INTO @extschema@.allocation_scope AS s (province_code, fiscal_year, phase, program_id)
	VALUES (coalesce(allocation_scope_lock.province_code, ''), allocation_scope_lock.fiscal_year,
			allocation_scope_lock.phase, allocation_scope_lock.program_id)
	ON CONFLICT ON CONSTRAINT allocation_scope_pkey DO UPDATE SET loads = s.loads + 1;
END
$$;
COMMENT ON FUNCTION @extschema@.allocation_scope_lock(text, integer, text, integer) IS
'locks a scope of lines (province, fiscal year, phase, programme) until the end of the transaction, as a load does before it looks for an identical line; 42501 for a province the session may not load';
REVOKE ALL ON @extschema@.allocation_scope FROM PUBLIC;

-- One bigint for a line's province, fiscal year, phase, programme and
-- amount (src/line.c): allocation_entry and load_allocations find a line
-- identical to another by one probe of this index, then compare the columns.
-- An index of plain integers costs a load far less than one of the columns.
CREATE FUNCTION @extschema@.line_hash(province_code text, fiscal_year integer, phase text, program_id integer,
									  amount @extschema@.funding)
RETURNS bigint AS 'MODULE_PATHNAME', 'allocation_line_hash'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.line_hash(text, integer, text, integer, @extschema@.funding) IS
'a hash of a line''s province, fiscal year, phase, programme and amount, for the look-up of an identical line';
CREATE INDEX allocation_line_hash_idx
	ON @extschema@.allocation (@extschema@.line_hash(province_code, fiscal_year, phase, program_id, amount));
-- 2.0.0: allocation_line_hash_idx a hash index of the lines with a reference
-- (its keys are hashes, so a B-tree of them took each insert at a random
-- place, at a cost that grew with the table; a hash index's insert costs
-- the same however large the table.  A line without a reference is found
-- by allocation_unreferenced_line_key and its national twin, which lead
-- with the amount, so only lines with a reference need this index, and a
-- line without one costs a load one index less: bench/README.md)
DROP INDEX @extschema@.allocation_line_hash_idx;
CREATE INDEX allocation_line_hash_idx
	ON @extschema@.allocation USING hash (@extschema@.line_hash(province_code, fiscal_year, phase, program_id, amount))
	WHERE reference IS NOT NULL;
-- end of 2.0.0
COMMENT ON INDEX @extschema@.allocation_line_key IS
'a line of a province is identified by (province, fiscal year, phase, programme, reference)';
COMMENT ON INDEX @extschema@.allocation_unreferenced_line_key IS
'a line without a reference identical to one already there is refused: give lines references to load them again';

-- The state of a load (src/load.c) ------------------------------------------------

CREATE FUNCTION @extschema@.allocation_load_begin() RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_begin' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_row() RETURNS bigint
AS 'MODULE_PATHNAME', 'allocation_load_row' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_written(allocation_id bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'allocation_load_written' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_count(inserted boolean, allocation_id bigint) RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_count' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_scope_seen(province_code text, fiscal_year integer, phase text,
													   program_id integer) RETURNS boolean
AS 'MODULE_PATHNAME', 'allocation_load_scope_seen' LANGUAGE C VOLATILE PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_end() RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_end' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_record(inserted bigint, replaced bigint) RETURNS void
AS 'MODULE_PATHNAME', 'allocation_load_record' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
CREATE FUNCTION @extschema@.allocation_load_summary(OUT inserted bigint, OUT replaced bigint)
AS 'MODULE_PATHNAME', 'allocation_load_summary' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION @extschema@.allocation_load_summary() IS
'how many lines the session''s last load (an INSERT or COPY into allocation_entry, or load_allocations) inserted, and how many it replaced (NULLs before the first)';

-- A write path that writes nothing must say so.  Under session_replication_role
-- = replica (which replication and some bulk tools set) a view's triggers do
-- not fire, and an INSERT into allocation_entry would report INSERT 0 1
-- having written nothing.  The view's last column, entry_check, is never
-- given: its default runs whatever the role, and refuses then.
-- 2.0.0: entry_check in C
-- (src/regionpolicy/entry.c: the default is evaluated for every line, and as
-- PL/pgSQL with a pinned search_path it cost a line more than its check)
CREATE OR REPLACE FUNCTION @extschema@.entry_check()
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_entry_check'
LANGUAGE C STABLE PARALLEL SAFE;
-- end of 2.0.0
COMMENT ON FUNCTION @extschema@.entry_check() IS
'default of the entry views'' column entry_check: refuses a load under session_replication_role = replica, where the views'' triggers would not fire and nothing would be written';

-- What a load echoes of a value a user gave: at most 60 characters of it,
-- so that a megabyte pasted into a cell does not fill the server's log.
CREATE FUNCTION @extschema@.entry_echo(value text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN value IS NULL THEN 'NULL'
				WHEN length(value) <= 60 THEN quote_literal(value)
				ELSE quote_literal(left(value, 57) || '...') || @extschema@.message(' (%s characters)', length(value)) END
$$;
COMMENT ON FUNCTION @extschema@.entry_echo(text) IS
'a value a load echoes in its messages: quoted, and cut to 60 characters';

-- Names and references are short; a longer value is a pasted cell gone
-- wrong, refused (22001) before anything looks it up.
CREATE FUNCTION @extschema@.entry_bounded(value text, what text, line text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF length(value) > 200 THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s is too long: %s characters, at most 200 (%s)', what, length(value), line),
				  ERRCODE = 'string_data_right_truncation',
				  DETAIL = @extschema@.message('It begins %s.', @extschema@.entry_echo(value)),
				  HINT = @extschema@.message('A cell of the source may have run into the next ones: check the file''s quoting and separators.');
	END IF;
	RETURN value;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_bounded(text, text, text) IS
'the value, or 22001 when it is longer than any name or reference (200 characters)';

-- A reference, note or recipient a spreadsheet would take for a formula is
-- refused (23514), as the table's constraint would, with the line named.
CREATE FUNCTION @extschema@.entry_plain(value text, what text, line text)
RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF @extschema@.begins_formula(value) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s %s begins with %s, which a spreadsheet takes for a formula (%s)', what, @extschema@.entry_echo(value), CASE left(value, 1) WHEN E'\t' THEN @extschema@.message('a tab') WHEN E'\r' THEN @extschema@.message('a carriage return')
											  ELSE quote_literal(left(value, 1)) END, line),
				  ERRCODE = 'check_violation',
				  DETAIL = @extschema@.message('References, notes and recipients reach reports and CSV files, where a cell beginning with =, +, -, @, a tab or a carriage return runs as a formula.'),
				  HINT = @extschema@.message('Begin it with another character (a note''s bullet can be ·), or leave the cell empty if it stands for nothing.');
	END IF;
	RETURN value;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_plain(text, text, text) IS
'the value, or 23514 when a spreadsheet would take it for a formula (begins_formula)';

-- allocation_entry: the way data gets in ------------------------------------

-- 2.0.0: allocation_entry takes the line's other money
CREATE OR REPLACE VIEW @extschema@.allocation_entry AS
SELECT g.name_ko AS program,
	   p.short_ko AS province,
	   a.fiscal_year,
	   a.phase,
	   a.amount::text AS amount,
	   NULL::text AS "national",
	   NULL::text AS local,
	   NULL::text AS unit,
	   a.reference,
	   a.note,
	   a.municipality_code AS municipality,
	   NULL::date AS as_of,
	   NULL::boolean AS entry_check,
	   a.other::text AS other
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code;
-- end of 2.0.0
ALTER VIEW @extschema@.allocation_entry ALTER COLUMN entry_check SET DEFAULT @extschema@.entry_check();
COMMENT ON VIEW @extschema@.allocation_entry IS
'the way allocations get in: INSERT or COPY rows with program (name within the year, or id), province (any name or code; as_of, the line''s date, decides a name in a year its meaning changed), fiscal_year, phase, and amount as text, or national and local numbers in a unit; unresolvable or ambiguous values are errors naming the value; a reference makes a line replaceable; each statement reports how many lines it inserted and replaced';
COMMENT ON COLUMN @extschema@.allocation_entry.entry_check IS
'never given: its default refuses a load under session_replication_role = replica, where nothing would be written';
-- 2.0.0: allocation_entry takes the line's other money
COMMENT ON COLUMN @extschema@.allocation_entry.other IS
'the line''s money that is neither national nor local (기타, 민자, 자부담), as a number in the line''s unit (''1,250'' with unit 천원) or with its own (''72억원''); none when empty';
-- end of 2.0.0

-- What allocation_entry and load_allocations share: each value of a line
-- resolved, or refused with an error that names it and the line.

-- The programme: its name within the fiscal year, or its id.
CREATE FUNCTION @extschema@.entry_program(program text, fiscal_year integer, line text)
RETURNS integer
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_program integer;
	n_programs bigint;
	candidates text;
BEGIN
	IF fiscal_year IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('fiscal_year is missing (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	IF program IS NULL OR btrim(program) = '' THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('program is missing (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	PERFORM @extschema@.entry_bounded(program, 'program', line);
	IF btrim(program) ~ '^[0-9]{1,9}$' THEN
		SELECT g.id INTO v_program FROM @extschema@.program g
		WHERE g.id = btrim(entry_program.program)::integer AND g.fiscal_year = entry_program.fiscal_year;
	ELSE
		SELECT min(g.id), count(*), string_agg(@extschema@.message('%s (%s, id %s)', g.name_ko, g.ministry, g.id), '; ' ORDER BY g.id)
		  INTO v_program, n_programs, candidates
		FROM @extschema@.program g
		WHERE g.name_ko = btrim(entry_program.program) AND g.fiscal_year = entry_program.fiscal_year;
		IF n_programs > 1 THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('program %s is ambiguous in fiscal year %s (%s)', @extschema@.entry_echo(program), fiscal_year, line),
					  ERRCODE = 'ambiguous_parameter',
					  DETAIL = @extschema@.message('Programs of that name: %s.', candidates),
					  HINT = @extschema@.message('Give the program''s id instead of its name.');
		END IF;
	END IF;
	IF v_program IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('no program %s in fiscal year %s (%s)', @extschema@.entry_echo(program), fiscal_year, line),
				  ERRCODE = 'foreign_key_violation',
				  DETAIL = coalesce(@extschema@.message('Programs of that year: %s.', (
					  SELECT string_agg(@extschema@.message('%s (id %s)', g.name_ko, g.id), ', ' ORDER BY g.id)
					  FROM (SELECT * FROM @extschema@.program p WHERE p.fiscal_year = entry_program.fiscal_year ORDER BY id LIMIT 12) g))
					  -- (no programmes: NULL, and the sentence below)
					  || CASE WHEN EXISTS (SELECT 1 FROM @extschema@.program p WHERE p.fiscal_year = entry_program.fiscal_year) THEN '' END,
					  @extschema@.message('There are no programs for fiscal year %s yet.', fiscal_year)),
				  HINT = @extschema@.message('Add the program first: INSERT INTO regionpolicy.program (ministry, fiscal_year, name_ko) VALUES (…).');
	END IF;
	RETURN v_program;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_program(text, integer, text) IS
'the programme a line names (its name within the fiscal year, or its id), or an error naming the line';

-- The province and 시·군·구: any name or code of the province (the line's
-- date decides a name in a year its meaning changed); the 시·군·구 by name
-- (with or without its province) or code, lying in that province then.  A
-- line's date lies in its fiscal year.
-- 2.0.0: a line's region in the codes and names of other systems
CREATE OR REPLACE FUNCTION @extschema@.entry_region(province text, municipality text, fiscal_year integer, as_of date, line text,
										 OUT province_code text, OUT municipality_code text)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	on_day date;
	other_province text;
	other_municipality text;
	given text;
BEGIN
	PERFORM @extschema@.entry_bounded(province, 'province', line), @extschema@.entry_bounded(municipality, 'municipality', line);
	-- a code or name of another system (region_code): 1114000, 서울성동구,
	-- 서울본청 (the province's own lines), 부천시 소사구, a 법정동코드; an
	-- aggregate row is refused
	-- (a province cell is looked up only when it looks like one: a line at
	-- a time, the usual name costs nothing more)
	IF coalesce(btrim(municipality), '') <> '' THEN
		SELECT r.province_code, r.municipality INTO other_province, other_municipality
		FROM @extschema@.region_code_read(municipality, fiscal_year, line) r;
	ELSIF btrim(province) ~ '^[0-9]{7}$|^[0-9]{10}$|(\*|계|본청)$' THEN
		SELECT r.province_code, r.municipality INTO other_province, other_municipality
		FROM @extschema@.region_code_read(province, fiscal_year, line) r;
		IF other_province IS NOT NULL THEN
			province := NULL;
		END IF;
	END IF;
	IF other_province IS NOT NULL THEN
		IF coalesce(btrim(province), '') <> '' THEN
			given := @extschema@.province_code_in_year(province, fiscal_year, as_of, line);
			IF given IS DISTINCT FROM @extschema@.province_code_in_year(other_province, fiscal_year, as_of, line) THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality %s is not in province %s in fiscal year %s (%s)', @extschema@.entry_echo(municipality), given, fiscal_year, line),
						  ERRCODE = 'check_violation',
						  DETAIL = @extschema@.message('%s is a local government of province %s.', btrim(municipality), other_province),
						  HINT = @extschema@.message('A line''s 시·군·구 must lie in its province in its fiscal year; give the 시·군·구 of that province, or leave the province out.');
			END IF;
		END IF;
		-- a code whose 시·군·구 lay elsewhere that year (경북군위군 4771000 in
		-- FY2024, when 군위 was 대구's) names the code, not the name it reads
		IF other_municipality !~ '^[0-9]{5}$' AND fiscal_year IS NOT NULL
		   AND NOT EXISTS (SELECT 1 FROM @extschema@.municipality m
						   WHERE m.name_ko = other_municipality AND m.province_code = other_province
							 AND (m.valid_from IS NULL OR m.valid_from <= make_date(fiscal_year, 12, 31))
							 AND (m.valid_to IS NULL OR m.valid_to > make_date(fiscal_year, 1, 1))) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('%s names no 시·군·구 in fiscal year %s (%s)', @extschema@.entry_echo(municipality), fiscal_year, line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('It is %s of province %s, which has no %s that year.', (SELECT c.name_ko FROM @extschema@.region_code c
									   WHERE c.system = 'lofin' AND (c.code = btrim(municipality) OR c.name_ko = btrim(municipality)) LIMIT 1), other_province, other_municipality),
					  HINT = coalesce((SELECT @extschema@.message('That year it is %s.', string_agg(format('%s (%s)', c.code, c.name_ko), @extschema@.message(' or ') ORDER BY c.code))
									   FROM @extschema@.region_code c JOIN @extschema@.municipality m
										 ON m.name_ko = c.municipality_name AND m.province_code = c.province_code
									   WHERE c.system = 'lofin' AND c.municipality_name = other_municipality
										 AND (m.valid_from IS NULL OR m.valid_from <= make_date(fiscal_year, 12, 31))
										 AND (m.valid_to IS NULL OR m.valid_to > make_date(fiscal_year, 1, 1))
									   HAVING count(*) > 0),
									  @extschema@.message('Give the 시·군·구 by its 5-digit code or name.'));
		END IF;
		province := other_province;
		municipality := other_municipality;
	ELSIF other_municipality IS NOT NULL THEN
		municipality := other_municipality;
	END IF;
	IF as_of IS NOT NULL AND fiscal_year IS NOT NULL AND extract(year FROM as_of) <> fiscal_year THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('the line''s date %s is not in its fiscal year %s (%s)', as_of, fiscal_year, line),
				  ERRCODE = 'invalid_parameter_value',
				  DETAIL = @extschema@.message('as_of is the day the line''s names are read on; a line of a fiscal year is read on a day of that year.'),
				  HINT = @extschema@.message('Give a date from %s-01-01 to %s-12-31, or none.', fiscal_year, fiscal_year);
	END IF;
	IF province IS NOT NULL AND btrim(province) <> '' THEN
		province_code := @extschema@.province_code_in_year(province, fiscal_year, as_of, line);
	END IF;
	IF municipality IS NULL OR btrim(municipality) = '' THEN
		RETURN;
	END IF;
	on_day := coalesce(as_of,
					   greatest(make_date(fiscal_year, 1, 1),
								(SELECT v.valid_from FROM @extschema@.province v WHERE v.code = entry_region.province_code)));
	-- a code names its 시·군·구 on any day of the year it exists; it is
	-- read on the first such day (FY2026 lines under the codes 인천 gave
	-- its new 구 on 2026-07-01, before that day)
	IF btrim(municipality) ~ '^[0-9]{5}$' AND as_of IS NULL THEN
		on_day := coalesce((SELECT greatest(on_day, m.valid_from) FROM @extschema@.municipality m
							WHERE m.code = btrim(entry_region.municipality)
							  AND (m.valid_from IS NULL OR m.valid_from <= make_date(fiscal_year, 12, 31))
							  AND (m.valid_to IS NULL OR m.valid_to > make_date(fiscal_year, 1, 1))), on_day);
	END IF;
	municipality_code := @extschema@.municipality_code(
		CASE WHEN province_code IS NOT NULL AND btrim(municipality) !~ '^[0-9]{5}$' AND position(' ' IN btrim(municipality)) = 0
			 THEN province_code || ' ' || btrim(municipality) ELSE municipality END,
		on_day);
	IF province_code IS NULL THEN
		province_code := (SELECT m.province_code FROM @extschema@.municipality m WHERE m.code = entry_region.municipality_code);
	ELSIF NOT EXISTS (SELECT 1 FROM @extschema@.municipality_year y
					  WHERE y.municipality_code = entry_region.municipality_code
						AND y.province_code = entry_region.province_code AND y.fiscal_year = entry_region.fiscal_year) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('municipality %s is not in province %s in fiscal year %s (%s)', municipality_code, province_code, fiscal_year, line),
				  ERRCODE = 'check_violation',
				  DETAIL = (SELECT @extschema@.message('%s (%s) lies in province %s from %s%s.', m.code, m.name_ko, m.province_code,
										  coalesce(m.valid_from::text, @extschema@.message('before 2023')),
										  CASE WHEN m.valid_to IS NOT NULL THEN @extschema@.message(' until %s', m.valid_to - 1) ELSE '' END)
							FROM @extschema@.municipality m WHERE m.code = entry_region.municipality_code),
				  HINT = @extschema@.message('A line''s 시·군·구 must lie in its province in its fiscal year; give the 시·군·구 of that province, or leave the province out.');
	END IF;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_region(text, text, integer, date, text) IS
'the province and 시·군·구 codes a line names in its fiscal year (as_of, a day of that year, deciding a name whose meaning changed that year; codes and names of other systems through region_code), or an error naming the line';
-- end of 2.0.0

-- The money: a text amount, or national and local numbers in a unit.  A
-- number alone says nothing of its unit, and exports are in 원, 천원 or
-- 백만원: national and local numbers come with their unit, and a text
-- amount that is one bare number is refused, never read as won.
CREATE FUNCTION @extschema@.entry_amount(amount text, "national" text, local text, unit text, line text)
RETURNS @extschema@.funding
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	state text;
	message text;
	detail text;
	hint text;
BEGIN
	-- the type's own refusals (22P02, 22003), with the line appended
	BEGIN
	IF amount IS NOT NULL AND ("national" IS NOT NULL OR local IS NOT NULL) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('give either amount or national and local, not both (%s)', line),
				  ERRCODE = 'invalid_parameter_value';
	ELSIF amount IS NOT NULL THEN
		IF unit IS NOT NULL THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('unit applies to national and local numbers, not to a text amount (%s)', line),
					  ERRCODE = 'invalid_parameter_value',
					  HINT = @extschema@.message('Write the unit inside the amount: ''국비 929억원, 지방비 433억원''.');
		END IF;
		IF amount ~ '^[[:space:]]*[-+]?[0-9][0-9,.]*[[:space:]]*$' THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('amount %s is a number without a unit (%s)', @extschema@.entry_echo(amount), line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('A load does not guess whether a bare number is in 원, 천원 or 백만원.'),
					  HINT = @extschema@.message('Write the unit in the amount (''7,979,230천원''), or give national and local numbers with their unit.');
		END IF;
		RETURN amount::@extschema@.funding;
	ELSIF "national" IS NOT NULL OR local IS NOT NULL THEN
		IF unit IS NULL OR btrim(unit) = '' THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('national and local numbers need their unit (%s)', line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('A load does not guess whether a bare number is in 원, 천원 or 백만원.'),
					  HINT = @extschema@.message('Give the unit column (원, 천원, 백만원, 억), or load_allocations(table, unit => ''천원'').');
		END IF;
		RETURN @extschema@.funding(coalesce("national", '0'), coalesce(local, '0'), unit);
	END IF;
	EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
		GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
								detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
		IF position(line IN message) > 0 THEN
			RAISE;
		END IF;
		message := format('%s (%s)', message, line);
		-- (a RAISE option may not be empty)
		IF detail <> '' AND hint <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state,
					  MESSAGE = message,
					  DETAIL = detail,
					  HINT = hint;
		ELSIF detail <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state,
					  MESSAGE = message,
					  DETAIL = detail;
		ELSIF hint <> '' THEN
			RAISE EXCEPTION USING ERRCODE = state,
					  MESSAGE = message,
					  HINT = hint;
		END IF;
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message;
	END;
	RAISE EXCEPTION USING MESSAGE = @extschema@.message('no amount (%s)', line),
			  ERRCODE = 'not_null_violation',
			  HINT = @extschema@.message('Give amount (text such as ''국비 929억원, 지방비 433억원'') or national and local numbers with their unit.');
END
$$;
COMMENT ON FUNCTION @extschema@.entry_amount(text, text, text, text, text) IS
'the funding value a line gives (amount as text, or national and local numbers with their unit), or an error naming the line; a bare number without a unit is refused';
-- 2.0.0: what catches errors runs in the leader only
-- (its EXCEPTION block is a subtransaction, which a parallel worker cannot
-- start)
ALTER FUNCTION @extschema@.entry_amount(text, text, text, text, text) PARALLEL RESTRICTED;
-- end of 2.0.0

-- 2.0.0: a line's other money
-- An error raised again with the line it concerns: a RAISE option may not
-- be empty, and an empty DETAIL or HINT would print as a blank line.
CREATE FUNCTION @extschema@.entry_reraise(state text, message text, detail text, hint text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF coalesce(detail, '') <> '' AND coalesce(hint, '') <> '' THEN
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message,
				  DETAIL = detail,
				  HINT = hint;
	ELSIF coalesce(detail, '') <> '' THEN
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message,
				  DETAIL = detail;
	ELSIF coalesce(hint, '') <> '' THEN
		RAISE EXCEPTION USING ERRCODE = state,
				  MESSAGE = message,
				  HINT = hint;
	END IF;
	RAISE EXCEPTION USING ERRCODE = state,
			  MESSAGE = message;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_reraise(text, text, text, text) IS
'raises an error again with its SQLSTATE, message, and DETAIL and HINT where they are not empty';

-- The money that is neither 국비 nor 지방비 (allocation.other): a number
-- in the line's unit, as exports print their 기타 column, or an amount
-- with its own unit; empty is none.  Like national and local, a number
-- without a unit is refused, never read as won.
CREATE FUNCTION @extschema@.entry_other(other text, unit text, line text)
RETURNS bigint
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	state text;
	message text;
	detail text;
	hint text;
BEGIN
	IF other IS NULL OR btrim(other) = '' THEN
		RETURN 0;
	END IF;
	PERFORM @extschema@.entry_bounded(other, 'other', line);
	BEGIN
		IF other ~ '^[[:space:]]*[-+△▲]?[[:space:]]*[0-9][0-9,.]*[[:space:]]*$' THEN
			IF unit IS NULL OR btrim(unit) = '' THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('other money %s is a number without a unit (%s)', @extschema@.entry_echo(other), line),
						  ERRCODE = 'invalid_parameter_value',
						  DETAIL = @extschema@.message('A load does not guess whether a bare number is in 원, 천원 or 백만원.'),
						  HINT = @extschema@.message('Give the unit column (원, 천원, 백만원, 억), or load_allocations(table, unit => ''천원'').');
			END IF;
			RETURN @extschema@.national(@extschema@.funding(other, '0', unit));
		END IF;
		RETURN @extschema@.parse_amount(other);
	EXCEPTION WHEN invalid_text_representation OR numeric_value_out_of_range THEN
		GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
								detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
		PERFORM @extschema@.entry_reraise(state, @extschema@.message('other money %s: %s (%s)', @extschema@.entry_echo(other), message, line),
										  detail, hint);
	END;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_other(text, text, text) IS
'a line''s other money (neither national nor local) in won: a number in the line''s unit, or an amount with its own unit; 0 when empty; an error naming the line otherwise';
-- end of 2.0.0

-- 2.0.0: allocation_entry a line at a time in C
-- How messages describe a line: "row 3: program '…', province '…', …".
CREATE FUNCTION @extschema@.entry_row_text(row_number bigint, program text, province text, fiscal_year integer,
										   reference text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT @extschema@.message('row %s: program %s, province %s, fiscal year %s, reference %s', row_number,
						   @extschema@.entry_echo(program), @extschema@.entry_echo(province),
						   coalesce(fiscal_year::text, 'NULL'), @extschema@.entry_echo(reference))
$$;
COMMENT ON FUNCTION @extschema@.entry_row_text(bigint, text, text, integer, text) IS
'how allocation_entry''s messages describe a line: its row of the statement, programme, province, fiscal year and reference';

-- A line identical to one already there (allocation twin_id), refused:
-- as the same line twice when this load wrote the other (twin_row), else
-- as a line that would double the total.
CREATE FUNCTION @extschema@.entry_identical_line(twin_id bigint, twin_reference text, twin_row bigint,
												 row_number bigint, line text, phase text,
												 amount @extschema@.funding, reference text)
RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF twin_row IS NOT NULL THEN
		PERFORM @extschema@.entry_same_line(twin_row, row_number, line);
	END IF;
	RAISE EXCEPTION USING MESSAGE = @extschema@.message('allocation already recorded: %s, phase %s, amount %s', line, phase, amount),
			  ERRCODE = 'unique_violation',
			  DETAIL = CASE WHEN reference IS NOT NULL
						   THEN @extschema@.message('An identical line without a reference is already there (allocation %s); loading this one beside it would double the total.', twin_id)
						   WHEN twin_reference IS NOT NULL
						   THEN @extschema@.message('An identical line is already there under reference %s; loading this one too would double the total.', quote_literal(twin_reference))
						   ELSE @extschema@.message('An identical line without a reference is already there; loading it again would double the total.') END,
			  HINT = CASE WHEN reference IS NOT NULL
						 THEN @extschema@.message('Give the line already there its reference (UPDATE regionpolicy.allocation SET reference = %s WHERE id = %s), or delete it, then load again.', quote_literal(reference), twin_id)
						 WHEN twin_reference IS NOT NULL
						 THEN @extschema@.message('Load it with that reference to replace that line, or give this line a reference of its own.')
						 ELSE @extschema@.message('Give each line its reference (its 세부사업 or 과제 number): a line loaded again with the same reference replaces its amount, so a load can be run twice.') END;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_identical_line(bigint, text, bigint, bigint, text, text, @extschema@.funding, text) IS
'refuses (23505) a line identical to one already there, naming it; allocation_entry calls it';

-- The row trigger (src/regionpolicy/entry.c): each line's programme and
-- region looked up once per statement by entry_program and entry_region,
-- its amount read by the type, its scope locked, one probe for an
-- identical line, one INSERT; every refusal raised by the functions above.
CREATE OR REPLACE FUNCTION @extschema@.allocation_entry_insert()
RETURNS trigger
AS 'MODULE_PATHNAME', 'allocation_entry_insert'
LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION @extschema@.allocation_entry_insert() IS
'INSTEAD OF INSERT on allocation_entry: resolves program and province, reads the amount and other money, and inserts the line, or replaces the line of the same programme, province, 시·군·구, year, phase and reference; the same line twice in one statement is refused';
-- end of 2.0.0
CREATE TRIGGER allocation_entry_insert INSTEAD OF INSERT ON @extschema@.allocation_entry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.allocation_entry_insert();

-- The same line twice in one load: refused, naming both.
CREATE FUNCTION @extschema@.entry_same_line(first bigint, second bigint, line text)
RETURNS void
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	RAISE EXCEPTION USING MESSAGE = @extschema@.message('lines %s and %s of the load are the same line (%s)', first, second, line),
			  ERRCODE = 'unique_violation',
			  DETAIL = @extschema@.message('They have the same programme, province, 시·군·구, fiscal year and phase, and the same reference or, without one, the same amount.'),
			  HINT = @extschema@.message('Give each line its own reference, or load the line once.');
END
$$;
COMMENT ON FUNCTION @extschema@.entry_same_line(bigint, bigint, text) IS
'refuses (23505) a line given twice in one load, naming both rows';

-- Once per statement: "allocation_entry: 62 lines inserted, 2 replaced".
CREATE FUNCTION @extschema@.allocation_entry_tally()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	s record;
BEGIN
	IF TG_WHEN = 'BEFORE' THEN
		PERFORM @extschema@.allocation_load_begin();
	ELSE
		PERFORM @extschema@.allocation_load_end();
		s := @extschema@.allocation_load_summary();
		RAISE NOTICE USING MESSAGE = @extschema@.message('allocation_entry: %s %s inserted, %s replaced', s.inserted, CASE WHEN s.inserted = 1 THEN @extschema@.message('line') ELSE @extschema@.message('lines') END, s.replaced),
				  DETAIL = @extschema@.message('regionpolicy.allocation_load_summary() returns these counts.');
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.allocation_entry_tally() IS
'statement trigger on allocation_entry: starts the tally of a load, and reports once per statement how many lines it inserted and replaced';
CREATE TRIGGER allocation_entry_tally_begin BEFORE INSERT ON @extschema@.allocation_entry
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.allocation_entry_tally();
CREATE TRIGGER allocation_entry_tally_end AFTER INSERT ON @extschema@.allocation_entry
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.allocation_entry_tally();

-- load_allocations: the lines of a table at once --------------------------------

-- The same lines allocation_entry takes, with the same rules and errors,
-- read from a table (COPY a file into a table LIKE allocation_entry, then
-- load it) and written set-based: each programme, province and 시·군·구 is
-- looked up once per load, not once per line, and the lines go into
-- allocation in three INSERTs.  All or nothing, like any statement.
--
-- Every error names the line of the source: the table's column "line"
-- when it has one (the file's line numbers, as the user numbered them),
-- else the row's place in the table in the order it was written (the
-- file's order, for a table COPY filled).  Numbers without a unit take
-- the load's unit; with none, they are refused.
-- 2.0.0: load_allocations reads exports as they come
-- The lines of a table as a load reads them, numbered once, into the
-- temporary table rp_lines: each value from allocation_entry's column, or
-- from the column an export names it by (doc/regionpolicy.md, "Exports as
-- they come": 회계연도, 세부사업명, 자치단체코드 or 자치단체명, 국비, 시도비
-- and 시군구비, both local, 기타, 소관); a value no column gives is NULL.
-- The line is the table's column "line" when it has one, else the row's
-- place in the order it was written.  For load_allocations and
-- check_allocations.
CREATE FUNCTION @extschema@.entry_stage(lines regclass, load_unit text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
-- (a table's rows are numbered in the order one scan of it returns them,
-- which is the order of their ctids when the scan starts at the first page
-- and no parallel worker reads part of it; a sort by ctid copied every
-- row whole: bench/README.md)
SET synchronize_seqscans = off
SET max_parallel_workers_per_gather = 0
AS $$
DECLARE
	has_line boolean;
	others text;
	cols text[];
BEGIN
	IF to_regclass('pg_temp.rp_lines') IS NOT NULL OR to_regclass('pg_temp.rp_resolved') IS NOT NULL THEN
		DROP TABLE IF EXISTS pg_temp.rp_lines, pg_temp.rp_programs, pg_temp.rp_regions, pg_temp.rp_resolved;
	END IF;
	has_line := EXISTS (SELECT 1 FROM pg_attribute a
						WHERE a.attrelid = lines AND a.attname = 'line' AND a.attnum > 0 AND NOT a.attisdropped);
	-- the other money: the column other, and the columns exports name
	-- 기타, 민자 and 자부담, each read in the line's unit and added
	SELECT 'CASE WHEN num_nonnulls(' || string_agg(format('s.%I::text', a.attname), ', ' ORDER BY a.attnum)
		   || ') > 0 THEN ARRAY[' || string_agg(format('s.%I::text', a.attname), ', ' ORDER BY a.attnum) || '] END' INTO others
	FROM pg_attribute a
	WHERE a.attrelid = lines AND a.attnum > 0 AND NOT a.attisdropped
	  AND a.attname IN ('other', '기타', '민자', '자부담');
	SELECT array_agg(coalesce((SELECT format('s.%I', c) FROM unnest(w.names) WITH ORDINALITY AS u(c, i)
							   WHERE EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = lines AND a.attname = u.c
											 AND a.attnum > 0 AND NOT a.attisdropped)
							   ORDER BY u.i LIMIT 1), 'NULL') ORDER BY w.k)
	  INTO cols
	FROM (VALUES (1, ARRAY['program', '세부사업명', '사업명']), (2, ARRAY['province', '시도', '시도명']),
				 (3, ARRAY['fiscal_year', '회계연도']), (4, ARRAY['phase']), (5, ARRAY['amount']),
				 (6, ARRAY['national', '국비']), (7, ARRAY['local', '지방비', '시도비']), (8, ARRAY['시군구비']),
				 (9, ARRAY['unit']), (10, ARRAY['reference', '세부사업코드', '사업코드']), (11, ARRAY['note', '비고']),
				 (12, ARRAY['municipality', '자치단체코드', '자치단체명']), (13, ARRAY['as_of']),
				 (14, ARRAY['ministry', '소관', '부처'])) AS w(k, names);
	EXECUTE format($q$
		CREATE TEMP TABLE rp_lines ON COMMIT DROP AS
		SELECT %s AS line, (%s)::text AS program, (%s)::text AS province, (%s)::integer AS fiscal_year,
			   coalesce((%s)::text, 'planned') AS phase, (%s)::text AS amount, (%s)::text AS "national",
			   (%s)::text AS local, (%s)::text AS local2,
			   CASE WHEN (%6$s) IS NULL THEN coalesce((%10$s)::text, %15$L) ELSE (%10$s)::text END AS unit,
			   (%11$s)::text AS given_reference,
			   @extschema@.reference_trim((%11$s)::text) AS reference,
			   (%12$s)::text AS note, (%13$s)::text AS municipality, (%14$s)::date AS as_of,
			   %16$s AS others, coalesce((%10$s)::text, %15$L) AS other_unit, (%17$s)::text AS ministry
		FROM %18$s AS s$q$,
		CASE WHEN has_line THEN 's.line::bigint' ELSE 'row_number() OVER ()' END,
		cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9], cols[10], cols[11], cols[12], cols[13],
		load_unit, coalesce(others, 'NULL::text[]'), cols[14], lines);
END
$$;
COMMENT ON FUNCTION @extschema@.entry_stage(regclass, text) IS
'the lines of a table as load_allocations and check_allocations read them, into the temporary table rp_lines';
-- end of 2.0.0

-- 2.0.0: load_allocations reads exports as they come
-- A whole number as budget tables print it, with its sign or the books'
-- cut mark (7,542,598; △ 62,937); in a unit a load knows, such a number
-- is read set-based, without a line-by-line check (the planner folds the
-- pattern into each query).
CREATE FUNCTION @extschema@.entry_number_pattern()
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT '^\s*(△\s*|[-+])?([0-9]{1,3}(,[0-9]{3})*|[0-9]+)\s*$' $$;
COMMENT ON FUNCTION @extschema@.entry_number_pattern() IS
'the regular expression of a whole number as budget tables print it (7,542,598; △ 62,937), which loads read set-based';

-- Local money an export splits in two (시도비, 시군구비): their sum, as a
-- number; one alone as it is.
CREATE FUNCTION @extschema@.entry_local(first text, second text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE WHEN coalesce(btrim(second), '') = '' THEN first
			WHEN coalesce(btrim(first), '') = '' THEN second
			ELSE (@extschema@.plain_number(first, '시도비') + @extschema@.plain_number(second, '시군구비'))::text END
$$;
COMMENT ON FUNCTION @extschema@.entry_local(text, text) IS
'local money an export gives in two columns (시도비, 시군구비) as one number; either alone as it is';

-- A ministry as a load names it: its code, or a name it had in the year;
-- 자체사업 is a local programme of no ministry.
CREATE FUNCTION @extschema@.entry_ministry(ministry text, fiscal_year integer, line text)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	code text;
BEGIN
	IF btrim(ministry) = '자체사업' THEN
		RETURN NULL;
	END IF;
	SELECT m.code INTO code FROM @extschema@.ministry m
	WHERE m.code = upper(btrim(entry_ministry.ministry))
	   OR (m.name_ko = btrim(entry_ministry.ministry)
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(entry_ministry.fiscal_year, 12, 31))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(entry_ministry.fiscal_year, 1, 1)))
	ORDER BY m.code LIMIT 1;
	IF code IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('unknown ministry %s in fiscal year %s (%s)', @extschema@.entry_echo(ministry), fiscal_year, line),
				  ERRCODE = 'foreign_key_violation',
				  DETAIL = (SELECT @extschema@.message('Ministries: %s.', string_agg(DISTINCT m.code || ' ' || m.name_ko, ', ')) FROM @extschema@.ministry m),
				  HINT = @extschema@.message('Give a ministry''s code or its name that year, 자체사업 for a local programme, or add the ministry to regionpolicy.ministry.');
	END IF;
	RETURN code;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_ministry(text, integer, text) IS
'the code of a ministry a load names (code, or a name it had in the fiscal year); NULL for 자체사업; 23503 when unknown';

-- The programmes a load names and nobody has created yet (rp_lines), made
-- for their fiscal year: each with the ministry of its lines' ministry
-- column, else the load's; one programme a name and year, so a name given
-- two ministries is refused, and so is one given none.
CREATE FUNCTION @extschema@.entry_new_programs(load_ministry text)
RETURNS bigint
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	w record;
	n bigint := 0;
BEGIN
	FOR w IN
		SELECT btrim(l.program) AS name, l.fiscal_year, min(l.line) AS line,
			   array_agg(DISTINCT coalesce(nullif(btrim(l.ministry), ''), load_ministry))
				   FILTER (WHERE coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NOT NULL) AS ministries,
			   min(l.line) FILTER (WHERE coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NULL) AS without
		FROM pg_temp.rp_lines l
		WHERE coalesce(btrim(l.program), '') <> '' AND btrim(l.program) !~ '^[0-9]{1,9}$' AND l.fiscal_year IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM @extschema@.program g WHERE g.name_ko = btrim(l.program) AND g.fiscal_year = l.fiscal_year)
		GROUP BY btrim(l.program), l.fiscal_year
		ORDER BY min(l.line)
	LOOP
		IF w.without IS NOT NULL THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('new program %s of fiscal year %s has no ministry (line %s)', @extschema@.entry_echo(w.name), w.fiscal_year, w.without),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('A load creates a programme with the ministry its line''s ministry column or the load gives; it never guesses one.'),
					  HINT = @extschema@.message('Give load_allocations(…, new_programs => true, ministry => ''MOIS'') (or ''자체사업'' for local programmes), or a ministry column.');
		ELSIF cardinality(w.ministries) > 1 THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('new program %s of fiscal year %s is given %s ministries (line %s)', @extschema@.entry_echo(w.name), w.fiscal_year, cardinality(w.ministries), w.line),
					  ERRCODE = 'invalid_parameter_value',
					  DETAIL = @extschema@.message('Its lines name %s.', array_to_string(w.ministries, ', ', @extschema@.message('(none)'))),
					  HINT = @extschema@.message('A programme has one lead ministry; give its lines the same one (partners go in regionpolicy.program_partner).');
		END IF;
		PERFORM @extschema@.entry_bounded(w.name, 'program', @extschema@.message('line %s', w.line));
		INSERT INTO @extschema@.program (ministry, fiscal_year, name_ko, note)
		VALUES (@extschema@.entry_ministry(w.ministries[1], w.fiscal_year, @extschema@.message('line %s', w.line)), w.fiscal_year, w.name,
				'created by load_allocations');
		n := n + 1;
	END LOOP;
	IF n > 0 THEN
		RAISE NOTICE USING MESSAGE = @extschema@.message('load_allocations: %s new %s created', n, CASE WHEN n = 1 THEN @extschema@.message('programme') ELSE @extschema@.message('programmes') END);
	END IF;
	RETURN n;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_new_programs(text) IS
'load_allocations(…, new_programs => true): creates the programmes its lines name that do not exist in their fiscal year, with the ministry of the line or the load';
-- end of 2.0.0

-- 2.0.0: load_allocations reads the lines' other money
CREATE FUNCTION @extschema@.load_allocations(lines regclass, unit text DEFAULT NULL,
											 new_programs boolean DEFAULT false, ministry text DEFAULT NULL,
											 OUT inserted bigint, OUT replaced bigint)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	bad record;
	n bigint;
	r bigint;
	load_unit text := unit;
	load_ministry text := ministry;
	line_text text;
	e_state text;
	e_message text;
	e_detail text;
	e_hint text;
	hashjoin text;
	mergejoin text;
	nestloop text;
	jit text;
	unreferenced_there boolean;
	unreferenced_national_there boolean;
	distributed boolean := false;
	probe text[];
	twin_match text;
	one_province text;
	province_line bigint;
	province_id bigint;
	province_reference text;
	twin_line bigint;
	twin_id bigint;
	twin_reference text;
BEGIN
	-- The lines, numbered once; each programme, province and 시·군·구 looked
	-- up once, the error naming the first line that gives it; the amount
	-- read by the type's input (or from numbers in a unit).
	PERFORM @extschema@.entry_stage(lines, load_unit);
	-- references and notes first, in one scan: bounded, and no formula,
	-- before anything is compared
	SELECT l.line, l.given_reference, l.reference, l.note INTO bad FROM rp_lines l
	WHERE length(l.given_reference) > 200 OR @extschema@.begins_formula(l.reference) OR @extschema@.begins_formula(l.note)
	ORDER BY l.line LIMIT 1;
	IF FOUND THEN
		PERFORM @extschema@.entry_bounded(bad.given_reference, 'reference', @extschema@.message('line %s', bad.line));
		PERFORM @extschema@.entry_plain(bad.reference, 'reference', @extschema@.message('line %s', bad.line)),
				@extschema@.entry_plain(bad.note, 'note', @extschema@.message('line %s', bad.line));
	END IF;
	-- an aggregate row of an export (서울계, a code ending in *) before
	-- anything of it is looked up: its money is the lines' above it (its
	-- last character compared, where a regular expression cost each line
	-- some 2,400 instructions)
	SELECT l.line, l.province, l.municipality, l.fiscal_year INTO bad FROM rp_lines l
	WHERE right(btrim(l.municipality), 1) IN ('*', '계') OR right(btrim(l.province), 1) IN ('*', '계')
	ORDER BY l.line LIMIT 1;
	IF FOUND THEN
		PERFORM @extschema@.region_code_read(CASE WHEN right(btrim(bad.municipality), 1) IN ('*', '계') THEN bad.municipality ELSE bad.province END,
											 bad.fiscal_year, @extschema@.message('line %s', bad.line));
	END IF;
	-- Programmes not yet known, created for their fiscal year when the
	-- load says so: with the ministry of the line's column, else the one
	-- the load gives ('자체사업': none); never with a ministry of no one's
	-- choosing.
	IF new_programs THEN
		PERFORM @extschema@.entry_new_programs(load_ministry);
	END IF;
	CREATE TEMP TABLE rp_programs ON COMMIT DROP AS
	SELECT l.program, l.fiscal_year,
		   @extschema@.entry_program(l.program, l.fiscal_year,
									 @extschema@.message('line %s: program %s, fiscal year %s', min(l.line),
											@extschema@.entry_echo(l.program), l.fiscal_year)) AS program_id
	FROM rp_lines l
	GROUP BY l.program, l.fiscal_year;
	CREATE TEMP TABLE rp_regions ON COMMIT DROP AS
	SELECT k.province, k.municipality, k.fiscal_year, k.as_of, g.province_code, g.municipality_code
	FROM (SELECT l.province, l.municipality, l.fiscal_year, l.as_of, min(l.line) AS line
		  FROM rp_lines l GROUP BY l.province, l.municipality, l.fiscal_year, l.as_of) k,
		 LATERAL @extschema@.entry_region(k.province, k.municipality, k.fiscal_year, k.as_of,
				@extschema@.message('line %s: province %s, municipality %s, fiscal year %s', k.line, @extschema@.entry_echo(k.province),
					   @extschema@.entry_echo(k.municipality), k.fiscal_year)) g;
	-- The amounts, each read by entry_amount (a text amount by the type's
	-- input straight away when it has no other column beside it).  An
	-- amount refused is found again line by line, in the order of the
	-- lines, so that the error names the first line that has one.
	BEGIN
		-- (each line's programme and region by a probe of the two, hashed:
		-- the lines not yet analyzed, the planner sorted them all to merge
		-- them with the regions, or compared each with every region; the
		-- settings come back as they were right after, or with the
		-- block's rollback)
		nestloop := current_setting('enable_nestloop');
		mergejoin := current_setting('enable_mergejoin');
		PERFORM set_config('enable_nestloop', 'off', true), set_config('enable_mergejoin', 'off', true);
		CREATE TEMP TABLE rp_resolved ON COMMIT DROP AS
		SELECT r.*, @extschema@.line_hash(r.province_code, r.fiscal_year, r.phase, r.program_id, r.amount) AS h
		FROM (SELECT l.line, p.program_id, g.province_code, l.fiscal_year, l.phase,
					 CASE WHEN l.amount IS NOT NULL AND l."national" IS NULL AND l.local IS NULL AND l.local2 IS NULL
							   AND l.unit IS NULL
							   -- (not a bare number: text that begins with
							   -- neither a sign, a digit nor a space is none,
							   -- and is known so without the regular expression)
							   AND (strpos(E'+-0123456789 \t\n\r\f\v', left(l.amount, 1)) = 0
									OR l.amount !~ '^[[:space:]]*[-+]?[0-9][0-9,.]*[[:space:]]*$')
						  THEN l.amount::@extschema@.funding
						  -- numbers as budget tables print them, in a unit
						  WHEN l.amount IS NULL AND l.unit IN ('원', '천원', '백만원', '억', '억원')
							   AND coalesce(l."national", '0') ~ @extschema@.entry_number_pattern()
							   AND coalesce(l.local, '0') ~ @extschema@.entry_number_pattern()
							   AND coalesce(l.local2, '0') ~ @extschema@.entry_number_pattern()
						  THEN @extschema@.funding(coalesce(l."national", '0'),
												   coalesce(@extschema@.entry_local(l.local, l.local2), '0'), l.unit)
						  ELSE @extschema@.entry_amount(l.amount, l."national", @extschema@.entry_local(l.local, l.local2), l.unit,
								  @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
										 l.line, @extschema@.entry_echo(l.program), @extschema@.entry_echo(l.province),
										 l.fiscal_year, @extschema@.entry_echo(l.given_reference))) END AS amount,
					 l.note, l.reference, g.municipality_code, l.program AS given_program, l.province AS given_province,
					 l.given_reference,
					 CASE WHEN l.others IS NULL THEN 0::bigint
						  ELSE (SELECT sum(CASE WHEN o IS NULL THEN 0
												WHEN l.other_unit IN ('원', '천원', '백만원', '억', '억원')
													 AND o ~ @extschema@.entry_number_pattern()
												THEN @extschema@.national(@extschema@.funding(o, '0', l.other_unit))
												ELSE @extschema@.entry_other(o, l.other_unit,
									@extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
										   l.line, @extschema@.entry_echo(l.program), @extschema@.entry_echo(l.province),
										   l.fiscal_year, @extschema@.entry_echo(l.given_reference))) END)::bigint
								FROM unnest(l.others) AS o) END AS other
			  FROM rp_lines l
				   JOIN rp_programs p ON p.program = l.program AND p.fiscal_year = l.fiscal_year
				   JOIN rp_regions g ON coalesce(g.province, '') = coalesce(l.province, '')
									AND coalesce(g.municipality, '') = coalesce(l.municipality, '')
									AND g.fiscal_year = l.fiscal_year
									AND coalesce(g.as_of, 'infinity') = coalesce(l.as_of, 'infinity')
			  -- (kept a subquery: pulled up, each line's amount was read
			  -- twice, once for the column and once for line_hash)
			  OFFSET 0) r;
		nestloop := set_config('enable_nestloop', nestloop, true);
		mergejoin := set_config('enable_mergejoin', mergejoin, true);
	EXCEPTION WHEN OTHERS THEN
		FOR bad IN SELECT l.* FROM rp_lines l ORDER BY l.line LOOP
			line_text := @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
								bad.line, @extschema@.entry_echo(bad.program), @extschema@.entry_echo(bad.province),
								bad.fiscal_year, @extschema@.entry_echo(bad.given_reference));
			BEGIN
				PERFORM @extschema@.entry_amount(bad.amount, bad."national", @extschema@.entry_local(bad.local, bad.local2),
												 bad.unit, line_text);
				PERFORM sum(@extschema@.entry_other(o, bad.other_unit, line_text))::bigint FROM unnest(bad.others) AS o;
			EXCEPTION WHEN OTHERS THEN
				GET STACKED DIAGNOSTICS e_state = RETURNED_SQLSTATE, e_message = MESSAGE_TEXT,
										e_detail = PG_EXCEPTION_DETAIL, e_hint = PG_EXCEPTION_HINT;
				IF position(line_text IN e_message) = 0 THEN
					e_message := format('%s (%s)', e_message, line_text);
				END IF;
				PERFORM @extschema@.entry_reraise(e_state, e_message, e_detail, e_hint);
			END;
		END LOOP;
		RAISE;
	END;
	-- (what the plans below need: how many lines, how their line_hash
	-- spread; the statistics of every column cost a load of 20,000 lines
	-- some 5% of its time, of the references too some 2%)
	ANALYZE rp_resolved (h);

	-- The scopes of the lines, locked (allocation_scope), in one order.
	PERFORM @extschema@.allocation_scope_lock(k.province_code, k.fiscal_year, k.phase, k.program_id)
	FROM (SELECT DISTINCT x.province_code, x.fiscal_year, x.phase, x.program_id FROM rp_resolved x
		  ORDER BY 1, 2, 3, 4) k;

	-- a line identical to one already there, where one of the two has no
	-- reference: a load run again without references, or with references
	-- after one without, would double the total (a probe of an index per
	-- line, and of line_hash's too for a line without a reference).  The
	-- probes whatever allocation's statistics say: without them (a table
	-- just loaded, not yet analyzed) the planner took a line_hash to match
	-- some 0.5% of the table and joined all of it instead, at a price
	-- high enough to compile the plan (JIT); with them it probed at every
	-- size measured (bench/README.md).  Lines there without a reference are
	-- looked for only where there are some: a look at the first entry of
	-- each of their keys (SELECT 1: Citus cannot send a query of no
	-- columns to a shard).
	unreferenced_there := EXISTS (SELECT 1 FROM @extschema@.allocation t
								  WHERE t.reference IS NULL AND t.province_code IS NOT NULL);
	unreferenced_national_there := EXISTS (SELECT 1 FROM @extschema@.allocation t
										   WHERE t.reference IS NULL AND t.province_code IS NULL);
	-- (what makes two lines of one province, or of none, identical)
	twin_match := $match$AND t.amount OPERATOR(@extschema@.=) y.amount
			AND t.fiscal_year = y.fiscal_year AND t.phase = y.phase AND t.program_id = y.program_id
			AND coalesce(t.municipality_code, '') = coalesce(y.municipality_code, '')$match$;
	IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1)'
		   INTO distributed USING '@extschema@.allocation'::regclass;
	END IF;
	-- The session's settings are back right after (set for the
	-- transaction, they would otherwise stay so until its end: a
	-- function's SET clause restores only what it names).
	hashjoin := current_setting('enable_hashjoin');
	mergejoin := current_setting('enable_mergejoin');
	jit := current_setting('jit');
	PERFORM set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
			set_config('jit', 'off', true);
	-- Each kind of line there by its own index: one without a reference by
	-- allocation_unreferenced_line_key (of a province) or
	-- allocation_unreferenced_national_line_key, a probe a line however
	-- few such lines the statistics expect (LATERAL … LIMIT: a join was
	-- planned, on a table not yet analyzed, as a scan of all of them for
	-- each line); one with a reference, the twin of a line without, by
	-- line_hash.  Citus cannot run the LATERAL form on a distributed
	-- table, so there the probe is a join.  One statement a province (and
	-- one for lines of none), so that on Citus each reads the one shard of
	-- its province, sent only that province's lines (one statement for all
	-- sent every line to every shard); the first line of the load with a
	-- twin is the first of the provinces' firsts.
	probe := CASE WHEN distributed THEN ARRAY['JOIN @extschema@.allocation t ON', '']
				  ELSE ARRAY['CROSS JOIN LATERAL (SELECT t.id, t.reference FROM @extschema@.allocation t WHERE', 'LIMIT 1) t'] END;
	FOR one_province IN
		SELECT DISTINCT x.province_code FROM rp_resolved x
		WHERE x.reference IS NULL
		   OR CASE WHEN x.province_code IS NULL THEN unreferenced_national_there ELSE unreferenced_there END
		ORDER BY 1
	LOOP
		EXECUTE format($twin$
			SELECT y.line, t.id, t.reference
			FROM rp_resolved y
				 %1$s t.reference IS NULL AND t.province_code %3$s %4$s %2$s
			WHERE $1 AND y.province_code %3$s
			UNION ALL
			SELECT y.line, t.id, t.reference
			FROM rp_resolved y
				 JOIN @extschema@.allocation t
				   ON y.reference IS NULL AND t.reference IS NOT NULL AND t.province_code %3$s
					  AND @extschema@.line_hash(t.province_code, t.fiscal_year, t.phase, t.program_id, t.amount) = y.h %4$s
			WHERE y.province_code %3$s
			ORDER BY 1, 3 NULLS FIRST LIMIT 1$twin$, probe[1], probe[2],
			CASE WHEN one_province IS NULL THEN 'IS NULL' ELSE '= ' || quote_literal(one_province) END, twin_match)
		  INTO province_line, province_id, province_reference
		  USING CASE WHEN one_province IS NULL THEN unreferenced_national_there ELSE unreferenced_there END;
		IF province_line < twin_line OR (twin_line IS NULL AND province_line IS NOT NULL) THEN
			twin_line := province_line;
			twin_id := province_id;
			twin_reference := province_reference;
		END IF;
	END LOOP;
	hashjoin := set_config('enable_hashjoin', hashjoin, true);
	mergejoin := set_config('enable_mergejoin', mergejoin, true);
	jit := set_config('jit', jit, true);
	SELECT @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
				  x.line, @extschema@.entry_echo(x.given_program), @extschema@.entry_echo(x.given_province),
				  x.fiscal_year, @extschema@.entry_echo(x.given_reference)) AS line_text,
		   x.reference AS new_reference, twin_id AS id, twin_reference AS old_reference, x.phase, x.amount
	  INTO bad
	FROM rp_resolved x WHERE x.line = twin_line;
	IF FOUND THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('allocation already recorded: %s, phase %s, amount %s', bad.line_text, bad.phase, bad.amount),
				  ERRCODE = 'unique_violation',
				  DETAIL = CASE WHEN bad.new_reference IS NOT NULL
							   THEN @extschema@.message('An identical line without a reference is already there (allocation %s); loading this one beside it would double the total.', bad.id)
							   WHEN bad.old_reference IS NOT NULL
							   THEN @extschema@.message('An identical line is already there under reference %s; loading this one too would double the total.', quote_literal(bad.old_reference))
							   ELSE @extschema@.message('An identical line without a reference is already there; loading it again would double the total.') END,
				  HINT = @extschema@.message('Give each line its reference (its 세부사업 or 과제 number): a line loaded again with the same reference replaces its amount, so a load can be run twice.');
	END IF;
	-- … and such a pair within the load itself, which no key sees: a line
	-- without a reference identical to one with a reference, named by its
	-- two lines as allocation_entry names them (looked for where some line
	-- has no reference)
	IF EXISTS (SELECT FROM rp_resolved y WHERE y.reference IS NULL) THEN
		SELECT p.first, p.second, @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
									 f.line, @extschema@.entry_echo(f.given_program), @extschema@.entry_echo(f.given_province),
									 f.fiscal_year, @extschema@.entry_echo(f.given_reference)) AS line_text
		  INTO bad
		FROM (SELECT least(x.line, y.line) AS first, greatest(x.line, y.line) AS second
			  FROM rp_resolved y
				   JOIN rp_resolved x
					 ON x.h = y.h AND x.province_code IS NOT DISTINCT FROM y.province_code
						AND x.fiscal_year = y.fiscal_year AND x.phase = y.phase AND x.program_id = y.program_id
						AND x.amount OPERATOR(@extschema@.=) y.amount
						AND coalesce(x.municipality_code, '') = coalesce(y.municipality_code, '')
			  WHERE y.reference IS NULL AND x.reference IS NOT NULL
			  ORDER BY 1, 2 LIMIT 1) p
			 JOIN rp_resolved f ON f.line = p.first;
		IF FOUND THEN
			PERFORM @extschema@.entry_same_line(bad.first, bad.second, bad.line_text);
		END IF;
	END IF;

	-- Into allocation, in three INSERTs, each in the order of the lines
	-- (ids follow the file).  The same line twice in one load (the same
	-- programme, province, 시·군·구, year, phase and reference, or without
	-- one the same amount) is refused, named by its two lines: the
	-- INSERTs' own keys find it (an upsert cannot write a row twice, 21000;
	-- a line without a reference is unique by
	-- allocation_unreferenced_line_key, 23505, and the twin check above
	-- has found any such line already there), so looking for one costs
	-- nothing when there is none.
	BEGIN
		WITH w AS (
			INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code, other)
			SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code, x.other
			FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NOT NULL ORDER BY x.line
			ON CONFLICT (reference, province_code, fiscal_year, phase, program_id, (coalesce(municipality_code, '')))
				WHERE reference IS NOT NULL AND province_code IS NOT NULL
			DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note, other = EXCLUDED.other
			RETURNING a.xmax = 0 AS fresh)
		SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO inserted, replaced FROM w;
		-- (lines of no single province only where there are some: a
		-- distributed allocation has no key for them)
		IF EXISTS (SELECT 1 FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL) THEN
			WITH w AS (
				INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference, municipality_code, other)
				SELECT x.program_id, NULL, x.fiscal_year, x.amount, x.phase, x.note, x.reference, x.municipality_code, x.other
				FROM rp_resolved x WHERE x.reference IS NOT NULL AND x.province_code IS NULL ORDER BY x.line
				ON CONFLICT (reference, fiscal_year, phase, program_id)
					WHERE reference IS NOT NULL AND province_code IS NULL
				DO UPDATE SET amount = EXCLUDED.amount, note = EXCLUDED.note, other = EXCLUDED.other
				RETURNING a.xmax = 0 AS fresh)
			SELECT count(*) FILTER (WHERE fresh), count(*) FILTER (WHERE NOT fresh) INTO n, r FROM w;
			inserted := inserted + n;
			replaced := replaced + r;
		END IF;
		INSERT INTO @extschema@.allocation (program_id, province_code, fiscal_year, amount, phase, note, municipality_code, other)
		SELECT x.program_id, x.province_code, x.fiscal_year, x.amount, x.phase, x.note, x.municipality_code, x.other
		FROM rp_resolved x WHERE x.reference IS NULL ORDER BY x.line;
		GET DIAGNOSTICS n = ROW_COUNT;
		inserted := inserted + n;
	EXCEPTION WHEN cardinality_violation OR unique_violation THEN
		-- the first line of such a pair in the file, by a hashed count (an
		-- ordered aggregate would sort each group apart), its second looked
		-- for then
		SELECT d.first, s.second, @extschema@.message('line %s: program %s, province %s, fiscal year %s, reference %s',
										 x.line, @extschema@.entry_echo(x.given_program), @extschema@.entry_echo(x.given_province),
										 x.fiscal_year, @extschema@.entry_echo(x.given_reference)) AS line_text
		  INTO bad
		FROM (SELECT min(line) AS first
			  FROM rp_resolved
			  GROUP BY province_code, fiscal_year, phase, program_id, reference, coalesce(municipality_code, ''),
					   CASE WHEN reference IS NULL THEN amount END
			  HAVING count(*) > 1
			  ORDER BY 1 LIMIT 1) d
			 JOIN rp_resolved x ON x.line = d.first
			 CROSS JOIN LATERAL (
				SELECT min(y.line) AS second FROM rp_resolved y
				WHERE y.line > x.line AND y.province_code IS NOT DISTINCT FROM x.province_code
				  AND y.fiscal_year = x.fiscal_year AND y.phase = x.phase AND y.program_id = x.program_id
				  AND y.reference IS NOT DISTINCT FROM x.reference
				  AND coalesce(y.municipality_code, '') = coalesce(x.municipality_code, '')
				  AND (x.reference IS NOT NULL OR y.amount OPERATOR(@extschema@.=) x.amount)) s;
		IF FOUND THEN
			PERFORM @extschema@.entry_same_line(bad.first, bad.second, bad.line_text);
		END IF;
		-- (the error of something else, as it came)
		RAISE;
	WHEN check_violation THEN
		-- a phase not known, or a plan or budget below zero: named by the
		-- first line of the file that has one, as check_allocations names it
		SELECT x.line, x.phase INTO bad FROM rp_resolved x
		WHERE x.phase NOT IN ('planned', 'approved', 'adjusted', 'executed')
		   OR (x.phase IN ('planned', 'approved')
			   AND (@extschema@.national(x.amount) < 0 OR @extschema@.local(x.amount) < 0 OR x.other < 0))
		ORDER BY x.line LIMIT 1;
		IF FOUND THEN
			RAISE EXCEPTION USING ERRCODE = 'check_violation',
				MESSAGE = CASE WHEN bad.phase IN ('planned', 'approved')
							   THEN @extschema@.message('a %s amount is not negative (line %s)', bad.phase, bad.line)
							   ELSE @extschema@.message('phase %s is not one of planned, approved, adjusted, executed (line %s)',
														@extschema@.entry_echo(bad.phase), bad.line) END;
		END IF;
		RAISE;
	END;
	DROP TABLE rp_lines, rp_programs, rp_regions, rp_resolved;
	PERFORM @extschema@.allocation_load_record(inserted, replaced);
	RAISE NOTICE USING MESSAGE = @extschema@.message('load_allocations: %s %s inserted, %s replaced', inserted, CASE WHEN inserted = 1 THEN @extschema@.message('line') ELSE @extschema@.message('lines') END, replaced);
END
$$;
COMMENT ON FUNCTION @extschema@.load_allocations(regclass, text, boolean, text) IS
'loads the lines of a table with allocation_entry''s columns or an export''s (회계연도, 세부사업명, 자치단체코드, 국비, 시도비, 시군구비, 기타, …; optionally "line", the source''s line numbers), as allocation_entry would, set-based; unit is the unit of numbers whose row gives none; new_programs creates the programmes not yet known in their year, under the line''s ministry column or ministry (''자체사업'': none); returns how many lines it inserted and replaced';
-- end of 2.0.0
-- ============================================================================
-- 6. Reports
-- ============================================================================

-- Labels and explanations in Korean, or in English on request
-- (regionpolicy.language: ko, the default, or en) ("BI tools").
CREATE FUNCTION @extschema@.in_language(ko text, en text)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN current_setting('regionpolicy.language', true) = 'en' THEN en ELSE ko END $$;
COMMENT ON FUNCTION @extschema@.in_language(text, text) IS
'the Korean text, or the English one when regionpolicy.language is en';
CREATE FUNCTION @extschema@.phase_label(phase text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE phase WHEN 'planned' THEN '계획' WHEN 'approved' THEN '확정' WHEN 'adjusted' THEN '추경'
						 WHEN 'executed' THEN '집행' END $$;
COMMENT ON FUNCTION @extschema@.phase_label(text) IS 'a budget phase in Korean: 계획, 확정, 추경, 집행';
CREATE FUNCTION @extschema@.ministry_label(ministry text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE ministry WHEN 'MOTIE' THEN '산업통상자원부' WHEN 'MSS' THEN '중소벤처기업부' END $$;
COMMENT ON FUNCTION @extschema@.ministry_label(text) IS 'a ministry''s Korean name: 산업통상자원부 (MOTIE), 중소벤처기업부 (MSS)';
-- 2.0.0: ministries and their names over time
-- The name a programme's ministry had when its fiscal year began (MOTIE:
-- 산업통상자원부 for FY2025, 산업통상부 from FY2026); a local programme of no
-- ministry is 자체사업.
CREATE FUNCTION @extschema@.ministry_label(ministry text, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE WHEN ministry IS NULL THEN '자체사업'
			ELSE (SELECT m.name_ko FROM @extschema@.ministry m
				  WHERE m.code = ministry_label.ministry
				  ORDER BY (m.valid_from IS NULL OR m.valid_from <= make_date(ministry_label.fiscal_year, 1, 1))
						   AND (m.valid_to IS NULL OR m.valid_to > make_date(ministry_label.fiscal_year, 1, 1)) DESC,
						   m.valid_from DESC NULLS LAST
				  LIMIT 1) END
$$;
COMMENT ON FUNCTION @extschema@.ministry_label(text, integer) IS
'the Korean name a ministry had when the fiscal year began (regionpolicy.ministry); 자체사업 for a local programme of no ministry';
-- end of 2.0.0

-- Views: what went where ("The schema": "Views").  Views bind their operators and
-- functions when created, so they are immune to a caller's search_path.

CREATE VIEW @extschema@.reconciliation AS
SELECT g.id AS program_id,
	   g.name_ko,
	   g.declared,
	   c.computed,
	   c.computed - g.declared AS difference,
	   c.computed = g.declared AND c.undeclared_children = 0 AS agrees,
	   c.children,
	   c.undeclared_children,
	   @extschema@.national(g.declared) AS declared_national,
	   @extschema@.local(g.declared) AS declared_local,
	   @extschema@.total(g.declared) AS declared_total,
	   @extschema@.in_unit(@extschema@.national(g.declared), '억') AS declared_national_eok,
	   @extschema@.in_unit(@extschema@.local(g.declared), '억') AS declared_local_eok,
	   @extschema@.in_unit(@extschema@.total(g.declared), '억') AS declared_total_eok,
	   @extschema@.national(c.computed) AS computed_national,
	   @extschema@.local(c.computed) AS computed_local,
	   @extschema@.total(c.computed) AS computed_total,
	   @extschema@.in_unit(@extschema@.national(c.computed), '억') AS computed_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.computed), '억') AS computed_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.computed), '억') AS computed_total_eok,
	   @extschema@.national(c.computed OPERATOR(@extschema@.-) g.declared) AS difference_national,
	   @extschema@.local(c.computed OPERATOR(@extschema@.-) g.declared) AS difference_local,
	   @extschema@.total(c.computed OPERATOR(@extschema@.-) g.declared) AS difference_total,
	   @extschema@.in_unit(@extschema@.national(c.computed OPERATOR(@extschema@.-) g.declared), '억') AS difference_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.computed OPERATOR(@extschema@.-) g.declared), '억') AS difference_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.computed OPERATOR(@extschema@.-) g.declared), '억') AS difference_total_eok
FROM @extschema@.program g
	 CROSS JOIN LATERAL (
		SELECT @extschema@.sum(k.declared) AS computed,
			   count(*) AS children,
			   count(*) FILTER (WHERE k.declared IS NULL) AS undeclared_children
		FROM @extschema@.program k
		WHERE k.parent_id = g.id) AS c
WHERE g.children_complete;
COMMENT ON VIEW @extschema@.reconciliation IS
'every programme whose children are meant to add up to its declared amount: declared, the sum of the children''s declared amounts (computed), computed - declared, and whether they agree';

-- Report views ------------------------------------------------------------------

-- Report-ready: provinces in the order Korean statistics use (sort_order),
-- bigint won and exact numeric 억 columns beside each funding column.

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.region_totals AS
SELECT a.fiscal_year,
	   a.province_code,
	   p.name_ko,
	   p.short_ko,
	   p.sort_order,
	   a.phase,
	   @extschema@.national(a.amount) AS "national",
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok,
	   a.amount,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
-- Grouped by the province table's code, not the line's: the same groups,
-- and on Citus (doc/regionpolicy.md, "Citus") an aggregate that is not on
-- the distribution column is finished on the coordinator, which keeps this
-- view's order; grouped by the line's own column it would be pushed down to
-- the shards whole and come back in shard order.
FROM (SELECT l.fiscal_year, r.code AS province_code, l.phase, @extschema@.sum(l.amount) AS amount,
			 sum(l.other)::bigint AS other
	  FROM @extschema@.allocation l
		   LEFT JOIN @extschema@.province r ON r.code = l.province_code
	  GROUP BY l.fiscal_year, r.code, l.phase) AS a
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.region_totals IS
'one row per fiscal year, province and budget phase with allocations (phases are never added together), in bigint won, exact numeric 억원 and funding; in the order of Korean statistics (sort_order); province_code NULL collects lines of no single province';

-- For charts and pivots as they are: one row per fiscal year, province,
-- phase and part (국비, 지방비), in the order Korean statistics use.
-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.region_totals_long AS
SELECT t.fiscal_year, t.province_code, t.name_ko, t.short_ko, t.sort_order, t.phase, t.phase_ko,
	   x.part, x.part_ko, x.part_order, x.won, @extschema@.in_unit(x.won, '억') AS eok
FROM @extschema@.region_totals t
	 CROSS JOIN LATERAL (VALUES (1, 'national', '국비', t."national"), (2, 'local', '지방비', t.local), (3, 'other', '기타', t.other))
		 AS x(part_order, part, part_ko, won)
ORDER BY t.fiscal_year, t.sort_order NULLS LAST, t.phase, x.part_order;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.region_totals_long IS
'region_totals in long format for stacked charts: one row per fiscal year, province, phase and part (국비 national, 지방비 local, 기타 other money), won exact and 억 for display, in sort_order';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.allocation_report AS
SELECT a.id AS allocation_id,
	   a.fiscal_year,
	   g.ministry,
	   a.program_id,
	   g.name_ko AS program,
	   a.province_code,
	   p.name_ko AS province_name,
	   p.short_ko AS province_short,
	   a.municipality_code,
	   a.phase,
	   a.reference,
	   @extschema@.national(a.amount) AS "national",
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok,
	   coalesce(m.name_ko, g.ministry, '자체사업') AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.province p ON p.code = a.province_code
	 -- the ministry's name when the year began (ministry_label, as a join
	 -- so that a distributed allocation reads it beside its rows)
	 LEFT JOIN @extschema@.ministry m ON m.code = g.ministry
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(a.fiscal_year, 1, 1))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(a.fiscal_year, 1, 1))
ORDER BY a.fiscal_year, g.ministry, a.program_id, p.sort_order NULLS LAST, a.phase, a.id;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.allocation_report IS
'one row per allocation with plain columns only (bigint won, numeric 억원): for BI tools, spreadsheets and any client that does not know the funding type';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.ministry_totals AS
SELECT a.fiscal_year,
	   g.ministry,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS "national",
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.in_unit(@extschema@.total(@extschema@.sum(a.amount)), '억') AS total_eok,
	   @extschema@.sum(a.amount) AS amount,
	   @extschema@.in_unit(@extschema@.national(@extschema@.sum(a.amount)), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(@extschema@.sum(a.amount)), '억') AS local_eok,
	   coalesce(m.name_ko, g.ministry, '자체사업') AS ministry_ko,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   sum(a.other)::bigint AS other,
	   @extschema@.in_unit(sum(a.other)::bigint, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 LEFT JOIN @extschema@.ministry m ON m.code = g.ministry
		   AND (m.valid_from IS NULL OR m.valid_from <= make_date(a.fiscal_year, 1, 1))
		   AND (m.valid_to IS NULL OR m.valid_to > make_date(a.fiscal_year, 1, 1))
GROUP BY a.fiscal_year, g.ministry, a.phase, m.name_ko
ORDER BY a.fiscal_year, g.ministry, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.ministry_totals IS 'allocations summed per fiscal year, ministry and budget phase';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.superregion_totals AS
SELECT a.fiscal_year,
	   s.id AS superregion_id,
	   s.name_ko,
	   s.industry_ko,
	   a.phase,
	   @extschema@.national(@extschema@.sum(a.amount)) AS "national",
	   @extschema@.local(@extschema@.sum(a.amount)) AS local,
	   @extschema@.total(@extschema@.sum(a.amount)) AS total,
	   @extschema@.in_unit(@extschema@.total(@extschema@.sum(a.amount)), '억') AS total_eok,
	   @extschema@.sum(a.amount) AS amount,
	   @extschema@.in_unit(@extschema@.national(@extschema@.sum(a.amount)), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(@extschema@.sum(a.amount)), '억') AS local_eok,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   sum(a.other)::bigint AS other,
	   @extschema@.in_unit(sum(a.other)::bigint, '억') AS other_eok
FROM @extschema@.allocation a
	 JOIN @extschema@.superregion_member m ON m.province_code = a.province_code
	 JOIN @extschema@.superregion s ON s.id = m.superregion_id
GROUP BY a.fiscal_year, s.id, s.name_ko, s.industry_ko, a.phase
ORDER BY a.fiscal_year, s.id, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.superregion_totals IS 'allocations of member provinces summed per fiscal year, super-region and budget phase';

-- Where a reconciliation fails: which child, and does it look like a slip? -----

-- "local 459억 looks like 45.9억 with its point lost (46억 is needed)": a
-- printed figure about ten times, or a tenth of, the needed one, within the
-- rounding of the needed figure's last printed digit.
CREATE FUNCTION @extschema@.slip_text(component text, printed bigint, needed bigint)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	step numeric := 1;		-- the needed figure's last printed digit, in won
	part text := @extschema@.in_language(CASE component WHEN 'national' THEN '국비' WHEN 'local' THEN '지방비' END, component);
BEGIN
	IF printed IS NULL OR needed IS NULL OR printed = needed OR needed <= 0 OR printed <= 0 THEN
		RETURN NULL;
	END IF;
	WHILE needed % (step * 10) = 0 LOOP
		step := step * 10;
	END LOOP;
	IF abs(printed / 10.0 - needed) <= step / 2 THEN
		RETURN @extschema@.with_particles(format(@extschema@.in_language('%s %s: 자릿수가 하나 많은 %s(으)로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit too many (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(round(printed / 10.0)::bigint, '억'),
					  @extschema@.format_amount(needed, '억')));
	ELSIF abs(printed * 10.0 - needed) <= step / 2 THEN
		RETURN @extschema@.with_particles(format(@extschema@.in_language('%s %s: 자릿수가 하나 빠진 %s(으)로 보임 (상위 사업에 필요한 값 %s)',
											  '%s %s looks like %s with a digit lost (the parent needs %s)'), part,
					  @extschema@.format_amount(printed, '억'), @extschema@.format_amount(printed * 10, '억'),
					  @extschema@.format_amount(needed, '억')));
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.slip_text(text, bigint, bigint) IS
'names a printed component that looks like a slip of the needed one: about ten times or a tenth of it, within the rounding of its last printed digit';
-- 2.0.0: reconciliation_detail names the year and the parent programme
CREATE VIEW @extschema@.reconciliation_detail AS
WITH failing AS (
	SELECT r.program_id, g.declared AS parent_declared
	FROM @extschema@.reconciliation r
		 JOIN @extschema@.program g ON g.id = r.program_id
	WHERE NOT r.agrees AND g.declared IS NOT NULL
), children AS (
	SELECT f.program_id, k.id AS child_id, k.name_ko AS child_name_ko, k.declared,
		   f.parent_declared OPERATOR(@extschema@.-)
			   coalesce((SELECT @extschema@.sum(o.declared) FROM @extschema@.program o
						 WHERE o.parent_id = f.program_id AND o.id <> k.id), '(0,0)'::@extschema@.funding) AS needed
	FROM failing f
		 JOIN @extschema@.program k ON k.parent_id = f.program_id
)
SELECT g.fiscal_year, g.ministry, c.program_id, g.name_ko AS program_name_ko,
	   c.child_id, c.child_name_ko, c.declared, c.needed,
	   nullif(concat_ws('; ',
		   @extschema@.slip_text('national', @extschema@.national(c.declared), @extschema@.national(c.needed)),
		   @extschema@.slip_text('local', @extschema@.local(c.declared), @extschema@.local(c.needed))), '') AS likely_slip,
	   @extschema@.national(c.declared) AS declared_national,
	   @extschema@.local(c.declared) AS declared_local,
	   @extschema@.total(c.declared) AS declared_total,
	   @extschema@.in_unit(@extschema@.national(c.declared), '억') AS declared_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.declared), '억') AS declared_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.declared), '억') AS declared_total_eok,
	   @extschema@.national(c.needed) AS needed_national,
	   @extschema@.local(c.needed) AS needed_local,
	   @extschema@.total(c.needed) AS needed_total,
	   @extschema@.in_unit(@extschema@.national(c.needed), '억') AS needed_national_eok,
	   @extschema@.in_unit(@extschema@.local(c.needed), '억') AS needed_local_eok,
	   @extschema@.in_unit(@extschema@.total(c.needed), '억') AS needed_total_eok
FROM children c
	 JOIN @extschema@.program g ON g.id = c.program_id
ORDER BY g.fiscal_year, g.ministry, c.program_id, c.child_id;
COMMENT ON VIEW @extschema@.reconciliation_detail IS
'for every programme whose children do not add up to its declared amount, one row per child (with the programme''s fiscal year, ministry and name, as the same child names recur each year): its declared amount, the amount it would need (the other children unchanged) for the parent to agree, and likely_slip naming a figure that looks like a slip of the needed one';
-- end of 2.0.0

-- Reports over time ----------------------------------------------------------------

-- Every province, and the province it had become part of on as_of.
CREATE FUNCTION @extschema@.province_as_of(as_of date)
RETURNS TABLE (code text, as_of_code text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	WITH RECURSIVE chain(code, target, depth) AS (
		SELECT p.code, p.code, 0 FROM @extschema@.province p
		UNION ALL
		SELECT c.code, p.successor_code, c.depth + 1
		FROM chain c JOIN @extschema@.province p ON p.code = c.target
		WHERE p.successor_code IS NOT NULL AND p.valid_to <= province_as_of.as_of AND c.depth < 20
	)
	SELECT DISTINCT ON (c.code) c.code, c.target FROM chain c ORDER BY c.code, c.depth DESC
$$;
COMMENT ON FUNCTION @extschema@.province_as_of(date) IS
'each province code with the code of the province it belonged to on as_of (itself, or its successor after a merger)';

-- 2.0.0: the reports show the lines' other money
CREATE OR REPLACE VIEW @extschema@.municipality_totals AS
SELECT a.fiscal_year,
	   a.municipality_code,
	   m.name_ko,
	   a.province_code,
	   p.short_ko AS province,
	   a.phase,
	   @extschema@.national(a.amount) AS "national",
	   @extschema@.local(a.amount) AS local,
	   @extschema@.total(a.amount) AS total,
	   @extschema@.in_unit(@extschema@.total(a.amount), '억') AS total_eok,
	   a.amount,
	   @extschema@.in_unit(@extschema@.national(a.amount), '억') AS national_eok,
	   @extschema@.in_unit(@extschema@.local(a.amount), '억') AS local_eok,
	   @extschema@.phase_label(a.phase) AS phase_ko,
	   a.other,
	   @extschema@.in_unit(a.other, '억') AS other_eok
-- grouped by the province table's code, to keep the order on Citus (as
-- region_totals)
FROM (SELECT l.fiscal_year, l.municipality_code, r.code AS province_code, l.phase,
			 @extschema@.sum(l.amount) AS amount, sum(l.other)::bigint AS other
	  FROM @extschema@.allocation l
		   JOIN @extschema@.province r ON r.code = l.province_code
	  WHERE l.municipality_code IS NOT NULL
	  GROUP BY l.fiscal_year, l.municipality_code, r.code, l.phase) a
	 JOIN @extschema@.municipality m ON m.code = a.municipality_code
	 JOIN @extschema@.province p ON p.code = a.province_code
ORDER BY a.fiscal_year, p.sort_order, a.municipality_code, a.phase;
-- end of 2.0.0
COMMENT ON VIEW @extschema@.municipality_totals IS
'allocations that name a 시·군·구, summed per fiscal year, municipality and budget phase';

-- 2.0.0: narrow summaries for a terminal
-- For a terminal: one narrow row per report line, the names and 국비,
-- 지방비, 합계 in 억 (exact decimals), in the report's order.  The report
-- views themselves are wide (every funding column with its won and 억
-- columns) because BI tools want them so.
CREATE VIEW @extschema@.region_summary AS
SELECT t.fiscal_year AS 연도, t.short_ko AS 시도, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.region_totals t;
COMMENT ON VIEW @extschema@.region_summary IS
'region_totals, narrow: 연도, 시도, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원, in the order of Korean statistics';
CREATE VIEW @extschema@.ministry_summary AS
SELECT t.fiscal_year AS 연도, t.ministry_ko AS 부처, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.ministry_totals t;
COMMENT ON VIEW @extschema@.ministry_summary IS
'ministry_totals, narrow: 연도, 부처, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원';
CREATE VIEW @extschema@.municipality_summary AS
SELECT t.fiscal_year AS 연도, p.short_ko AS 시도, t.name_ko AS 시군구, t.phase_ko AS 단계,
	   t.national_eok AS 국비, t.local_eok AS 지방비, t.total_eok AS 합계, t.other_eok AS 기타
FROM @extschema@.municipality_totals t
	 LEFT JOIN @extschema@.province p ON p.code = t.province_code;
COMMENT ON VIEW @extschema@.municipality_summary IS
'municipality_totals, narrow: 연도, 시도, 시군구, 단계 and 국비, 지방비, 합계 (국비 + 지방비) and 기타 (other money) in 억원';
-- end of 2.0.0

-- Series on another day's map ---------------------------------------------------------

-- region_totals_as_of(d): every year's allocations on the map of day d.  A
-- line that names its 시·군·구 goes to the province that 시·군·구 (under
-- any of its codes) lay in on d; other lines go to their province, or the
-- province it had become part of by d.  A province that did not yet exist
-- on d (the merged province, for a date before the merger) is shown as
-- itself and flagged merged_after: its lines are never split by a guess.
CREATE FUNCTION @extschema@.region_totals_as_of(as_of date)
RETURNS TABLE (fiscal_year integer, province_code text, name_ko text, short_ko text, sort_order smallint,
			   phase text, "national" bigint, local bigint, total bigint,
			   national_eok numeric, local_eok numeric, total_eok numeric, amount @extschema@.funding,
			   merged_after boolean, phase_ko text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
-- (PL/pgSQL, not SQL: Citus plans a query of a distributed table in a SQL
-- function with parameters not at all)
#variable_conflict use_column
BEGIN
	RETURN QUERY
	WITH municipality_on AS (		-- each code, and its 시·군·구's province on as_of
		SELECT DISTINCT ON (l.code) l.code, m.province_code
		FROM @extschema@.municipality_lineage l
			 JOIN @extschema@.municipality m ON m.code = l.same_code
		WHERE (m.valid_from IS NULL OR m.valid_from <= region_totals_as_of.as_of)
		  AND (m.valid_to IS NULL OR m.valid_to > region_totals_as_of.as_of)
		ORDER BY l.code, m.code
	)
	SELECT a.fiscal_year, a.province_code, p.name_ko, p.short_ko, p.sort_order, a.phase,
		   @extschema@.national(a.amount), @extschema@.local(a.amount), @extschema@.total(a.amount),
		   @extschema@.in_unit(@extschema@.national(a.amount), '억'),
		   @extschema@.in_unit(@extschema@.local(a.amount), '억'),
		   @extschema@.in_unit(@extschema@.total(a.amount), '억'),
		   a.amount,
		   coalesce(p.valid_from > region_totals_as_of.as_of, false),
		   @extschema@.phase_label(a.phase)
	FROM (SELECT x.fiscal_year, coalesce(mo.province_code, m.as_of_code) AS province_code, x.phase,
				 @extschema@.sum(x.amount) AS amount
		  FROM @extschema@.allocation x
			   LEFT JOIN municipality_on mo ON mo.code = x.municipality_code
			   LEFT JOIN @extschema@.province_as_of(region_totals_as_of.as_of) m ON m.code = x.province_code
		  GROUP BY 1, 2, 3) a
		 LEFT JOIN @extschema@.province p ON p.code = a.province_code
	ORDER BY a.fiscal_year, p.sort_order NULLS LAST, a.province_code, a.phase;
END
$$;
COMMENT ON FUNCTION @extschema@.region_totals_as_of(date) IS
'region_totals on the map of as_of: after a merger the merged provinces'' lines of every year are counted under the merged province; before it, lines that name a 시·군·구 go to its province of that date, and the merged province''s other lines are shown under it, flagged merged_after; no won is counted twice or lost';
-- ============================================================================
-- 7. Clusters: stages, grades and differential funding
-- ============================================================================

-- Policy ------------------------------------------------------------------

CREATE TABLE @extschema@.stage2_criteria (
	valid_from integer PRIMARY KEY
		CONSTRAINT stage2_criteria_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	min_self_score numeric NOT NULL
		CONSTRAINT stage2_criteria_score_0_to_100 CHECK (min_self_score BETWEEN 0 AND 100),
	rnd_body_required boolean NOT NULL,
	note text,
	noncompliant_coefficient numeric NOT NULL DEFAULT 1
		CONSTRAINT stage2_criteria_noncompliant_coefficient_0_to_1 CHECK (noncompliant_coefficient BETWEEN 0 AND 1)
);
COMMENT ON TABLE @extschema@.stage2_criteria IS
'what a region needs for stage 2, from a fiscal year onwards; valid_from 0 is the shipped illustrative default';
COMMENT ON COLUMN @extschema@.stage2_criteria.noncompliant_coefficient IS
'what a cluster missing a mandatory programme receives, as a factor of its weight: 1 (the default) flags it only; 0 withholds its share';

CREATE TABLE @extschema@.grade_scale (
	valid_from integer NOT NULL
		CONSTRAINT grade_scale_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	grade text NOT NULL
		CONSTRAINT grade_scale_grade_not_blank CHECK (btrim(grade) <> ''),
	min_score numeric NOT NULL
		CONSTRAINT grade_scale_score_0_to_100 CHECK (min_score BETWEEN 0 AND 100),
	coefficient numeric NOT NULL
		CONSTRAINT grade_scale_coefficient_not_negative CHECK (coefficient >= 0),
	PRIMARY KEY (valid_from, grade),
	UNIQUE (valid_from, min_score)
);
COMMENT ON TABLE @extschema@.grade_scale IS
'evaluation grades from a fiscal year onwards: a score of at least min_score earns the grade and its funding coefficient; monotone, and one grade starts at 0; valid_from 0 is the shipped illustrative default';

CREATE TABLE @extschema@.stage_weight (
	valid_from integer NOT NULL
		CONSTRAINT stage_weight_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2023 AND 2100),
	stage smallint NOT NULL
		CONSTRAINT stage_weight_stage_1_or_2 CHECK (stage IN (1, 2)),
	weight numeric NOT NULL
		CONSTRAINT stage_weight_positive CHECK (weight > 0),
	PRIMARY KEY (valid_from, stage)
);
COMMENT ON TABLE @extschema@.stage_weight IS
'the weight of each stage in the differential split, from a fiscal year onwards; valid_from 0 is the shipped illustrative default';

-- A grade scale must cover every score once and pay better grades no less.
CREATE FUNCTION @extschema@.grade_scale_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	year integer;
BEGIN
	FOR year IN SELECT DISTINCT valid_from FROM @extschema@.grade_scale LOOP
		IF NOT EXISTS (SELECT 1 FROM @extschema@.grade_scale WHERE valid_from = year AND min_score = 0) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('the grade scale from %s has no grade for a score of 0', year),
					  ERRCODE = 'check_violation',
					  HINT = @extschema@.message('The lowest grade must start at min_score 0.');
		END IF;
		IF EXISTS (SELECT 1
				   FROM @extschema@.grade_scale lo JOIN @extschema@.grade_scale hi
						ON hi.valid_from = lo.valid_from AND hi.min_score > lo.min_score
				   WHERE lo.valid_from = year AND hi.coefficient < lo.coefficient) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('the grade scale from %s is not monotone', year),
					  ERRCODE = 'check_violation',
					  DETAIL = @extschema@.message('A grade for higher scores has a smaller coefficient than a grade for lower scores.');
		END IF;
	END LOOP;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.grade_scale_check() IS 'trigger: every grade scale starts at 0 and is monotone';
CREATE CONSTRAINT TRIGGER grade_scale_check
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.grade_scale
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.grade_scale_check();

-- Both stages must have a weight in every policy that has one.
CREATE FUNCTION @extschema@.stage_weight_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT valid_from FROM @extschema@.stage_weight GROUP BY valid_from HAVING count(*) <> 2) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('stage weights must be given for both stages'),
				  ERRCODE = 'check_violation';
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.stage_weight_check() IS 'trigger: each stage-weight policy weighs both stages';
CREATE CONSTRAINT TRIGGER stage_weight_check
	AFTER INSERT OR UPDATE OR DELETE ON @extschema@.stage_weight
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.stage_weight_check();

-- 1 rows of stage2_criteria: sql/data/stage2_criteria.tsv
SELECT @extschema@.reference_copy('stage2_criteria', 'stage2_criteria');
-- 5 rows of grade_scale: sql/data/grade_scale.tsv
SELECT @extschema@.reference_copy('grade_scale', 'grade_scale');
-- 2 rows of stage_weight: sql/data/stage_weight.tsv
SELECT @extschema@.reference_copy('stage_weight', 'stage_weight');

-- The shipped defaults are read-only; the rows you add are yours.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['stage2_criteria', 'grade_scale', 'stage_weight'] LOOP
		EXECUTE format('CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.%I '
					   'FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard(''valid_from'')', t);
		EXECUTE format('CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.%I '
					   'FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard(''all'')', t);
	END LOOP;
END
$$;

SELECT pg_catalog.pg_extension_config_dump('@extschema@.stage2_criteria', 'WHERE valid_from <> 0');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.grade_scale', 'WHERE valid_from <> 0');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.stage_weight', 'WHERE valid_from <> 0');

-- The policy in force in a fiscal year ------------------------------------

CREATE VIEW @extschema@.cluster_policy AS
SELECT y.fiscal_year,
	   c.min_self_score,
	   c.rnd_body_required,
	   w1.weight AS stage1_weight,
	   w2.weight AS stage2_weight,
	   g.valid_from AS grade_scale_from
FROM (SELECT DISTINCT fiscal_year FROM @extschema@.cluster_diagnosis
	  UNION SELECT DISTINCT fiscal_year FROM @extschema@.cluster_evaluation) AS y
	 CROSS JOIN LATERAL (SELECT s.valid_from, s.min_self_score, s.rnd_body_required, s.note FROM @extschema@.stage2_criteria s
						 WHERE s.valid_from <= y.fiscal_year ORDER BY s.valid_from DESC LIMIT 1) AS c
	 CROSS JOIN LATERAL (SELECT max(valid_from) AS valid_from FROM @extschema@.stage_weight
						 WHERE valid_from <= y.fiscal_year) AS wv
	 JOIN @extschema@.stage_weight w1 ON w1.valid_from = wv.valid_from AND w1.stage = 1
	 JOIN @extschema@.stage_weight w2 ON w2.valid_from = wv.valid_from AND w2.stage = 2
	 CROSS JOIN LATERAL (SELECT max(valid_from) AS valid_from FROM @extschema@.grade_scale
						 WHERE valid_from <= y.fiscal_year) AS g;
COMMENT ON VIEW @extschema@.cluster_policy IS
'for every fiscal year with a diagnosis or an evaluation: the stage-2 criteria, stage weights and grade scale in force';

CREATE FUNCTION @extschema@.cluster_grade(score numeric, fiscal_year integer,
										 OUT grade text, OUT coefficient numeric)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT g.grade, g.coefficient
	FROM @extschema@.grade_scale g
	WHERE g.valid_from = (SELECT max(v.valid_from) FROM @extschema@.grade_scale v
						  WHERE v.valid_from <= cluster_grade.fiscal_year)
	  AND g.min_score <= cluster_grade.score
	ORDER BY g.min_score DESC
	LIMIT 1
$$;
COMMENT ON FUNCTION @extschema@.cluster_grade(numeric, integer) IS
'the grade and funding coefficient a score earns under the grade scale in force in a fiscal year';

-- Stages ------------------------------------------------------------------

-- cluster_stage(): a cluster's stage in a year, from the view cluster_stages
-- (below, with the clusters that follow their province).
CREATE FUNCTION @extschema@.cluster_stage(cluster_id integer, fiscal_year integer)
RETURNS smallint
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	result smallint;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster c WHERE c.id = cluster_stage.cluster_id) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('there is no cluster %s', cluster_stage.cluster_id),
				  ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT s.stage INTO result
	FROM @extschema@.cluster_stages s
	WHERE s.cluster_id = cluster_stage.cluster_id AND s.fiscal_year = cluster_stage.fiscal_year;
	-- No diagnosis: the region has not asked for stage 2.
	RETURN coalesce(result, 1);
END
$$;
COMMENT ON FUNCTION @extschema@.cluster_stage(integer, integer) IS
'1 or 2: stage 2 only when the region asked for it in its diagnosis for that year and meets the stage-2 criteria in force; 1 without a diagnosis';

-- Clusters follow their province -------------------------------------------------

-- A cluster keeps the province it was designated in; in a fiscal year it
-- belongs to that province's successor valid on the year's first day
-- (the 광주 and 전남 clusters: 29 and 46 until FY2026, 12 from FY2027).
CREATE FUNCTION @extschema@.cluster_province(cluster_id integer, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT m.as_of_code
	FROM @extschema@.cluster c
		 JOIN @extschema@.province_as_of(make_date(cluster_province.fiscal_year, 1, 1)) m ON m.code = c.province_code
	WHERE c.id = cluster_province.cluster_id
$$;
COMMENT ON FUNCTION @extschema@.cluster_province(integer, integer) IS
'the province a cluster belongs to in a fiscal year: its designated province, or that province''s successor after a merger';

CREATE VIEW @extschema@.cluster_stages AS
SELECT c.id AS cluster_id,
	   y.province_code,
	   p.short_ko AS province,
	   d.fiscal_year,
	   d.requested_stage,
	   d.self_score,
	   d.has_rnd_body,
	   d.workforce_program,
	   (CASE WHEN d.requested_stage = 2 AND r.refusal IS NULL THEN 2 ELSE 1 END)::smallint AS stage,
	   r.refusal
FROM @extschema@.cluster c
	 JOIN @extschema@.cluster_diagnosis d ON d.cluster_id = c.id
	 CROSS JOIN LATERAL (SELECT @extschema@.cluster_province(c.id, d.fiscal_year) AS province_code) y
	 JOIN @extschema@.province p ON p.code = y.province_code
	 JOIN @extschema@.cluster_policy k ON k.fiscal_year = d.fiscal_year
	 CROSS JOIN LATERAL (
		SELECT CASE WHEN d.requested_stage = 2 THEN
					nullif(concat_ws('; ',
						CASE WHEN d.self_score < k.min_self_score
							 THEN @extschema@.in_language(format('자가진단 점수 %s점이 기준 %s점에 못 미침', d.self_score, k.min_self_score),
														  format('self-diagnosis score %s is below %s', d.self_score, k.min_self_score)) END,
						CASE WHEN k.rnd_body_required AND NOT d.has_rnd_body
							 THEN @extschema@.in_language('R&D를 기획·평가·관리할 전담 조직 없음',
														  'no body to plan, evaluate and manage R&D') END), '')
			   END AS refusal) AS r;
COMMENT ON VIEW @extschema@.cluster_stages IS
'each diagnosed cluster and year, with the province it belongs to that year: the stage it asked for, the stage it gets (2 only when asked for and the criteria are met), and why a stage-2 request was refused';

CREATE VIEW @extschema@.cluster_compliance AS
SELECT c.id AS cluster_id,
	   y.province_code,
	   p.short_ko AS province,
	   d.fiscal_year,
	   @extschema@.in_language('모든 단계가 운영해야 하는 인력양성 프로그램 없음',
							   'no workforce-training programme, which every stage must run') AS problem
FROM @extschema@.cluster_diagnosis d
	 JOIN @extschema@.cluster c ON c.id = d.cluster_id
	 CROSS JOIN LATERAL (SELECT @extschema@.cluster_province(c.id, d.fiscal_year) AS province_code) y
	 JOIN @extschema@.province p ON p.code = y.province_code
WHERE NOT d.workforce_program;
COMMENT ON VIEW @extschema@.cluster_compliance IS
'clusters whose diagnosis lacks the workforce-training programme that is mandatory at every stage';

-- Differential funding, across a merger ----------------------------------------

-- The pool is split over every cluster; each cluster's share is paid to
-- the province it belongs to that year.
CREATE FUNCTION @extschema@.differential_funding(fiscal_year integer, pool bigint, unit bigint DEFAULT 1)
RETURNS TABLE (cluster_id integer, province_code text, stage smallint, score numeric,
			   grade text, coefficient numeric, weight numeric, "national" bigint,
			   compliant boolean, problems text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	missing text;
BEGIN
	SELECT string_agg(format('%s (%s)', c.id, p.short_ko), ', ' ORDER BY c.id) INTO missing
	FROM @extschema@.cluster c
		 JOIN @extschema@.province p ON p.code = @extschema@.cluster_province(c.id, differential_funding.fiscal_year)
	WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster_evaluation e
					  WHERE e.cluster_id = c.id AND e.fiscal_year = differential_funding.fiscal_year);
	IF missing IS NOT NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('no evaluation for fiscal year %s of cluster %s', differential_funding.fiscal_year, missing),
				  ERRCODE = 'no_data_found',
				  HINT = @extschema@.message('Every cluster needs a row in cluster_evaluation before the pool can be split.');
	END IF;

	RETURN QUERY
	WITH policy AS (
		SELECT s.noncompliant_coefficient
		FROM @extschema@.stage2_criteria s
		WHERE s.valid_from <= differential_funding.fiscal_year
		ORDER BY s.valid_from DESC LIMIT 1
	), scored AS (
		SELECT c.id, @extschema@.cluster_province(c.id, differential_funding.fiscal_year) AS province_code,
			   @extschema@.cluster_stage(c.id, differential_funding.fiscal_year) AS stage,
			   e.score, g.grade, g.coefficient,
			   (SELECT string_agg(m.problem, '; ') FROM @extschema@.cluster_compliance m
				WHERE m.cluster_id = c.id AND m.fiscal_year = differential_funding.fiscal_year) AS problems
		FROM @extschema@.cluster c
			 JOIN @extschema@.cluster_evaluation e
				  ON e.cluster_id = c.id AND e.fiscal_year = differential_funding.fiscal_year
			 CROSS JOIN LATERAL @extschema@.cluster_grade(e.score, differential_funding.fiscal_year) AS g
	), weighted AS (
		SELECT s.*, w.weight * s.coefficient
				   * CASE WHEN s.problems IS NULL THEN 1 ELSE (SELECT k.noncompliant_coefficient FROM policy k) END AS weight
		FROM scored s
			 JOIN @extschema@.stage_weight w
				  ON w.stage = s.stage
				 AND w.valid_from = (SELECT max(v.valid_from) FROM @extschema@.stage_weight v
									 WHERE v.valid_from <= differential_funding.fiscal_year)
	)
	-- Ties go to the earlier row: the better score, so that within a stage
	-- a better score never gets less.
	SELECT x.id, x.province_code, x.stage, x.score, x.grade, x.coefficient, x.weight,
		   @extschema@.apportion(differential_funding.pool, x.weight, differential_funding.unit)
			   OVER (ORDER BY x.score DESC, x.id),
		   x.problems IS NULL, x.problems
	FROM weighted x
	ORDER BY x.id;
END
$$;
COMMENT ON FUNCTION @extschema@.differential_funding(integer, bigint, bigint) IS
'the national pool split over all clusters by weight = stage weight × grade coefficient (× the non-compliance coefficient for a cluster missing a mandatory programme), by largest remainder in multiples of unit; the rows add up to the pool exactly; a cluster without an evaluation is an error naming it (P0002)';

CREATE FUNCTION @extschema@.differential_funding(fiscal_year integer, pool text, unit text DEFAULT '억')
RETURNS TABLE (cluster_id integer, province_code text, stage smallint, score numeric,
			   grade text, coefficient numeric, weight numeric, "national" bigint,
			   compliant boolean, problems text)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT * FROM @extschema@.differential_funding(differential_funding.fiscal_year,
		@extschema@.parse_amount(differential_funding.pool),
		@extschema@.unit_won(differential_funding.unit))
$$;
COMMENT ON FUNCTION @extschema@.differential_funding(integer, text, text) IS
'differential_funding with the pool written as an amount (''929억'') and shares in multiples of a unit written as one (default 억)';

-- 2.0.0: differential_pool and differential_shares
-- The national pool of each fiscal year, for a dashboard that cannot pass
-- parameters ("Clusters"): one row per fiscal year, entered by the
-- ministry (the tables' owner, or roles granted INSERT); your data, not the
-- extension's.  differential_shares splits every year's pool as
-- differential_funding does, with names and order beside the codes; a
-- year appears once every cluster has its evaluation for it.
CREATE TABLE @extschema@.differential_pool (
	fiscal_year integer PRIMARY KEY
		CONSTRAINT differential_pool_fiscal_year_plausible CHECK (fiscal_year BETWEEN 2023 AND 2100),
	pool bigint NOT NULL CONSTRAINT differential_pool_pool_positive CHECK (pool > 0),
	unit bigint NOT NULL DEFAULT 100000000 CONSTRAINT differential_pool_unit_positive CHECK (unit > 0),
	note text
);
COMMENT ON TABLE @extschema@.differential_pool IS
'the national pool split over the clusters by differential funding, per fiscal year, in won, with the unit shares are multiples of (default 1억)';
COMMENT ON COLUMN @extschema@.differential_pool.pool IS 'the national pool of the fiscal year, in won';
COMMENT ON COLUMN @extschema@.differential_pool.unit IS 'shares are whole multiples of this many won (default 100,000,000: 1억)';
CREATE VIEW @extschema@.differential_shares AS
SELECT d.fiscal_year, d.pool, @extschema@.in_unit(d.pool, '억') AS pool_eok, d.unit,
	   f.cluster_id, c.name_ko AS cluster_name_ko,
	   f.province_code, p.name_ko AS province_name_ko, p.short_ko AS province_short_ko, p.sort_order,
	   f.stage, f.score, f.grade, f.coefficient, f.weight,
	   f."national", @extschema@.in_unit(f."national", '억') AS national_eok,
	   f.compliant, f.problems
FROM @extschema@.differential_pool d
	 CROSS JOIN LATERAL @extschema@.differential_funding(d.fiscal_year, d.pool, d.unit) AS f
	 JOIN @extschema@.cluster c ON c.id = f.cluster_id
	 LEFT JOIN @extschema@.province p ON p.code = f.province_code
WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster k
				  WHERE NOT EXISTS (SELECT 1 FROM @extschema@.cluster_evaluation e
									WHERE e.cluster_id = k.id AND e.fiscal_year = d.fiscal_year))
ORDER BY d.fiscal_year, p.sort_order, f.cluster_id;
COMMENT ON VIEW @extschema@.differential_shares IS
'every fiscal year''s pool (differential_pool) split over the clusters as differential_funding splits it, with the cluster''s and province''s names and order, in bigint won and numeric 억; a year appears once every cluster has its evaluation for it';
-- end of 2.0.0

-- A line of allocation as functions that write lines return it: its
-- columns, then plain won and exact 억.
CREATE TYPE @extschema@.allocation_line AS (
	id bigint, program_id integer, province_code text, fiscal_year integer, amount @extschema@.funding,
	phase text, note text, reference text, municipality_code text,
	"national" bigint, local bigint, total bigint, national_eok numeric, local_eok numeric, total_eok numeric);
COMMENT ON TYPE @extschema@.allocation_line IS
'an allocation line with plain won (national, local, total) and exact 억 columns, as allocate_differential_funding returns it';

-- allocate_differential_funding(program_id, fiscal_year, pool, …) records
-- the split as allocations, one line per cluster, each with its reference
-- ('cluster 3'), so that two clusters of one province (after a merger) are
-- two lines, and a re-run with replace => true replaces them.  It takes the
-- pool as differential_funding does: bigint won in multiples of unit won
-- (default 1), or text such as '929억' in multiples of a text unit (default 억).
CREATE FUNCTION @extschema@.allocate_differential_funding(
	program_id integer, fiscal_year integer, pool bigint, unit bigint DEFAULT 1,
	phase text DEFAULT 'planned', replace boolean DEFAULT false)
RETURNS SETOF @extschema@.allocation_line
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM @extschema@.allocation a
			   WHERE a.program_id = allocate_differential_funding.program_id
				 AND a.fiscal_year = allocate_differential_funding.fiscal_year
				 AND a.phase = allocate_differential_funding.phase) THEN
		IF NOT replace THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('program %s already has %s allocations for fiscal year %s', allocate_differential_funding.program_id, allocate_differential_funding.phase, allocate_differential_funding.fiscal_year),
					  ERRCODE = 'unique_violation',
					  HINT = @extschema@.message('Pass replace => true to replace them.');
		END IF;
		DELETE FROM @extschema@.allocation a
		WHERE a.program_id = allocate_differential_funding.program_id
		  AND a.fiscal_year = allocate_differential_funding.fiscal_year
		  AND a.phase = allocate_differential_funding.phase;
	END IF;
	RETURN QUERY
	WITH w AS (
	INSERT INTO @extschema@.allocation AS a (program_id, province_code, fiscal_year, amount, phase, note, reference)
	SELECT allocate_differential_funding.program_id, d.province_code, allocate_differential_funding.fiscal_year,
		   @extschema@.funding(d.national, 0), allocate_differential_funding.phase,
		   format('differential funding: stage %s, grade %s', d.stage, d.grade),
		   format('cluster %s', d.cluster_id)
	FROM @extschema@.differential_funding(allocate_differential_funding.fiscal_year,
										  allocate_differential_funding.pool,
										  allocate_differential_funding.unit) AS d
	RETURNING a.*)
	SELECT w.id, w.program_id, w.province_code, w.fiscal_year, w.amount, w.phase, w.note, w.reference, w.municipality_code,
		   @extschema@.national(w.amount), @extschema@.local(w.amount), @extschema@.total(w.amount),
		   @extschema@.in_unit(@extschema@.national(w.amount), '억'), @extschema@.in_unit(@extschema@.local(w.amount), '억'),
		   @extschema@.in_unit(@extschema@.total(w.amount), '억')
	FROM w;
END
$$;
COMMENT ON FUNCTION @extschema@.allocate_differential_funding(integer, integer, bigint, bigint, text, boolean) IS
'writes differential_funding() as national allocations of a programme, one line per cluster (reference ''cluster N'') in the province it belongs to that year; refuses to add to existing allocations of that programme, year and phase unless replace is true';

CREATE FUNCTION @extschema@.allocate_differential_funding(
	program_id integer, fiscal_year integer, pool text, unit text DEFAULT '억',
	phase text DEFAULT 'planned', replace boolean DEFAULT false)
RETURNS SETOF @extschema@.allocation_line
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT * FROM @extschema@.allocate_differential_funding(allocate_differential_funding.program_id,
		allocate_differential_funding.fiscal_year,
		@extschema@.parse_amount(allocate_differential_funding.pool),
		@extschema@.unit_won(allocate_differential_funding.unit),
		allocate_differential_funding.phase, allocate_differential_funding.replace)
$$;
COMMENT ON FUNCTION @extschema@.allocate_differential_funding(integer, integer, text, text, text, boolean) IS
'allocate_differential_funding with the pool written as an amount (''929억'') and shares in multiples of a unit written as one (default 억), as differential_funding takes them';
-- ============================================================================
-- 8. Grants: awards to companies under a sub-programme's support terms
-- ============================================================================

-- The press release gives each MSS sub-programme its terms: 지원 기간 (years),
-- 지원 한도 (a yearly cap on the government grant), 지원금 비중 (the grant's
-- largest share of the project cost) and the way of selection.  They are
-- policy, from a fiscal year on (valid_from; 0 is the shipped default, read
-- only), like the cluster policy tables ("Grants").
CREATE TABLE @extschema@.support_terms (
	program_id integer NOT NULL,
	valid_from integer NOT NULL
		CONSTRAINT support_terms_valid_from_default_or_year CHECK (valid_from = 0 OR valid_from BETWEEN 2000 AND 2100),
	support_years smallint NOT NULL
		CONSTRAINT support_terms_years_positive CHECK (support_years > 0),
	annual_cap bigint
		CONSTRAINT support_terms_cap_positive CHECK (annual_cap > 0),
	grant_share numeric NOT NULL
		CONSTRAINT support_terms_share_fraction CHECK (grant_share > 0 AND grant_share <= 1),
	selection_mode text,
	-- a cap over the whole support period (2025: 2년간 최대 14억 원), beside
	-- or instead of the yearly one
	period_cap bigint
		CONSTRAINT support_terms_period_cap_positive CHECK (period_cap > 0),
	PRIMARY KEY (program_id, valid_from),
	CONSTRAINT support_terms_some_cap CHECK (annual_cap IS NOT NULL OR period_cap IS NOT NULL)
);
COMMENT ON TABLE @extschema@.support_terms IS
'a sub-programme''s support terms from a fiscal year on: 지원 기간 (support_years), 지원 한도 per year (annual_cap, won), over the whole period (period_cap, won) or both, 지원금 비중 (grant_share of the project cost); valid_from 0 is the shipped default';
COMMENT ON COLUMN @extschema@.support_terms.annual_cap IS 'the most one award may get in a fiscal year, won (연 지원 한도); NULL: no yearly cap';
COMMENT ON COLUMN @extschema@.support_terms.period_cap IS 'the most one award may get over its whole term, won (2년간 최대 14억 원); NULL: no cap over the period';
-- program_id references program (id), kept by key_check (part 2)
CREATE CONSTRAINT TRIGGER support_terms_program_id_fkey
	AFTER INSERT OR UPDATE ON @extschema@.support_terms
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('support_terms_program_id_fkey', 'from', '@extschema@.support_terms', 'program_id', '@extschema@.program', 'id');
CREATE CONSTRAINT TRIGGER support_terms_program_id_fkey
	AFTER UPDATE OR DELETE ON @extschema@.program
	FOR EACH ROW EXECUTE FUNCTION @extschema@.key_check('support_terms_program_id_fkey', 'to', '@extschema@.support_terms', 'program_id', '@extschema@.program', 'id');

-- A 사업자등록번호: ten digits whose last is the check digit of the others.
CREATE FUNCTION @extschema@.business_number_valid(number text)
RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT CASE WHEN d ~ '^[0-9]{10}$' THEN
		(10 - (substr(d, 1, 1)::int + substr(d, 2, 1)::int * 3 + substr(d, 3, 1)::int * 7
			   + substr(d, 4, 1)::int + substr(d, 5, 1)::int * 3 + substr(d, 6, 1)::int * 7
			   + substr(d, 7, 1)::int + substr(d, 8, 1)::int * 3 + substr(d, 9, 1)::int * 5
			   + substr(d, 9, 1)::int * 5 / 10) % 10) % 10 = substr(d, 10, 1)::int
		ELSE false END
	FROM (SELECT regexp_replace(number, '[-[:space:]]', '', 'g') AS d) AS x
$$;
COMMENT ON FUNCTION @extschema@.business_number_valid(text) IS
'true for a well-formed 사업자등록번호 (220-81-62517 or 2208162517): ten digits with a valid check digit';

-- An award (과제) to a company: under a sub-programme of its first fiscal
-- year, in a province (and 시·군·구), for a number of years.  Its money is a
-- breakdown of the sub-programme's, never added to the province totals.
CREATE TABLE @extschema@.award (
	id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	program_id integer NOT NULL,
	first_year integer NOT NULL,
	reference text NOT NULL
		CONSTRAINT award_reference_trimmed
		CHECK (reference IS NOT DISTINCT FROM @extschema@.reference_trim(reference) AND length(reference) <= 200),
	recipient text NOT NULL
		CONSTRAINT award_recipient_not_blank CHECK (btrim(recipient) <> ''),
	business_number text NOT NULL
		CONSTRAINT award_business_number_valid
		CHECK (business_number ~ '^[0-9]{10}$' AND @extschema@.business_number_valid(business_number)),
	province_code text NOT NULL,
	municipality_code text,
	years smallint NOT NULL
		CONSTRAINT award_years_plausible CHECK (years BETWEEN 1 AND 10),
	CONSTRAINT award_program_fkey FOREIGN KEY (program_id, first_year)
		REFERENCES @extschema@.program (id, fiscal_year),
	CONSTRAINT award_province_in_year FOREIGN KEY (province_code, first_year)
		REFERENCES @extschema@.province_year (province_code, fiscal_year),
	CONSTRAINT award_municipality_in_province FOREIGN KEY (municipality_code, province_code, first_year)
		REFERENCES @extschema@.municipality_year (municipality_code, province_code, fiscal_year),
	CONSTRAINT award_key UNIQUE (program_id, reference),
	CONSTRAINT award_text_not_formula
		CHECK (NOT @extschema@.begins_formula(reference) AND NOT @extschema@.begins_formula(recipient))
);
CREATE INDEX award_province_idx ON @extschema@.award (province_code, first_year);
COMMENT ON TABLE @extschema@.award IS
'an award (과제) of a sub-programme to a company (recipient, 사업자등록번호 as ten digits), in a province, from its first fiscal year for a number of years; identified by (programme, reference)';

-- 2.0.0: the keys of the regions' years lead with the year
-- Every line written to allocation or award has its province and 시·군·구
-- checked against province_year and municipality_year, a probe of their
-- primary keys.  Led by the year, an integer, a probe compares the
-- integer first and finds each column of a key at a fixed place; led by
-- the codes' text it cost a line some 2,500 instructions more, 6,800 with
-- a 시·군·구 (bench/README.md).  A foreign key names its columns, not their
-- order, so each one that references these keys is dropped and made again
-- as it was (the users' own too), and checked against the rows there.
DO $keys$
DECLARE
	k record;
	fkeys text[] := '{}';
BEGIN
	FOR k IN
		SELECT c.conrelid::pg_catalog.regclass AS tab, c.conname,
			   pg_catalog.pg_get_constraintdef(c.oid) AS def
		  FROM pg_catalog.pg_constraint c
		 WHERE c.contype = 'f'
		   AND c.confrelid IN ('@extschema@.province_year'::pg_catalog.regclass,
							   '@extschema@.municipality_year'::pg_catalog.regclass)
		 ORDER BY c.conrelid, c.conname
	LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I', k.tab, k.conname);
		fkeys := fkeys || pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT %I %s', k.tab, k.conname, k.def);
	END LOOP;
	ALTER TABLE @extschema@.province_year DROP CONSTRAINT province_year_pkey,
		ADD PRIMARY KEY (fiscal_year, province_code);
	ALTER TABLE @extschema@.municipality_year DROP CONSTRAINT municipality_year_pkey,
		ADD PRIMARY KEY (fiscal_year, municipality_code, province_code);
	FOR i IN 1 .. pg_catalog.cardinality(fkeys) LOOP
		EXECUTE fkeys[i];
	END LOOP;
END
$keys$;
-- (a 시·군·구's years, found by its code when it changes or goes)
CREATE INDEX municipality_year_municipality_idx ON @extschema@.municipality_year (municipality_code);
-- end of 2.0.0

-- Per year of an award: the government grant (national and local) and the
-- recipient's own share (민간부담금), in cash and in kind.
CREATE TABLE @extschema@.award_year (
	award_id bigint NOT NULL REFERENCES @extschema@.award (id) ON DELETE CASCADE,
	fiscal_year integer NOT NULL,
	grant_amount @extschema@.funding NOT NULL
		CONSTRAINT award_year_grant_not_negative
		CHECK (@extschema@.national(grant_amount) >= 0 AND @extschema@.local(grant_amount) >= 0),
	private_cash bigint NOT NULL DEFAULT 0
		CONSTRAINT award_year_private_cash_not_negative CHECK (private_cash >= 0),
	private_in_kind bigint NOT NULL DEFAULT 0
		CONSTRAINT award_year_private_in_kind_not_negative CHECK (private_in_kind >= 0),
	PRIMARY KEY (award_id, fiscal_year)
);
COMMENT ON TABLE @extschema@.award_year IS
'a year of an award: the government grant (funding: national and local) and the recipient''s share (민간부담금) in cash and in kind, in won';

-- A year of an award lies in its term, first_year to first_year + years - 1:
-- checked when a year is written, and, at commit, when an award's term is
-- changed (award_entry removes the years a shorter term no longer has).
CREATE FUNCTION @extschema@.award_term_check()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	w record;
	outside integer;
BEGIN
	-- (on a Citus shard, named table_shardid)
	IF regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '') = 'award_year' THEN
		SELECT a.first_year, a.years, a.reference INTO w FROM @extschema@.award a WHERE a.id = NEW.award_id;
		IF FOUND AND (NEW.fiscal_year < w.first_year OR NEW.fiscal_year >= w.first_year + w.years) THEN
			RAISE EXCEPTION USING MESSAGE = @extschema@.message('fiscal year %s is outside the term of award %s (%s), %s to %s', NEW.fiscal_year, NEW.award_id, w.reference, w.first_year, w.first_year + w.years - 1),
					  ERRCODE = 'check_violation',
					  HINT = @extschema@.message('A year of an award lies from its first_year to first_year + years - 1; change the award''s term first.');
		END IF;
		RETURN NEW;
	END IF;
	SELECT min(y.fiscal_year) INTO outside FROM @extschema@.award_year y
	WHERE y.award_id = NEW.id AND (y.fiscal_year < NEW.first_year OR y.fiscal_year >= NEW.first_year + NEW.years);
	IF outside IS NOT NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('award %s (%s) runs %s to %s, but has a year %s outside it', NEW.id, NEW.reference, NEW.first_year, NEW.first_year + NEW.years - 1, outside),
				  ERRCODE = 'check_violation',
				  HINT = @extschema@.message('Delete the award''s years outside its term (award_entry does so when an award is loaded again), or keep its term.');
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.award_term_check() IS
'trigger: a year of an award lies in the award''s term (23514)';
CREATE TRIGGER award_term_check BEFORE INSERT OR UPDATE ON @extschema@.award_year
	FOR EACH ROW EXECUTE FUNCTION @extschema@.award_term_check();
CREATE CONSTRAINT TRIGGER award_term_check AFTER UPDATE OF first_year, years ON @extschema@.award
	DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION @extschema@.award_term_check();

INSERT INTO @extschema@.support_terms (program_id, valid_from, support_years, annual_cap, grant_share, selection_mode)
SELECT p.id, 0, p.support_years, p.annual_cap, p.government_share, p.selection_mode
FROM @extschema@.program p
WHERE p.support_years IS NOT NULL;
CREATE TRIGGER reference_guard BEFORE INSERT OR UPDATE OR DELETE ON @extschema@.support_terms
	FOR EACH ROW EXECUTE FUNCTION @extschema@.reference_guard('valid_from');
CREATE TRIGGER reference_guard_truncate BEFORE TRUNCATE ON @extschema@.support_terms
	FOR EACH STATEMENT EXECUTE FUNCTION @extschema@.reference_guard('all');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.support_terms', 'WHERE valid_from <> 0');

-- award_entry: awards by names, one row per award and year --------------------

CREATE VIEW @extschema@.award_entry AS
SELECT g.name_ko AS program,
	   w.reference,
	   w.recipient,
	   w.business_number,
	   p.short_ko AS province,
	   w.municipality_code AS municipality,
	   w.first_year,
	   w.years,
	   y.fiscal_year,
	   y.grant_amount::text AS grant_amount,
	   y.private_cash::text AS private_cash,
	   y.private_in_kind::text AS private_in_kind,
	   NULL::date AS as_of,
	   NULL::boolean AS entry_check
FROM @extschema@.award w
	 JOIN @extschema@.program g ON g.id = w.program_id
	 JOIN @extschema@.province p ON p.code = w.province_code
	 LEFT JOIN @extschema@.award_year y ON y.award_id = w.id;
ALTER VIEW @extschema@.award_entry ALTER COLUMN entry_check SET DEFAULT @extschema@.entry_check();
COMMENT ON VIEW @extschema@.award_entry IS
'the way awards get in: one row per award and fiscal year, with program (name within the first year, or id), reference (과제번호), recipient, business_number, province and municipality (any name or code), first_year, years, fiscal_year (default first_year), grant as any text the funding type reads, and the private cash and in-kind shares as amounts; an award or year loaded again under its reference replaces it';

CREATE FUNCTION @extschema@.award_entry_insert()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	line text := @extschema@.message('program %s, reference %s, recipient %s, fiscal year %s',
						@extschema@.entry_echo(NEW.program), @extschema@.entry_echo(NEW.reference),
						@extschema@.entry_echo(NEW.recipient), coalesce(NEW.fiscal_year, NEW.first_year));
	v_program integer;
	v_province text;
	v_municipality text;
	v_reference text := @extschema@.reference_trim(@extschema@.entry_bounded(NEW.reference, 'reference', line));
	v_number text := regexp_replace(coalesce(NEW.business_number, ''), '[-[:space:]]', '', 'g');
	v_year integer := coalesce(NEW.fiscal_year, NEW.first_year);
	v_award bigint;
BEGIN
	IF v_reference IS NULL OR NEW.recipient IS NULL OR btrim(NEW.recipient) = '' OR NEW.years IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('an award needs a reference, a recipient and its number of years (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	PERFORM @extschema@.entry_plain(v_reference, 'reference', line), @extschema@.entry_plain(NEW.recipient, 'recipient', line);
	IF NOT @extschema@.business_number_valid(v_number) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('invalid business registration number %s (%s)', @extschema@.entry_echo(NEW.business_number), line),
				  ERRCODE = 'invalid_parameter_value',
				  HINT = @extschema@.message('A 사업자등록번호 has ten digits, the last a check digit of the others: 220-81-62517.');
	END IF;
	v_program := @extschema@.entry_program(NEW.program, NEW.first_year, line);
	SELECT r.province_code, r.municipality_code INTO v_province, v_municipality
	FROM @extschema@.entry_region(NEW.province, NEW.municipality, NEW.first_year, NEW.as_of, line) r;
	IF v_province IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('an award belongs to a province (%s)', line),
				  ERRCODE = 'not_null_violation';
	END IF;
	IF v_year < NEW.first_year OR v_year >= NEW.first_year + NEW.years THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('fiscal year %s is outside the award''s term, %s to %s (%s)', v_year, NEW.first_year, NEW.first_year + NEW.years - 1, line),
				  ERRCODE = 'check_violation';
	END IF;

	INSERT INTO @extschema@.award AS w (program_id, first_year, reference, recipient, business_number,
										province_code, municipality_code, years)
	VALUES (v_program, NEW.first_year, v_reference, btrim(NEW.recipient), v_number, v_province, v_municipality, NEW.years)
	ON CONFLICT ON CONSTRAINT award_key DO UPDATE
		SET recipient = EXCLUDED.recipient, business_number = EXCLUDED.business_number,
			province_code = EXCLUDED.province_code, municipality_code = EXCLUDED.municipality_code,
			years = EXCLUDED.years, first_year = EXCLUDED.first_year
	RETURNING w.id INTO v_award;
	-- an award loaded again with a shorter term keeps no year outside it
	IF EXISTS (SELECT 1 FROM @extschema@.award_year y
			   WHERE y.award_id = v_award AND (y.fiscal_year < NEW.first_year OR y.fiscal_year >= NEW.first_year + NEW.years)) THEN
		DELETE FROM @extschema@.award_year y
		WHERE y.award_id = v_award AND (y.fiscal_year < NEW.first_year OR y.fiscal_year >= NEW.first_year + NEW.years);
	END IF;
	IF NEW.grant_amount IS NOT NULL THEN
		INSERT INTO @extschema@.award_year AS y (award_id, fiscal_year, grant_amount, private_cash, private_in_kind)
		VALUES (v_award, v_year, NEW.grant_amount::@extschema@.funding,
				coalesce(@extschema@.parse_amount(NEW.private_cash), 0),
				coalesce(@extschema@.parse_amount(NEW.private_in_kind), 0))
		ON CONFLICT (award_id, fiscal_year) DO UPDATE
			SET grant_amount = EXCLUDED.grant_amount, private_cash = EXCLUDED.private_cash,
				private_in_kind = EXCLUDED.private_in_kind;
	END IF;
	RETURN NEW;
END
$$;
COMMENT ON FUNCTION @extschema@.award_entry_insert() IS
'INSTEAD OF INSERT on award_entry: resolves programme, province and 시·군·구, checks the business number and the year, and inserts or replaces the award and its year';
CREATE TRIGGER award_entry_insert INSTEAD OF INSERT ON @extschema@.award_entry
	FOR EACH ROW EXECUTE FUNCTION @extschema@.award_entry_insert();

-- Programmes are per year: an award's sub-programme in a later year of the
-- award is the programme of that year with its ministry and name.
CREATE VIEW @extschema@.award_program_year AS
SELECT a.id AS award_program_id, g.id AS program_id, g.fiscal_year, g.name_ko
FROM @extschema@.program a
	 JOIN @extschema@.program g ON g.ministry = a.ministry AND g.name_ko = a.name_ko AND g.fiscal_year >= a.fiscal_year
WHERE a.id IN (SELECT w.program_id FROM @extschema@.award w);
COMMENT ON VIEW @extschema@.award_program_year IS
'for the sub-programme of every award (award_program_id, of the award''s first year): the programme of the same ministry and name in each year from then (program_id, fiscal_year), whose budget that year''s awards are counted against';
GRANT SELECT ON @extschema@.award_program_year TO PUBLIC;

-- The terms in force for an award: its sub-programme's, from its first year.
-- 2.0.0: support terms with a cap over the whole period
CREATE OR REPLACE VIEW @extschema@.award_terms AS
SELECT w.id AS award_id, t.support_years, t.annual_cap, t.grant_share, t.valid_from AS terms_from, t.period_cap
FROM @extschema@.award w
	 CROSS JOIN LATERAL (SELECT s.* FROM @extschema@.support_terms s
						 WHERE s.program_id = w.program_id AND s.valid_from <= w.first_year
						 ORDER BY s.valid_from DESC LIMIT 1) t;
COMMENT ON VIEW @extschema@.award_terms IS
'for every award whose sub-programme has support terms: the terms in force in its first year';
-- end of 2.0.0

-- 2.0.0: award_compliance has a typed column per kind of figure, labels and names
-- One row per award and rule it breaks; none for an award that keeps them.
-- Each kind of figure has its own column, typed: years (integer), won
-- (bigint), a share (numeric fraction); the others are NULL.  fiscal_year
-- is the year of the breach, or the award's first year for the rules over
-- its whole term (term, grant_share), never NULL.  A share is printed to as
-- many decimals as it takes to differ from its limit, so that no breach is
-- rounded away.
CREATE FUNCTION @extschema@.share_text(share numeric, share_limit numeric)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT round(100 * share, (SELECT coalesce(min(d), 12) FROM generate_series(1, 12) AS d
								WHERE round(100 * share, d) <> round(100 * share_limit, d)))::text
$$;
COMMENT ON FUNCTION @extschema@.share_text(numeric, numeric) IS
'a share in percent, to as many decimals (1 to 12) as it takes to differ from the limit: a breach is never rounded away';
CREATE VIEW @extschema@.award_compliance AS
WITH totals AS (
	SELECT y.award_id, @extschema@.sum(y.grant_amount) AS grant_amount,
		   sum(y.private_cash) AS private_cash, sum(y.private_in_kind) AS private_in_kind
	FROM @extschema@.award_year y
	GROUP BY y.award_id
), broken AS (
	-- a term longer than the support period
	SELECT w.id AS award_id, 'term' AS rule, 1 AS rule_order, w.first_year AS fiscal_year,
		   w.years::integer AS years, t.support_years::integer AS years_limit,
		   NULL::bigint AS won, NULL::bigint AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('과제 기간 %s년: 지원 기간은 최대 %s년', 'the award runs %s years; the sub-programme supports at most %s (지원 기간)'),
				  w.years, t.support_years) AS explanation
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
	WHERE w.years > t.support_years
	UNION ALL
	-- a year's grant above the yearly cap
	SELECT w.id AS award_id, 'annual_cap' AS rule, 2 AS rule_order, y.fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   @extschema@.total(y.grant_amount) AS won, t.annual_cap AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('%s년도 지원금 %s원: 연 지원 한도 %s원 초과', 'the grant of fiscal year %s is %s원, above the cap of %s원 a year (지원 한도)'), y.fiscal_year,
				  to_char(@extschema@.total(y.grant_amount), 'FM999,999,999,999,999'), to_char(t.annual_cap, 'FM999,999,999,999,999'))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN @extschema@.award_year y ON y.award_id = w.id
	WHERE @extschema@.total(y.grant_amount) > t.annual_cap
	UNION ALL
	-- the grants of the whole term above the cap over the period
	SELECT w.id AS award_id, 'period_cap' AS rule, 3 AS rule_order, w.first_year AS fiscal_year, NULL::integer AS years,
		   NULL::integer AS years_limit, @extschema@.total(s.grant_amount) AS won, t.period_cap AS won_limit,
		   NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('과제 지원금 합계 %s원: 지원기간 총 한도 %s원 초과',
										  'the award''s grants come to %s원 over its term, above the cap of %s원 for the whole period (지원 한도)'),
				  to_char(@extschema@.total(s.grant_amount), 'FM999,999,999,999,999'), to_char(t.period_cap, 'FM999,999,999,999,999'))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN totals s ON s.award_id = w.id
	WHERE @extschema@.total(s.grant_amount) > t.period_cap
	UNION ALL
	-- the grant's share of the project cost above the largest allowed
	SELECT w.id AS award_id, 'grant_share' AS rule, 4 AS rule_order, w.first_year AS fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   NULL::bigint AS won, NULL::bigint AS won_limit, @extschema@.total(s.grant_amount) / c.cost AS share, t.grant_share AS share_limit,
		   format(@extschema@.in_language('지원금이 총사업비의 %s%% (지원금 %s원, 총사업비 %s원): 지원금 비중 %s%% 초과', 'the grant is %s%% of the project cost (%s원 of %s원), above %s%% (지원금 비중)'),
				  @extschema@.share_text(@extschema@.total(s.grant_amount) / c.cost, t.grant_share),
				  to_char(@extschema@.total(s.grant_amount), 'FM999,999,999,999,999'), to_char(c.cost, 'FM999,999,999,999,999'),
				  round(100 * t.grant_share, 1))
	FROM @extschema@.award w JOIN @extschema@.award_terms t ON t.award_id = w.id
		 JOIN totals s ON s.award_id = w.id
		 CROSS JOIN LATERAL (SELECT @extschema@.total(s.grant_amount) + s.private_cash + s.private_in_kind AS cost) c
	WHERE c.cost > 0 AND @extschema@.total(s.grant_amount) > t.grant_share * c.cost
	UNION ALL
	-- the sub-programme's awards above its budget for the year (지원 규모)
	SELECT w.id AS award_id, 'programme_budget' AS rule, 5 AS rule_order, b.fiscal_year, NULL::integer AS years, NULL::integer AS years_limit,
		   b.awarded::bigint AS won, b.budget AS won_limit, NULL::numeric AS share, NULL::numeric AS share_limit,
		   format(@extschema@.in_language('%s %s년도 과제 지원금 합계 %s원: 지원 규모 %s원 초과', 'the awards of %s in fiscal year %s come to %s원, above its budget of %s원 (지원 규모)'), b.name_ko,
				  b.fiscal_year, to_char(b.awarded, 'FM999,999,999,999,999'), to_char(b.budget, 'FM999,999,999,999,999'))
	FROM (SELECT w2.program_id, y.fiscal_year, g.name_ko, @extschema@.total(g.declared) AS budget,
				 sum(@extschema@.total(y.grant_amount)) AS awarded
		  FROM @extschema@.award w2
			   JOIN @extschema@.award_year y ON y.award_id = w2.id
			   JOIN @extschema@.award_program_year py ON py.award_program_id = w2.program_id AND py.fiscal_year = y.fiscal_year
			   JOIN @extschema@.program g ON g.id = py.program_id
		  WHERE g.declared IS NOT NULL
		  GROUP BY w2.program_id, y.fiscal_year, g.name_ko, g.declared) b
		 JOIN @extschema@.award w ON w.program_id = b.program_id
	WHERE b.awarded > b.budget
)
SELECT b.award_id, w.program_id, g.name_ko AS program_name_ko, w.reference, w.recipient,
	   w.province_code, p.name_ko AS province_name_ko, p.short_ko AS province_short_ko, p.sort_order,
	   b.rule, b.rule_order,
	   @extschema@.in_language(CASE b.rule WHEN 'term' THEN '지원 기간' WHEN 'annual_cap' THEN '연 지원 한도'
										   WHEN 'period_cap' THEN '총 지원 한도'
										   WHEN 'grant_share' THEN '지원금 비중' WHEN 'programme_budget' THEN '지원 규모' END,
							   CASE b.rule WHEN 'term' THEN 'support period' WHEN 'annual_cap' THEN 'yearly cap'
										   WHEN 'period_cap' THEN 'cap over the period'
										   WHEN 'grant_share' THEN 'grant share' WHEN 'programme_budget' THEN 'programme budget' END) AS rule_label,
	   b.fiscal_year, b.years, b.years_limit, b.won, b.won_limit, b.share, b.share_limit, b.explanation
FROM broken b
	 JOIN @extschema@.award w ON w.id = b.award_id
	 JOIN @extschema@.program g ON g.id = w.program_id
	 LEFT JOIN @extschema@.province p ON p.code = w.province_code
ORDER BY b.award_id, b.rule_order, b.fiscal_year;
COMMENT ON VIEW @extschema@.award_compliance IS
'one row per award and broken support term: term (years), annual_cap (a year''s grant, won), period_cap (the grants of the whole term, won), grant_share (of the project cost, a fraction), programme_budget (the sub-programme''s awards in a year above its budget, won), each figure and limit in its own typed column, with the rule''s label (Korean, or English under regionpolicy.language = en), the programme''s and province''s names and a sentence; no row for an award that keeps them all';
-- end of 2.0.0

-- 2.0.0: award_totals gives the recipients' shares as bigint won
-- Awarded against budgeted, per sub-programme, province and year: awards
-- are a breakdown of their sub-programme's money, counted apart from it.
CREATE VIEW @extschema@.award_totals AS
SELECT a.program_id, g.name_ko AS program_name_ko, a.province_code, p.short_ko, p.sort_order, a.fiscal_year,
	   a.awards, a.grant_amount AS granted,
	   @extschema@.national(a.grant_amount) AS granted_national,
	   @extschema@.local(a.grant_amount) AS granted_local,
	   @extschema@.total(a.grant_amount) AS granted_total,
	   @extschema@.in_unit(@extschema@.national(a.grant_amount), '억') AS granted_national_eok,
	   @extschema@.in_unit(@extschema@.local(a.grant_amount), '억') AS granted_local_eok,
	   @extschema@.in_unit(@extschema@.total(a.grant_amount), '억') AS granted_total_eok,
	   a.private_cash::bigint AS private_cash, a.private_in_kind::bigint AS private_in_kind,
	   b.budgeted,
	   @extschema@.national(b.budgeted) AS budgeted_national,
	   @extschema@.local(b.budgeted) AS budgeted_local,
	   @extschema@.total(b.budgeted) AS budgeted_total,
	   @extschema@.in_unit(@extschema@.national(b.budgeted), '억') AS budgeted_national_eok,
	   @extschema@.in_unit(@extschema@.local(b.budgeted), '억') AS budgeted_local_eok,
	   @extschema@.in_unit(@extschema@.total(b.budgeted), '억') AS budgeted_total_eok,
	   @extschema@.total(a.grant_amount) - @extschema@.total(b.budgeted) AS over_budget
FROM (SELECT w.program_id, w.province_code, y.fiscal_year, count(DISTINCT w.id) AS awards,
			 @extschema@.sum(y.grant_amount) AS grant_amount, sum(y.private_cash) AS private_cash,
			 sum(y.private_in_kind) AS private_in_kind
	  FROM @extschema@.award w JOIN @extschema@.award_year y ON y.award_id = w.id
	  GROUP BY 1, 2, 3) a
	 JOIN @extschema@.program g ON g.id = a.program_id
	 JOIN @extschema@.province p ON p.code = a.province_code
	 -- the planned lines of the sub-programme's allocation programmes, per
	 -- province and year (a join, not a lateral subquery, which Citus
	 -- cannot plan over a distributed allocation); nothing planned is a
	 -- budget of 0: every column a number, never NULL
	 LEFT JOIN (SELECT py.award_program_id, py.fiscal_year, x.province_code, @extschema@.sum(x.amount) AS amount
				FROM @extschema@.award_program_year py
					 JOIN @extschema@.allocation x ON x.program_id = py.program_id AND x.fiscal_year = py.fiscal_year
				WHERE x.phase = 'planned'
				GROUP BY 1, 2, 3) pb
		ON pb.award_program_id = a.program_id AND pb.fiscal_year = a.fiscal_year AND pb.province_code = a.province_code
	 CROSS JOIN LATERAL (SELECT coalesce(pb.amount, '(0,0)'::@extschema@.funding) AS budgeted) b
ORDER BY a.program_id, p.sort_order, a.fiscal_year;
COMMENT ON VIEW @extschema@.award_totals IS
'per sub-programme, province and fiscal year: what the awards grant (granted: national, local, total, and the recipients'' shares, every won bigint) against the planned allocation of that sub-programme and province (budgeted); over_budget in won';
-- end of 2.0.0
-- 2.0.0: a narrow summary of awards for a terminal
CREATE VIEW @extschema@.award_summary AS
SELECT t.fiscal_year AS 연도, t.program_name_ko AS 사업, t.short_ko AS 시도, t.awards AS 과제,
	   t.granted_total_eok AS 지원금, t.budgeted_total_eok AS 예산
FROM @extschema@.award_totals t;
COMMENT ON VIEW @extschema@.award_summary IS
'award_totals, narrow: 연도, 사업, 시도, 과제 (awards) and 지원금 (granted) against 예산 (budgeted), in 억원';
-- end of 2.0.0
GRANT SELECT ON @extschema@.support_terms, @extschema@.award_terms TO PUBLIC;
-- ============================================================================
-- 9. Access control
-- ============================================================================

-- Access control ("Access control").  Regional officials write only their own province's
-- rows; everyone with SELECT reads everything.
--
-- province_steward maps a role to a province.  Row-level security on
-- allocation and cluster_diagnosis lets a member of a steward role insert
-- and update rows of its provinces only.  Rows of no single province,
-- programmes and policy tables are written only by the tables' owner (who
-- bypasses row-level security) or by roles granted that explicitly;
-- cluster_evaluation by the evaluator role.  Table privileges themselves
-- are the administrator's to grant; see doc/regionpolicy.md.

CREATE TABLE @extschema@.province_steward (
	role_name name NOT NULL,
	province_code text NOT NULL REFERENCES @extschema@.province (code),
	PRIMARY KEY (role_name, province_code)
);
CREATE INDEX province_steward_province_idx ON @extschema@.province_steward (province_code);
COMMENT ON TABLE @extschema@.province_steward IS
'which role stewards which province: members of the role may write that province''s allocations, diagnoses and evaluations';

-- Who is acting: the session's login role (session_user), with every role
-- it is a member of.  A session can become any of those roles by SET ROLE,
-- so the rights of one are the rights of all: a login role that is both a
-- province's steward and an evaluator may not score that province's
-- cluster, whichever role it has set.  Every policy, guard and function
-- here asks the same question.
-- 2.0.0: stewards write on a Citus cluster, and a load asks who they are once
-- The provinces the session stewards.  The policies are checked where the
-- rows are: on a Citus worker, inside a query on a shard, where the
-- stewards are read from their shard on that node (node_table).  On one
-- server the same query is static, so that its plan is kept: each line
-- loaded through allocation_entry is a statement of its own and asks again.
CREATE FUNCTION @extschema@.steward_provinces()
RETURNS text[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	stewards text := @extschema@.node_table('@extschema@.province_steward');
	provinces text[];
BEGIN
	IF stewards = '@extschema@.province_steward'::regclass::text THEN
		RETURN ARRAY(SELECT DISTINCT s.province_code
					 FROM @extschema@.province_steward s
						  JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
					 WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')
					 ORDER BY 1);
	END IF;
	EXECUTE format('SELECT ARRAY(SELECT DISTINCT s.province_code FROM %s s JOIN pg_catalog.pg_roles r ON r.rolname = s.role_name
								  WHERE pg_catalog.pg_has_role(session_user, r.oid, ''MEMBER'') ORDER BY 1)', stewards)
		INTO provinces;
	RETURN provinces;
END
$$;
COMMENT ON FUNCTION @extschema@.steward_provinces() IS
'the provinces stewarded by a role the session''s login role is a member of, whatever role it has set';

-- Does the session act for a role that stewards this province?  False for
-- NULL (rows of no single province).  The policies ask it of every row; it
-- asks steward_provinces() once a statement (src/regionpolicy/steward.c).
CREATE OR REPLACE FUNCTION @extschema@.is_steward_of(province_code text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'regionpolicy_is_steward_of'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_steward_of(text) IS
'true when the session''s login role is a member of a role that stewards the province (false for NULL), whatever role it has set';
-- end of 2.0.0

-- May the session load lines of this province?  The owner of allocation,
-- a superuser or a role that bypasses row-level security may load any; a
-- steward, its provinces'.
CREATE FUNCTION @extschema@.may_load(province_code text)
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT r.rolsuper OR r.rolbypassrls
		   OR pg_catalog.pg_has_role(session_user, c.relowner, 'MEMBER')
		   OR @extschema@.is_steward_of(may_load.province_code)
	FROM pg_catalog.pg_roles r, pg_catalog.pg_class c
	WHERE r.rolname = session_user AND c.oid = '@extschema@.allocation'::pg_catalog.regclass
$$;
COMMENT ON FUNCTION @extschema@.may_load(text) IS
'true when the session may load lines of the province: as the owner of allocation, a superuser, a role that bypasses row-level security, or a steward of the province';

ALTER TABLE @extschema@.allocation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.allocation FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.allocation FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_update ON @extschema@.allocation FOR UPDATE
	USING (@extschema@.is_steward_of(province_code)) WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_delete ON @extschema@.allocation FOR DELETE USING (true);

ALTER TABLE @extschema@.cluster_diagnosis ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_diagnosis FOR SELECT USING (true);
ALTER TABLE @extschema@.cluster_evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.cluster_evaluation FOR SELECT USING (true);
-- The diagnoses' write policies, and the evaluations' (the evaluator's,
-- never a steward's): below.

-- Anyone may use the type and its functions, and read the public facts;
-- budget data is readable by those the administrator grants SELECT to.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;
GRANT SELECT ON @extschema@.province, @extschema@.province_alias, @extschema@.superregion,
	@extschema@.superregion_member, @extschema@.cluster, @extschema@.evaluation_agency,
	@extschema@.committee_figure, @extschema@.stage2_criteria, @extschema@.grade_scale,
	@extschema@.stage_weight, @extschema@.province_steward TO PUBLIC;

-- Who writes what (doc/regionpolicy.md, "Access control").
--
-- Stewards write their own provinces' allocations and diagnoses with the
-- documented privileges: INSERT, and UPDATE of the columns they may change,
-- never table-wide UPDATE or DELETE.  PostgreSQL lets a role that holds
-- table-wide UPDATE, DELETE or TRUNCATE take any table lock, ACCESS
-- EXCLUSIVE included, which would block every province's writers and all
-- readers; with INSERT and column privileges a steward can take at most ROW
-- EXCLUSIVE, which blocks nobody's reads or writes, and row locks reach
-- only its own provinces' rows (the UPDATE policy).  A steward deletes
-- through delete_allocation() and delete_cluster_diagnosis().
--
-- cluster_evaluation is the ministry's: only members of the role
-- regionpolicy_evaluator write it, and never for a cluster of a province
-- they steward.  The answer for another province's row is the same
-- everywhere: an UPDATE reaches only the rows one may write (UPDATE 0 for
-- others'), an insert, a delete or a move of another province's row is
-- refused with 42501.

-- A diagnosis's province: its cluster's in the diagnosis's year.
CREATE POLICY steward_insert ON @extschema@.cluster_diagnosis FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_update ON @extschema@.cluster_diagnosis FOR UPDATE
	USING (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)))
	WITH CHECK (@extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY steward_delete ON @extschema@.cluster_diagnosis FOR DELETE USING (true);

-- An award's province is its own; an award year's, its award's.
CREATE FUNCTION @extschema@.award_province(award_id bigint)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT w.province_code FROM @extschema@.award w WHERE w.id = award_province.award_id $$;
COMMENT ON FUNCTION @extschema@.award_province(bigint) IS 'the province of an award';
ALTER TABLE @extschema@.award ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.award FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.award FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_update ON @extschema@.award FOR UPDATE
	USING (@extschema@.is_steward_of(province_code)) WITH CHECK (@extschema@.is_steward_of(province_code));
CREATE POLICY steward_delete ON @extschema@.award FOR DELETE USING (true);
ALTER TABLE @extschema@.award_year ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON @extschema@.award_year FOR SELECT USING (true);
CREATE POLICY steward_insert ON @extschema@.award_year FOR INSERT
	WITH CHECK (@extschema@.is_steward_of(@extschema@.award_province(award_id)));
CREATE POLICY steward_update ON @extschema@.award_year FOR UPDATE
	USING (@extschema@.is_steward_of(@extschema@.award_province(award_id)))
	WITH CHECK (@extschema@.is_steward_of(@extschema@.award_province(award_id)));
CREATE POLICY steward_delete ON @extschema@.award_year FOR DELETE USING (true);

-- Under row-level security a DELETE could only skip the rows a policy
-- hides; to refuse (42501) rather than silently skip another province's
-- rows, the DELETE policies let writers see every row and this trigger
-- checks the old row.  It acts only where row-level security applies to
-- the current user (a role granted DELETE beyond the documented
-- privileges).
CREATE FUNCTION @extschema@.steward_guard()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	old_province text;
	-- the table's name, also on a Citus shard (named table_shardid)
	tbl text := regexp_replace(TG_TABLE_NAME, '_[0-9]+$', '');
BEGIN
	IF NOT pg_catalog.row_security_active(TG_RELID) THEN
		RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	-- (plpgsql compiles trigger functions per table, so each branch only
	-- ever meets its own row type)
	IF tbl IN ('allocation', 'award') THEN
		old_province := OLD.province_code;
	ELSIF tbl = 'award_year' THEN
		old_province := @extschema@.award_province(OLD.award_id);
	ELSE
		old_province := @extschema@.cluster_province(OLD.cluster_id, OLD.fiscal_year);
	END IF;
	IF NOT @extschema@.is_steward_of(old_province) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to %s a row of province %s in %s', lower(TG_OP), coalesce(old_province, @extschema@.message('(none)')), tbl),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may change its rows.');
	END IF;
	RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
COMMENT ON FUNCTION @extschema@.steward_guard() IS
'trigger: under row-level security, refuses (42501) updates and deletes of rows of provinces the user does not steward';
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.allocation
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.cluster_diagnosis
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.award
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();
CREATE TRIGGER steward_guard BEFORE UPDATE OR DELETE ON @extschema@.award_year
	FOR EACH ROW EXECUTE FUNCTION @extschema@.steward_guard();

-- The evaluation is the ministry's ---------------------------------------------------

CREATE FUNCTION @extschema@.is_evaluator()
RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
	SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
				   WHERE r.rolname = 'regionpolicy_evaluator' AND pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER'))
$$;
COMMENT ON FUNCTION @extschema@.is_evaluator() IS
'true when the session''s login role is a member of the role regionpolicy_evaluator (which the administrator creates), whatever role it has set';

CREATE POLICY evaluator_insert ON @extschema@.cluster_evaluation FOR INSERT
	WITH CHECK (@extschema@.is_evaluator()
				AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY evaluator_update ON @extschema@.cluster_evaluation FOR UPDATE
	USING (@extschema@.is_evaluator()
		   AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)))
	WITH CHECK (@extschema@.is_evaluator()
				AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));
CREATE POLICY evaluator_delete ON @extschema@.cluster_evaluation FOR DELETE
	USING (@extschema@.is_evaluator()
		   AND NOT @extschema@.is_steward_of(@extschema@.cluster_province(cluster_id, fiscal_year)));

-- Deletes by stewards ------------------------------------------------------------------

-- These run as the extension's owner, so that stewards need no DELETE
-- privilege (which would let them lock the whole table).  They act for the
-- session's login role, as every rule here does (is_steward_of), and tell a
-- session that may not read the table nothing of its rows.
CREATE FUNCTION @extschema@.delete_allocation(allocation_id bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text;
BEGIN
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.allocation', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table allocation'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	-- the line's province first, then the line locked by id and province (a
	-- distributed allocation is reached by its province)
	SELECT a.province_code INTO p FROM @extschema@.allocation a WHERE a.id = allocation_id;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	IF p IS NULL THEN
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL FOR UPDATE;
	ELSE
		PERFORM 1 FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p FOR UPDATE;
	END IF;
	IF NOT FOUND THEN
		RETURN false;			-- moved or deleted meanwhile
	END IF;
	IF NOT @extschema@.is_steward_of(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to delete allocation %s of province %s', allocation_id, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may delete its rows; lines of no single province are the owner''s.');
	END IF;
	IF p IS NULL THEN
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code IS NULL;
	ELSE
		DELETE FROM @extschema@.allocation a WHERE a.id = allocation_id AND a.province_code = p;
	END IF;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_allocation(bigint) IS
'deletes an allocation of a province the session''s role stewards (42501 for any other); false when there is no such allocation';

CREATE FUNCTION @extschema@.delete_cluster_diagnosis(cluster_id integer, fiscal_year integer)
RETURNS boolean
LANGUAGE plpgsql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year);
BEGIN
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
				   WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id
					 AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year) THEN
		RETURN false;
	END IF;
	IF NOT @extschema@.is_steward_of(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to delete the diagnosis of cluster %s for fiscal year %s (province %s)', delete_cluster_diagnosis.cluster_id, delete_cluster_diagnosis.fiscal_year, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may delete its diagnoses.');
	END IF;
	DELETE FROM @extschema@.cluster_diagnosis d
	WHERE d.cluster_id = delete_cluster_diagnosis.cluster_id AND d.fiscal_year = delete_cluster_diagnosis.fiscal_year;
	RETURN true;
END
$$;
COMMENT ON FUNCTION @extschema@.delete_cluster_diagnosis(integer, integer) IS
'deletes a diagnosis of a cluster of a province the session''s role stewards (42501 for any other); false when there is none';

-- 2.0.0: a steward's diagnosis, written on a Citus cluster too
-- A diagnosis written as the table's owner, with the rights of the session
-- user checked first: on Citus, where cluster_diagnosis is a reference
-- table, a write locks the reference tables it refers to on the first
-- worker, which takes a write privilege on them that stewards must not
-- have ("Citus").  The session user needs what a direct write needs: INSERT
-- for a new diagnosis, UPDATE of each column a replacement changes, and the
-- stewardship of the cluster's province that year (or to own the table).
CREATE FUNCTION @extschema@.record_cluster_diagnosis(cluster_id integer, fiscal_year integer,
													 requested_stage integer, self_score numeric,
													 has_rnd_body boolean, workforce_program boolean,
													 note text DEFAULT NULL)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := @extschema@.cluster_province(record_cluster_diagnosis.cluster_id, record_cluster_diagnosis.fiscal_year);
	there boolean;
	col text;
BEGIN
	IF cluster_id IS NULL OR fiscal_year IS NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('a diagnosis needs its cluster and fiscal year'),
				  ERRCODE = 'not_null_violation';
	END IF;
	IF NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'SELECT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	there := EXISTS (SELECT 1 FROM @extschema@.cluster_diagnosis d
					 WHERE d.cluster_id = record_cluster_diagnosis.cluster_id
					   AND d.fiscal_year = record_cluster_diagnosis.fiscal_year);
	IF NOT there AND NOT pg_catalog.has_table_privilege(session_user, '@extschema@.cluster_diagnosis', 'INSERT') THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
				  ERRCODE = 'insufficient_privilege';
	END IF;
	IF there THEN
		FOREACH col IN ARRAY CASE WHEN note IS NULL THEN ARRAY['requested_stage', 'self_score', 'has_rnd_body', 'workforce_program']
								  ELSE ARRAY['requested_stage', 'self_score', 'has_rnd_body', 'workforce_program', 'note'] END LOOP
			IF NOT pg_catalog.has_column_privilege(session_user, '@extschema@.cluster_diagnosis', col, 'UPDATE') THEN
				RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied for table cluster_diagnosis'),
						  ERRCODE = 'insufficient_privilege';
			END IF;
		END LOOP;
	END IF;
	IF NOT @extschema@.may_load(p) THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('permission denied to write the diagnosis of cluster %s for fiscal year %s (province %s)', cluster_id, fiscal_year, coalesce(p, @extschema@.message('(none)'))),
				  ERRCODE = 'insufficient_privilege',
				  HINT = @extschema@.message('Only members of the province''s steward role (see province_steward) may write its diagnoses.');
	END IF;
	-- (a diagnosis another session writes meanwhile makes the INSERT fail
	-- on the key, never a replacement the rights were not checked for)
	IF there THEN
		UPDATE @extschema@.cluster_diagnosis d
		SET requested_stage = record_cluster_diagnosis.requested_stage, self_score = record_cluster_diagnosis.self_score,
			has_rnd_body = record_cluster_diagnosis.has_rnd_body,
			workforce_program = record_cluster_diagnosis.workforce_program,
			note = coalesce(record_cluster_diagnosis.note, d.note)
		WHERE d.cluster_id = record_cluster_diagnosis.cluster_id AND d.fiscal_year = record_cluster_diagnosis.fiscal_year;
	ELSE
		INSERT INTO @extschema@.cluster_diagnosis (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body,
												   workforce_program, note)
		VALUES (cluster_id, fiscal_year, requested_stage, self_score, has_rnd_body, workforce_program, note);
	END IF;
	RETURN NOT there;
END
$$;
COMMENT ON FUNCTION @extschema@.record_cluster_diagnosis(integer, integer, integer, numeric, boolean, boolean, text) IS
'writes a cluster''s diagnosis for a fiscal year, or replaces it (its note kept when none is given), with the privileges and stewardship a direct write needs (42501 otherwise); true when it was new. Stewards write diagnoses this way on a Citus cluster';
-- end of 2.0.0

-- A warning at install time -----------------------------------------------------------

-- Any role that can create objects in a schema on the search path can plant
-- a look-alike of a function or operator that then runs as whoever calls
-- it (PostgreSQL's "secure schema usage pattern").  The path checked is the
-- session's default, which later sessions get too (CREATE EXTENSION runs
-- its script under a search_path of its own).  A restore says nothing: the
-- dump restores the schemas' privileges after the extension.
DO $warn$
DECLARE
	writable text;
BEGIN
	IF pg_catalog.current_setting('regionpolicy_install.restoring', true) = 'true' THEN
		RETURN;
	END IF;
	SELECT string_agg(DISTINCT n.nspname, ', ') INTO writable
	FROM pg_catalog.unnest(pg_catalog.string_to_array(
			 (SELECT s.reset_val FROM pg_catalog.pg_settings s WHERE s.name = 'search_path'), ',')) AS e(item)
		 JOIN pg_catalog.pg_namespace n
			  ON n.nspname = pg_catalog.replace(pg_catalog.btrim(pg_catalog.btrim(e.item), '"'), '$user', session_user)
	WHERE pg_catalog.has_schema_privilege('public', n.oid, 'CREATE');
	IF writable IS NOT NULL THEN
		RAISE WARNING USING MESSAGE = @extschema@.message('every role can create objects in schema %s, which is on the search path', writable),
				  DETAIL = @extschema@.message('A function or operator planted there can win over regionpolicy''s and run as whoever calls it.'),
				  HINT = @extschema@.message('REVOKE CREATE ON SCHEMA public FROM PUBLIC, or leave such schemas off the search path: SET search_path = regionpolicy, "$user" (see the README, "Putting regionpolicy on the search path").');
	END IF;
END
$warn$;
-- ============================================================================
-- 10. Your data: ordinary tables
-- ============================================================================

-- The tables that hold what users write (doc/regionpolicy.md, "Your data,
-- pg_dump and DROP EXTENSION") are not members of the extension: they
-- depend on its type, functions and reference tables like any table of
-- yours, so DROP EXTENSION refuses (2BP01, naming them) unless CASCADE
-- says to drop them too, and pg_dump dumps them as ordinary tables after
-- CREATE EXTENSION, their keys, triggers and policies after the data.  The
-- extension's views that read them go with them: a view of the extension
-- must be created by CREATE EXTENSION, before a restore creates the tables
-- it reads, so they are ordinary views too.
--
-- In a restore (part 1) the dump creates them: the ones made above are
-- dropped again.  Nothing else of the extension may depend on them, or a
-- restore would lose it; this block refuses to install if something does.
DO $userdata$
DECLARE
	user_tables regclass[] := ARRAY['@extschema@.allocation', '@extschema@.cluster_diagnosis',
		'@extschema@.cluster_evaluation', '@extschema@.award', '@extschema@.award_year',
		'@extschema@.province_steward', '@extschema@.differential_pool']::regclass[];
	user_views regclass[];
	owned regclass[];
	stray text;
	o regclass;
	k record;
	deferred text;
BEGIN
	WITH RECURSIVE v(oid) AS (
		SELECT r.ev_class
		  FROM pg_catalog.pg_depend d
		  JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
		 WHERE d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass
		   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
		   AND d.refobjid = ANY (user_tables)
		UNION
		SELECT r.ev_class
		  FROM v
		  JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = v.oid
		  JOIN pg_catalog.pg_rewrite r ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
		 WHERE r.ev_class <> v.oid
	)
	SELECT pg_catalog.array_agg(v.oid::regclass ORDER BY v.oid) INTO user_views FROM v;
	SELECT pg_catalog.array_agg(d.objid::regclass ORDER BY d.objid) INTO owned
	  FROM pg_catalog.pg_depend d
	  JOIN pg_catalog.pg_class c ON c.oid = d.objid AND c.relkind = 'S'
	 WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
	   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
	   AND d.refobjid = ANY (user_tables) AND d.deptype IN ('a', 'i');
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, 0), ', ') INTO stray
	  FROM pg_catalog.pg_depend d
	  JOIN pg_catalog.pg_depend m ON m.classid = d.classid AND m.objid = d.objid AND m.deptype = 'e'
	 WHERE d.deptype = 'n'
	   AND NOT (d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = ANY (user_tables || user_views))
	   AND ((d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = ANY (user_tables || user_views))
			OR (d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
				AND d.refobjid IN (SELECT c.reltype FROM pg_catalog.pg_class c WHERE c.oid = ANY (user_tables || user_views))));
	IF stray IS NOT NULL THEN
		RAISE EXCEPTION USING MESSAGE = @extschema@.message('objects of regionpolicy depend on its user tables: %s', stray),
				  ERRCODE = 'internal_error',
				  DETAIL = @extschema@.message('A restore creates the user tables after CREATE EXTENSION, so nothing the extension creates may depend on them but the views that go with them.');
	END IF;

	IF pg_catalog.current_setting('regionpolicy_install.restoring', true) = 'true' THEN
		EXECUTE pg_catalog.format('DROP VIEW %s', pg_catalog.array_to_string(user_views, ', '));
		EXECUTE pg_catalog.format('DROP TABLE %s', pg_catalog.array_to_string(user_tables, ', '));
		-- A restore's session runs with row_security off; Citus creates the
		-- schema on its workers, then the extension, then the tables.
		IF pg_catalog.current_setting('row_security') <> 'off'
		   AND pg_catalog.current_setting('citus.enable_ddl_propagation', true) IS DISTINCT FROM 'off' THEN
			RAISE WARNING USING MESSAGE = @extschema@.message('regionpolicy was installed without its user tables, for a restore: schema "%s" existed before CREATE EXTENSION', '@extschema@'),
					  DETAIL = @extschema@.message('A dump creates %s and the views that read them after the extension; without one they are missing.',
												 pg_catalog.array_to_string(user_tables, ', ')),
					  HINT = @extschema@.message('If this is not a restore: DROP EXTENSION regionpolicy; DROP SCHEMA %s; then CREATE EXTENSION regionpolicy, which creates the schema.', '@extschema@');
		END IF;
		RETURN;
	END IF;

	-- Their keys to the extension's tables are NOT VALID: every row is
	-- checked when written, as by any key, but a restore does not check the
	-- rows again when it adds the key, which pg_restore -j may do before it
	-- has loaded the administrators' rows of the extension's tables that
	-- the rows refer to (it orders the extension's data against nothing).
	-- Altering a key alters the table it references, which must have no
	-- deferred trigger events pending: the deferred key checks of the
	-- extension's tables are run now, and deferred again after.
	SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', n.nspname, c.conname), ', ') INTO deferred
	  FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
	 WHERE c.contype = 't' AND c.condeferred AND n.nspname = '@extschema@';
	IF deferred IS NOT NULL THEN
		EXECUTE 'SET CONSTRAINTS ' || deferred || ' IMMEDIATE';
	END IF;
	FOR k IN SELECT c.conrelid::regclass AS tbl, c.conname, pg_catalog.pg_get_constraintdef(c.oid) AS def
			   FROM pg_catalog.pg_constraint c
			   JOIN pg_catalog.pg_depend e ON e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
										  AND e.objid = c.confrelid AND e.deptype = 'e'
			  WHERE c.contype = 'f' AND c.conrelid = ANY (user_tables) AND c.convalidated
			  ORDER BY c.conrelid, c.conname LOOP
		EXECUTE pg_catalog.format('ALTER TABLE %s DROP CONSTRAINT %I, ADD CONSTRAINT %I %s NOT VALID',
								  k.tbl, k.conname, k.conname, k.def);
	END LOOP;
	IF deferred IS NOT NULL THEN
		EXECUTE 'SET CONSTRAINTS ' || deferred || ' DEFERRED';
	END IF;
	FOREACH o IN ARRAY coalesce(user_views, '{}') LOOP
		EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP VIEW %s', o);
	END LOOP;
	FOREACH o IN ARRAY user_tables LOOP
		EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP TABLE %s', o);
	END LOOP;
	FOREACH o IN ARRAY coalesce(owned, '{}') LOOP
		IF EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
				   WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND e.objid = o AND e.deptype = 'e') THEN
			EXECUTE pg_catalog.format('ALTER EXTENSION regionpolicy DROP SEQUENCE %s', o);
		END IF;
	END LOOP;
END
$userdata$;
-- 2.0.0: a description of every column of every view
-- ============================================================================
-- 11. Descriptions of the views' columns
-- ============================================================================

-- BI tools show a column's COMMENT as its description ("BI tools and
-- spreadsheets").  Every column of every view of the schema gets one, by
-- its name: the same name means the same thing in every view.  A column a
-- later version adds without a description here fails test/37_bi.sql.
DO $comments$
DECLARE
	c record;
	part text;
	what text;
	description text;
BEGIN
	FOR c IN
		SELECT v.oid::pg_catalog.regclass AS view, a.attname::text AS col
		  FROM pg_catalog.pg_class v
		  JOIN pg_catalog.pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped
		 WHERE v.relnamespace = '@extschema@'::pg_catalog.regnamespace AND v.relkind = 'v'
		   AND pg_catalog.col_description(v.oid, a.attnum) IS NULL
	LOOP
		description := CASE c.col
			WHEN 'fiscal_year' THEN '회계연도 (fiscal year)'
			WHEN 'province_code' THEN '시·도 코드 (행정표준코드); NULL: no single province'
			WHEN 'province' THEN '시·도 (as written in the load)'
			WHEN 'province_name' THEN '시·도 이름 (full name)'
			WHEN 'province_name_ko' THEN '시·도 이름 (full name)'
			WHEN 'province_short' THEN '시·도 약칭 (short name)'
			WHEN 'province_short_ko' THEN '시·도 약칭 (short name)'
			WHEN 'short_ko' THEN '약칭 (short name)'
			WHEN 'name_ko' THEN '이름 (name)'
			WHEN 'sort_order' THEN 'order of Korean statistics (sort by it)'
			WHEN 'phase' THEN 'budget phase: planned, approved, adjusted, executed (never add phases together)'
			WHEN 'phase_ko' THEN '예산 단계 (계획, 확정, 추경, 집행), always Korean'
			WHEN 'ministry' THEN 'ministry code: MSS, MOTIE'
			WHEN 'ministry_ko' THEN '부처 (ministry), always Korean'
			WHEN 'program_id' THEN '사업 id (programme)'
			WHEN 'program' THEN '사업 (programme, as written in the load)'
			WHEN 'program_name_ko' THEN '사업명 (programme name)'
			WHEN 'municipality_code' THEN '시·군·구 코드'
			WHEN 'municipality' THEN '시·군·구 (as written in the load)'
			WHEN 'cluster_id' THEN '지역혁신협력지구 id (cluster)'
			WHEN 'cluster_name_ko' THEN '지역혁신협력지구 이름 (cluster name)'
			WHEN 'amount' THEN 'funding: 국비 and 지방비 (display; use the bigint columns in tools)'
			WHEN 'won' THEN 'won, exact (bigint)'
			WHEN 'eok' THEN '억원, exact decimal (display: most tools read it as a float)'
			WHEN 'part' THEN 'national, local or other'
			WHEN 'part_ko' THEN '국비, 지방비 or 기타'
			WHEN 'part_order' THEN '1 국비, 2 지방비, 3 기타 (stack in this order)'
			WHEN 'other' THEN '기타 (other money: neither 국비 nor 지방비; funds, 민자, bonds, own share), won (bigint, exact)'
			WHEN 'other_eok' THEN '기타 (other money), 억원, exact decimal (display)'
			WHEN '기타' THEN '기타 (other money, outside 합계), 억원'
			WHEN 'reference' THEN 'the line''s or award''s own reference (사업번호, 과제번호)'
			WHEN 'note' THEN 'note'
			WHEN 'pool' THEN 'the national pool of the fiscal year, won (bigint)'
			WHEN 'pool_eok' THEN 'the national pool, 억원'
			WHEN 'unit' THEN 'shares are whole multiples of this many won'
			WHEN 'stage' THEN '단계 (1 or 2)'
			WHEN 'score' THEN '성과평가 점수 (0 to 100)'
			WHEN 'grade' THEN '등급 (grade)'
			WHEN 'coefficient' THEN 'the grade''s funding coefficient'
			WHEN 'weight' THEN 'the cluster''s weight in the split'
			WHEN 'compliant' THEN 'runs every mandatory programme'
			WHEN 'problems' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'problem' THEN 'what is missing, Korean or English (regionpolicy.language)'
			WHEN 'explanation' THEN 'the rule broken, in a sentence (Korean or English)'
			WHEN 'likely_slip' THEN 'a figure that looks like a slip of the needed one (Korean or English)'
			WHEN 'refusal' THEN 'why stage 2 was refused (Korean or English)'
			ELSE NULL END;
		IF description IS NULL THEN
			-- money: [prefix_](national|local|total)[_eok]
			part := substring(c.col FROM '(national|local|total)(_eok)?$');
			IF part IS NOT NULL THEN
				what := pg_catalog.replace(substring(c.col FROM '^(.*?)_?(national|local|total)(_eok)?$'), '_', ' ');
				description := CASE part WHEN 'national' THEN '국비 (national funds)' WHEN 'local' THEN '지방비 (local funds)'
										  ELSE '합계 (total)' END
							   || CASE WHEN what <> '' THEN ', ' || what ELSE '' END
							   || CASE WHEN c.col LIKE '%\_eok' THEN ', 억원, exact decimal (display)' ELSE ', won (bigint, exact)' END;
			ELSE
				description := pg_catalog.replace(c.col, '_', ' ');
			END IF;
		END IF;
		EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', c.view, c.col, description);
	END LOOP;
END
$comments$;
-- end of 2.0.0
-- 2.0.0: a check of a load before it runs
-- ============================================================================
-- 12. Checking a load
-- ============================================================================

-- check_allocations(table, …) reads a table of lines as load_allocations
-- would, with the same arguments, and returns every problem it finds, each
-- with the line of the source, the column, the value, the SQLSTATE and the
-- message the load would give, and a suggestion where a name is close to
-- one it knows (doc/regionpolicy.md, "Checking a load").  It writes
-- nothing; a table it returns nothing for loads.

-- What became of a 시·군·구 in a fiscal year it did not exist in: the
-- successors of one that had ended (its successor, and the 시·군·구 that
-- began that day from it, by their recorded source), or the day it began.
CREATE FUNCTION @extschema@.municipality_successors(code text, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT CASE
	WHEN v.valid_to <= make_date(fiscal_year, 1, 1)
	THEN @extschema@.message('%s %s ended on %s; its successors: %s', r.short_ko, v.name_ko, v.valid_to,
				(SELECT string_agg(format('%s (%s)', s.name_ko, s.code), ', ' ORDER BY s.code)
				 FROM @extschema@.municipality s
				 WHERE s.code = v.successor_code
					OR (s.valid_from = v.valid_to AND s.province_code = v.province_code AND s.source LIKE '%' || v.code || '%')))
	WHEN v.valid_from > make_date(fiscal_year, 12, 31)
	THEN @extschema@.message('%s %s begins on %s', r.short_ko, v.name_ko, v.valid_from) END
FROM @extschema@.municipality v JOIN @extschema@.province r ON r.code = v.province_code
WHERE v.code = municipality_successors.code
$$;
COMMENT ON FUNCTION @extschema@.municipality_successors(text, integer) IS
'what became of a 시·군·구 in a fiscal year it did not exist in: its successors, or the day it began';

-- A suggestion for a name a line gives that means nothing there: the name
-- of a province or 시·군·구 it resembles, the province a 시·군·구 of that
-- name lies in, the successors of one that had ended.
CREATE FUNCTION @extschema@.entry_suggestion(province text, municipality text, fiscal_year integer)
RETURNS text
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	p text := btrim(province);
	m text := btrim(regexp_replace(municipality, '\s+', ' ', 'g'));
	first_day date := make_date(fiscal_year, 1, 1);
	last_day date := make_date(fiscal_year, 12, 31);
	given text;
	found text;
BEGIN
	IF coalesce(p, '') <> '' THEN
		BEGIN
			given := @extschema@.province_code_in_year(p, fiscal_year);
		EXCEPTION WHEN invalid_parameter_value THEN
			given := NULL;
		END;
	END IF;
	IF coalesce(m, '') <> '' THEN
		IF m ~ '^[0-9]{5}$' THEN
			-- a code: when it ended, its successors; when it began
			SELECT @extschema@.municipality_successors(v.code, fiscal_year) INTO found
			FROM @extschema@.municipality v WHERE v.code = m;
			RETURN found;
		END IF;
		IF position(' ' IN m) > 0 THEN
			-- "경남 해운대구": its province and 시·군·구
			BEGIN
				given := coalesce(given, @extschema@.province_code_in_year(split_part(m, ' ', 1), fiscal_year));
			EXCEPTION WHEN invalid_parameter_value THEN
				NULL;
			END;
			m := substr(m, position(' ' IN m) + 1);
		END IF;
		-- one of the province's that had ended: its successors
		SELECT string_agg(@extschema@.municipality_successors(v.code, fiscal_year), '; ') INTO found
		FROM @extschema@.municipality v
		WHERE v.name_ko = m AND v.province_code = given AND v.valid_to <= first_day;
		IF found IS NOT NULL THEN
			RETURN found;
		END IF;
		-- where a 시·군·구 of that name lies that year
		SELECT string_agg(@extschema@.message('%s is in %s', v.name_ko, r.short_ko), ', ' ORDER BY r.sort_order) INTO found
		FROM @extschema@.municipality v JOIN @extschema@.province r ON r.code = v.province_code
		WHERE v.name_ko = m AND v.province_code IS DISTINCT FROM given
		  AND (v.valid_from IS NULL OR v.valid_from <= last_day) AND (v.valid_to IS NULL OR v.valid_to > first_day);
		IF found IS NOT NULL THEN
			RETURN found || coalesce(', not ' || (SELECT r.short_ko FROM @extschema@.province r WHERE r.code = given), '');
		END IF;
		-- one that had ended anywhere
		SELECT string_agg(@extschema@.municipality_successors(v.code, fiscal_year), '; ') INTO found
		FROM @extschema@.municipality v WHERE v.name_ko = m AND v.valid_to <= first_day;
		IF found IS NOT NULL THEN
			RETURN found;
		END IF;
		-- a name it resembles
		SELECT @extschema@.message('did you mean %s %s?', r.short_ko, v.name_ko) INTO found
		FROM @extschema@.municipality v JOIN @extschema@.province r ON r.code = v.province_code
		WHERE (v.valid_from IS NULL OR v.valid_from <= last_day) AND (v.valid_to IS NULL OR v.valid_to > first_day)
		  AND (given IS NULL OR v.province_code = given)
		  AND (v.name_ko LIKE m || '%' OR m LIKE v.name_ko || '%' OR v.name_ko LIKE left(m, char_length(m) - 1) || '_')
		ORDER BY abs(char_length(v.name_ko) - char_length(m)), r.sort_order LIMIT 1;
		RETURN found;
	END IF;
	IF coalesce(p, '') <> '' AND given IS NULL THEN
		-- the province whose names share most of the text's characters
		SELECT @extschema@.message('did you mean %s (%s)?', r.name_ko, r.code) INTO found
		FROM @extschema@.province r
			 CROSS JOIN LATERAL (SELECT count(*) AS shared FROM regexp_split_to_table(p, '') AS c
								 WHERE position(c IN r.name_ko || r.short_ko) > 0) x
		WHERE (r.valid_from IS NULL OR r.valid_from <= last_day) AND (r.valid_to IS NULL OR r.valid_to > first_day)
		  AND x.shared * 2 >= char_length(p)
		ORDER BY x.shared DESC, r.sort_order LIMIT 1;
		RETURN found;
	END IF;
	RETURN NULL;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_suggestion(text, text, integer) IS
'a suggestion for a province or 시·군·구 a line names that means nothing there: where a 시·군·구 of that name lies, the successors of one that had ended, a name it resembles';

-- A programme's suggestion: the same name in other years, or a name of
-- the year it resembles.
CREATE FUNCTION @extschema@.entry_program_suggestion(program text, fiscal_year integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
SELECT coalesce(
	(SELECT @extschema@.message('a programme of that name exists in fiscal year %s', string_agg(DISTINCT g.fiscal_year::text, ', '))
	 FROM @extschema@.program g WHERE g.name_ko = btrim(program) HAVING count(*) > 0),
	(SELECT @extschema@.message('did you mean %s (id %s)?', g.name_ko, g.id)
	 FROM @extschema@.program g
		  CROSS JOIN LATERAL (SELECT count(*) AS shared FROM regexp_split_to_table(btrim(program), '') AS c
							  WHERE c <> ' ' AND position(c IN g.name_ko) > 0) x
	 WHERE g.fiscal_year = entry_program_suggestion.fiscal_year AND x.shared * 2 >= char_length(btrim(program))
	 ORDER BY x.shared DESC, g.id LIMIT 1))
$$;
COMMENT ON FUNCTION @extschema@.entry_program_suggestion(text, integer) IS
'a suggestion for a programme a line names that does not exist in its year';

-- One check of one value: the error it raises, as a row, or none.
CREATE FUNCTION @extschema@.entry_problem(what text, a text, b text, c text, d text, e text, fiscal_year integer,
										  as_of date, line text, OUT state text, OUT message text)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	CASE what
		WHEN 'program' THEN PERFORM @extschema@.entry_program(a, fiscal_year, line);
		WHEN 'region' THEN PERFORM @extschema@.entry_region(a, b, fiscal_year, as_of, line);
		WHEN 'amount' THEN PERFORM @extschema@.entry_amount(a, b, @extschema@.entry_local(c, d), e, line);
		WHEN 'other' THEN PERFORM @extschema@.entry_other(a, b, line);
		WHEN 'ministry' THEN PERFORM @extschema@.entry_ministry(a, fiscal_year, line);
		-- (a reference is bounded and stored trimmed, a note kept as it is)
		WHEN 'text' THEN PERFORM @extschema@.entry_bounded(CASE b WHEN 'reference' THEN a END, b, line),
								 @extschema@.entry_plain(CASE b WHEN 'reference' THEN @extschema@.reference_trim(a) ELSE a END, b, line);
	END CASE;
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_problem(text, text, text, text, text, text, integer, date, text) IS
'the SQLSTATE and message a check of a load''s value raises, or NULLs';

-- A line's money as a load reads it, or the error it gives.  Numbers
-- with thousands separators in a unit, short enough that no unit makes
-- them overflow, are read without catching errors: they cannot fail.
CREATE FUNCTION @extschema@.entry_amount_checked(amount text, "national" text, local text, local2 text, unit text, line text,
												 OUT amount_read @extschema@.funding, OUT state text, OUT message text)
LANGUAGE plpgsql STABLE PARALLEL RESTRICTED
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	plain constant text := @extschema@.entry_number_pattern();
BEGIN
	IF amount IS NULL AND unit IN ('원', '천원', '백만원', '억', '억원')
	   AND coalesce("national", '0') ~ plain AND coalesce(local, '0') ~ plain AND coalesce(local2, '0') ~ plain
	   AND length(coalesce("national", '')) < 12 AND length(coalesce(local, '')) < 12 AND length(coalesce(local2, '')) < 12 THEN
		amount_read := @extschema@.funding(coalesce("national", '0'), coalesce(@extschema@.entry_local(local, local2), '0'), unit);
		RETURN;
	END IF;
	BEGIN
		amount_read := @extschema@.entry_amount(amount, "national", @extschema@.entry_local(local, local2), unit, line);
	EXCEPTION WHEN OTHERS THEN
		GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
	END;
END
$$;
COMMENT ON FUNCTION @extschema@.entry_amount_checked(text, text, text, text, text, text) IS
'a line''s money as load_allocations reads it, or the SQLSTATE and message of its refusal';

CREATE FUNCTION @extschema@.check_allocations(lines regclass, unit text DEFAULT NULL,
											  new_programs boolean DEFAULT false, ministry text DEFAULT NULL)
RETURNS TABLE (line bigint, column_name text, value text, sqlstate text, message text, suggestion text)
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	load_ministry text := ministry;
BEGIN
	PERFORM @extschema@.entry_stage(lines, unit);
	CREATE TEMP TABLE rp_problems (line bigint, column_name text, value text, sqlstate text, message text, suggestion text)
		ON COMMIT DROP;
	-- a line's place and year
	INSERT INTO rp_problems
	SELECT l.line, 'fiscal_year', NULL, '23502', @extschema@.message('fiscal_year is missing (line %s)', l.line), NULL
	FROM rp_lines l WHERE l.fiscal_year IS NULL;
	INSERT INTO rp_problems
	SELECT l.line, 'phase', l.phase, '23514',
		   @extschema@.message('phase %s is not one of planned, approved, adjusted, executed (line %s)', @extschema@.entry_echo(l.phase), l.line),
		   NULL
	FROM rp_lines l WHERE l.phase NOT IN ('planned', 'approved', 'adjusted', 'executed');
	-- references and notes
	INSERT INTO rp_problems
	SELECT l.line, t.col, t.val, p.state, p.message, NULL
	FROM rp_lines l
		 CROSS JOIN LATERAL (VALUES ('reference', l.given_reference), ('note', l.note)) AS t(col, val)
		 CROSS JOIN LATERAL @extschema@.entry_problem('text', t.val, t.col, NULL, NULL, NULL, l.fiscal_year, NULL,
													  @extschema@.message('line %s', l.line)) p
	WHERE t.val IS NOT NULL AND ((t.col = 'reference' AND length(t.val) > 200) OR t.val ~ '^\s*[-=+@\t\r]') AND p.state IS NOT NULL;
	-- programmes and regions, each looked up once, every line listed
	-- (each distinct value checked once, then joined to its lines)
	WITH k AS MATERIALIZED (
		SELECT g.program, g.fiscal_year, p.state, p.message
		FROM (SELECT DISTINCT program, fiscal_year FROM rp_lines WHERE fiscal_year IS NOT NULL) g,
			 LATERAL @extschema@.entry_problem('program', g.program, NULL, NULL, NULL, NULL, g.fiscal_year, NULL,
											   @extschema@.message('program %s, fiscal year %s', @extschema@.entry_echo(g.program), g.fiscal_year)) p
		WHERE p.state IS NOT NULL)
	INSERT INTO rp_problems
	SELECT l.line, 'program', l.program, k.state, k.message,
		   CASE WHEN k.state = '23503' THEN @extschema@.entry_program_suggestion(l.program, l.fiscal_year) END
	FROM rp_lines l
		 JOIN k ON k.program IS NOT DISTINCT FROM l.program AND k.fiscal_year = l.fiscal_year
	-- a programme the load would create is no problem; its ministry may be
	WHERE NOT (new_programs AND k.state = '23503' AND btrim(l.program) !~ '^[0-9]{1,9}$');
	IF new_programs THEN
		INSERT INTO rp_problems
		SELECT l.line, 'ministry', coalesce(nullif(btrim(l.ministry), ''), load_ministry),
			   coalesce(p.state, '22023'),
			   coalesce(p.message, @extschema@.message('new program %s of fiscal year %s has no ministry (line %s)',
										  @extschema@.entry_echo(btrim(l.program)), l.fiscal_year, l.line)),
			   CASE WHEN p.state IS NULL THEN 'give load_allocations(…, ministry => ''MOIS'') (or ''자체사업''), or a ministry column' END
		FROM rp_lines l
			 LEFT JOIN LATERAL @extschema@.entry_problem('ministry', coalesce(nullif(btrim(l.ministry), ''), load_ministry),
														 NULL, NULL, NULL, NULL, l.fiscal_year, NULL, @extschema@.message('line %s', l.line)) p
				ON coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NOT NULL
		WHERE coalesce(btrim(l.program), '') <> '' AND btrim(l.program) !~ '^[0-9]{1,9}$' AND l.fiscal_year IS NOT NULL
		  AND NOT EXISTS (SELECT 1 FROM @extschema@.program g WHERE g.name_ko = btrim(l.program) AND g.fiscal_year = l.fiscal_year)
		  AND (coalesce(nullif(btrim(l.ministry), ''), load_ministry) IS NULL OR p.state IS NOT NULL);
	END IF;
	WITH k AS MATERIALIZED (
		SELECT g.province, g.municipality, g.fiscal_year, g.as_of, p.state, p.message,
			   @extschema@.entry_suggestion(g.province, g.municipality, g.fiscal_year) AS suggestion
		FROM (SELECT DISTINCT province, municipality, fiscal_year, as_of FROM rp_lines WHERE fiscal_year IS NOT NULL) g,
			 LATERAL @extschema@.entry_problem('region', g.province, g.municipality, NULL, NULL, NULL, g.fiscal_year, g.as_of,
											   @extschema@.message('province %s, municipality %s, fiscal year %s', @extschema@.entry_echo(g.province),
													  @extschema@.entry_echo(g.municipality), g.fiscal_year)) p
		WHERE p.state IS NOT NULL)
	INSERT INTO rp_problems
	SELECT l.line, CASE WHEN coalesce(btrim(l.municipality), '') <> '' THEN 'municipality' ELSE 'province' END,
		   coalesce(nullif(btrim(l.municipality), ''), l.province), k.state, k.message, k.suggestion
	FROM rp_lines l
		 JOIN k ON k.province IS NOT DISTINCT FROM l.province AND k.municipality IS NOT DISTINCT FROM l.municipality
			  AND k.fiscal_year = l.fiscal_year AND k.as_of IS NOT DISTINCT FROM l.as_of;
	-- the money, line by line (entry_amount_checked reads numbers as
	-- budget tables print them without catching errors)
	CREATE TEMP TABLE rp_amounts ON COMMIT DROP AS
	SELECT l.line, l.phase, CASE WHEN l.amount IS NOT NULL THEN 'amount' ELSE 'national, local' END AS column_name,
		   coalesce(l.amount, concat_ws(', ', l."national", l.local, l.local2)) AS value, p.amount_read AS amount, p.state, p.message
	FROM rp_lines l,
		 LATERAL @extschema@.entry_amount_checked(l.amount, l."national", l.local, l.local2, l.unit, @extschema@.message('line %s', l.line)) p;
	INSERT INTO rp_problems
	SELECT a.line, a.column_name, a.value, a.state, a.message, NULL FROM rp_amounts a WHERE a.state IS NOT NULL;
	INSERT INTO rp_problems
	SELECT l.line, 'other', o.v, p.state, p.message, NULL
	FROM rp_lines l
		 CROSS JOIN LATERAL unnest(l.others) AS o(v)
		 CROSS JOIN LATERAL @extschema@.entry_problem('other', o.v, l.other_unit, NULL, NULL, NULL, l.fiscal_year, NULL,
													  @extschema@.message('line %s', l.line)) p
	WHERE o.v IS NOT NULL
	  AND NOT (l.other_unit IN ('원', '천원', '백만원', '억', '억원') AND length(o.v) < 12 AND o.v ~ @extschema@.entry_number_pattern())
	  AND p.state IS NOT NULL;
	-- a plan or budget below zero
	INSERT INTO rp_problems
	SELECT a.line, a.column_name, a.value, '23514', @extschema@.message('a %s amount is not negative (line %s)', a.phase, a.line),
		   'only adjusted and executed lines may be negative'
	FROM rp_amounts a
	WHERE a.phase IN ('planned', 'approved') AND (@extschema@.national(a.amount) < 0 OR @extschema@.local(a.amount) < 0);
	-- the same line twice in the load: same programme, region, year, phase
	-- and reference (or, without one, the same amount as written)
	INSERT INTO rp_problems
	SELECT d.second, 'reference', d.reference, '23505',
		   @extschema@.message('lines %s and %s of the load are the same line', d.first, d.second),
		   'give each line its own reference, or load the line once'
	FROM (SELECT l.line AS second, l.reference,
				 first_value(l.line) OVER w AS first, row_number() OVER w AS n
		  FROM rp_lines l
		  WINDOW w AS (PARTITION BY l.program, l.province, l.municipality, l.fiscal_year, l.phase, l.reference,
							  CASE WHEN l.reference IS NULL THEN concat_ws('|', l.amount, l."national", l.local, l.local2, l.unit) END
					   ORDER BY l.line)) d
	WHERE d.n > 1;
	-- a line without a reference identical to one with a reference (the
	-- same amount as read), which would double the total
	WITH k AS (
		SELECT l.line, l.reference IS NULL AS unreferenced, l.program, coalesce(l.province, '') AS province,
			   coalesce(l.municipality, '') AS municipality, l.fiscal_year, l.phase, a.amount
		FROM rp_lines l JOIN rp_amounts a ON a.line = l.line)
	INSERT INTO rp_problems
	SELECT p.second, 'reference', NULL, '23505',
		   @extschema@.message('lines %s and %s of the load are the same line', p.first, p.second),
		   'give each line its own reference, or load the line once'
	FROM (SELECT DISTINCT least(x.line, y.line) AS first, greatest(x.line, y.line) AS second
		  FROM k y
			   JOIN k x ON x.program = y.program AND x.province = y.province AND x.municipality = y.municipality
						   AND x.fiscal_year = y.fiscal_year AND x.phase = y.phase AND x.amount OPERATOR(@extschema@.=) y.amount
		  WHERE y.unreferenced AND NOT x.unreferenced) p;
	-- an aggregate row is one problem: it is to be left out, not mended
	DELETE FROM rp_problems x
	USING rp_lines l
	WHERE x.line = l.line AND x.column_name NOT IN ('municipality', 'province')
	  AND (btrim(l.municipality) ~ '(\*|계)$' OR btrim(l.province) ~ '(\*|계)$');
	RETURN QUERY SELECT * FROM rp_problems ORDER BY 1, 2;
	DROP TABLE rp_problems, rp_amounts, rp_lines;
END
$$;
COMMENT ON FUNCTION @extschema@.check_allocations(regclass, text, boolean, text) IS
'checks a table of lines as load_allocations would load it, writing nothing: every problem, with the line, the column, the value, the SQLSTATE, the message and, for a name it does not know, a suggestion';
-- end of 2.0.0
