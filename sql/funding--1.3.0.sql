-- funding 1.3.0: the funding type as regionpolicy 1.3.0 held it, taken over
-- by this extension in a database that has regionpolicy 1.3.0
-- (doc/regionpolicy.md, "Moving from 1.x"):
--
--   CREATE EXTENSION funding VERSION '1.3.0' SCHEMA regionpolicy;
--   ALTER EXTENSION funding UPDATE;
--   ALTER EXTENSION regionpolicy UPDATE;
--
-- The type's objects (the types funding and funding_sum_state, their
-- functions, operators, operator classes and families, aggregates and
-- casts) leave regionpolicy and become this extension's, unchanged: every
-- column, index and view of yours keeps them.  The update to 2.0.0 then
-- makes them what a new install of funding 2.0.0 makes.
\echo Use "CREATE EXTENSION funding VERSION '1.3.0' SCHEMA regionpolicy" to load this file. \quit

DO $takeover$
DECLARE
	rp record;
	o record;
	distributed bigint;
	distributed_names text;
BEGIN
	SELECT e.oid, e.extversion, n.nspname, n.oid AS nspoid INTO rp
	  FROM pg_catalog.pg_extension e
	  JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname = 'regionpolicy';
	IF rp.oid IS NULL OR rp.extversion <> '1.3.0' THEN
		RAISE EXCEPTION 'funding 1.3.0 takes the type over from regionpolicy 1.3.0, and this database has %',
				coalesce('regionpolicy ' || rp.extversion, 'no regionpolicy')
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = CASE WHEN rp.oid IS NULL THEN 'Install funding without a version: CREATE EXTENSION funding.'
							  ELSE 'First ALTER EXTENSION regionpolicy UPDATE TO ''1.3.0''.' END;
	END IF;
	-- On Citus, regionpolicy 1.x's tables are the extension's own, and the
	-- move to 2.0 changes them through extension scripts: Citus sends such a
	-- change to the workers as the whole script and refuses it, and it
	-- cannot give an extension's table back to one node (undistribute_table).
	-- So the move is refused here, before anything changes on any node, and
	-- the cluster stays as it is, at 1.3.0 (doc/regionpolicy.md, "Moving
	-- from 1.x").
	IF pg_catalog.to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
		EXECUTE 'SELECT pg_catalog.count(*), pg_catalog.string_agg(c.relname, '', '' ORDER BY c.relname)
				   FROM pg_catalog.pg_dist_partition p
				   JOIN pg_catalog.pg_class c ON c.oid = p.logicalrelid
				  WHERE c.relnamespace = $1'
		   INTO distributed, distributed_names USING rp.nspoid;
		IF distributed > 0 THEN
			RAISE EXCEPTION 'regionpolicy 1.3.0 cannot move to 2.0 in place on a Citus cluster'
				USING ERRCODE = 'feature_not_supported',
					  DETAIL = pg_catalog.format('Citus distributes %s of its tables (%s). The move changes them through the extensions'' scripts, which Citus cannot apply to their shards, and Citus cannot give an extension''s table back to one node.',
												 distributed, distributed_names),
					  HINT = 'Nothing has changed, on any node: the cluster keeps working at 1.3.0 with these packages. See doc/regionpolicy.md, "Moving from 1.x".';
		END IF;
	END IF;
	IF rp.nspname <> pg_catalog.current_schema() THEN
		RAISE EXCEPTION 'funding must take the type over in schema "%", where regionpolicy holds it', rp.nspname
			USING ERRCODE = 'invalid_schema_name',
				  HINT = pg_catalog.format('CREATE EXTENSION funding VERSION ''1.3.0'' SCHEMA %I', rp.nspname);
	END IF;
	FOR o IN
		SELECT CASE d.classid
				 WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
					pg_catalog.format('TYPE %s', d.objid::pg_catalog.regtype)
				 WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
					pg_catalog.format(CASE p.prokind WHEN 'a' THEN 'AGGREGATE %s' ELSE 'FUNCTION %s' END,
									  d.objid::pg_catalog.regprocedure)
				 WHEN 'pg_catalog.pg_operator'::pg_catalog.regclass THEN
					pg_catalog.format('OPERATOR %I.%s (%s, %s)', rp.nspname, op.oprname,
									  coalesce(pg_catalog.format_type(NULLIF(op.oprleft, 0), NULL), 'NONE'),
									  pg_catalog.format_type(op.oprright, NULL))
				 WHEN 'pg_catalog.pg_opclass'::pg_catalog.regclass THEN
					pg_catalog.format('OPERATOR CLASS %I.%I USING %I', rp.nspname, oc.opcname, oca.amname)
				 WHEN 'pg_catalog.pg_opfamily'::pg_catalog.regclass THEN
					pg_catalog.format('OPERATOR FAMILY %I.%I USING %I', rp.nspname, of.opfname, ofa.amname)
				 WHEN 'pg_catalog.pg_cast'::pg_catalog.regclass THEN
					pg_catalog.format('CAST (%s AS %s)', pg_catalog.format_type(c.castsource, NULL),
									  pg_catalog.format_type(c.casttarget, NULL))
			   END AS what
		  FROM pg_catalog.pg_depend d
		  LEFT JOIN pg_catalog.pg_type t ON d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.objid
		  LEFT JOIN pg_catalog.pg_proc p ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = d.objid
		  LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang
		  LEFT JOIN pg_catalog.pg_operator op ON d.classid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND op.oid = d.objid
		  LEFT JOIN pg_catalog.pg_opclass oc ON d.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND oc.oid = d.objid
		  LEFT JOIN pg_catalog.pg_am oca ON oca.oid = oc.opcmethod
		  LEFT JOIN pg_catalog.pg_opfamily of ON d.classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND of.oid = d.objid
		  LEFT JOIN pg_catalog.pg_am ofa ON ofa.oid = of.opfmethod
		  LEFT JOIN pg_catalog.pg_cast c ON d.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND c.oid = d.objid
		 WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
		   AND d.refobjid = rp.oid AND d.deptype = 'e'
		   AND (t.typname IN ('funding', 'funding_sum_state')
				OR op.oid IS NOT NULL OR oc.oid IS NOT NULL OR of.oid IS NOT NULL OR c.oid IS NOT NULL
				OR p.prokind = 'a'
				OR (l.lanname = 'c' AND p.prosrc NOT LIKE 'allocation\_%')
				OR p.oid = ANY (ARRAY[pg_catalog.to_regprocedure(pg_catalog.format('%I.funding_text(%I.funding, text, integer)', rp.nspname, rp.nspname)),
									  pg_catalog.to_regprocedure(pg_catalog.format('%I.funding(text, text, text)', rp.nspname)),
									  pg_catalog.to_regprocedure(pg_catalog.format('%I.plain_number(text, text)', rp.nspname))]::pg_catalog.oid[]))
		 ORDER BY d.classid, d.objid
	LOOP
		EXECUTE 'ALTER EXTENSION regionpolicy DROP ' || o.what;
		EXECUTE 'ALTER EXTENSION funding ADD ' || o.what;
	END LOOP;
END
$takeover$;
