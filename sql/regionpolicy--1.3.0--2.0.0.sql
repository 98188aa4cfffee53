-- regionpolicy 1.3.0 to 2.0.0.  Made by make from
-- sql/upgrade/regionpolicy--1.3.0.sql and sql/regionpolicy/01_install_data.sql:
-- edit those.
--
-- From 2.0.0 the extension funding holds the type (doc/regionpolicy.md,
-- "Moving from 1.x"): it must have taken the type over, in this schema,
-- before this update.  Nothing else of the schema changes but the loader
-- of the shipped reference rows, now data files.
\echo Use "ALTER EXTENSION regionpolicy UPDATE" to load this file. \quit

DO $funding$
BEGIN
	IF NOT EXISTS (SELECT 1
					 FROM pg_catalog.pg_depend d
					 JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'funding'
					WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
					  AND d.objid = '@extschema@.funding'::pg_catalog.regtype
					  AND d.deptype = 'e') THEN
		RAISE EXCEPTION 'the type @extschema@.funding is still regionpolicy''s'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  DETAIL = 'From 2.0.0 the extension funding holds the type; it has not taken it over.',
				  HINT = 'DROP EXTENSION funding if it was installed elsewhere, then: CREATE EXTENSION funding VERSION ''1.3.0'' SCHEMA @extschema@; ALTER EXTENSION funding UPDATE; ALTER EXTENSION regionpolicy UPDATE;';
	END IF;
END
$funding$;

-- A shipped figure that regionpolicy 1.0.0 wrote with an en dash and
-- 1.3.0's install with the press release's tilde: one spelling, the
-- release's, as a new install loads it (sql/data/committee_figure.tsv).
ALTER TABLE @extschema@.committee_figure DISABLE TRIGGER reference_guard;
UPDATE @extschema@.committee_figure SET period = '2018~2022'
 WHERE key = 'clusters_2018_2022' AND shipped AND period = U&'2018\20132022';
ALTER TABLE @extschema@.committee_figure ENABLE TRIGGER reference_guard;

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
