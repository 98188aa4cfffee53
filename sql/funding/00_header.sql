-- funding: a split of one amount of money between national (국비) and local
-- (지방비) funds, exact to the won: the type, its operators, operator
-- classes, aggregates and casts, and the amount reader and writer
-- (doc/regionpolicy.md, "The funding type").
--
-- Made by make from sql/funding/*.sql in order: edit those, not the made
-- script.  The extension is relocatable: every object is created in the
-- schema CREATE EXTENSION chose, the first on the search_path PostgreSQL
-- sets for this script, and no function body names a schema, so that
-- ALTER EXTENSION funding SET SCHEMA moves all of it.  PostgreSQL searches
-- pg_catalog before that schema, so no planted object wins a name here.
\echo Use "CREATE EXTENSION funding" to load this file. \quit

-- The database encodings funding supports: UTF8, and EUC_KR, the encoding of
-- many Korean legacy databases.  PostgreSQL converts this script to the
-- database encoding before it runs, and refuses (22P05) an encoding that
-- cannot hold Hangul, naming it; an SQL_ASCII database is not converted, so
-- this check is what refuses it.  (Its messages are ASCII.)
DO $encoding$
BEGIN
	IF pg_catalog.getdatabaseencoding() NOT IN ('UTF8', 'EUC_KR') THEN
		RAISE EXCEPTION 'funding cannot be installed in a % database', pg_catalog.getdatabaseencoding()
			USING ERRCODE = 'feature_not_supported',
				  DETAIL = 'It reads and writes Korean amounts (929억원), which need a database encoding that holds Hangul: UTF8 or EUC_KR.',
				  HINT = 'Create the database with ENCODING ''UTF8'' (or ''EUC_KR'' for a Korean legacy system), for example CREATE DATABASE budget ENCODING ''UTF8'' TEMPLATE template0.';
	END IF;
END
$encoding$;

-- regionpolicy 1.x held this type itself: in such a database the type is
-- taken over, not made a second time (doc/regionpolicy.md, "Moving from
-- 1.x").
DO $adopt$
DECLARE
	held text;
BEGIN
	SELECT pg_catalog.format('%I.funding', n.nspname) INTO held
	  FROM pg_catalog.pg_type t
	  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
	  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
		AND d.objid = t.oid AND d.deptype = 'e'
	  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'regionpolicy'
	 WHERE t.typname = 'funding';
	IF held IS NOT NULL THEN
		RAISE EXCEPTION 'the type % belongs to regionpolicy, an older version', held
			USING ERRCODE = 'object_in_use',
				  DETAIL = 'regionpolicy 1.x holds the funding type itself; from 2.0 the extension funding holds it.',
				  HINT = pg_catalog.format('Take it over instead: CREATE EXTENSION funding VERSION ''1.3.0'' SCHEMA %s; ALTER EXTENSION funding UPDATE; ALTER EXTENSION regionpolicy UPDATE; (from regionpolicy 1.0.0 to 1.2.0, first ALTER EXTENSION regionpolicy UPDATE TO ''1.3.0'').',
										   pg_catalog.split_part(held, '.', 1));
	END IF;
END
$adopt$;
