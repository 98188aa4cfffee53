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
