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
